// The in-app inbox: messages to the signed-in user, newest first, each marked read on request.
import { api, listOf } from '../api.js';
import { h, report, timeEl } from '../dom.js';
import { t } from '../i18n.js';
import { caseLink, emptyLine } from './common.js';

export async function showInbox(main, ctx) {
  main.append(h('h1', {}, t('inbox_title')));
  const messages = listOf(await api.get('/inbox'), 'messages', 'notifications');
  if (!messages.length) { main.append(emptyLine('inbox_none')); return; }
  main.append(h('ul', { class: 'tasks' }, messages.map((m) => message(m, ctx))));
}

function message(m, ctx) {
  const read = !!m.read;
  const payload = m.payload ?? {};
  const state = h('span', { class: `pill ${read ? '' : 'draft'}` }, t(read ? 'inbox_read' : 'inbox_unread'));
  const item = h('li', { class: `task ${read ? '' : 'today'}`, 'data-message-id': m.id },
    h('div', {}, h('div', { class: 'title' }, m.title || payload.title || payload.subject || m.template || ''),
      h('div', { class: 'pre-line' }, m.body || payload.body || payload.text || ''),
      h('div', { class: 'hint' }, timeEl(m.created), ' ', state, ' ', m.case_id ? caseLink(m) : '')));
  if (!read) {
    const button = h('button', { type: 'button', class: 'secondary' }, t('inbox_mark_read'));
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await api.post(`/inbox/${encodeURIComponent(m.id)}/read`, {});
        button.remove();
        state.textContent = t('inbox_read');
        state.className = 'pill';
        item.classList.remove('today');
        ctx.refreshUnread();
      } catch (error) { report(error); button.disabled = false; }
    });
    item.append(button);
  }
  return item;
}
