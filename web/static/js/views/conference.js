// Convening a case conference (případové setkání): pick actors from the directory, date, place
// or online link, send the invitations (the workflow sends them), and see the replies so far.
import { api, idempotencyKey, listOf } from '../api.js';
import { h, loadInto, report, section, timeEl } from '../dom.js';
import { label, t } from '../i18n.js';
import { emptyLine, table } from './common.js';
import { loadNames, nameOf } from '../people.js';

export async function showConference(main, ctx, caseId) {
  const [c] = await Promise.all([api.get(`/cases/${encodeURIComponent(caseId)}`), loadNames()]);
  const code = c.code ?? c.client_code ?? caseId;
  const current = c.conference ?? c.data?.conference;
  main.append(h('h1', {}, `${t('conf_title')} — `, h('a', { href: `#/cases/${encodeURIComponent(caseId)}` }, t('case_code', { code }))));
  if (current) main.append(replies(current));

  const picker = h('fieldset', { class: 'card' }, h('legend', {}, t('conf_actors')));
  const chosen = new Set(current?.actors ?? []);
  await loadInto(picker.appendChild(h('div')), () => api.get('/actors'), (box, body) => {
    const actors = listOf(body, 'actors').filter((a) => a.active !== false);
    if (!actors.length) box.append(emptyLine('none'));
    for (const a of actors) {
      const ref = `actor:${a.id}`;
      const id = `actor-${a.id}`;
      box.append(h('label', { class: 'check', for: id },
        h('input', { type: 'checkbox', id, value: ref, checked: chosen.has(ref) }),
        `${a.organisation || a.name}${a.name && a.organisation ? ` — ${a.name}` : ''}`,
        a.kind ? h('span', { class: 'hint' }, ` (${a.kind}${a.formal_agreement ? ', memorandum' : ''})`) : null));
    }
  });
  const at = h('input', { id: 'conf-at', type: 'datetime-local', required: true, value: localValue(current?.at) });
  const minutes = h('input', { id: 'conf-minutes', type: 'number', min: 15, step: 15, value: current?.minutes ?? 90 });
  const place = h('input', { id: 'conf-place', value: current?.place ?? '' });
  const link = h('input', { id: 'conf-link', type: 'url', value: current?.online_link ?? '', placeholder: 'https://' });
  const client = h('input', { id: 'conf-client', type: 'checkbox', checked: current?.client_invited ?? true });
  const submit = h('button', { type: 'submit' }, t('conf_send'));
  const form = h('form', {}, picker,
    h('label', { for: 'conf-at' }, t('conf_at')), at,
    h('label', { for: 'conf-minutes' }, t('conf_minutes')), minutes,
    h('label', { for: 'conf-place' }, t('conf_place')), place,
    h('label', { for: 'conf-link' }, t('conf_link')), link,
    h('label', { class: 'check', for: 'conf-client' }, client, t('conf_client')),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const actors = [...picker.querySelectorAll('input[type=checkbox]:checked')].map((x) => x.value);
    if (!actors.length) { report({ message: t('conf_pick_one') }); return; }
    submit.disabled = true;
    try {
      // The workflow case_conference: scheduling the first time, a move once invitations went out.
      const payload = { at: new Date(at.value).toISOString(), minutes: Number(minutes.value), actors, client_invited: client.checked };
      if (place.value.trim()) payload.place = place.value.trim();
      if (link.value.trim()) payload.online_link = link.value.trim();
      const scheduled = current?.at && !current?.cancelled;
      await api.post(`/cases/${encodeURIComponent(caseId)}/events`, {
        type: scheduled ? 'conference.moved' : 'conference.scheduled', payload, idempotency_key: idempotencyKey(),
      });
      ctx.go(`#/cases/${encodeURIComponent(caseId)}/conference`, t('conf_sent'));
    } catch (error) {
      report(error);
    } finally {
      submit.disabled = false;
    }
  });
  main.append(form);
}

function replies(conference) {
  const answers = conference.replies ?? {};
  return section(t('conf_replies'),
    h('p', {}, timeEl(conference.at), conference.place ? ` · ${conference.place}` : '',
      conference.online_link ? h('span', {}, ' · ', h('a', { href: conference.online_link }, conference.online_link)) : ''),
    table([t('case_actors'), t('conf_replies')],
      (conference.actors ?? []).map((a) => [nameOf(a), label('reply', answers[a] ?? 'none')])));
}

// An ISO time as the value a datetime-local input takes, in local time.
function localValue(iso) {
  const d = iso ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
