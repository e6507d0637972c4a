// Names for the "user:<login>" and "actor:<id>" references the engine keeps, from the tenant's
// users and actors directory (loaded once per sign-in; the reference itself when unknown).
import { api, listOf } from './api.js';

let names = null;

export async function loadNames() {
  if (names) return names;
  names = new Map();
  const [users, actors] = await Promise.allSettled([api.get('/users'), api.get('/actors')]);
  if (users.status === 'fulfilled') {
    for (const u of listOf(users.value, 'users')) names.set(`user:${u.login}`, u.name || u.login);
  }
  if (actors.status === 'fulfilled') {
    for (const a of listOf(actors.value, 'actors')) names.set(`actor:${a.id}`, a.organisation || a.name || a.id);
  }
  return names;
}

export function forgetNames() { names = null; }

export function nameOf(ref) {
  if (typeof ref !== 'string') return ref?.name ?? JSON.stringify(ref);
  return names?.get(ref) ?? ref;
}
