// Starts the UI: finds out who is signed in, draws the header (name, role, unread count,
// sign-out) and routes the URL hash (#/tasks, #/cases/42, …) to the screen that draws <main>.
import { api, whenUnauthorized } from './api.js';
import { clear, clearMessages, h, report, say, warn } from './dom.js';
import { label, language, setLanguage, t } from './i18n.js';
import * as session from './session.js';
import { showSignIn } from './views/signin.js';
import { showTasks } from './views/tasks.js';
import { showCases } from './views/cases.js';
import { showCase } from './views/case.js';
import { showReferral } from './views/referral.js';
import { showEscalations } from './views/escalations.js';
import { showConference } from './views/conference.js';
import { showIncidents } from './views/incidents.js';
import { showDefinitions } from './views/definitions.js';
import { showApproval, showApprovals } from './views/approvals.js';
import { showEditor } from './views/editor.js';
import { showInbox } from './views/inbox.js';
import { showTokens } from './views/tokens.js';
import { showUsers } from './views/users.js';
import { showMe } from './views/me.js';

const routes = [
  [/^#\/tasks$/, showTasks],
  [/^#\/cases$/, showCases],
  [/^#\/cases\/([^/]+)$/, showCase],
  [/^#\/cases\/([^/]+)\/conference$/, showConference],
  [/^#\/referral$/, showReferral],
  [/^#\/escalations$/, showEscalations],
  [/^#\/incidents$/, showIncidents],
  [/^#\/definitions$/, showDefinitions],
  [/^#\/approvals$/, showApprovals],
  [/^#\/approvals\/(\d+)$/, showApproval],
  [/^#\/definitions\/new$/, (main, ctx) => showEditor(main, ctx, '')],
  [/^#\/definitions\/([^/]+)$/, showEditor],
  [/^#\/inbox$/, showInbox],
  [/^#\/tokens$/, showTokens],
  [/^#\/users$/, showUsers],
  [/^#\/me$/, showMe],
];

const main = () => document.getElementById('main');
let unreadTimer = 0;
let messageAfterRoute = '';

// Everything a screen may need besides its URL parameters.
const ctx = {
  refreshUnread,
  signedIn,
  // Goes to `hash`; `message` is announced once the new screen is drawn.
  go: (hash, message = '') => {
    messageAfterRoute = message;
    if (location.hash === hash) route(); else location.hash = hash;
  },
};

async function refreshUnread() {
  const badge = document.getElementById('unread');
  if (!badge || !session.user()) return;
  try {
    const body = await api.get('/inbox/unread');
    const n = Number(body?.unread ?? 0);
    badge.textContent = String(n);
    badge.classList.toggle('zero', n === 0);
    badge.parentElement.setAttribute('aria-label', t('unread', { n }));
  } catch (error) {
    badge.textContent = '?';
  }
}

function drawHeader() {
  const nav = document.getElementById('nav');
  const account = document.getElementById('account');
  const user = session.user();
  nav.hidden = account.hidden = !user;
  document.getElementById('lang').textContent = t('lang_other');
  document.getElementById('lang').lang = language() === 'en' ? 'cs' : 'en';
  nav.setAttribute('aria-label', t('nav'));
  document.querySelector('.skip-link').textContent = t('skip');
  if (!user) { clear(nav); clear(account); return; }
  clear(nav).append(...session.navigation().map(([hash, key]) => h('a', { href: hash }, t(key))));
  const roles = user.roles.map((r) => label('role', r)).join(', ');
  // Until a temporary password is changed there is no inbox to open.
  const inbox = user.mustChangePassword ? [] : [h('a', { href: '#/inbox', class: 'inbox-link', 'aria-label': t('unread', { n: '…' }) },
    '✉ ', h('span', { id: 'unread', class: 'badge', 'data-testid': 'unread-count' }, '…'))];
  clear(account).append(
    ...inbox,
    h('span', { class: 'who-am-i' },
      h('a', { href: '#/me', id: 'my-account', title: t('nav_me') }, h('strong', { id: 'user-name' }, user.name)),
      ` (${roles})`),
    h('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: signOut }, t('sign_out')),
  );
  markCurrent();
}

function markCurrent() {
  for (const a of document.querySelectorAll('#nav a')) {
    if (location.hash.startsWith(a.getAttribute('href'))) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function signOut() {
  try { await session.signOut(); } catch (error) { /* signed out locally either way */ }
  drawHeader();
  ctx.go('#/signin', t('signed_out'));
}

async function route() {
  const hash = location.hash || '#/';
  const el = main();
  if (hash === '#/signin' || !session.user()) {
    drawHeader();
    showSignIn(el, { ...ctx, signedIn });
    announce();
    return;
  }
  if (hash === '#/' || hash === '#') { location.replace(session.homeRoute()); return; }
  // The server refuses everything but the change of a temporary password; so does the UI.
  if (session.user().mustChangePassword && hash !== '#/me') { location.replace('#/me'); return; }
  markCurrent();
  refreshUnread();
  const found = routes.find(([pattern]) => pattern.test(hash));
  clear(el);
  if (!found) { location.replace(session.homeRoute()); return; }
  const params = hash.match(found[0]).slice(1).map(decodeURIComponent);
  try {
    await found[1](el, ctx, ...params);
  } catch (error) {
    report(error);
  }
  el.focus({ preventScroll: true });
  announce();
}

function announce() {
  if (messageAfterRoute) say(messageAfterRoute);
  messageAfterRoute = '';
}

// After a sign-in, or a forced change of password: the header anew, then where the user was going.
async function signedIn(message = '') {
  clearMessages();
  drawHeader();
  clearInterval(unreadTimer);
  unreadTimer = setInterval(refreshUnread, 30000);
  const wanted = sessionStorage.getItem('souhra.after-signin');
  sessionStorage.removeItem('souhra.after-signin');
  const home = session.homeRoute();
  ctx.go(wanted && wanted !== '#/signin' && home !== '#/me' ? wanted : home, message);
}

whenUnauthorized(() => {
  if (!session.user()) return;
  if (location.hash !== '#/signin') sessionStorage.setItem('souhra.after-signin', location.hash);
  session.forget();
  clearInterval(unreadTimer);
  location.hash = '#/signin';
  setTimeout(() => warn(t('session_expired')), 0);
});

document.getElementById('lang').addEventListener('click', () => {
  setLanguage(language() === 'en' ? 'cs' : 'en');
  drawHeader();
  route();
});

window.addEventListener('hashchange', () => { clearMessages(); route(); });

async function start() {
  setLanguage(language());
  try {
    await session.refresh();
  } catch (error) {
    report(error);
  }
  drawHeader();
  if (session.user()) {
    unreadTimer = setInterval(refreshUnread, 30000);
    if (location.hash === '#/signin') location.hash = session.homeRoute();
  } else if (location.hash && location.hash !== '#/signin') {
    sessionStorage.setItem('souhra.after-signin', location.hash);
  }
  route();
}

start();
