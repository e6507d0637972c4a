// The steps a person may take on a case now (GET /cases/{id}/actions): an event to send or a
// task to complete, each with its form. Shared by the case file, "Moje úkoly" and the conference
// screen. The form open last is remembered (per user, in sessionStorage) until it is sent or
// cancelled, so that the screen opens it again after a new sign-in, its draft filled in.
import { api, idempotencyKey } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { draftKey, hasDraft, stepForm } from '../form.js';
import { user } from '../session.js';

export async function actionsOf(caseId) {
  const body = await api.get(`/cases/${encodeURIComponent(caseId)}/actions`);
  return body.actions;
}

// "task:12" or "event:intake.assigned": a step's name on this screen.
export const stepKey = (action) => (action.kind === 'task' ? `task:${action.task_id}` : `event:${action.type}`);

// Where a step's unsent form waits: per user, case and step (a task by its id).
const actionDraft = (caseId, action) => draftKey(`case:${caseId}`, stepKey(action));

export const hasActionDraft = (caseId, action) => hasDraft(actionDraft(caseId, action));

const openKey = 'souhra.open-step';

// The form open on a screen: {screen: "case" | "tasks" | "conference", caseId, step, taskId?}
// (taskId: opened under that task in "Moje úkoly").
function rememberOpen(where) {
  sessionStorage.setItem(openKey, JSON.stringify({ login: user()?.login ?? '', ...where }));
}

function forgetOpen() { sessionStorage.removeItem(openKey); }

// The form left open by this user that `wanted(record)` accepts, taken (forgotten) once; or null.
export function takeOpen(wanted) {
  let record = null;
  try { record = JSON.parse(sessionStorage.getItem(openKey) ?? 'null'); } catch { /* none */ }
  if (!record || record.login !== (user()?.login ?? '') || !wanted(record)) return null;
  forgetOpen();
  return record;
}

function send(caseId, action, payload) {
  if (action.kind === 'task') {
    return api.post(`/tasks/${encodeURIComponent(action.task_id)}/complete`, { result: payload });
  }
  return api.post(`/cases/${encodeURIComponent(caseId)}/events`, {
    type: action.type, payload, idempotency_key: idempotencyKey(),
  });
}

// What the UI says once the step went through.
export const doneMessage = (action) => t(action.kind === 'task' ? 'task_completed' : 'step_recorded', { title: action.title });

// The form of one step (a step without fields asks for confirmation instead), remembered as open
// until it is sent or cancelled. `where` is stored with it ({screen, taskId?}).
export function actionForm(caseId, action, { onDone, onCancel, onReload, reloadLabel, where = {} }) {
  const task = action.kind === 'task';
  const hasFields = (action.form?.fields ?? []).length > 0;
  rememberOpen({ ...where, caseId: String(caseId), step: stepKey(action) });
  return stepForm({
    title: action.title,
    form: action.form,
    draft: actionDraft(caseId, action),
    confirm: t(task ? 'task_confirm' : 'step_confirm', { title: action.title }),
    submitLabel: hasFields ? t('send') : t(task ? 'task_finish' : 'step_record'),
    send: (payload) => send(caseId, action, payload),
    onDone: () => { forgetOpen(); onDone(action); },
    onCancel: () => { forgetOpen(); onCancel(); },
    onReload,
    reloadLabel,
  });
}

let listCount = 0;

// A button per step and, below them, the form of the one pressed; a step that does a task shows
// the task's due time. `open(step)` opens a step by its stepKey.
export function stepList(caseId, actions, { onDone, onReload, reloadLabel, where = {} }) {
  const panel = h('div', { id: `step-panel-${++listCount}`, class: 'step-panel' });
  let openButton = null;
  const close = () => {
    panel.replaceChildren();
    openButton?.setAttribute('aria-expanded', 'false');
    openButton?.focus();
    openButton = null;
  };
  const open = (action, button) => {
    openButton?.setAttribute('aria-expanded', 'false');
    openButton = button;
    button.setAttribute('aria-expanded', 'true');
    const form = actionForm(caseId, action, {
      onDone,
      onCancel: () => { button.querySelector('.pill.draft')?.remove(); close(); },
      onReload, reloadLabel, where,
    });
    panel.replaceChildren(form.el);
    form.focus();
  };
  const buttons = actions.map((action) => {
    const button = h('button', {
      type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': panel.id, 'data-step': stepKey(action),
    }, action.title, hasActionDraft(caseId, action) ? h('span', { class: 'pill draft' }, t('action_draft')) : null);
    button.addEventListener('click', () => open(action, button));
    return { action, button };
  });
  const el = h('div', {}, h('ul', { class: 'step-actions' }, buttons.map(({ action, button }) => h('li', {}, button,
    action.due_text ? h('span', { class: 'hint' }, ` ${t('due')}: ${action.due_text}`) : null))), panel);
  return {
    el,
    open(step) {
      const found = buttons.find((b) => stepKey(b.action) === step);
      if (found) open(found.action, found.button);
    },
  };
}
