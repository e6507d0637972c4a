// Convening a case conference (případové setkání): the replies so far, and the form of the
// workflow's step that schedules it (or moves it once the invitations went out): actors, date,
// place or online link; the workflow sends the invitations.
import { api } from '../api.js';
import { h, section, timeEl } from '../dom.js';
import { label, t } from '../i18n.js';
import { emptyLine, table } from './common.js';
import { loadNames, nameOf } from '../people.js';
import { actionForm, actionsOf } from './steps.js';

export async function showConference(main, ctx, caseId) {
  const [c, actions] = await Promise.all([api.get(`/cases/${encodeURIComponent(caseId)}`), actionsOf(caseId), loadNames()]);
  const code = c.code ?? c.client_code ?? caseId;
  const current = c.conference ?? c.data?.conference;
  main.append(h('h1', {}, `${t('conf_title')} — `, h('a', { href: `#/cases/${encodeURIComponent(caseId)}` }, t('case_code', { code }))));
  if (current?.at) main.append(replies(current));
  // Scheduling the first time, a move once invitations went out: whichever step the case offers.
  const action = actions.find((a) => a.type === 'conference.scheduled') ?? actions.find((a) => a.type === 'conference.moved');
  if (!action) { main.append(emptyLine('conf_not_now')); return; }
  const form = actionForm(caseId, action, {
    onDone: () => ctx.go(`#/cases/${encodeURIComponent(caseId)}/conference`, t('conf_sent')),
    onCancel: () => ctx.go(`#/cases/${encodeURIComponent(caseId)}`),
    onReload: () => ctx.go(`#/cases/${encodeURIComponent(caseId)}/conference`),
    where: { screen: 'conference' },
  });
  main.append(form.el);
}

function replies(conference) {
  const answers = conference.replies ?? {};
  return section(t('conf_replies'),
    h('p', {}, timeEl(conference.at), conference.place ? ` · ${conference.place}` : '',
      conference.online_link ? h('span', {}, ' · ', h('a', { href: conference.online_link }, conference.online_link)) : ''),
    table([t('case_actors'), t('conf_replies')],
      (conference.actors ?? []).map((a) => [nameOf(a), label('reply', answers[a] ?? 'none')])));
}
