// The signed-in account, kept in IndexedDB so the app (and the service
// worker's outbox flush) starts offline.
import { get, put, del, clear } from './idb.js';
import { setToken } from './gql.js';

export const session = { token: '', me: null, caps: null };

export async function restore() {
  try {
    session.token = (await get('kv', 'token')) || '';
    session.me = (await get('kv', 'account')) || null;
    session.caps = (await get('kv', 'caps')) || null;
  } catch { /* private mode without IndexedDB: start signed out */ }
  setToken(session.token);
  return session;
}

// signedIn keeps a new session; cached screens of another account are
// dropped (a shared phone must not show one person's data to another).
export async function signedIn(token, account) {
  const prev = await get('kv', 'account').catch(() => null);
  if (prev && prev.id !== account.id) await clear('cache');
  session.token = token;
  setToken(token);
  await put('kv', token, 'token');
  await saveMe(account);
}

export async function saveMe(account) {
  session.me = { ...(session.me || {}), ...account };
  await put('kv', session.me, 'account');
}

export async function saveCaps(data) {
  const names = [...(data.q?.fields || []), ...(data.m?.fields || [])].map((f) => f.name);
  session.caps = names;
  await put('kv', names, 'caps');
}

// has reports whether the server offers a query or mutation field.
export const has = (name) => !!session.caps && session.caps.includes(name);

// forgetSession signs out on this phone. Queued outbox items are kept: they
// belong to their account and are sent when it signs in again.
export async function forgetSession() {
  session.token = '';
  session.me = null;
  setToken('');
  await del('kv', 'token');
  await del('kv', 'account');
  await clear('cache');
}

export const recipient = () => (session.me && session.me.recipient) || null;
