// Tokens of integration accounts (admin): who holds one, until when, when it was last used; a
// new one for an integration account (shown once), and revoking one.
import { api, listOf } from '../api.js';
import { clear, h, loadInto, report, say, section, timeEl } from '../dom.js';
import { t } from '../i18n.js';
import { loadNames, nameOf } from '../people.js';
import { emptyLine, table } from './common.js';

export async function showTokens(main) {
  main.append(h('h1', {}, t('tok_title')), h('p', { class: 'hint' }, t('tok_intro')));
  const list = h('div', { id: 'token-list' });
  // Where a new token is shown, once: cleared again when any token is revoked.
  const shown = h('div', { id: 'token-issued', 'aria-live': 'polite' });
  const refresh = () => loadInto(list, () => api.get('/tokens'), (el, body) => {
    const items = listOf(body, 'tokens');
    el.append(items.length ? tokenTable(items, () => { clear(shown); return refresh(); }) : emptyLine('tok_none'));
  });
  const [users] = await Promise.all([api.get('/users'), loadNames()]);
  const accounts = listOf(users, 'users').filter((u) => u.integration && u.active);
  main.append(section(t('tok_issue'), issueForm(accounts, shown, refresh)), section(t('tok_list'), list));
  await refresh();
}

// Who issued a token: a user by name, or the server's console (`souhra token`).
function issuerOf(token) {
  return token.created_by === 'cli' ? t('tok_by_cli') : nameOf(token.created_by);
}

function stateOf(token) {
  if (token.revoked) return t('tok_revoked_state');
  return token.expired ? t('tok_expired_state') : t('tok_active_state');
}

function tokenTable(items, onRevoked) {
  return table(
    [t('col_name'), t('tok_account'), t('tok_created'), t('tok_expires'), t('tok_last_used'), t('col_status'), t('col_actions')],
    items.map((token) => [
      token.name,
      token.user_name || token.login,
      h('span', {}, timeEl(token.created, false), h('br'), h('span', { class: 'hint' }, issuerOf(token))),
      timeEl(token.expires, false),
      token.last_used ? timeEl(token.last_used) : t('tok_never'),
      h('span', { class: `token-state ${token.revoked || token.expired ? 'off' : 'on'}` }, stateOf(token)),
      token.revoked ? t('none') : revokeButton(token, onRevoked),
    ]));
}

function revokeButton(token, onRevoked) {
  return h('button', {
    type: 'button', class: 'secondary', 'data-token': token.id,
    'aria-label': `${t('tok_revoke')}: ${token.name}`,
    onclick: async (event) => {
      if (!window.confirm(t('tok_revoke_confirm', { name: token.name }))) return;
      const button = event.currentTarget;
      button.disabled = true;
      try {
        await api.del(`/tokens/${encodeURIComponent(token.id)}`);
        say(t('tok_revoked', { name: token.name }));
        await onRevoked();
      } catch (error) { report(error); button.disabled = false; }
    },
  }, t('tok_revoke'));
}

// The form for a new token; the token itself is shown once, in `shown`.
function issueForm(accounts, shown, refresh) {
  if (!accounts.length) return emptyLine('tok_no_accounts');
  const login = h('select', { id: 'token-login', required: true },
    accounts.map((u) => h('option', { value: u.login }, u.name)));
  const name = h('input', { id: 'token-name', required: true, maxlength: 100 });
  const days = h('input', { id: 'token-days', type: 'number', min: 1, max: 365, value: 90, required: true });
  const daysError = h('p', { class: 'field-error', id: 'token-days-error', role: 'alert' });
  const form = h('form', { class: 'card', id: 'token-form' },
    h('label', { for: 'token-login' }, t('tok_account')), login,
    h('label', { for: 'token-name' }, t('tok_name')), name,
    h('label', { for: 'token-days' }, t('tok_days')), days, daysError,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('tok_issue_submit'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    daysError.textContent = '';
    try {
      const issued = await api.post('/tokens', { login: login.value, name: name.value, expires_in_days: Number(days.value) });
      clear(shown).append(h('div', { class: 'card' },
        h('p', {}, t('tok_copy_now')),
        h('code', { id: 'token-secret', class: 'secret' }, issued.token)));
      await refresh();
    } catch (error) {
      const field = error?.fields?.find((f) => f.field === 'expires_in_days');
      if (field) daysError.textContent = field.message;
      else report(error);
    }
  });
  return h('div', {}, form, shown);
}
