// "Moje úkoly": the open tasks the signed-in user holds (their own and their role's), overdue
// first, then today's, then upcoming. "Vyřídit" opens, right in the list, the form of the step
// among the case's actions that does the task (the one with its task_id). The form left open here
// (e.g. by an expired session) opens again.
import { api, listOf } from '../api.js';
import { h, report, section, warn } from '../dom.js';
import { t } from '../i18n.js';
import { caseLink, dueLine, emptyLine } from './common.js';
import { actionForm, actionsOf, doneMessage, takeOpen } from './steps.js';

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
  if (left) items.find((item) => item.task.id === left.taskId).open();
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

  // Opens the form of the step that does the task: its own, or the case's step it names
  // (the head's "Přidělit sociálního pracovníka" is the assignment).
  const open = async () => {
    button.disabled = true;
    try {
      const action = (await actionsOf(task.case_id)).find((a) => a.task_id === task.id);
      if (!action) { warn(t('task_not_available', { title })); return; }
      button.setAttribute('aria-expanded', 'true');
      const form = actionForm(task.case_id, action, { onDone: done, onCancel: close, onReload: reload, reloadLabel, where });
      panel.replaceChildren(form.el);
      form.focus();
    } catch (error) {
      report(error);
    } finally {
      button.disabled = false;
    }
  };
  button.addEventListener('click', () => (button.getAttribute('aria-expanded') === 'true' ? close() : open()));
  return { task, el, open };
}
