// The one door to the REST API (/api/v1): JSON in and out, the session's CSRF token on every
// state-changing request, and errors turned into ApiError {status, code, message, said, fields,
// requestId}. A 401 on any request other than signing in calls the handler the app registers
// (back to the sign-in screen).
const base = '/api/v1';
let csrfToken = sessionStorage.getItem('souhra.csrf') || '';
let onUnauthorized = () => {};

export class ApiError extends Error {
  // fields: the server's per-field errors of a refused form, [{field: "steps.2.due", message}];
  // requestId: the id the server logged the request under ('' when it gave none);
  // said: the API's own sentence for people (its error body's message, always Czech), '' when
  // the answer was not the API's (a proxy's page, a network failure).
  constructor(status, code, message, path, { fields = [], requestId = '', said = '' } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.path = path;
    this.fields = fields;
    this.requestId = requestId;
    this.said = said;
  }
}

export function setCsrfToken(token) {
  csrfToken = token || '';
  if (csrfToken) sessionStorage.setItem('souhra.csrf', csrfToken);
  else sessionStorage.removeItem('souhra.csrf');
}

export function whenUnauthorized(handler) { onUnauthorized = handler; }

// Picks the CSRF token from a session or /me answer, whichever spelling the server uses.
export function csrfFrom(body) {
  return body?.csrf_token ?? body?.csrf ?? body?.session?.csrf_token ?? '';
}

async function request(method, path, body, { raw = false } = {}) {
  const headers = { Accept: raw ? '*/*' : 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(base + path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', e.message, path);
  }
  const text = await response.text();
  if (!response.ok) {
    let code = `http_${response.status}`;
    let message = text.slice(0, 300) || response.statusText;
    const details = {};
    try {
      const parsed = JSON.parse(text);
      code = parsed?.error?.code ?? code;
      message = parsed?.error?.message ?? message;
      if (typeof parsed?.error?.message === 'string') details.said = parsed.error.message;
      if (Array.isArray(parsed?.error?.fields)) details.fields = parsed.error.fields;
      if (parsed?.error?.request_id) details.requestId = String(parsed.error.request_id);
    } catch { /* not JSON: keep the text */ }
    const error = new ApiError(response.status, code, message, path, details);
    if (response.status === 401 && path !== '/session') onUnauthorized(error);
    throw error;
  }
  if (raw) return text;
  if (!text) return {};
  try { return JSON.parse(text); } catch { return { text }; }
}

export const api = {
  get: (path) => request('GET', path),
  getText: (path) => request('GET', path, undefined, { raw: true }),
  post: (path, body = {}) => request('POST', path, body),
  put: (path, body = {}) => request('PUT', path, body),
  patch: (path, body = {}) => request('PATCH', path, body),
  del: (path) => request('DELETE', path),
};

// Lists come either bare or wrapped ({items: [...]}, {cases: [...]}, …); this unwraps both.
export function listOf(body, ...keys) {
  if (Array.isArray(body)) return body;
  for (const key of [...keys, 'items', 'data', 'results']) {
    if (Array.isArray(body?.[key])) return body[key];
  }
  return [];
}

// A unique key per user action, so a retried request is applied once.
export function idempotencyKey() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}
