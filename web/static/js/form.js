// Forms the workflows declare for their steps (docs: GET /cases/{id}/actions): drawn from the
// form's JSON, read back as the step's payload, checked for the obvious (required, lengths,
// limits, rows) before sending — the server stays the judge — with the server's per-field errors
// shown beside their fields. What a person types is kept as a draft in sessionStorage until the
// step is sent, so an expired session costs them nothing.
import { explain, h } from './dom.js';
import { t } from './i18n.js';
import { user } from './session.js';

// ---- drafts -------------------------------------------------------------------------------

const draftPrefix = 'souhra.draft.';

// The draft key of one form: the signed-in user, then whatever names the form (case and step).
export function draftKey(...parts) {
  return [user()?.login ?? '', ...parts].join('|');
}

export function loadDraft(key) {
  try {
    const stored = JSON.parse(sessionStorage.getItem(draftPrefix + key) ?? 'null');
    return stored && typeof stored === 'object' ? stored : null;
  } catch {
    return null;
  }
}

export function hasDraft(key) { return loadDraft(key) !== null; }

function saveDraft(key, values) { sessionStorage.setItem(draftPrefix + key, JSON.stringify(values)); }

export function clearDraft(key) { sessionStorage.removeItem(draftPrefix + key); }

// ---- fields -------------------------------------------------------------------------------

