// Stale-while-revalidate reads from the local store: a screen gets the
// cached answer at once (if it has one), then the network's. Every answer is
// kept in IndexedDB with its time, so a screen seen once works offline and
// says when it was last updated.
import { get, put, tx } from './idb.js';
import { query } from './gql.js';

export const keyOf = (q, vars) => (q.match(/(?:query|mutation)\s+(\w+)/) || [, q])[1] + JSON.stringify(vars || {});

// watch calls cb({data, at, cached, error}) up to twice; the returned
// function stops it. opts.maxAge skips the network while the cache is
// younger (data saver).
export function watch(q, vars, cb, opts = {}) {
  let alive = true;
  const key = keyOf(q, vars);
  (async () => {
    let c;
    try { c = await get('cache', key); } catch { /* no store */ }
    if (!alive) return;
    if (c) cb({ data: c.data, at: c.at, cached: true });
    if (c && opts.maxAge && Date.now() - c.at < opts.maxAge) return;
    try {
      const data = await query(q, vars);
      const at = Date.now();
      put('cache', { data, at }, key).catch(() => {});
      if (alive) cb({ data, at });
    } catch (e) {
      if (alive) cb({ data: c && c.data, at: c && c.at, cached: !!c, error: e });
    }
  })();
  return () => { alive = false; };
}

// load returns fresh data (and caches it), or the cached copy when offline.
export async function load(q, vars) {
  const key = keyOf(q, vars);
  try {
    const data = await query(q, vars);
    put('cache', { data, at: Date.now() }, key).catch(() => {});
    return data;
  } catch (e) {
    const c = await get('cache', key).catch(() => null);
    if (c && e.code === 'NETWORK') return c.data;
    throw e;
  }
}

// forget drops cached answers of the named operations (after a mutation).
export function forget(...names) {
  return tx(['cache'], 'readwrite', (s) => {
    const r = s.openCursor();
    r.onsuccess = () => {
      const c = r.result;
      if (!c) return;
      if (names.some((n) => String(c.key).startsWith(n + '{'))) c.delete();
      c.continue();
    };
  });
}
