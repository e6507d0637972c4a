// Small helpers shared by the screens: building elements, dates in Czech, and the two live
// regions (status for successes, alert for failures) every message goes through.
import { language, t } from './i18n.js';

// h('button', {class: 'x', onclick: fn}, 'text', child…): an element with attributes and children.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) { el.replaceChildren(); return el; }

function locale() { return language() === 'en' ? 'en-GB' : 'cs-CZ'; }

export function toDate(value) {
  if (value === undefined || value === null || value === '') return null;
  const d = typeof value === 'number' ? new Date(value < 1e12 ? value * 1000 : value) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDateTime(value) {
  const d = toDate(value);
  if (!d) return value ? String(value) : t('none');
  return d.toLocaleString(locale(), { day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function formatDate(value) {
  const d = toDate(value);
  if (!d) return value ? String(value) : t('none');
  return d.toLocaleDateString(locale(), { day: 'numeric', month: 'numeric', year: 'numeric' });
}

export function timeEl(value, withTime = true) {
  const d = toDate(value);
  return h('time', { datetime: d ? d.toISOString() : undefined }, withTime ? formatDateTime(value) : formatDate(value));
}

const status = () => document.getElementById('status');
const alertBox = () => document.getElementById('alert');

export function say(message) {
  alertBox().textContent = '';
  status().textContent = message;
}

export function warn(message) {
  status().textContent = '';
  alertBox().textContent = message;
}

export function clearMessages() {
  status().textContent = '';
  alertBox().textContent = '';
}

// Turns an ApiError into the message the user needs; 401 is handled by the app (sign-in).
export function explain(error) {
  if (!error || error.status === undefined) return t('err_generic', { msg: error?.message ?? error });
  if (error.status === 0) return t('err_network');
  // Every message the API answers is a Czech sentence for people: shown as it is.
  const words = error.said ?? '';
  if (error.status === 403) return `${t('err_403')} ${words}`.trim();
  // Without the API's own answer the route itself is not there (yet); a handler's 404 says what
  // it did not find.
  if (error.status === 404) return words ? `${t('err_404')} ${words}` : t('err_missing', { what: error.path });
  if (error.status === 405 || error.status === 501) return t('err_missing', { what: error.path });
  if (error.status === 422 && (error.code === 'script_error' || error.code === 'resource_exhausted')) return withRequestId(t('err_script'), error);
  if (error.status === 409 || error.status === 422) return words ? t('refused', { msg: words }) : t('err_conflict');
  // The server's own words for a failure are for its log, not for the user.
  if (error.status === 503) return withRequestId(t('err_unavailable'), error);
  if (error.status >= 500) return withRequestId(t('err_server'), error);
  return words ? t('err_generic', { msg: words }) : withRequestId(t('err_bad_request'), error);
}

function withRequestId(text, error) {
  return error.requestId ? `${text} ${t('err_server_id', { id: error.requestId })}` : text;
}

export function report(error) {
  if (error?.status === 401) return;
  warn(explain(error));
}

// A section with a heading that screen readers can navigate to.
export function section(title, ...children) {
  const id = `s-${Math.random().toString(36).slice(2, 8)}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

// An area that says what is missing when its endpoint fails, instead of failing the screen.
export async function loadInto(container, load, draw) {
  clear(container).append(h('p', { class: 'hint' }, t('loading')));
  try {
    const data = await load();
    clear(container);
    draw(container, data);
  } catch (error) {
    clear(container).append(h('p', { class: 'alert-inline', role: 'note' }, explain(error)));
    if (error?.status === 401) throw error;
  }
}
