// The definition editor: a textarea with line numbers that is validated as one types (errors
// shown at their lines), drafts, the state diagram with instance counts, scenario runs on the
// draft, the diff against the active version, and activation.
import { api, listOf } from '../api.js';
import { clear, h, loadInto, report, say, section, explain } from '../dom.js';
import { t } from '../i18n.js';
import { emptyLine, table } from './common.js';
import { instancesOf, savedByOf, shortVersion, statusOf, statusPill, versionId } from './definitions.js';

const skeleton = `return workflow {
  name = "novy_postup",
  title = "Nový postup",
  params = { },
  initial = "start",
  states = {
    start = {
      title = "Začátek",
      on = { ["case.closed"] = { go = "done" } },
    },
    done = { title = "Ukončeno", final = true },
  },
}
`;

function scenarioFor(name, path) {
  return `scenario {
  name = "Zkouška konceptu",
  tenant = "demo",
  start = "2026-04-02T10:00:00+02:00",
  definitions = { "${path || `workflows/${name}.lua`}" },
}

case { code = "K-SIM-0001", workflow = "${name}" }
advance "10 working days"
send { "case.closed" }
`;
}

export async function showEditor(main, ctx, name) {
  let detail = {};
  if (name) {
    try {
      detail = await api.get(`/definitions/${encodeURIComponent(name)}`);
    } catch (error) {
      if (error.status === 401) throw error;
      // Without the detail endpoint the list still has the active source.
      const all = listOf(await api.get('/definitions'), 'definitions');
      detail = all.find((d) => d.name === name) ?? {};
      report(error);
    }
  }
  const versions = detail.versions ?? (detail.version ? [{ version: detail.version, status: 'active' }] : []);
  const state = {
    name,
    file: detail.file ?? '',
    kind: '',
    active: versions.find((v) => statusOf(v) === 'active') ?? (detail.version ? { version: detail.version } : null),
    // The newest draft: its text is the one the detail sends (a newer shipped pack's, say).
    draft: versions.filter((v) => statusOf(v) === 'draft').at(-1) ?? null,
  };
  const source = detail.draft_source ?? detail.source ?? (name ? '' : skeleton);

  main.append(h('h1', {}, t('def_editor', { name: name || t('def_new') })));
  const versionsBox = h('div');
  main.append(section(t('def_versions'), versionsBox));
  drawVersions(versionsBox, versions);

  const editor = lineNumberedEditor(source);
  const diagnostics = h('ul', { class: 'diagnostics', id: 'diagnostics', 'aria-live': 'polite' });
  const save = h('button', { type: 'button', id: 'save-draft' }, t('def_save_draft'));
  main.append(section(t('def_source'), editor.root, diagnostics, h('div', { class: 'actions' }, save)));
  const validate = debounce(() => validateSource(editor, diagnostics, state), 400);
  editor.textarea.addEventListener('input', validate);
  if (source) validateSource(editor, diagnostics, state);

  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      const saved = await api.post('/definitions', { file: fileOf(state), source: editor.textarea.value });
      const v = saved.outcome ?? saved.definition ?? saved;
      state.name = v.name ?? state.name;
      const version = { version: versionId(v) };
      // A server without drafts installs the text as the active version at once; say so.
      const message = v.status === 'draft' ? t('def_saved', { v: shortVersion(version) }) : t('def_saved_active', { v: shortVersion(version) });
      if (v.status === 'draft') state.draft = version;
      else { state.active = version; state.draft = null; }
      if (!name && state.name) { ctx.go(`#/definitions/${encodeURIComponent(state.name)}`, message); return; }
      say(message);
      drawTools();
    } catch (error) {
      report(error);
    } finally {
      save.disabled = false;
    }
  });

  const diagramBox = h('div', { class: 'diagram', id: 'diagram' });
  const countsBox = h('div', { id: 'state-counts' });
  const scenarioBox = h('div');
  const diffBox = h('div');
  const activateBox = h('div', { class: 'actions' });
  main.append(section(t('def_diagram'), diagramBox, countsBox), section(t('def_scenario'), scenarioBox),
    section(t('def_diff'), diffBox), activateBox);

  const scenario = h('textarea', { id: 'scenario', rows: 12, class: 'code', spellcheck: 'false' }, scenarioFor(name || 'novy_postup', state.file));
  const run = h('button', { type: 'button', id: 'run-scenario' }, t('def_run'));
  const runResult = h('div', { id: 'scenario-result', 'aria-live': 'polite' });
  scenarioBox.append(h('label', { for: 'scenario' }, t('def_scenario')), scenario, h('div', { class: 'actions' }, run), runResult);
  run.addEventListener('click', () => runScenario(state, scenario.value, runResult, run));

  const showDiff = h('button', { type: 'button', class: 'secondary', id: 'show-diff' }, t('def_show_diff'));
  const diffOut = h('div', { id: 'diff' });
  diffBox.append(h('div', { class: 'actions' }, showDiff), diffOut);
  showDiff.addEventListener('click', () => loadDiff(state, diffOut));

  function drawTools() {
    drawDiagram(diagramBox, countsBox, state, detail);
    clear(activateBox);
    if (state.draft) {
      const v = shortVersion(state.draft);
      activateBox.append(h('button', {
        type: 'button', id: 'activate', class: 'danger',
        onclick: async (event) => {
          if (!window.confirm(t('def_confirm_activate', { v }))) return;
          const button = event.currentTarget;
          button.disabled = true;
          say('');  // the draft's "saved" message is stale now; the outcome replaces it
          try {
            const done = await api.post(`/definitions/${encodeURIComponent(state.name)}/versions/${encodeURIComponent(versionId(state.draft))}/activate`, {});
            const approver = done.request ? t(done.request.approver === 'head' ? 'appr_by_head' : 'appr_by_second') : '';
            ctx.go(`#/definitions/${encodeURIComponent(state.name)}`, done.status === 'pending_approval' ? t('def_pending', { v, approver }) : t('def_activated', { v }));
          } catch (error) { report(error); button.disabled = false; }
        },
      }, t('def_activate', { v })));
    }
  }
  if (name) drawTools();
}

