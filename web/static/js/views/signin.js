// The sign-in screen: municipality (optional), login and password; on success the app goes to
// the user's home screen.
import { clear, h, warn } from '../dom.js';
import { t } from '../i18n.js';
import * as session from '../session.js';

export function showSignIn(main, ctx) {
  const tenant = h('input', { id: 'tenant', name: 'tenant', autocomplete: 'organization', placeholder: 'demo' });
  const login = h('input', { id: 'login', name: 'login', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit' }, t('signin_submit'));
  const form = h('form', { class: 'card signin', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, t('signin_title')),
    h('label', { for: 'login' }, t('signin_login')), login,
    h('label', { for: 'password' }, t('signin_password')), password,
    h('details', {}, h('summary', {}, t('signin_tenant')),
      h('label', { for: 'tenant' }, t('signin_tenant')), tenant),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      await session.signIn(login.value.trim(), password.value, tenant.value.trim());
      await ctx.signedIn();
    } catch (error) {
      warn(t('signin_failed', { msg: error.status === 0 ? t('err_network') : error.message }));
      password.select();
    } finally {
      submit.disabled = false;
    }
  });
  clear(main).append(form);
  login.focus();
}
