// Who is signed in: the user from /me (name, roles, tenant), the role-based home screen and
// navigation. The server is the authority; this only decides what to show.
import { api, csrfFrom, setCsrfToken } from './api.js';
import { forgetNames } from './people.js';

let current = null;

export function user() { return current; }

// The user object whichever shape /me and POST /session answer with.
function normalize(body) {
  const u = body?.user ?? body ?? {};
  const roles = Array.isArray(u.roles) ? u.roles : (u.role ? [u.role] : []);
  return {
    id: u.id ?? u.user_id ?? u.login,
    login: u.login ?? u.username ?? u.email ?? '',
    name: u.name ?? u.display_name ?? u.full_name ?? u.login ?? '',
    roles,
    tenant: u.tenant ?? u.tenant_id ?? body?.tenant ?? '',
    tenantName: u.tenant_name ?? body?.tenant_name ?? '',
    mustChangePassword: u.must_change_password === true,
  };
}

export function hasRole(...roles) { return !!current && roles.some((r) => current.roles.includes(r)); }

export async function signIn(login, password, tenant) {
  const body = { login, password };
  if (tenant) body.tenant = tenant;
  const answer = await api.post('/session', body);
  setCsrfToken(csrfFrom(answer));
  current = normalize(answer);
  forgetNames();
  if (!current.roles.length) await refresh();
  return current;
}

// Asks the server who we are; null when not signed in.
export async function refresh() {
  try {
    const me = await api.get('/me');
    const token = csrfFrom(me);
    if (token) setCsrfToken(token);
    current = normalize(me);
  } catch (error) {
    if (error.status !== 401) throw error;
    current = null;
  }
  return current;
}

export async function signOut() {
  try { await api.del('/session'); } finally { forget(); }
}

export function forget() {
  current = null;
  forgetNames();
  setCsrfToken('');
}

export function homeRoute() {
  if (current?.mustChangePassword) return '#/me';
  if (hasRole('case_manager', 'social_worker')) return '#/tasks';
  if (hasRole('coordinator', 'head')) return '#/escalations';
  if (hasRole('methodologist')) return '#/definitions';
  if (hasRole('admin')) return '#/incidents';
  return '#/inbox';
}

// [hash, text key] pairs for the navigation, in the order a user of these roles needs them.
export function navigation() {
  const items = [];
  if (current?.mustChangePassword) return items;
  if (hasRole('case_manager', 'social_worker', 'coordinator', 'head')) items.push(['#/tasks', 'nav_tasks']);
  if (hasRole('coordinator', 'head')) items.push(['#/escalations', 'nav_escalations']);
  if (hasRole('case_manager', 'social_worker', 'coordinator', 'head')) items.push(['#/cases', 'nav_cases']);
  if (hasRole('case_manager', 'social_worker', 'coordinator', 'head')) items.push(['#/referral', 'nav_new_referral']);
  if (hasRole('coordinator', 'head', 'admin')) items.push(['#/incidents', 'nav_incidents']);
  if (hasRole('methodologist', 'admin')) items.push(['#/definitions', 'nav_definitions']);
  if (hasRole('admin')) items.push(['#/users', 'nav_users']);
  if (hasRole('admin')) items.push(['#/tokens', 'nav_tokens']);
  if (hasRole('methodologist', 'head')) items.push(['#/approvals', 'nav_approvals']);
  items.push(['#/inbox', 'nav_inbox']);
  return items;
}
