// The case file: what the signed-in user may do now ("Co mohu udělat": the case's declared steps,
// each with its form), workflows and their states, a timeline of what happened and what is due
// (with who acted and why each due date is what it is), the plan, consent, people and actors;
// for the head, who opened the case file.
import { api, listOf } from '../api.js';
import { formatDate, h, loadInto, section, timeEl, toDate } from '../dom.js';
import { label, t } from '../i18n.js';
import { hasRole } from '../session.js';
import { loadNames, nameOf } from '../people.js';
import { dueLine, dueOf, emptyLine, explanationText, table } from './common.js';
import { actionsOf, doneMessage, stepList, takeOpen } from './steps.js';

const pick = (c, key) => c[key] ?? c.data?.[key];

// A consent's recipient: an actor or person by name, "kind:…" as the kind of actors.
function recipientText(ref) {
  if (ref === 'kind:*') return t('consent_all_actors');
  if (typeof ref === 'string' && ref.startsWith('kind:')) return label('actor_kind', ref.slice(5));
  return nameOf(ref);
}

export async function showCase(main, ctx, id) {
  const [c] = await Promise.all([api.get(`/cases/${encodeURIComponent(id)}`), loadNames()]);
  const code = c.code ?? c.client_code ?? c.data?.code ?? id;
  main.append(h('h1', {}, t('case_title', { code })));
  if (c.closed) {
    main.append(h('p', { class: 'closed-note' }, h('span', { class: 'pill closed' },
      c.closed_at ? t('case_closed_on', { date: formatDate(c.closed_at) }) : t('case_closed'))));
  }
  // A closed case offers only the steps that reopen it, if any.
  main.append(steps(id, ctx, c.closed));
  if (!c.closed && hasRole('coordinator', 'head')) {
    main.append(h('div', { class: 'actions' }, h('a', { class: 'button secondary', href: `#/cases/${encodeURIComponent(id)}/conference` }, t('conf_title'))));
  }
  main.append(h('div', { class: 'grid' },
    h('div', {}, instances(c), openTasks(c), plan(pick(c, 'plan'))),
    h('div', {}, consent(pick(c, 'consent')), people(pick(c, 'people')), actors(c))));
  main.append(section(t('case_timeline'), timeline(c)));
  if (hasRole('head')) main.append(reads(id));
}

// "Kdo spis otevřel": for the head, everyone who opened this case file (or tried to), newest first.
function reads(caseId) {
  const box = h('div');
  loadInto(box, () => api.get(`/cases/${encodeURIComponent(caseId)}/reads`), (el, data) => {
    if (!data.reads.length) { el.append(emptyLine('reads_none')); return; }
    el.append(table([t('reads_who'), t('col_when'), t('col_what')],
      data.reads.map((r) => [r.name, r.at_text, t(r.read ? 'reads_file' : 'reads_refused')])));
  }).catch(() => {});
  return section(t('case_reads'), box);
}

// "Co mohu udělat": a button per step; a button opens the step's form below the buttons. The form
// left open here (e.g. by an expired session) opens again, its draft filled in.
function steps(caseId, ctx, closed) {
  const box = h('div');
  const area = section(t('case_actions'), box);
  const here = `#/cases/${encodeURIComponent(caseId)}`;
  loadInto(box, () => actionsOf(caseId), (el, actions) => {
    if (!actions.length && closed) { area.remove(); return; }
    if (!actions.length) { el.append(emptyLine('actions_none')); return; }
    const list = stepList(caseId, actions, {
      onDone: (action) => ctx.go(here, doneMessage(action)),
      onReload: () => ctx.go(here),
      where: { screen: 'case' },
    });
    el.append(list.el);
    const left = takeOpen((r) => r.screen === 'case' && r.caseId === String(caseId));
    if (left) list.open(left.step);
  }).catch(() => {});
  return area;
}

// Each workflow by its title and the title of its state. The version matters to a case worker
// only when the case still runs an earlier one; the server then says so in a note.
function instances(c) {
  const list = c.instances ?? [];
  return section(t('case_instances'), list.length ? table([t('col_name'), t('col_state')],
    list.map((i) => [i.title, i.version_note ? [i.state_title, h('div', { class: 'hint' }, i.version_note)] : i.state_title])) : emptyLine('none'));
}

// A task's assignee: a person ("user:…") by name, a role in the case by its Czech name.
const assigneeText = (who) => (!who ? '' : who.includes(':') ? nameOf(who) : label('role', who));