function drawVersions(box, versions) {
  if (!versions.length) { box.append(emptyLine('none')); return; }
  box.append(table([t('col_version'), t('col_status'), t('col_saved_by'), t('col_instances')],
    versions.map((v) => [h('code', { title: versionId(v) }, shortVersion(v)), statusPill(v), savedByOf(v), String(instancesOf(v))])));
}

function lineNumberedEditor(text) {
  const gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' });
  const textarea = h('textarea', { id: 'source', spellcheck: 'false', wrap: 'off', 'aria-describedby': 'diagnostics', 'aria-label': t('def_source') });
  textarea.value = text;
  const root = h('div', { class: 'editor' }, gutter, textarea);
  const editor = { root, gutter, textarea, errors: new Set() };
  editor.renumber = () => {
    const lines = textarea.value.split('\n').length;
    clear(gutter).append(...Array.from({ length: lines }, (_, i) =>
      h('span', { class: editor.errors.has(i + 1) ? 'err' : '', 'data-line': i + 1 }, String(i + 1))));
    gutter.scrollTop = textarea.scrollTop;
  };
  textarea.addEventListener('input', editor.renumber);
  textarea.addEventListener('scroll', () => { gutter.scrollTop = textarea.scrollTop; });
  editor.renumber();
  editor.goToLine = (line) => {
    const lines = textarea.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    textarea.focus();
    textarea.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    textarea.scrollTop = Math.max(0, (line - 3) * 21);
  };
  return editor;
}

// The diagnostics the server gives, each with a line (parsed from "file:14: …" when absent).
function diagnosticsOf(body) {
  const list = body?.errors ?? body?.diagnostics ?? [];
  return list.map((d) => {
    const message = typeof d === 'string' ? d : d.message ?? JSON.stringify(d);
    const line = Number(d.line || (message.match(/:(\d+):/) ?? [])[1] || 0);
    return { line, message };
  });
}

// The file a definition is stored as: its own, or workflows/<name>.lua (rules/ for rule sets).
function fileOf(state) {
  if (state.file) return state.file;
  return `${state.kind === 'rule_set' ? 'rules' : 'workflows'}/${state.name || 'novy_postup'}.lua`;
}

