// GraphQL for the console: every operation by POST with the session token
// (or an API key, for the sandbox), in the viewer's language. An error is an
// ApiError with the server's extensions (code, field/fields). When the
// server says UNAUTHENTICATED for a signed-in console (the session expired
// or was signed out elsewhere) the sign-in dialog opens over the page and
// the operation is sent again once signed in: the form keeps its values.
import { session } from '../../../pwa/src/lib/session.js';
import { lang, t } from './i18n.js';

export class ApiError extends Error {
  constructor(message, code, ext = {}, errors = []) {
    super(message);
    this.code = code;
    this.ext = ext;
    this.errors = errors;
  }
  // fields maps input paths to messages: extensions.fields, and
  // extensions.field with the message.
  get fields() {
    const f = { ...(this.ext.fields || {}) };
    if (this.ext.field && !f[this.ext.field]) f[this.ext.field] = this.message;
    return f;
  }
}

const hooks = { reauth: null };
// onReauth sets the function that signs the viewer in again (resolves true
// when it did).
export const onReauth = (f) => { hooks.reauth = f; };

// raw sends one request and returns the HTTP status and decoded body.
export async function raw(query, variables = {}, authorization) {
  const headers = { 'content-type': 'application/json', 'accept-language': lang };
  const auth = authorization ?? (session.token ? 'Bearer ' + session.token : '');
  if (auth) headers.authorization = auth;
  const op = (query.match(/^\s*(?:query|mutation)\s+(\w+)/) || [])[1];
  const r = await fetch('/graphql', { method: 'POST', headers, credentials: 'omit', cache: 'no-store',
    body: JSON.stringify({ operationName: op, query, variables }) });
  let body;
  try { body = await r.json(); } catch { body = { errors: [{ message: 'HTTP ' + r.status, extensions: { code: 'HTTP' } }] }; }
  return { status: r.status, body };
}

async function once(query, variables, partial, anonymous) {
  let res;
  try {
    res = await raw(query, variables, anonymous ? '' : undefined);
  } catch {
    throw new ApiError(t('err_network'), 'NETWORK');
  }
  const { data, errors = [] } = res.body;
  const unauth = errors.some((e) => e.extensions && e.extensions.code === 'UNAUTHENTICATED');
  if (errors.length && (!partial || !data || unauth)) {
    const e = (unauth && errors.find((x) => x.extensions.code === 'UNAUTHENTICATED')) || errors[0];
    throw new ApiError(e.message, (e.extensions && e.extensions.code) || 'ERROR', e.extensions || {}, errors);
  }
  return partial ? { data, errors } : data;
}

// gql runs an operation. With {partial: true} it returns {data, errors}
// when some fields failed (a list the role may not read) instead of
// throwing; {anonymous: true} sends no credentials (signing in).
export async function gql(query, variables = {}, { partial = false, anonymous = false } = {}) {
  try {
    return await once(query, variables, partial, anonymous);
  } catch (e) {
    if (!anonymous && e.code === 'UNAUTHENTICATED' && session.token && hooks.reauth && await reauth()) {
      return once(query, variables, partial, false);
    }
    throw e;
  }
}

// reauth opens one sign-in dialog however many requests found the session
// gone; they all wait for it.
let pending = null;
function reauth() {
  pending ||= hooks.reauth().finally(() => { pending = null; });
  return pending;
}

// nodes turns a connection into its nodes.
export const nodes = (c) => ((c && c.edges) || []).map((e) => e.node).filter(Boolean);
