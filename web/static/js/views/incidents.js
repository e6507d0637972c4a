// Incidents: events a definition failed on (script errors, budgets), with a retry each.
import { api, listOf } from '../api.js';
import { h, report, timeEl } from '../dom.js';
import { t } from '../i18n.js';
import { caseLink, emptyLine, table } from './common.js';

export async function showIncidents(main, ctx) {
  main.append(h('h1', {}, t('inc_title')));
  const items = listOf(await api.get('/incidents'), 'incidents');
  if (!items.length) { main.append(emptyLine('inc_none')); return; }
  main.append(table([t('col_when'), t('col_code'), t('col_what'), t('col_error'), t('col_actions')],
    items.map((i) => [
      timeEl(i.created ?? i.at),
      caseLink(i),
      `${i.event?.type ?? ''}${i.attempts ? ` (${i.attempts}×)` : ''}`,
      h('code', {}, i.error ?? i.message ?? ''),
      i.status === 'resolved' ? t('none') : h('button', {
        type: 'button', 'aria-label': `${t('inc_retry')}: ${i.id}`,
        onclick: async (event) => {
          const button = event.currentTarget;
          button.disabled = true;
          try {
            await api.post(`/incidents/${encodeURIComponent(i.id)}/retry`, {});
            ctx.go('#/incidents', t('inc_retried', { id: i.id }));
          } catch (error) { report(error); button.disabled = false; }
        },
      }, t('inc_retry')),
    ])));
}
