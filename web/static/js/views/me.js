// The user's own account (#/me): their password, e-mail and daily-digest choice. Right after a
// sign-in with a temporary password it is the only screen: the server refuses everything else
// until the password is changed.
import { api } from '../api.js';
import { h, report, say, section } from '../dom.js';
import { field, showFieldErrors } from '../fields.js';
import { t } from '../i18n.js';
import * as session from '../session.js';

export async function showMe(main, ctx) {
  const forced = session.user().mustChangePassword;
  main.append(h('h1', {}, forced ? t('me_forced_title') : t('me_title')));
  if (forced) {
    main.append(h('p', { class: 'card', id: 'forced-change' }, t('me_forced_intro')),
      passwordForm(ctx, true));
    return;
  }
  const me = await api.get('/me');
  main.append(section(t('me_password'), passwordForm(ctx, false)), section(t('me_settings'), settingsForm(me)));
}

function passwordForm(ctx, forced) {
  const fields = {
    current_password: field(forced ? t('me_temporary') : t('me_current'),
      h('input', { id: 'current-password', type: 'password', autocomplete: 'current-password', required: true })),
    new_password: field(t('me_new'),
      h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true, minlength: 12 })),
  };
  const again = field(t('me_again'),
    h('input', { id: 'new-password-again', type: 'password', autocomplete: 'new-password', required: true }));
  const form = h('form', { class: 'card', id: 'password-form' },
    h('p', { class: 'hint' }, t('me_policy')),
    fields.current_password.nodes, fields.new_password.nodes, again.nodes,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('me_change'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    again.error.textContent = '';
    if (fields.new_password.input.value !== again.input.value) {
      again.error.textContent = t('me_mismatch');
      return;
    }
    try {
      await api.put('/me/password', {
        current_password: fields.current_password.input.value,
        new_password: fields.new_password.input.value,
      });
      form.reset();
      showFieldErrors(fields, null);
      await session.refresh();
      await ctx.signedIn(t('me_changed'));
    } catch (error) {
      if (!showFieldErrors(fields, error)) report(error);
    }
  });
  return form;
}

function settingsForm(me) {
  const fields = {
    email: field(t('me_email'), h('input', { id: 'me-email', type: 'email', value: me.email, autocomplete: 'email' })),
  };
  const digest = h('input', { id: 'me-digest', type: 'checkbox', checked: me.daily_digest });
  const form = h('form', { class: 'card', id: 'settings-form' },
    fields.email.nodes,
    h('label', { class: 'check' }, digest, ' ', t('me_digest')),
    h('p', { class: 'hint' }, t('me_digest_hint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('me_save'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.put('/me', { email: fields.email.input.value.trim(), daily_digest: digest.checked });
      showFieldErrors(fields, null);
      say(t('me_saved'));
    } catch (error) {
      if (!showFieldErrors(fields, error)) report(error);
    }
  });
  return form;
}
