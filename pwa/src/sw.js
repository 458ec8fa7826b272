// The service worker: the shell from the precache (a second visit loads it
// with no network bytes), the outbox flushed by Background Sync, and Web Push
// notifications that open the screen they link to.
/* global PRECACHE, VERSION, ICON */
import { flush } from './lib/outbox.js';

const SHELL = 'shell-' + VERSION;
// Paths the server answers itself (never the app shell): the API, the
// playground, the console (its own app at /konsol/), publications, the
// public certificate page, the platforms' xAPI.
const SERVER = /^\/(graphql|playground|konsol|publication|metrics|healthz|readyz|sertifikat|xapi)(\/|$)/;
// The program's DID document (the keys certificates are signed with): the
// network's when there is one, else the copy kept here, so the certificate
// checker works with no signal, also for a visitor who never signed in.
const DID = '/.well-known/did.json';

self.addEventListener('install', (e) => {
  // Fingerprinted files may come from the HTTP cache (they never change);
  // the shell and the offline page are revalidated with the server.
  const reqs = PRECACHE.map((u) => (/\.[0-9a-f]{10}\.\w+$/.test(u) ? u : new Request(u, { cache: 'no-cache' })));
  e.waitUntil(caches.open(SHELL).then(async (c) => {
    await c.addAll(reqs);
    // Best effort: a server without certificates has no DID document yet.
    await c.add(new Request(DID, { cache: 'no-cache' })).catch(() => {});
  }).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (e) => {
  e.waitUntil((async () => {
    for (const k of await caches.keys()) if (k !== SHELL) await caches.delete(k);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (e) => {
  const r = e.request;
  if (r.method !== 'GET') return;
  const url = new URL(r.url);
  if (url.origin !== location.origin || SERVER.test(url.pathname)) return;
  if (url.pathname === DID) {
    e.respondWith((async () => {
      const c = await caches.open(SHELL);
      try {
        const res = await fetch(r, { cache: 'no-cache' });
        if (res.ok) await c.put(DID, res.clone());
        return res;
      } catch (err) {
        const kept = await c.match(DID);
        if (kept) return kept;
        throw err;
      }
    })());
    return;
  }
  if (r.mode === 'navigate') {
    // Every app route is the same shell; the router picks the screen.
    e.respondWith((async () => {
      const c = await caches.open(SHELL);
      return (await c.match('/')) || fetch(r).catch(async () => (await c.match('/offline.html')) || Response.error());
    })());
    return;
  }
  e.respondWith(caches.match(r, { cacheName: SHELL, ignoreSearch: true }).then((res) => res || fetch(r)));
});

self.addEventListener('sync', (e) => {
  if (e.tag !== 'outbox') return;
  // Rejecting asks the browser to try again later while items still wait.
  e.waitUntil(flush().then((left) => { if (left > 0) throw new Error(left + ' outbox items still waiting'); }));
});

self.addEventListener('message', (e) => {
  if (e.data && e.data.type === 'flush') e.waitUntil(flush());
});

// Payloads as the server sends them: {id, kind, title, body, link, tag,
// data: {link, ...}}.
self.addEventListener('push', (e) => {
  let p = {};
  try { p = e.data ? e.data.json() : {}; } catch { p = { body: e.data ? e.data.text() : '' }; }
  const data = p.data || {};
  const link = p.link || data.link || '/notifikasi';
  e.waitUntil(self.registration.showNotification(p.title || 'Kartu Prakerja', {
    body: p.body || '', tag: p.tag || p.id || undefined, icon: ICON, lang: p.lang || 'id',
    data: { ...data, link, id: p.id, kind: p.kind || data.kind },
  }));
});

// openLink shows the linked screen in an open window of the app (the page
// routes it without reloading), or opens one.
async function openLink(link) {
  let url = new URL(link || '/', location.origin);
  if (url.origin !== location.origin) url = new URL('/notifikasi', location.origin);
  const path = url.pathname + url.search;
  const wins = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const win = wins.find((c) => new URL(c.url).origin === location.origin);
  if (win) {
    try { await win.focus(); } catch { /* focusing needs a user gesture */ }
    win.postMessage({ type: 'navigate', url: path });
    return win;
  }
  return self.clients.openWindow(path);
}

self.addEventListener('notificationclick', (e) => {
  e.notification.close();
  const p = openLink(e.notification.data && e.notification.data.link);
  try { e.waitUntil(p); } catch { /* an event dispatched by a test harness */ }
});
