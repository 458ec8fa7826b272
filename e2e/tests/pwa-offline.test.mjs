// Offline: after one online visit, a reload without any network shows the
// shell and every screen already seen, from the phone's store, labelled with
// when it was last updated; a screen never seen says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import { signInUI, swControlled } from '../lib/pwa.mjs';

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

test('offline reload shows the shell and cached data with its "last updated" label', async () => {
  const ctx = await browser.newContext();
  try {
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInUI(page, server, '+6281200000001');
    await swControlled(page);
    await page.getByText('5049 0686 8948 2700').waitFor();
    await page.getByRole('link', { name: 'Insentif' }).click();
    await page.getByRole('heading', { name: 'Jadwal insentif' }).waitFor();
    await page.getByText('Insentif tahap 3').waitFor();
    await page.getByRole('link', { name: 'Beranda' }).click();
    await page.getByText('5049 0686 8948 2700').waitFor();
    await page.waitForLoadState('networkidle');

    await ctx.setOffline(true);
    await page.reload();
    // The shell (from the service worker) and the dashboard (from IndexedDB).
    await page.getByRole('heading', { name: 'Halo, Siti Rahmawati' }).waitFor();
    await page.getByText('5049 0686 8948 2700').waitFor();
    const label = page.locator('main .updated');
    await label.waitFor();
    assert.match(await label.innerText(), /^Terakhir diperbarui .+ · offline, data tersimpan$/);
    assert.equal(await page.locator('#net').innerText(), 'Offline');

    // Another screen seen before, opened from a cold start offline.
    await page.goto(server.url + '/insentif');
    await page.getByText('Insentif tahap 3').waitFor();
    assert.match(await page.locator('main .updated').innerText(), /offline, data tersimpan/);

    // A screen never opened: a clear message, not a broken page.
    await page.goto(server.url + '/lowongan');
    await page.getByRole('heading', { name: 'Lowongan' }).waitFor();
    await page.getByText('belum pernah dibuka').waitFor();
    assert.deepEqual(errors, []);

    // Back online, the same screen refreshes by itself.
    await ctx.setOffline(false);
    await page.goto(server.url + '/insentif');
    await page.getByText('Insentif tahap 3').waitFor();
    await page.waitForFunction(() => !/offline/.test(document.querySelector('main .updated')?.textContent || 'offline'));
  } finally {
    await ctx.close();
  }
});
