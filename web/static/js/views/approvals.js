// Four eyes on activation: the requests to activate a definition version that wait for a second
// person (the head, or another methodologist), each with the diff against the active version,
// to approve or to refuse with a reason. The server decides who may; this only shows.
import { api } from '../api.js';
import { h, report, timeEl } from '../dom.js';
import { t } from '../i18n.js';
import { loadNames, nameOf } from '../people.js';
import { emptyLine, table } from './common.js';
import { shortVersion } from './definitions.js';

const approverText = (request) => t(request.approver === 'head' ? 'appr_by_head' : 'appr_by_second');

export async function showApprovals(main) {
  main.append(h('h1', {}, t('appr_title')), h('p', { class: 'hint' }, t('appr_intro')));
  const [body] = await Promise.all([api.get('/activation-requests'), loadNames()]);
  if (!body.requests.length) { main.append(emptyLine('appr_none')); return; }
  main.append(table([t('col_name'), t('col_version'), t('appr_requested_by'), t('col_when'), t('appr_approver')],
    body.requests.map((r) => [
      h('a', { href: `#/approvals/${r.id}` }, r.name),
      h('code', { title: r.version }, shortVersion({ version: r.version })),
      nameOf(r.requested_by),
      timeEl(r.requested_at),
      approverText(r),
    ])));
}

function diffLines(text) {
  if (!text.trim()) return emptyLine('def_no_diff');
  return h('pre', { class: 'diff', id: 'request-diff' }, text.split('\n').map((line) =>
    h('span', { class: line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : '' }, `${line}\n`)));
}

export async function showApproval(main, ctx, id) {
  const [request] = await Promise.all([api.get(`/activation-requests/${encodeURIComponent(id)}`), loadNames()]);
  main.append(h('h1', {}, t('appr_request_title', { name: request.name })),
    h('p', {}, t('appr_summary', {
      who: nameOf(request.requested_by), v: shortVersion({ version: request.version }),
      approver: approverText(request),
    })));
  if (request.stale) main.append(h('p', { class: 'alert-inline' }, t('appr_stale')));
  main.append(h('h2', {}, t('appr_diff', { added: request.added, removed: request.removed })),
    diffLines(request.diff),
    h('p', { class: 'hint' }, t('appr_hash'), ' ', h('code', {}, request.current_diff_sha256)));
  if (request.status !== 'pending') {
    main.append(h('p', {}, t(`appr_status_${request.status}`, { who: nameOf(request.decided_by), reason: request.reason })));
    return;
  }
  const reason = h('textarea', { id: 'refusal-reason', rows: 3 });
  const done = (message) => ctx.go('#/approvals', message);
  const decide = (verb, body, message) => async (event) => {
    const button = event.currentTarget;
    button.disabled = true;
    try {
      await api.post(`/activation-requests/${encodeURIComponent(id)}/${verb}`, body());
      done(message);
    } catch (error) { report(error); button.disabled = false; }
  };
  main.append(
    h('div', { class: 'actions' }, h('button', {
      type: 'button', id: 'approve', class: 'danger',
      onclick: decide('approve', () => ({ diff_sha256: request.current_diff_sha256 }), t('appr_approved', { name: request.name })),
    }, t('appr_approve'))),
    h('h2', {}, t('appr_refuse_title')),
    h('label', { for: 'refusal-reason' }, t('appr_reason')), reason,
    h('div', { class: 'actions' }, h('button', {
      type: 'button', id: 'refuse', class: 'secondary',
      onclick: decide('refuse', () => ({ reason: reason.value }), t('appr_refused', { name: request.name })),
    }, t('appr_refuse'))));
}
