// The list of cases the user may see (the server filters: a case manager sees their own).
import { api, listOf } from '../api.js';
import { formatDate, h, timeEl } from '../dom.js';
import { t } from '../i18n.js';
import { caseLink, emptyLine, table } from './common.js';
import { loadNames, nameOf } from '../people.js';

export async function showCases(main) {
  main.append(h('h1', {}, t('cases_title')));
  const [body] = await Promise.all([api.get('/cases'), loadNames()]);
  const cases = listOf(body, 'cases');
  if (!cases.length) { main.append(emptyLine('cases_none')); return; }
  main.append(table([t('col_code'), t('col_state'), t('col_case_manager'), t('col_created')],
    cases.map((c) => [
      caseLink({ case_id: c.id, case_code: c.code ?? c.client_code }),
      stateSummary(c),
      nameOf(c.people?.case_manager ?? t('none')),
      timeEl(c.created_at ?? c.created, false),
    ])));
}

export function stateSummary(c) {
  if (c.closed) return c.closed_at ? t('case_closed_on', { date: formatDate(c.closed_at) }) : t('case_closed');
  if (c.state) return c.state;
  if (c.states && typeof c.states === 'object') {
    return Object.entries(c.states).map(([workflow, state]) => `${workflow}: ${state}`).join(', ') || t('none');
  }
  const instances = c.instances ?? [];
  return instances.filter((i) => !i.final).map((i) => `${i.workflow}: ${i.state_title ?? i.state}`).join(', ') || t('none');
}