let formCount = 0;
const controlId = (prefix, path) => `${prefix}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const isEmpty = (raw) => raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && !raw.length);
const codePoints = (text) => [...text].length;

function labelText(field) {
  return [field.label, field.required
    ? h('span', { class: 'required' }, h('span', { 'aria-hidden': 'true' }, ' *'),
      h('span', { class: 'visually-hidden' }, ` (${t('form_required')})`))
    : null];
}

// One field's node: its element and how to read, check, mark and focus it. `targets` are the
// controls that get aria-describedby and aria-invalid.
function fieldNode(field, path, prefix, raw) {
  const id = controlId(prefix, path);
  const help = field.help ? h('p', { id: `${id}-help`, class: 'hint field-help' }, field.help) : null;
  const error = h('p', { id: `${id}-error`, class: 'field-error' });
  const build = builders[field.type] ?? builders.text;
  const { el, targets, read, children } = build(field, { id, path, prefix, raw, labelText: labelText(field) });
  const describe = (withError) => {
    const ids = [help ? help.id : null, withError ? error.id : null].filter(Boolean).join(' ');
    for (const target of targets()) {
      if (ids) target.setAttribute('aria-describedby', ids); else target.removeAttribute('aria-describedby');
    }
  };
  el.classList.add('field');
  el.dataset.path = path;
  el.append(...[help, error].filter(Boolean));
  describe(false);
  const node = {
    field, path, el,
    raw: read,
    value: () => toPayload(field, read(), children),
    check: (problems) => checkField(node, children, problems),
    showError(message) {
      error.textContent = message;
      for (const target of targets()) target.setAttribute('aria-invalid', 'true');
      describe(true);
    },
    clearError() {
      error.textContent = '';
      for (const target of targets()) target.removeAttribute('aria-invalid');
      describe(false);
    },
    focus: () => targets()[0]?.focus(),
    anchor: () => targets()[0]?.id ?? id,
    nodes: () => [node, ...(children ? children().flatMap((c) => c.nodes()) : [])],
  };
  return node;
}

// What the server receives for a field, or undefined for an empty one (left out of the payload).
function toPayload(field, raw, children) {
  if (field.type === 'rows') {
    const rows = children().map((row) => row.value());
    return rows.length ? rows : undefined;
  }
  if (field.type === 'group') {
    return Object.fromEntries(children().map((n) => [n.field.name, n.value()]).filter(([, v]) => v !== undefined));
  }
  if (isEmpty(raw)) return undefined;
  switch (field.type) {
    case 'text': case 'long_text': case 'place': case 'link': return raw.trim() === '' ? undefined : raw.trim();
    case 'number': return Number(raw);
    case 'datetime': {
      const time = new Date(raw);  // a datetime-local value: local time
      return Number.isNaN(time.getTime()) ? raw : time.toISOString();
    }
    case 'yes_no': return raw === 'yes';
    default: return raw;
  }
}

function checkField(node, children, problems) {
  const { field, path } = node;
  const raw = node.raw();
  const value = node.value();
  const problem = (message) => problems.push({ field: path, message });
  if (field.type === 'group') {
    for (const n of children()) n.check(problems);
    return;
  }
  if (field.type === 'rows') {
    const count = value?.length ?? 0;
    if (field.required && !count) problem(t('form_err_rows_required'));
    else if (field.min_rows !== undefined && count < field.min_rows) problem(t('form_err_min_rows', { n: field.min_rows }));
    else if (field.max_rows !== undefined && count > field.max_rows) problem(t('form_err_max_rows', { n: field.max_rows }));
    for (const row of children()) row.check(problems);
    return;
  }
  if (value === undefined) {
    if (field.required) problem(t('form_err_required'));
    return;
  }
  if (['text', 'long_text', 'place', 'link'].includes(field.type) && field.max_length !== undefined && codePoints(value) > field.max_length) {
    problem(t('form_err_max_length', { n: field.max_length, now: codePoints(value) }));
  }
  if (field.type === 'link' && !/^https?:\/\/[^/\s][^\s]*$/.test(value)) problem(t('form_err_link'));
  if (field.type === 'number') {
    if (String(raw).trim() === '' || !Number.isFinite(value)) problem(t('form_err_number'));
    else if (field.integer && !Number.isInteger(value)) problem(t('form_err_integer'));
    else if (field.min !== undefined && value < field.min) problem(t('form_err_min', { n: field.min }));
    else if (field.max !== undefined && value > field.max) problem(t('form_err_max', { n: field.max }));
  }
  if (field.type === 'datetime' && Number.isNaN(new Date(raw).getTime())) problem(t('form_err_datetime'));
}

const optionValues = (field) => (field.options ?? []).map((o) => o.value);

// A single control under its <label for>.
function single(control, { id, labelText: text }) {
  control.id = id;
  return { el: h('div', {}, h('label', { for: id }, text), control), targets: () => [control] };
}

// Radio buttons or checkboxes in a fieldset whose legend is the field's label.
function group(type, name, options, chosen, { id, labelText: text }) {
  const inputs = options.map((o, i) => h('input', {
    type, id: `${id}-${i}`, name, value: o.value, checked: chosen.includes(o.value),
  }));
  const el = h('fieldset', { id, class: `options ${type}` }, h('legend', {}, text),
    options.map((o, i) => h('label', { class: 'check', for: inputs[i].id }, inputs[i], o.label)));
  return { el, inputs, targets: () => inputs };
}

function select(field, options, raw, ctx) {
  const control = h('select', { required: field.required },
    h('option', { value: '' }, t('form_choose')),
    options.map((o) => h('option', { value: o.value, selected: o.value === raw }, o.label)));
  return { ...single(control, ctx), read: () => control.value };
}

const builders = {
  text(field, ctx) {
    const control = h('input', { type: 'text', required: field.required, value: typeof ctx.raw === 'string' ? ctx.raw : '' });
    return { ...single(control, ctx), read: () => control.value };
  },
  place(field, ctx) {
    return builders.text(field, ctx);
  },
  link(field, ctx) {
    const control = h('input', { type: 'url', inputmode: 'url', required: field.required, value: typeof ctx.raw === 'string' ? ctx.raw : '' });
    return { ...single(control, ctx), read: () => control.value };
  },
  long_text(field, ctx) {
    const control = h('textarea', { rows: 4, required: field.required });
    control.value = typeof ctx.raw === 'string' ? ctx.raw : '';
    return { ...single(control, ctx), read: () => control.value };
  },
  number(field, ctx) {
    const control = h('input', {
      type: 'number', inputmode: field.integer ? 'numeric' : 'decimal', required: field.required,
      min: field.min, max: field.max, step: field.integer ? 1 : 'any', value: typeof ctx.raw === 'string' ? ctx.raw : '',
    });
    // What the browser cannot read as a number it reports as '': keep it visible to the check.
    return { ...single(control, ctx), read: () => (control.validity.badInput ? 'NaN' : control.value) };
  },
  date(field, ctx) {
    const control = h('input', { type: 'date', required: field.required, value: typeof ctx.raw === 'string' ? ctx.raw : '' });
    return { ...single(control, ctx), read: () => control.value };
  },
  datetime(field, ctx) {
    const control = h('input', { type: 'datetime-local', required: field.required, value: typeof ctx.raw === 'string' ? ctx.raw : '' });
    return { ...single(control, ctx), read: () => control.value };
  },
  yes_no(field, ctx) {
    const options = [{ value: 'yes', label: t('yes') }, { value: 'no', label: t('no') }];
    const built = group('radio', ctx.id, options, [ctx.raw], ctx);
    return { ...built, read: () => built.inputs.find((i) => i.checked)?.value ?? '' };
  },
  choice(field, ctx) {
    const options = field.options ?? [];
    if (!field.required || options.length > 4) return select(field, options, ctx.raw, ctx);
    const built = group('radio', ctx.id, options, [ctx.raw], ctx);
    return { ...built, read: () => built.inputs.find((i) => i.checked)?.value ?? '' };
  },
  choices(field, ctx) {
    const chosen = Array.isArray(ctx.raw) ? ctx.raw : [];
    const built = group('checkbox', ctx.id, field.options ?? [], chosen, ctx);
    // Keeps the options' order, whatever order they were ticked in.
    return { ...built, read: () => optionValues(field).filter((v) => built.inputs.find((i) => i.value === v)?.checked) };
  },
  user(field, ctx) { return select(field, field.options ?? [], ctx.raw, ctx); },
  actor(field, ctx) { return select(field, field.options ?? [], ctx.raw, ctx); },
  rows: rowsBuilder,
  // The UI's own grouping (not a server field type): fields under a path prefix, no frame.
  group(field, ctx) {
    const values = ctx.raw && typeof ctx.raw === 'object' ? ctx.raw : {};
    const nodes = field.fields.map((f) => fieldNode(f, `${ctx.path}.${f.name}`, ctx.prefix, values[f.name]));
    return {
      el: h('div', { class: 'field-group' }, nodes.map((n) => n.el)),
      targets: () => [],
      read: () => Object.fromEntries(nodes.map((n) => [n.field.name, n.raw()])),
      children: () => nodes,
    };
  },
};

// A list of rows, each a fieldset with the row's fields; rows are added and removed within
// min_rows..max_rows, and renumbered (ids and paths "steps.2.due") after each change.
function rowsBuilder(field, ctx) {
  const min = field.min_rows ?? 0;
  const max = field.max_rows ?? Infinity;
  let rows = [];
  const list = h('ol', { class: 'rows' });
  const add = h('button', { type: 'button', class: 'secondary' }, t('form_add_row'));
  const el = h('fieldset', { id: ctx.id, class: 'rows-field', tabindex: '-1' }, h('legend', {}, ctx.labelText), list, h('div', { class: 'actions' }, add));

  const rowNode = (values, index) => {
    const path = `${ctx.path}.${index + 1}`;
    const id = controlId(ctx.prefix, path);
    const nodes = field.fields.map((f) => fieldNode(f, `${path}.${f.name}`, ctx.prefix, values?.[f.name]));
    const remove = h('button', { type: 'button', class: 'secondary' }, t('form_remove_row'));
    remove.setAttribute('aria-label', t('form_remove_row_n', { n: index + 1 }));
    remove.addEventListener('click', () => {
      const kept = readRows().filter((_, i) => i !== index);
      draw(kept);
      (list.querySelector('input, select, textarea') ?? add).focus();
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const error = h('p', { id: `${id}-error`, class: 'field-error' });
    const rowEl = h('li', {}, h('fieldset', { id, class: 'row', 'data-path': path },
      h('legend', {}, t('form_row', { n: index + 1 })), nodes.map((n) => n.el), error, h('div', { class: 'actions' }, remove)));
    const row = {
      path, el: rowEl, remove, field: { name: String(index + 1), label: t('form_row', { n: index + 1 }) },
      raw: () => Object.fromEntries(nodes.map((n) => [n.field.name, n.raw()])),
      value: () => Object.fromEntries(nodes.map((n) => [n.field.name, n.value()]).filter(([, v]) => v !== undefined)),
      check: (problems) => nodes.forEach((n) => n.check(problems)),
      showError(message) { error.textContent = message; },
      clearError() { error.textContent = ''; },
      focus: () => nodes[0]?.focus(),
      anchor: () => id,
      nodes: () => [row, ...nodes.flatMap((n) => n.nodes())],
    };
    return row;
  };
  const readRows = () => rows.map((r) => r.raw());
  const draw = (values) => {
    rows = [];
    for (const v of values) rows.push(rowNode(v, rows.length));
    list.replaceChildren(...rows.map((r) => r.el));
    for (const row of rows) row.remove.disabled = rows.length <= min;
    add.disabled = rows.length >= max;
  };
  add.addEventListener('click', () => {
    draw([...readRows(), {}]);
    rows.at(-1).focus();
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const initial = Array.isArray(ctx.raw) ? ctx.raw : [];
  draw(initial.length ? initial : Array.from({ length: min }, () => ({})));
  return { el, targets: () => [el], read: readRows, children: () => rows };
}

// The fields of `form` ({fields: […]} or null) with the draft `values` filled in. Reads the
// payload (empty optional fields left out), checks it, and marks errors by path.
export function formFields(form, { values = {} } = {}) {
  const prefix = `f${++formCount}`;
  const nodes = (form?.fields ?? []).map((f) => fieldNode(f, f.name, prefix, values?.[f.name]));
  const all = () => nodes.flatMap((n) => n.nodes());
  return {
    el: h('div', { class: 'form-fields' }, nodes.map((n) => n.el)),
    empty: nodes.length === 0,
    raw: () => Object.fromEntries(nodes.map((n) => [n.field.name, n.raw()])),
    payload: () => Object.fromEntries(nodes.map((n) => [n.field.name, n.value()]).filter(([, v]) => v !== undefined)),
    check() {
      const problems = [];
      for (const n of nodes) n.check(problems);
      return problems;
    },
    clearErrors() { for (const n of all()) n.clearError(); },
    // The node a server path names ("steps.2.due"), or the nearest enclosing one, or null.
    find(path) {
      const parts = String(path ?? '').split('.');
      while (parts.length && parts[0] !== '') {
        const found = all().find((n) => n.path === parts.join('.'));
        if (found) return found;
        parts.pop();
      }
      return null;
    },
    labelOf(node) {
      const chain = [];
      for (let parts = node.path.split('.'); parts.length; parts.pop()) {
        const n = all().find((x) => x.path === parts.join('.'));
        if (n) chain.unshift(n.field.label);
      }
      return chain.join(' › ');
    },
  };
}

// ---- a form that sends a step ----------------------------------------------------------------

// A <form> for one step: heading, the fields (or the `confirm` question when the form has none),
// the error summary, "Odeslat"/"Zrušit". `send(payload)` does the request; `onDone(answer)` runs
// after it succeeded (the draft is gone by then), `onCancel` after "Zrušit" (the draft is
// dropped), and `onReload` is offered when the server says the case changed meanwhile (409).
export function stepForm({ title, form, draft, confirm, submitLabel, send, onDone, onCancel, onReload, reloadLabel, headingLevel = 'h3' }) {
  const saved = loadDraft(draft);
  const fields = formFields(form, { values: saved ?? {} });
  const headingId = `step-title-${++formCount}`;
  const summary = h('div', { class: 'form-summary', role: 'alert', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit' }, submitLabel ?? t('send'));
  const cancel = h('button', { type: 'button', class: 'secondary' }, t('cancel'));
  const el = h('form', { class: 'card step-form', novalidate: true, 'aria-labelledby': headingId },
    h(headingLevel, { id: headingId }, title),
    fields.empty ? h('p', { class: 'confirm-question' }, confirm) : h('p', { class: 'hint' }, t('form_required_note')),
    saved && !fields.empty ? h('p', { class: 'hint draft-note' }, t('form_draft_restored')) : null,
    summary,
    fields.el,
    h('div', { class: 'actions' }, submit, cancel));
  const keep = () => { if (!fields.empty) saveDraft(draft, fields.raw()); };
  el.addEventListener('input', keep);
  el.addEventListener('change', keep);
  cancel.addEventListener('click', () => { clearDraft(draft); onCancel?.(); });

  const showSummary = (message, items = [], action = null) => {
    summary.replaceChildren(...[h('p', {}, message), items.length ? h('ul', {}, items) : null, action].filter(Boolean));
    summary.hidden = false;
  };
  // Marks each error at its field; those no field takes are listed in the summary.
  const showFieldErrors = (message, errors) => {
    const items = [];
    let first = null;
    for (const { field, message: text } of errors) {
      const node = fields.find(field);
      if (!node) { items.push(h('li', {}, text)); continue; }
      node.showError(text);
      first ??= node;
      const link = h('a', { href: `#${node.anchor()}` }, `${fields.labelOf(node)}: ${text}`);
      link.addEventListener('click', (event) => { event.preventDefault(); node.focus(); });
      items.push(h('li', {}, link));
    }
    showSummary(message, items);
    if (first) first.focus(); else summary.focus();
  };

  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    fields.clearErrors();
    summary.hidden = true;
    const problems = fields.check();
    if (problems.length) { showFieldErrors(t('form_fix_fields'), problems); return; }
    submit.disabled = true;
    try {
      const answer = await send(fields.payload());
      clearDraft(draft);
      onDone?.(answer);
    } catch (error) {
      // 401: the app goes to the sign-in; the draft waits for this form to open again.
      if (error?.status === 401) { keep(); return; }
      if (error?.status === 400 && error.fields?.length) { showFieldErrors(t('form_fix_fields'), error.fields); return; }
      const reload = error?.status === 409 && onReload
        ? h('button', { type: 'button', class: 'secondary', onclick: onReload }, reloadLabel ?? t('form_reload_case'))
        : null;
      showSummary(stepError(error), [], reload);
      summary.focus();
    } finally {
      submit.disabled = false;
    }
  });
  return { el, focus: () => (el.querySelector('input, select, textarea') ?? submit).focus() };
}

// The message for a step the server refused: its own Czech sentence for a refused step (403:
// who takes it; 409: the stage the case is in), else the UI's sentence for the status.
export function stepError(error) {
  if (error?.status === 403 && (error.code === 'csrf_missing' || error.code === 'csrf_mismatch')) return t('err_csrf');
  if (error?.status === 403) return error.said || t('err_403');
  if (error?.status === 409) return error.said || t('form_conflict');
  return explain(error);
}
