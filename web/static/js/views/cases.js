// The list of cases the user may see (the server filters: a case manager sees their own).
import { api, listOf } from '../api.js';
import { h, timeEl } from '../dom.js';
import { t } from '../i18n.js';
import { caseLink, emptyLine, table } from './common.js';

export async function showCases(main) {
  main.append(h('h1', {}, t('cases_title')));
  const cases = listOf(await api.get('/cases'), 'cases');
  if (!cases.length) { main.append(emptyLine('cases_none')); return; }
  main.append(table([t('col_code'), t('col_state'), t('col_case_manager'), t('col_created')],
    cases.map((c) => [
      caseLink({ case_id: c.id, case_code: c.code ?? c.client_code }),
      stateSummary(c),
      c.people?.case_manager ?? c.case_manager ?? t('none'),
      timeEl(c.created_at ?? c.created, false),
    ])));
}

export function stateSummary(c) {
  if (c.state) return c.state;
  if (c.states && typeof c.states === 'object') {
    return Object.entries(c.states).map(([workflow, state]) => `${workflow}: ${state}`).join(', ') || t('none');
  }
  const instances = c.instances ?? [];
  return instances.filter((i) => !i.final).map((i) => `${i.workflow}: ${i.state_title ?? i.state}`).join(', ') || t('none');
}