let validation = 0;
async function validateSource(editor, list, state) {
  const mine = ++validation;
  clear(list).append(h('li', { class: 'ok hint' }, t('def_validating')));
  let problems;
  try {
    const body = await api.post('/definitions/validate', { file: fileOf(state), source: editor.textarea.value });
    if (mine === validation && body.name && !state.file) { state.name = body.name; state.kind = body.kind ?? ''; }
    problems = diagnosticsOf(body);
    if ((body.ok === false || body.valid === false) && !problems.length) problems = [{ line: 0, message: body.message ?? '?' }];
  } catch (error) {
    if (mine !== validation) return;
    if (error.status === 400 || error.status === 422) problems = diagnosticsOf({ errors: [error.message] });
    else { clear(list).append(h('li', {}, explain(error))); return; }
  }
  if (mine !== validation) return;
  editor.errors = new Set(problems.map((p) => p.line).filter((n) => n > 0));
  editor.renumber();
  clear(list);
  if (!problems.length) { list.append(h('li', { class: 'ok', id: 'valid' }, t('def_valid'))); return; }
  list.append(h('li', { class: 'hint' }, t('def_invalid', { n: problems.length })));
  for (const p of problems) {
    const text = p.line ? `${t('def_line', { line: p.line })}: ${p.message}` : p.message;
    list.append(h('li', { 'data-line': p.line || undefined },
      p.line ? h('button', { type: 'button', class: 'link-button', onclick: () => editor.goToLine(p.line) }, text) : text));
  }
}

function drawDiagram(box, countsBox, state, detail) {
  const v = state.draft ?? state.active;
  if (!v) { clear(box).append(emptyLine('none')); return; }
  loadInto(box, () => api.getText(`/definitions/${encodeURIComponent(state.name)}/versions/${encodeURIComponent(versionId(v))}/diagram`), (el, svgText) => {
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    const svg = doc.documentElement;
    if (svg.nodeName !== 'svg') { el.append(emptyLine('none')); return; }
    svg.querySelectorAll('script, foreignObject').forEach((n) => n.remove());
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${t('def_diagram')}: ${state.name}`);
    el.append(document.importNode(svg, true));
  }).catch(() => {});
  const counts = detail.states ?? detail.state_counts ?? v.states;
  clear(countsBox);
  if (counts && typeof counts === 'object') {
    countsBox.append(h('div', {}, h('h3', {}, t('def_counts')),
      table([t('col_state'), t('col_instances')], Object.entries(counts).map(([s, n]) => [s, String(n)]))));
  }
}

async function runScenario(state, text, out, button) {
  if (!state.draft && !state.active) { clear(out).append(h('p', { class: 'alert-inline' }, t('def_need_draft'))); return; }
  button.disabled = true;
  clear(out).append(h('p', { class: 'hint' }, t('loading')));
  try {
    const body = { scenario: text };
    if (state.draft) body.version = versionId(state.draft);
    const result = await api.post(`/definitions/${encodeURIComponent(state.name)}/simulate`, body);
    const passed = result.ok ?? result.passed ?? !(result.failures ?? []).length;
    const timeline = result.timeline ?? result.output ?? result.text ?? '';
    clear(out).append(...[
      h('p', { class: passed ? 'pill active' : 'alert-inline', id: 'scenario-verdict' }, t(passed ? 'def_run_ok' : 'def_run_failed')),
      (result.failures ?? []).length ? h('ul', { class: 'diagnostics' }, result.failures.map((f) => h('li', {}, typeof f === 'string' ? f : f.message ?? JSON.stringify(f)))) : null,
      Array.isArray(timeline)
        ? h('ol', { class: 'timeline' }, timeline.map((line) => h('li', {}, typeof line === 'string' ? line : [line.when ?? line.at ?? line.time ?? '', ' ', line.text ?? line.what ?? line.type ?? JSON.stringify(line)])))
        : h('pre', { class: 'diff' }, String(timeline))].filter(Boolean));
  } catch (error) {
    clear(out).append(h('p', { class: 'alert-inline' }, explain(error)));
  } finally {
    button.disabled = false;
  }
}

async function loadDiff(state, out) {
  const from = state.active ? versionId(state.active) : '';
  const to = state.draft ? versionId(state.draft) : '';
  if (!to) { clear(out).append(h('p', { class: 'alert-inline' }, t('def_need_draft'))); return; }
  await loadInto(out, () => api.get(`/definitions/${encodeURIComponent(state.name)}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`), (el, body) => {
    const text = typeof body === 'string' ? body : body.diff ?? body.text ?? '';
    if (!text.trim()) { el.append(emptyLine('def_no_diff')); return; }
    el.append(h('pre', { class: 'diff' }, text.split('\n').map((line) =>
      h('span', { class: line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : '' }, `${line}\n`))));
  }).catch(() => {});
}

function debounce(fn, ms) {
  let timer = 0;
  return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
}
