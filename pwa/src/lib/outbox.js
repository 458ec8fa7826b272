// The outbox: mutations made on the phone, kept in IndexedDB until the
// server has answered them. Shared by the page and the service worker.
//
// Guarantees (see docs/pwa.md):
// - Each item gets a client id (crypto.randomUUID) when it is queued; the
//   mutation carries it as its idempotency key (clientId), so re-sending after
//   a lost answer cannot create a second record on the server.
// - The request body is frozen when queued (and its SHA-256 kept): the same id
//   is never sent with different content.
// - An item leaves "waiting" only on a server answer: success -> sent;
//   refusal (CONFLICT, BAD_USER_INPUT, FORBIDDEN, NOT_FOUND...) -> refused, with
//   the server's reason kept and shown. A network failure or a transient
//   server error keeps it waiting; nothing is deleted by the flush.
// - Items are sent one at a time in queue order; within a stream (e.g. all
//   survey answers, all settings changes) an item never overtakes one that is
//   still waiting. One flush runs at a time across tabs and the service
//   worker (Web Locks).
import { tx, all, get } from './idb.js';
import { postBody, setToken } from './gql.js';

const inPage = typeof window !== 'undefined';
const chan = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('prakerja-outbox') : null;
const subs = new Set();
export const onChange = (f) => { subs.add(f); return () => subs.delete(f); };
const notify = () => subs.forEach((f) => f());
function changed() { notify(); if (chan) chan.postMessage('changed'); }
if (chan) chan.onmessage = notify;

const KEEP_SENT_MS = 7 * 24 * 3600e3;

