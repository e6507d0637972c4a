// The coordinator's escalation dashboard: new, acknowledged, overdue (gone to the head), and a
// count per case manager; acknowledging posts the escalation event to the case, resolving opens
// the form the escalation workflow declares for it.
import { api, idempotencyKey, listOf } from '../api.js';
import { h, report, section, timeEl, toDate, warn } from '../dom.js';
import { label, t } from '../i18n.js';
import { caseIdOf, caseCodeOf, caseLink, emptyLine, table } from './common.js';
import { loadNames, nameOf } from '../people.js';
import { actionForm, actionsOf } from './steps.js';

export async function showEscalations(main, ctx) {
  main.append(h('h1', {}, t('esc_title')));
  await loadNames();
  const items = await Promise.all(listOf(await api.get('/escalations?status=open'), 'escalations').map(withCaseData));
  if (!items.length) { main.append(emptyLine('esc_none')); return; }
  const stateOf = (e) => e.state ?? e.status;
  const overdue = (e) => stateOf(e) === 'with_head' || e.overdue === true ||
    (stateOf(e) === 'open' && toDate(e.due ?? e.acknowledge_by)?.getTime() < Date.now());
  const groups = [
    ['esc_new', items.filter((e) => stateOf(e) === 'open' && !overdue(e)), 'new'],
    ['esc_acknowledged', items.filter((e) => stateOf(e) === 'acknowledged'), 'acknowledged'],
    ['esc_overdue', items.filter((e) => overdue(e) && stateOf(e) !== 'acknowledged'), 'overdue'],
  ];
  for (const [key, list, name] of groups) {
    main.append(section(`${t(key)} (${list.length})`, list.length
      ? h('div', { 'data-group': name }, table([t('col_code'), t('col_reason'), t('col_raised'), t('col_case_manager'), t('col_actions')],
        list.map((e) => [caseLink(e), reasonOf(e), timeEl(raisedAt(e)), caseManagerOf(e), actions(e, ctx)])))
      : emptyLine('esc_none')));
  }
  const counts = new Map();
  for (const e of items) counts.set(caseManagerOf(e), (counts.get(caseManagerOf(e)) ?? 0) + 1);
  main.append(section(t('esc_by_cm'), table([t('col_case_manager'), t('nav_escalations')],
    [...counts].sort((a, b) => b[1] - a[1]).map(([who, n]) => [who, String(n)]))));
}

const escalationData = (e) => e.escalation ?? e.data?.escalation ?? e;

const reasonOf = (e) => {
  const d = escalationData(e);
  return h('span', {}, label('reason', d.reason ?? ''), d.note ? h('div', { class: 'hint' }, d.note) : null);
};

// The list names the case only; the reason, note and times are in the case's data.
async function withCaseData(e) {
  if (e.escalation) return e;
  try {
    const c = await api.get(`/cases/${encodeURIComponent(caseIdOf(e))}`);
    return { ...e, escalation: c.data?.escalation ?? {} };
  } catch {
    return e;
  }
}

const raisedAt = (e) => escalationData(e).raised_at ?? e.since ?? e.case?.created;
const caseManagerOf = (e) => nameOf(e.case_manager ?? e.case?.people?.case_manager ?? e.people?.case_manager ?? t('none'));

// POST /escalations/{case_id}/acknowledge posts the escalation event to the case.
async function acknowledge(e) {
  await api.post(`/escalations/${encodeURIComponent(caseIdOf(e))}/acknowledge`, { idempotency_key: idempotencyKey() });
}

function actions(e, ctx) {
  const code = caseCodeOf(e);
  const cell = h('div', { class: 'actions' });
  if ((e.state ?? e.status) !== 'acknowledged') {
    cell.append(h('button', {
      type: 'button', 'aria-label': `${t('esc_ack')}: ${t('case_code', { code })}`,
      onclick: async (event) => {
        const button = event.currentTarget;
        button.disabled = true;
        try {
          await acknowledge(e);
          ctx.go('#/escalations', t('esc_acked', { code }));
        } catch (error) { report(error); button.disabled = false; }
      },
    }, t('esc_ack')));
  }
  const resolve = h('button', {
    type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-label': `${t('esc_resolve')}: ${t('case_code', { code })}`,
  }, t('esc_resolve'));
  resolve.addEventListener('click', () => toggleResolution(e, resolve, ctx));
  cell.append(resolve);
  return cell;
}

// The form of the case's step "escalation.resolved" (how it is resolved, and whom a reassignment or
// a new actor names) in a row under the escalation's row.
async function toggleResolution(e, button, ctx) {
  const row = button.closest('tr');
  if (row.nextElementSibling?.classList.contains('resolution')) {
    row.nextElementSibling.remove();
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  try {
    const action = (await actionsOf(caseIdOf(e))).find((a) => a.type === 'escalation.resolved');
    if (!action) { warn(t('esc_cannot_resolve', { code: caseCodeOf(e) })); return; }
    const formRow = h('tr', { class: 'resolution' });
    const form = actionForm(caseIdOf(e), action, {
      onDone: () => ctx.go('#/escalations', t('esc_resolved', { code: caseCodeOf(e) })),
      onCancel: () => { formRow.remove(); button.setAttribute('aria-expanded', 'false'); button.focus(); },
      onReload: () => ctx.go('#/escalations'),
      reloadLabel: t('esc_reload'),
      where: { screen: 'escalations' },
    });
    formRow.append(h('td', { colspan: row.children.length }, form.el));
    row.after(formRow);
    button.setAttribute('aria-expanded', 'true');
    form.focus();
  } catch (error) {
    report(error);
  }
}
