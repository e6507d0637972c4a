// The municipality's accounts (#/users, admin): who has which roles, active or not; adding and
// editing an account, deactivating and reactivating it (confirmed), and resetting a password.
// A temporary password is shown once, in its own box, and is gone when the screen redraws.
import { api, listOf } from '../api.js';
import { clear, h, loadInto, report, say, section } from '../dom.js';
import { field, showFieldErrors } from '../fields.js';
import { label, t } from '../i18n.js';
import { user } from '../session.js';
import { emptyLine, table } from './common.js';

const kRoles = ['social_worker', 'case_manager', 'coordinator', 'head', 'methodologist', 'admin'];

export async function showUsers(main) {
  main.append(h('h1', {}, t('usr_title')), h('p', { class: 'hint' }, t('usr_intro')));
  const shown = h('div', { id: 'user-password', 'aria-live': 'polite' });
  const list = h('div', { id: 'user-list' });
  const editor = h('div', { id: 'user-editor' });
  const screen = {
    // A temporary password for `name`, shown once.
    showPassword: (name, password) => clear(shown).append(h('div', { class: 'card' },
      h('p', {}, t('usr_password_once', { name })),
      h('code', { id: 'temporary-password', class: 'secret' }, password))),
    refresh: () => loadInto(list, () => api.get('/accounts'), (el, body) => {
      const accounts = listOf(body, 'accounts');
      el.append(accounts.length ? accountTable(accounts, screen) : emptyLine('usr_none'));
    }),
    edit: (account) => {
      clear(editor).append(section(account ? t('usr_edit', { name: account.name }) : t('usr_add'),
        accountForm(account, screen)));
      editor.querySelector('input:not([disabled])')?.focus();
    },
  };
  main.append(shown, editor, section(t('usr_list'), list));
  screen.edit(null);
  await screen.refresh();
}

function stateOf(account) {
  if (!account.active) return t('usr_inactive');
  return account.must_change_password ? t('usr_must_change') : t('usr_active');
}

function accountTable(accounts, screen) {
  return table(
    [t('usr_name'), t('usr_login'), t('usr_roles'), t('col_status'), t('col_actions')],
    accounts.map((a) => [
      h('span', {}, a.name, a.integration ? h('span', { class: 'hint' }, ` (${t('usr_integration_short')})`) : null),
      a.login,
      a.roles.map((r) => label('role', r)).join(', '),
      h('span', { class: `token-state ${a.active ? 'on' : 'off'}` }, stateOf(a)),
      h('div', { class: 'actions' }, actionButtons(a, screen)),
    ]));
}

function actionButtons(account, screen) {
  const button = (key, action) => h('button', {
    type: 'button', class: 'secondary', 'data-login': account.login, 'data-action': key,
    'aria-label': `${t(key)}: ${account.name}`, onclick: action,
  }, t(key));
  const post = (path, confirmKey, done) => async (event) => {
    if (!window.confirm(t(confirmKey, { name: account.name }))) return;
    event.currentTarget.disabled = true;
    try {
      const answer = await api.post(`/accounts/${encodeURIComponent(account.login)}/${path}`);
      done(answer);
      await screen.refresh();
    } catch (error) { report(error); await screen.refresh(); }
  };
  const buttons = [button('usr_edit_button', () => screen.edit(account))];
  // The server refuses an admin's deactivating themselves; the button is not offered either.
  if (account.login === user().login) return buttons;
  if (account.active) {
    buttons.push(button('usr_deactivate', post('deactivate', 'usr_deactivate_confirm',
      () => say(t('usr_deactivated', { name: account.name })))));
  } else {
    buttons.push(button('usr_activate', post('activate', 'usr_activate_confirm',
      () => say(t('usr_activated', { name: account.name })))));
  }
  if (!account.integration) {
    buttons.push(button('usr_reset', post('reset-password', 'usr_reset_confirm',
      (answer) => screen.showPassword(account.name, answer.temporary_password))));
  }
  return buttons;
}

// The add form (account null) or the edit form of `account`.
function accountForm(account, screen) {
  const fields = {
    login: field(t('usr_login'), h('input', { id: 'user-login', required: true, maxlength: 40,
      value: account?.login, disabled: !!account, autocomplete: 'off' })),
    name: field(t('usr_name'), h('input', { id: 'user-name-input', required: true, value: account?.name })),
    email: field(t('usr_email'), h('input', { id: 'user-email', type: 'email', value: account?.email })),
  };
  const roleBoxes = kRoles.map((role) => h('input', {
    type: 'checkbox', id: `role-${role}`, value: role, checked: account?.roles.includes(role),
  }));
  const rolesError = h('p', { class: 'field-error', id: 'user-roles-error', role: 'alert' });
  fields.roles = { error: rolesError };
  const integration = h('input', { type: 'checkbox', id: 'user-integration', checked: account?.integration });
  const form = h('form', { class: 'card', id: 'user-form' },
    fields.login.nodes, fields.name.nodes, fields.email.nodes,
    h('fieldset', { class: 'options' }, h('legend', {}, t('usr_roles')),
      kRoles.map((role, i) => h('label', { class: 'check', for: `role-${role}` }, roleBoxes[i], ' ', label('role', role))),
      rolesError),
    h('label', { class: 'check', for: 'user-integration' }, integration, ' ', t('usr_integration')),
    h('p', { class: 'hint' }, t('usr_integration_hint')),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, account ? t('usr_save') : t('usr_add_submit')),
      account ? h('button', { type: 'button', class: 'secondary', onclick: () => screen.edit(null) }, t('cancel')) : null));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      name: fields.name.input.value.trim(),
      email: fields.email.input.value.trim(),
      roles: roleBoxes.filter((b) => b.checked).map((b) => b.value),
      integration: integration.checked,
    };
    try {
      if (account) {
        await api.put(`/accounts/${encodeURIComponent(account.login)}`, body);
        say(t('usr_saved', { name: body.name }));
      } else {
        const added = await api.post('/accounts', { login: fields.login.input.value.trim(), ...body });
        say(t('usr_added', { name: body.name }));
        if (added.temporary_password) screen.showPassword(body.name, added.temporary_password);
      }
      screen.edit(null);
      await screen.refresh();
    } catch (error) {
      if (!showFieldErrors(fields, error)) report(error);
    }
  });
  return form;
}