async function digest(text) {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const unsent = (it) => it.status === 'waiting' || it.status === 'sending';

// enqueue queues a mutation. variables may be a function of the item's id
// (to put it in the input as clientId). Resolves once the item is stored.
export async function enqueue({ stream, kind, label, query, variables, account, meta }) {
  const id = crypto.randomUUID();
  const vars = typeof variables === 'function' ? variables(id) : variables;
  const body = JSON.stringify({ query, variables: vars });
  const item = {
    id, stream, kind, label, body, digest: await digest(body), account, meta: meta || {},
    status: 'waiting', tries: 0, createdAt: Date.now(),
  };
  await tx(['outbox', 'kv'], 'readwrite', (o, kv) => {
    const r = kv.get('seq');
    r.onsuccess = () => {
      item.seq = (r.result || 0) + 1;
      kv.put(item.seq, 'seq');
      o.add(item);
    };
  });
  changed();
  if (inPage) {
    mirror();
    askPersist();
    registerSync();
  }
  flush();
  return item;
}

export async function list() {
  return (await all('outbox')).sort((a, b) => a.seq - b.seq);
}

async function save(it, patch) {
  Object.assign(it, patch);
  await tx(['outbox'], 'readwrite', (o) => { o.put(it); });
  changed();
}

function withLock(fn) {
  return navigator.locks ? navigator.locks.request('prakerja-outbox', fn) : fn();
}

let running = null;
let again = false;
let timer = 0;

// flush sends what can be sent now. Concurrent calls coalesce; it resolves
// with the number of items still unsent.
export function flush() {
  if (running) { again = true; return running; }
  running = (async () => {
    let left;
    do { again = false; left = await withLock(run); } while (again);
    return left;
  })().finally(() => { running = null; });
  return running;
}

async function run() {
  const token = await get('kv', 'token');
  const account = await get('kv', 'account');
  const items = await list();
  let left = 0;
  // Signed out, or certainly offline (navigator.onLine false is reliable;
  // true is not, so a send is the real test): nothing can go now.
  if (!token || !account || navigator.onLine === false) return items.filter(unsent).length;
  setToken(token);
  const blocked = new Set();
  let retryIn = 0;
  for (const it of items) {
    if (!unsent(it)) continue;
    left++;
    if (it.account !== account.id || blocked.has(it.stream)) { blocked.add(it.stream); continue; }
    if (it.notBefore > Date.now()) {
      blocked.add(it.stream);
      retryIn = Math.min(retryIn || Infinity, it.notBefore - Date.now());
      continue;
    }
    if ((await digest(it.body)) !== it.digest) {
      await save(it, { status: 'refused', reason: 'Isi antrean rusak di perangkat; tidak dikirim.', code: 'CORRUPT' });
      left--;
      continue;
    }
    await save(it, { status: 'sending', tries: it.tries + 1, lastTry: Date.now() });
    try {
      const data = await postBody(it.body);
      await save(it, { status: 'sent', sentAt: Date.now(), error: null, notBefore: 0, result: data });
      left--;
    } catch (e) {
      const code = e.code || 'NETWORK';
      if (code === 'NETWORK' || code === 'UNAUTHENTICATED') {
        // Offline, or the session ended: nothing more can go now.
        await save(it, { status: 'waiting', error: code });
        return left + items.filter((x) => unsent(x) && x.seq > it.seq).length;
      }
      if (e.transient || /^GRAPHQL_/.test(code)) {
        // A server that is busy, failing, or does not know this mutation yet:
        // keep the item (and its stream) waiting and retry later.
        const wait = Math.min(5e3 * 2 ** Math.min(it.tries, 7), 600e3);
        await save(it, { status: 'waiting', error: code, reason: e.message, notBefore: Date.now() + wait });
        blocked.add(it.stream);
        retryIn = Math.min(retryIn || Infinity, wait);
        continue;
      }
      await save(it, { status: 'refused', code, reason: reasonOf(e), fields: e.fields, refusedAt: Date.now() });
      left--;
    }
  }
  if (retryIn && retryIn !== Infinity) {
    clearTimeout(timer);
    timer = setTimeout(flush, retryIn + 50);
  }
  return left;
}

function reasonOf(e) {
  const f = Object.values(e.fields || {});
  return f.length && !f.includes(e.message) ? e.message + ': ' + f.join('; ') : e.message;
}

// retry makes waiting items due now (the user pressed "send now").
export async function retry() {
  await withLock(async () => {
    for (const it of await list()) if (unsent(it) && it.notBefore) await save(it, { notBefore: 0 });
  });
  return flush();
}

// remove deletes an item the user chose to discard (refused or still
// waiting); the UI asks for confirmation first. Never called by the flush.
export function remove(id) {
  return withLock(async () => {
    await tx(['outbox'], 'readwrite', (o) => { o.delete(id); });
    changed();
    if (inPage) mirror();
  });
}

// prune forgets sent items after a week.
export async function prune() {
  const old = (await list()).filter((it) => it.status === 'sent' && Date.now() - it.sentAt > KEEP_SENT_MS);
  if (old.length) {
    await tx(['outbox'], 'readwrite', (o) => old.forEach((it) => o.delete(it.id)));
    mirror();
  }
}

// mirror keeps the ids of unsent items in localStorage too, so that an
// outbox wiped with the site's storage can be noticed (lost() below).
async function mirror() {
  try {
    const ids = (await list()).filter((it) => it.status !== 'sent').map((it) => it.id);
    localStorage.setItem('prakerja-outbox', JSON.stringify(ids));
  } catch { /* storage unavailable */ }
}

// lost returns how many queued items disappeared from IndexedDB without
// being sent or removed by the user (storage cleared or evicted).
export async function lost() {
  let ids = [];
  try { ids = JSON.parse(localStorage.getItem('prakerja-outbox') || '[]'); } catch { /* none */ }
  if (!ids.length) return 0;
  const have = new Set((await list()).map((it) => it.id));
  const n = ids.filter((id) => !have.has(id)).length;
  mirror();
  return n;
}

// Persistent storage protects the outbox from eviction when the phone is
// short of space. Asked for once something is queued.
export async function askPersist() {
  try {
    if (navigator.storage && navigator.storage.persist && !(await navigator.storage.persisted())) {
      await navigator.storage.persist();
    }
  } catch { /* not supported */ }
}

export async function registerSync() {
  try {
    const reg = await navigator.serviceWorker.ready;
    if (reg.sync) await reg.sync.register('outbox');
  } catch { /* Background Sync unsupported: online/start triggers still flush */ }
}
