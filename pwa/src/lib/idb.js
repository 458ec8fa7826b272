// The app's IndexedDB (shared by the page and the service worker):
//   kv      small values: session token, account, capabilities, drafts
//   cache   GraphQL query results by operation and variables, with their time
//   outbox  mutations waiting to be sent (see outbox.js)
let dbp;

export function db() {
  return (dbp ||= new Promise((ok, fail) => {
    const r = indexedDB.open('prakerja', 1);
    r.onupgradeneeded = () => {
      const d = r.result;
      d.createObjectStore('kv');
      d.createObjectStore('cache');
      d.createObjectStore('outbox', { keyPath: 'id' }).createIndex('seq', 'seq');
    };
    r.onsuccess = () => {
      const d = r.result;
      d.onversionchange = () => { d.close(); dbp = null; };
      ok(d);
    };
    r.onerror = () => { dbp = null; fail(r.error); };
  }));
}

export const req = (r) => new Promise((ok, fail) => {
  r.onsuccess = () => ok(r.result);
  r.onerror = () => fail(r.error);
});

// tx runs fn(stores...) in one transaction and resolves with fn's result
// once the transaction has committed.
export async function tx(names, mode, fn) {
  const t = (await db()).transaction(names, mode);
  const res = fn(...names.map((n) => t.objectStore(n)));
  await new Promise((ok, fail) => {
    t.oncomplete = ok;
    t.onerror = t.onabort = () => fail(t.error || new Error('transaction aborted'));
  });
  return res instanceof IDBRequest ? res.result : res;
}

export const get = (store, key) => tx([store], 'readonly', (s) => s.get(key));
export const put = (store, val, key) => tx([store], 'readwrite', (s) => { s.put(val, key); });
export const del = (store, key) => tx([store], 'readwrite', (s) => { s.delete(key); });
export const all = (store) => tx([store], 'readonly', (s) => s.getAll());
export const clear = (store) => tx([store], 'readwrite', (s) => { s.clear(); });