function openTasks(c) {
  const tasks = listOf(c.tasks ?? c.open_tasks ?? [], 'tasks');
  return section(t('case_tasks'), tasks.length
    ? h('ul', { class: 'tasks' }, tasks.map((task) => h('li', { class: 'task' },
      h('div', {}, h('div', { class: 'title' }, task.title ?? task.key), h('div', { class: 'who' }, assigneeText(task.assignee)), dueLine(task)))))
    : emptyLine('tasks_none'));
}

function plan(p) {
  if (!p) return section(t('case_plan'), emptyLine('plan_none'));
  const steps = p.steps ?? [];
  return section(t('case_plan'),
    h('p', { class: 'review-date' }, t('plan_review_date', { date: '' }), timeEl(p.review_date, false)),
    // why the review falls on another day than the one agreed with the client (a Czech sentence)
    p.review_date_note ? h('p', { class: 'review-note' }, p.review_date_note) : null,
    (p.goals ?? []).length ? h('div', {}, h('h3', {}, t('plan_goals')),
      h('ul', {}, p.goals.map((g) => h('li', {}, typeof g === 'string' ? g : g.title ?? g.id)))) : null,
    steps.length ? table([t('plan_step'), t('plan_responsible'), t('due'), t('plan_status')],
      steps.map((s) => [s.title ?? s.id, s.responsible ? nameOf(s.responsible) : t('none'), timeEl(s.due, false), s.status ? label('plan_step', s.status) : t('none')])) : null);
}

function consent(c) {
  const status = c?.status ?? 'unknown';
  const grants = c?.grants ?? [];
  return section(t('case_consent'),
    h('p', {}, h('span', { class: `pill ${status === 'given' ? 'active' : 'draft'}` }, label('consent', status))),
    grants.length ? table([t('consent_recipient'), t('consent_purposes'), t('col_when')],
      grants.map((g) => [recipientText(g.recipient), (g.purposes ?? []).map((p) => label('purpose', p)).join(', ') || t('consent_all_purposes'), timeEl(g.given, false)])) : null,
    (c?.revocations ?? []).length ? h('ul', {}, c.revocations.map((r) => h('li', {}, `${label('consent', 'revoked')}: ${recipientText(r.recipient)} `, timeEl(r.at, false)))) : null);
}

function people(p) {
  const entries = Object.entries(p ?? {});
  return section(t('case_people'), entries.length
    ? h('dl', {}, entries.flatMap(([role, who]) => [h('dt', {}, label('role', role)), h('dd', {}, nameOf(who))]))
    : emptyLine('none'));
}

function actors(c) {
  const list = c.actors ?? c.data?.actors ?? c.data?.conference?.actors ?? [];
  return section(t('case_actors'), list.length
    ? h('ul', {}, list.map((a) => h('li', {}, typeof a === 'string' ? nameOf(a) : `${a.name ?? a.id}${a.kind ? ` (${label('actor_kind', a.kind)})` : ''}`)))
    : emptyLine('none'));
}

// What was entered in a step, a line per field: "Způsob souhlasu: písemně".
const detailsText = (details) => (details ?? []).map((d) => `${d.label}: ${d.value}`).join('\n');

// Past events and future deadlines on one axis, in the server's words: the step's title, who
// took it, what was entered.
function timeline(c) {
  const items = [];
  for (const e of c.history ?? []) {
    items.push({ at: e.at, what: e.title, who: e.by, note: detailsText(e.details), kind: 'event' });
  }
  for (const timer of c.timers ?? []) {
    items.push({ at: timer.due, what: timer.title, who: '', note: explanationText(timer), kind: 'deadline' });
  }
  for (const task of c.tasks ?? []) {
    items.push({ at: dueOf(task), what: `${t('due')}: ${task.title ?? task.key}`, who: assigneeText(task.assignee), note: explanationText(task), kind: 'deadline' });
  }
  items.sort((a, b) => (toDate(a.at)?.getTime() ?? 0) - (toDate(b.at)?.getTime() ?? 0));
  if (!items.length) return emptyLine('none');
  const now = Date.now();
  return h('ol', { class: 'timeline' }, items.map((i) => h('li', { class: `${i.kind} ${(toDate(i.at)?.getTime() ?? 0) > now ? 'future' : ''}` },
    timeEl(i.at), h('span', { class: 'what' }, i.what), i.who ? h('span', { class: 'who' }, ` — ${i.who}`) : null,
    i.note ? h('div', { class: 'hint pre-line' }, typeof i.note === 'string' ? i.note : JSON.stringify(i.note)) : null)));
}
