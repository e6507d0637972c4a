// "Moje úkoly": the signed-in user's open tasks, overdue first, then today's, then upcoming,
// each completed with one click.
import { api, listOf } from '../api.js';
import { clear, h, report, say, section } from '../dom.js';
import { t } from '../i18n.js';
import { caseLink, dueLine, emptyLine } from './common.js';

const groups = [['overdue', 'tasks_overdue'], ['today', 'tasks_today'], ['upcoming', 'tasks_upcoming']];

export async function showTasks(main, ctx) {
  main.append(h('h1', {}, t('tasks_title')));
  const lists = await Promise.all(groups.map(([due]) => api.get(`/tasks?assignee=me&due=${due}`)));
  groups.forEach(([due, key], i) => {
    const tasks = listOf(lists[i], 'tasks');
    const list = h('ul', { class: 'tasks', 'data-group': due });
    for (const task of tasks) list.append(taskItem(task, due, ctx));
    main.append(section(`${t(key)} (${tasks.length})`, tasks.length ? list : emptyLine('tasks_none')));
  });
}

function taskItem(task, due, ctx) {
  const title = task.title ?? task.key ?? String(task.id);
  const button = h('button', { type: 'button', 'aria-label': t('task_complete_label', { title }) }, t('task_complete'));
  const item = h('li', { class: `task ${due}`, 'data-task-id': task.id },
    h('div', {},
      h('div', { class: 'title' }, title),
      h('div', {}, caseLink(task), task.workflow ? h('span', { class: 'hint' }, ` · ${task.workflow}`) : null),
      dueLine(task)),
    button);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api.post(`/tasks/${encodeURIComponent(task.id)}/complete`, {});
      const list = item.parentElement;
      item.remove();
      if (list && !list.children.length) list.replaceWith(emptyLine('tasks_none'));
      say(t('task_completed', { title }));
      ctx.refreshUnread();
      document.getElementById('main').focus();
    } catch (error) {
      button.disabled = false;
      report(error);
    }
  });
  return item;
}
