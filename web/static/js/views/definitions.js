// The methodologist's list of the municipality's definitions (workflows and rule sets): which
// version is active, which drafts wait, and how many instances run on each version.
import { api, listOf } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { emptyLine, table } from './common.js';

export const versionId = (v) => String(v?.version ?? v?.hash ?? v?.id ?? '');
export const shortVersion = (v) => (/^[0-9a-f]{16,}$/i.test(versionId(v)) ? versionId(v).slice(0, 10) : versionId(v));
export const statusOf = (v) => v.status ?? (v.active ? 'active' : v.draft ? 'draft' : 'old');
export const instancesOf = (v) => v.instances ?? v.instance_count ?? v.running ?? t('none');
// "user:<login>" shows the login; "system" is a version that came with Souhra (on first start or,
// as a draft, with a newer release).
export const savedByOf = (v) => (v.saved_by === 'system' ? t('saved_by_system') : String(v.saved_by ?? '').replace(/^user:/, ''));

// A draft waiting for a second person, or refused by one, says so (the version's `approval`).
export function statusPill(v) {
  const s = statusOf(v);
  if (s === 'draft' && v.approval?.status === 'pending') return h('span', { class: 'pill pending' }, t('ver_pending'));
  const pill = h('span', { class: `pill ${s}` }, t(s === 'active' ? 'ver_active' : s === 'draft' ? 'ver_draft' : 'ver_old'));
  if (s !== 'draft' || v.approval?.status !== 'refused') return pill;
  return h('span', {}, pill, ' ', h('span', { class: 'refusal' }, t('ver_refused', { reason: v.approval.reason })));
}

export async function showDefinitions(main) {
  main.append(h('h1', {}, t('defs_title')),
    h('p', {}, h('a', { class: 'button secondary', href: '#/definitions/new' }, t('def_new'))));
  const defs = listOf(await api.get('/definitions'), 'definitions');
  if (!defs.length) { main.append(emptyLine('defs_none')); return; }
  const rows = [];
  for (const d of defs) {
    const versions = d.versions ?? [{ version: d.version ?? d.hash, status: 'active', instances: d.instances }];
    const title = d.title ?? d.file;
    for (const [i, v] of versions.entries()) {
      rows.push([
        i === 0 ? h('a', { href: `#/definitions/${encodeURIComponent(d.name)}` }, d.name, title ? h('span', { class: 'hint' }, ` (${title})`) : null) : '',
        h('code', { title: versionId(v) }, shortVersion(v)),
        statusPill(v),
        savedByOf(v),
        String(instancesOf(v)),
      ]);
    }
  }
  main.append(table([t('col_name'), t('col_version'), t('col_status'), t('col_saved_by'), t('col_instances')], rows));
}
