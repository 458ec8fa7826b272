// Helpers for the PWA's browser tests: signing in through the UI, waiting
// for the service worker, and counting bytes on the wire (CDP Network
// events of the page, and the server's own request log).
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { waitFor } from './server.mjs';

const root = resolve(import.meta.dirname, '..', '..');

// recentIncentive makes the account's first incentive payment `days` days
// old in the server's database (see e2e/dbfixture), so that its evaluation
// surveys are open: with days=40, Survei Evaluasi I and II.
export function recentIncentive(server, phone, days = 40) {
  execFileSync('go', ['run', './e2e/dbfixture', '-db', join(server.dataDir, 'prakerja.db'),
    '-recent-incentive', phone, '-days', String(days)], { cwd: root, stdio: 'pipe' });
}

// ageCodes makes the sign-in codes sent to a phone two minutes old (see
// e2e/dbfixture), so the UI may sign in a phone the API just signed in.
export function ageCodes(server, phone) {
  execFileSync('go', ['run', './e2e/dbfixture', '-db', join(server.dataDir, 'prakerja.db'), '-age-codes', phone],
    { cwd: root, stdio: 'pipe' });
}

// signInUI signs a phone in on the sign-in screen and waits for the app to
// leave it.
export async function signInUI(page, server, phone, { next = '' } = {}) {
  await page.goto(server.url + '/masuk' + (next ? '?next=' + encodeURIComponent(next) : ''));
  await page.getByLabel('Nomor HP').fill(phone);
  const mark = server.log.length;
  await page.getByRole('button', { name: 'Kirim kode' }).click();
  const code = await waitFor(() => { try { return server.codeFor(phone, mark); } catch { return null; } });
  await page.getByLabel('Kode dari SMS').fill(code);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/masuk'));
}

// pageToken returns the session token the app keeps in IndexedDB (to look
// at the server's side of the same account through the API).
export function pageToken(page) {
  return page.evaluate(() => new Promise((ok, fail) => {
    const r = indexedDB.open('prakerja');
    r.onsuccess = () => {
      const g = r.result.transaction('kv').objectStore('kv').get('token');
      g.onsuccess = () => ok(g.result);
      g.onerror = () => fail(g.error);
    };
    r.onerror = () => fail(r.error);
  }));
}

// swControlled waits until the page is controlled by the active service
// worker (precache complete).
export async function swControlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

// netLog records the page's requests through CDP: url, bytes on the wire
// (encodedDataLength: headers and compressed body), served by the service
// worker or not.
export async function netLog(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const byId = new Map();
  const get = (id) => byId.get(id) || byId.set(id, { id }).get(id);
  cdp.on('Network.requestWillBeSent', (e) => { Object.assign(get(e.requestId), { url: e.request.url, method: e.request.method }); });
  cdp.on('Network.responseReceived', (e) => {
    Object.assign(get(e.requestId), { status: e.response.status, fromSW: !!e.response.fromServiceWorker,
      fromCache: !!e.response.fromDiskCache, encoding: e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || '' });
  });
  cdp.on('Network.loadingFinished', (e) => { get(e.requestId).bytes = e.encodedDataLength; });
  cdp.on('Network.loadingFailed', (e) => { get(e.requestId).failed = e.errorText; });
  return {
    entries: () => [...byId.values()].filter((r) => r.url && !r.url.startsWith('data:')),
    total(filter = () => true) { return this.entries().filter(filter).reduce((n, r) => n + (r.bytes || 0), 0); },
    clear: () => byId.clear(),
    // settled waits (up to 10 s) until at least one request matches and every
    // matching request has finished or failed, and returns them.
    async settled(filter, timeout = 10000) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const rs = this.entries().filter(filter);
        if (rs.length > 0 && rs.every((r) => r.bytes !== undefined || r.failed)) return rs;
        if (Date.now() > deadline) throw new Error(`requests did not settle: ${JSON.stringify(rs)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    detach: () => cdp.detach(),
  };
}

// serverRequests returns the requests the server logged (needs -log-level
// debug) from log line `since` on: {method, path, status, bytes}; bytes is
// the response body as sent (compressed).
export function serverRequests(server, since = 0) {
  const out = [];
  for (const line of server.log.slice(since)) {
    if (!line.includes('msg=http ')) continue;
    const f = Object.fromEntries([...line.matchAll(/(\w+)=("[^"]*"|\S+)/g)].map((m) => [m[1], m[2].replace(/^"|"$/g, '')]));
    out.push({ method: f.method, path: f.path, status: Number(f.status), bytes: Number(f.bytes) });
  }
  return out;
}
