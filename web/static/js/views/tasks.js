// "Moje úkoly": the open tasks the signed-in user holds (their own and their role's), overdue
// first, then today's, then upcoming. "Vyřídit" opens the task's form (the task's step among its
// case's actions) right in the list. Many tasks are done by a step of the case rather than by a
// form of their own (the head's "Přidělit sociálního pracovníka" by the assignment): a task
// without fields offers the case's steps beside plain completion. The form left open here (e.g.
// by an expired session) opens again.
import { api, listOf } from '../api.js';
import { h, report, section, warn } from '../dom.js';
import { t } from '../i18n.js';
import { caseLink, dueLine, emptyLine } from './common.js';
import { actionForm, actionsOf, doneMessage, stepList, takeOpen } from './steps.js';

const groups = [['overdue', 'tasks_overdue'], ['today', 'tasks_today'], ['upcoming', 'tasks_upcoming']];

export async function showTasks(main, ctx) {
  main.append(h('h1', {}, t('tasks_title')));
  const lists = await Promise.all(groups.map(([due]) => api.get(`/tasks?assignee=me&due=${due}`)));
  const items = [];
  groups.forEach(([due, key], i) => {
    const tasks = listOf(lists[i], 'tasks');
    const list = h('ul', { class: 'tasks', 'data-group': due });
    for (const task of tasks) {
      const item = taskItem(task, due, ctx);
      items.push(item);
      list.append(item.el);
    }
    main.append(section(`${t(key)} (${tasks.length})`, tasks.length ? list : emptyLine('tasks_none')));
  });
  const left = takeOpen((r) => r.screen === 'tasks' && items.some((item) => item.task.id === r.taskId));
  if (left) items.find((item) => item.task.id === left.taskId).open(left.step);
}

function taskItem(task, due, ctx) {
  const title = task.title;
  const panel = h('div', { id: `task-panel-${task.id}`, class: 'task-form' });
  const button = h('button', {
    type: 'button', 'aria-expanded': 'false', 'aria-controls': panel.id, 'aria-label': t('task_open_label', { title }),
  }, t('task_open'));
  const el = h('li', { class: `task ${due}`, 'data-task-id': task.id },
    h('div', {},
      h('div', { class: 'title' }, title),
      h('div', {}, caseLink(task)),
      dueLine(task)),
    button, panel);
  const close = () => {
    panel.replaceChildren();
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  };
  const where = { screen: 'tasks', taskId: task.id };
  const done = (action) => { ctx.refreshUnread(); ctx.go('#/tasks', doneMessage(action)); };
  const reload = () => ctx.go('#/tasks');
  const reloadLabel = t('form_reload_tasks');

  // Opens the task's own form; a task without fields shows the case's steps and plain completion.
  // `step` (a stepKey) opens that step's form at once.
  const open = async (step) => {
    button.disabled = true;
    try {
      const actions = await actionsOf(task.case_id);
      const own = actions.find((a) => a.kind === 'task' && a.task_id === task.id);
      const events = actions.filter((a) => a.kind === 'event');
      if (!own && !events.length) { warn(t('task_not_available', { title })); return; }
      button.setAttribute('aria-expanded', 'true');
      if ((own?.form?.fields ?? []).length) {
        const form = actionForm(task.case_id, own, { onDone: done, onCancel: close, onReload: reload, reloadLabel, where });
        panel.replaceChildren(form.el);
        form.focus();
        return;
      }
      const list = stepList(task.case_id, own ? [...events, own] : events, {
        onDone: done, onReload: reload, reloadLabel, where,
        labelOf: (a) => (a === own ? t('task_finish_plain') : a.title), showDue: false,
      });
      panel.replaceChildren(h('p', { class: 'hint' }, t(own ? 'task_by_steps' : 'task_by_steps_only')), list.el);
      if (step) list.open(step);
      else panel.querySelector('button')?.focus();
    } catch (error) {
      report(error);
    } finally {
      button.disabled = false;
    }
  };
  button.addEventListener('click', () => (button.getAttribute('aria-expanded') === 'true' ? close() : open()));
  return { task, el, open };
}
