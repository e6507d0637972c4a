// A small REST client for preparing test data through the API as a given user: keeps the session
// cookie and sends the CSRF token, as the browser does.
export class ApiClient {
  constructor(baseUrl) {
    this.base = new URL('api/v1', baseUrl).href;
    this.cookie = '';
    this.csrf = '';
  }

  async signIn(login, password) {
    const body = await this.request('POST', '/session', { login, password });
    this.csrf = body.csrf_token ?? body.csrf ?? '';
    if (!this.csrf) this.csrf = (await this.request('GET', '/me')).csrf_token ?? '';
    return body;
  }

  async request(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.cookie) headers.Cookie = this.cookie;
    if (method !== 'GET' && this.csrf) headers['X-CSRF-Token'] = this.csrf;
    const response = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const setCookie = response.headers.getSetCookie?.() ?? [];
    if (setCookie.length) this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : {};
  }

  get(path) { return this.request('GET', path); }
  post(path, body = {}) { return this.request('POST', path, body); }
}

export function listOf(body, key) {
  if (Array.isArray(body)) return body;
  return body?.[key] ?? body?.items ?? [];
}
