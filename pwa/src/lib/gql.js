// GraphQL over HTTP. Queries go as automatic persisted queries by GET (the
// SHA-256 of the text only; the text is sent once, when the server asks for
// it), so a repeated screen costs a few hundred bytes. Mutations go by POST.
// Every failure is a GqlError with the server's extensions.code; a failed
// connection has code NETWORK.

let token = '';
let locale = 'id';
export const setToken = (t) => { token = t || ''; };
export const hasToken = () => !!token;
export const setLanguage = (l) => { locale = l; };

// onAuthLost is called when the server says the session is no longer valid.
export const hooks = { onAuthLost: null };

export class GqlError extends Error {
  constructor(message, code, ext = {}, status = 0) {
    super(message);
    this.code = code;
    this.ext = ext;
    this.status = status;
  }
  // fields maps input paths to messages (BAD_USER_INPUT).
  get fields() { return this.ext.fields || {}; }
  // transient errors are worth retrying later with the same request.
  get transient() {
    return ['NETWORK', 'UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR', 'HTTP'].includes(this.code);
  }
}

const hashes = new Map();
async function sha256(text) {
  let h = hashes.get(text);
  if (!h) {
    const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    h = [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
    hashes.set(text, h);
  }
  return h;
}

function headers(json) {
  const hd = { 'accept-language': locale };
  if (token) hd.authorization = 'Bearer ' + token;
  if (json) hd['content-type'] = 'application/json';
  return hd;
}

async function send(url, init) {
  let r;
  try {
    r = await fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    throw new GqlError(String(e.message || e), 'NETWORK');
  }
  let body;
  try {
    body = await r.json();
  } catch {
    throw new GqlError('HTTP ' + r.status, 'HTTP', {}, r.status);
  }
  const e = body.errors && body.errors[0];
  if (e) {
    const code = (e.extensions && e.extensions.code) || (r.status >= 500 ? 'HTTP' : 'BAD_REQUEST');
    const err = new GqlError(e.message, code, e.extensions, r.status);
    if (r.status === 401 && token && hooks.onAuthLost) hooks.onAuthLost(err);
    // Partial data with field errors is still an error for this app.
    throw err;
  }
  if (!r.ok) throw new GqlError('HTTP ' + r.status, 'HTTP', {}, r.status);
  return body.data;
}

const opName = (q) => (q.match(/^\s*(?:query|mutation)\s+(\w+)/) || [])[1] || '';

// query runs a read as a persisted query by GET.
export async function query(q, variables = {}) {
  const hash = crypto.subtle ? await sha256(q) : '';
  if (!hash) return post(q, variables);
  const base = '/graphql?operationName=' + opName(q) +
    '&variables=' + encodeURIComponent(JSON.stringify(variables)) +
    '&extensions=' + encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  try {
    return await send(base, { headers: headers() });
  } catch (e) {
    if (e.code !== 'PERSISTED_QUERY_NOT_FOUND') throw e;
    return send(base + '&query=' + encodeURIComponent(q), { headers: headers() });
  }
}

// post sends any operation by POST (mutations, and reads without WebCrypto).
export const post = (q, variables = {}) => postBody(JSON.stringify({ operationName: opName(q), query: q, variables }));

// postBody sends a request body exactly as given (the outbox's frozen items).
export const postBody = (body) => send('/graphql', { method: 'POST', headers: headers(true), body });
