// "Moje úkoly": the open tasks the signed-in user holds (their own and their role's), overdue
// first, then today's, then upcoming. A task opens its form (the task's step among its case's
// actions) right in the list; a task left with a draft opens again by itself.
import { api, listOf } from '../api.js';
import { h, report, say, section, warn } from '../dom.js';
import { t } from '../i18n.js';
import { caseLink, dueLine, emptyLine } from './common.js';
import { actionDraft, actionForm, actionsOf, doneMessage } from './steps.js';
import { hasDraft } from '../form.js';

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
  items.find((item) => item.hasDraft)?.open();
}

// The draft of a task's form, keyed as the case file keys it: a form begun in either place goes on
// in the other.
const taskDraft = (task) => actionDraft(task.case_id, { kind: 'task', task_id: task.id });

function taskItem(task, due, ctx) {
  const title = task.title;
  const button = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-label': t('task_open_label', { title }) }, t('task_open'));
  const panel = h('div', { class: 'task-form' });
  const el = h('li', { class: `task ${due}`, 'data-task-id': task.id },
    h('div', {},
      h('div', { class: 'title' }, title),
      h('div', {}, caseLink(task)),
      dueLine(task)),
    button, panel);
  const close = () => {
    panel.replaceChildren();
    button.hidden = false;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  };
  const finished = (action) => {
    const list = el.parentElement;
    el.remove();
    if (list && !list.children.length) list.replaceWith(emptyLine('tasks_none'));
    say(doneMessage(action));
    ctx.refreshUnread();
    document.getElementById('main').focus();
  };
  const open = async () => {
    button.disabled = true;
    try {
      const action = (await actionsOf(task.case_id)).find((a) => a.kind === 'task' && a.task_id === task.id);
      if (!action) { warn(t('task_not_available', { title })); return; }
      const form = actionForm(task.case_id, action, {
        onDone: () => finished(action), onCancel: close,
        onReload: () => ctx.go('#/tasks'), reloadLabel: t('form_reload_tasks'),
      });
      panel.replaceChildren(form.el);
      button.hidden = true;
      button.setAttribute('aria-expanded', 'true');
      form.focus();
    } catch (error) {
      report(error);
    } finally {
      button.disabled = false;
    }
  };
  button.addEventListener('click', open);
  return { el, open, hasDraft: hasDraft(taskDraft(task)) };
}
