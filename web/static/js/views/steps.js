// The steps a person may take on a case now (GET /cases/{id}/actions): an event to send or a
// task to complete, each with its form. Shared by the case file and "Moje úkoly".
import { api, idempotencyKey } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { draftKey, hasDraft, stepForm } from '../form.js';

export async function actionsOf(caseId) {
  const body = await api.get(`/cases/${encodeURIComponent(caseId)}/actions`);
  return body.actions;
}

const actionKey = (action) => (action.kind === 'task' ? `task:${action.task_id}` : `event:${action.type}`);

// Where a step's unsent form waits: per user, case and step (a task by its id).
export const actionDraft = (caseId, action) => draftKey(`case:${caseId}`, actionKey(action));

export const hasActionDraft = (caseId, action) => hasDraft(actionDraft(caseId, action));

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

// The form of one step; a step without fields asks for confirmation instead.
export function actionForm(caseId, action, { onDone, onCancel, onReload, reloadLabel }) {
  const task = action.kind === 'task';
  const hasFields = (action.form?.fields ?? []).length > 0;
  return stepForm({
    title: action.title,
    form: action.form,
    draft: actionDraft(caseId, action),
    confirm: t(task ? 'task_confirm' : 'step_confirm', { title: action.title }),
    submitLabel: hasFields ? t('send') : t(task ? 'task_finish' : 'step_record'),
    lead: task && action.due_text ? h('p', { class: 'hint' }, `${t('due')}: ${action.due_text}`) : [],
    send: (payload) => send(caseId, action, payload),
    onDone, onCancel, onReload, reloadLabel,
  });
}
