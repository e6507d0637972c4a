// Pieces several screens draw the same way: a due date with its explanation, a case link, an
// empty-list line, a table.
import { h, timeEl, toDate } from '../dom.js';
import { t } from '../i18n.js';

export function caseIdOf(item) { return item.case_id ?? item.case?.id; }
export function caseCodeOf(item) { return item.case_code ?? item.case?.code ?? caseIdOf(item); }

export function caseLink(item) {
  const id = caseIdOf(item);
  if (id === undefined || id === null) return h('span', {}, t('none'));
  return h('a', { href: `#/cases/${encodeURIComponent(id)}` }, t('case_code', { code: caseCodeOf(item) }));
}

export function dueOf(item) { return item.due ?? item.due_at ?? item.due_time ?? item.at; }

// The explanation of how a due date was computed, whatever shape the server gives it.
export function explanationText(item) {
  const e = item.due_explanation ?? item.explanation ?? item.due_why;
  if (!e) return '';
  if (typeof e === 'string') return e;
  if (Array.isArray(e)) return e.map((x) => (typeof x === 'string' ? x : x.text ?? JSON.stringify(x))).join('\n');
  return e.text ?? e.summary ?? JSON.stringify(e);
}

export function dueClass(value) {
  const d = toDate(value);
  if (!d) return '';
  const now = new Date();
  if (d < now) return 'overdue';
  if (d.toDateString() === now.toDateString()) return 'today';
  return '';
}

export function dueLine(item) {
  const due = dueOf(item);
  const why = explanationText(item);
  return h('div', { class: 'due-line' },
    h('span', { class: `due ${dueClass(due)}` }, `${t('due')}: `, timeEl(due)),
    why ? h('details', { class: 'explain' }, h('summary', {}, t('due_why')), h('p', { class: 'hint pre-line' }, why)) : null);
}

export function emptyLine(key) { return h('p', { class: 'empty' }, t(key)); }

export function table(headers, rows, caption) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    caption ? h('caption', { class: 'hint' }, caption) : null,
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c) => h('td', {}, c)))))));
}
