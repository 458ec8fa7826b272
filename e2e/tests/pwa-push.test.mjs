// Issue 4's browser check: a push delivered to the PWA's service worker
// (CDP ServiceWorker.deliverPushMessage, since this machine has no push
// service) with 'notifications' granted shows a notification built from the
// payload, and its notificationclick opens the deep-linked screen. The
// payloads are the server's own: rendered and encoded by push/ (see
// e2e/pushpayload), not hand-written copies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startServer, waitFor } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import { signInUI, swControlled } from '../lib/pwa.mjs';

const root = resolve(import.meta.dirname, '..', '..');

// serverPayload returns the Web Push body the server sends for an event of
// kind (push.Render, then push.WebPayload).
const serverPayload = (kind) => JSON.parse(execFileSync('go', ['run', './e2e/pushpayload', '-kind', kind],
  { cwd: root, encoding: 'utf8' }));

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// notifications lists what the service worker is showing.
const shown = (sw) => sw.evaluate(async () => (await self.registration.getNotifications())
  .map((n) => ({ title: n.title, body: n.body, tag: n.tag, link: n.data && n.data.link })));

// click dispatches notificationclick for the shown notification with tag.
const click = (sw, tag) => sw.evaluate(async (t) => {
  const [n] = await self.registration.getNotifications({ tag: t });
  self.dispatchEvent(new NotificationEvent('notificationclick', { notification: n }));
}, tag);

test('a pushed notification is shown and opens the screen it links to', async () => {
  const ctx = await browser.newContext();
  await ctx.grantPermissions(['notifications'], { origin: server.url });
  try {
    const page = await ctx.newPage();
    await signInUI(page, server, '+6281200000001');
    await swControlled(page);
    const cdp = await ctx.newCDPSession(page);
    const regs = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => regs.push(...e.registrations));
    await cdp.send('ServiceWorker.enable');
    const reg = await waitFor(() => regs.find((r) => r.scopeURL === server.url + '/' && !r.isDeleted));
    const sw = await waitFor(() => ctx.serviceWorkers()[0]);
    assert.equal(await page.evaluate(() => Notification.permission), 'granted');

    // The payload as the push service delivers the server's message: title,
    // body, the notification id as tag, and the deep link (also in data).
    const payload = serverPayload('selection_result');
    assert.equal(payload.link, '/gelombang', JSON.stringify(payload));
    // A push that reaches a worker still starting is dropped by Chromium,
    // and an idle worker may be replaced by a new one: deliver again until
    // the current worker shows it (the tag keeps it one notification).
    const worker = () => ctx.serviceWorkers().at(-1) || sw;
    const deliver = (data) => waitFor(async () => {
      await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.url, registrationId: reg.registrationId, data: JSON.stringify(data) });
      return waitFor(async () => { const l = await shown(worker()).catch(() => []); return l.length ? l : null; }, 3000).catch(() => null);
    }, 30_000);
    const [n] = await deliver(payload);
    assert.deepEqual(n, { title: payload.title, body: payload.body, tag: payload.id, link: '/gelombang' });
    assert.equal(n.title, 'Selamat, kamu lolos Gelombang 23!');

    // Clicking it routes the open window to the wave screen.
    assert.equal(new URL(page.url()).pathname, '/');
    await click(worker(), payload.id);
    await page.waitForURL('**/gelombang');
    await page.getByRole('heading', { name: 'Gelombang', exact: true }).waitFor();
    await page.getByText('Status pendaftaran gelombang').waitFor();
    assert.deepEqual(await shown(worker()), [], 'the notification was closed');

    // A second kind, linking to the incentive schedule.
    const reminder = serverPayload('payout_scheduled');
    const second = await deliver(reminder);
    assert.deepEqual(second, [{ title: 'Insentif tahap 3 dijadwalkan', body: reminder.body, tag: reminder.id, link: '/insentif' }]);
    await click(worker(), reminder.id);
    await page.waitForURL('**/insentif');
    await page.getByRole('heading', { name: 'Jadwal insentif' }).waitFor();
  } finally {
    await ctx.close();
  }
});
