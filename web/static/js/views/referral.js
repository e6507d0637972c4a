// "Nový podnět": a referral starts a case (workflow intake on the server) under the client's
// pseudonymous code; never a name. The referral's form is the intake workflow's
// (GET /workflows/intake/referral); a server without one gets the fixed form below.
import { api } from '../api.js';
import { h, report, say } from '../dom.js';
import { label, t } from '../i18n.js';
import { draftKey, stepForm } from '../form.js';
import { homeRoute } from '../session.js';

const sources = ['gp', 'neighbour', 'hospital', 'client', 'police', 'municipality', 'other'];

export async function showReferral(main, ctx) {
  let declared;
  try {
    declared = await api.get('/workflows/intake/referral');
  } catch (error) {
    if (error.status !== 404) throw error;
    fixedReferral(main, ctx);
    return;
  }
  // The client's code is the case's, beside the referral's own fields (payload "referral").
  const form = { fields: [
    { name: 'code', type: 'text', label: t('referral_code'), help: t('referral_code_help'), required: true },
    { name: 'referral', type: 'group', label: '', fields: declared.form?.fields ?? [] },
  ] };
  const step = stepForm({
    title: declared.title || t('referral_title'),
    headingLevel: 'h1',
    form,
    draft: draftKey('referral'),
    send: async (payload) => {
      try {
        return await api.post('/cases', { code: payload.code, data: { referral: payload.referral ?? {} } });
      } catch (error) {
        // The server names the referral's own fields ("source"); here they sit under "referral".
        error.fields = error.fields?.map((f) => ({ ...f, field: f.field ? `referral.${f.field}` : '' }));
        throw error;
      }
    },
    onDone: (created) => {
      const c = created.case;
      ctx.go(`#/cases/${encodeURIComponent(c.id)}`, t('referral_created', { code: c.code }));
    },
    onCancel: () => ctx.go(homeRoute()),
  });
  main.append(step.el);
  step.focus();
}

function fixedReferral(main, ctx) {
  const code = h('input', { id: 'ref-code', required: true, pattern: '[^\\s].*', 'aria-describedby': 'ref-code-hint' });
  const source = h('select', { id: 'ref-source' }, sources.map((s) => h('option', { value: s }, label('source', s))));
  const urgent = h('input', { id: 'ref-urgent', type: 'checkbox' });
  const note = h('textarea', { id: 'ref-note', rows: 4 });
  const submit = h('button', { type: 'submit' }, t('send'));
  const form = h('form', { class: 'card', 'aria-labelledby': 'ref-title' },
    h('h1', { id: 'ref-title' }, t('referral_title')),
    h('label', { for: 'ref-code' }, t('referral_code')), code,
    h('p', { id: 'ref-code-hint', class: 'hint' }, 'K-2026-0042'),
    h('label', { for: 'ref-source' }, t('referral_source')), source,
    h('label', { class: 'check', for: 'ref-urgent' }, urgent, t('referral_urgent')),
    h('label', { for: 'ref-note' }, t('referral_note')), note,
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const created = await api.post('/cases', {
        code: code.value.trim(),
        data: { referral: { source: source.value, urgent: urgent.checked, note: note.value } },
      });
      const c = created.case ?? created;
      const message = t('referral_created', { code: c.code ?? code.value.trim() });
      if (c.id !== undefined) ctx.go(`#/cases/${encodeURIComponent(c.id)}`, message);
      else say(message);
    } catch (error) {
      report(error);
    } finally {
      submit.disabled = false;
    }
  });
  main.append(form);
  code.focus();
}
