// The PWA's byte budgets, measured in Chromium: the first visit (shell and
// first screen) under 50 KB on the wire, compressed; a dashboard's GraphQL
// answer under 4 KB; repeated reads as persisted-query GETs of a few hundred
// bytes; a second visit that loads the shell with no network bytes; and the
// app installable (manifest, icons, service worker).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../lib/server.mjs';
import { launch, chromiumPath, chromiumArgs } from '../lib/browser.mjs';
import { signInUI, swControlled, netLog, serverRequests } from '../lib/pwa.mjs';

const KB = 1024;
const SHELL = /\/($|masuk|offline\.html|sw\.js|[\w-]+\.[0-9a-f]{10}\.\w+)/;
let server;
let browser;
before(async () => {
  server = await startServer({ args: ['-log-level', 'debug'] });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const report = {};
after(() => console.log('measured bytes:', JSON.stringify(report)));

test('first visit: shell and sign-in screen under 50 KB compressed; second visit: shell from the service worker', async () => {
  const ctx = await browser.newContext();
  try {
    const page = await ctx.newPage();
    const net = await netLog(page);
    const mark = server.log.length;
    await page.goto(server.url + '/');
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await swControlled(page);
    await page.waitForLoadState('networkidle');
    const first = net.entries();
    const pageBytes = net.total();
    // Everything the server sent for this visit, the service worker's
    // precache included (bodies, compressed).
    const served = serverRequests(server, mark);
    const serverBytes = served.reduce((n, r) => n + r.bytes, 0);
    report.firstVisitPage = pageBytes;
    report.firstVisitServerBodies = serverBytes;
    report.firstVisitRequests = first.map((r) => `${new URL(r.url).pathname} ${r.bytes}${r.encoding ? ' ' + r.encoding : ''}`);
    assert.ok(pageBytes > 5 * KB, `implausibly few bytes: ${pageBytes}`);
    assert.ok(pageBytes < 50 * KB, `first visit ${pageBytes} bytes: ${JSON.stringify(report.firstVisitRequests)}`);
    assert.ok(serverBytes < 50 * KB, `server sent ${serverBytes} bytes in all: ${JSON.stringify(served)}`);
    for (const r of first.filter((x) => /\.(js|html|json|webmanifest|svg)$|\/$/.test(new URL(x.url).pathname) && x.status === 200)) {
      assert.match(r.encoding, /^(br|gzip)$/, `${r.url} not compressed`);
    }

    // Second visit, same browser: the shell comes from the service worker's
    // precache; the server sends none of it.
    net.clear();
    const mark2 = server.log.length;
    const page2 = await ctx.newPage();
    const net2 = await netLog(page2);
    await page2.goto(server.url + '/pelatihan');
    await page2.getByRole('heading', { name: 'Katalog pelatihan' }).waitFor();
    await page2.waitForLoadState('networkidle');
    const shell2 = net2.entries().filter((r) => SHELL.test(new URL(r.url).pathname));
    assert.ok(shell2.length >= 2, `shell requests seen: ${JSON.stringify(shell2)}`);
    for (const r of shell2) assert.ok(r.fromSW, `${r.url} did not come from the service worker`);
    const shellFromServer = serverRequests(server, mark2).filter((r) => SHELL.test(r.path) && r.path !== '/sw.js');
    assert.deepEqual(shellFromServer, [], 'the server sent shell files on the second visit');
    report.secondVisitShellFromServer = shellFromServer.reduce((n, r) => n + r.bytes, 0);
  } finally {
    await ctx.close();
  }
});

test('dashboard answer under 4 KB compressed; a repeated screen is a persisted-query GET of a few hundred bytes', async () => {
  const ctx = await browser.newContext();
  try {
    const page = await ctx.newPage();
    await signInUI(page, server, '+6281200000001');
    await page.getByRole('heading', { name: 'Kartu Prakerja Anda' }).waitFor();
    await page.waitForLoadState('networkidle');
    const net = await netLog(page);
    await page.reload();
    await page.getByRole('heading', { name: 'Kartu Prakerja Anda' }).waitFor();
    await page.waitForLoadState('networkidle');
    const home = (await net.settled((r) => r.url.includes('/graphql?operationName=Home'))).find((r) => !r.failed);
    assert.ok(home, 'the dashboard query was sent as a GET');
    assert.equal(home.method, 'GET');
    assert.ok(!home.url.includes('query='), 'the query text was sent again');
    assert.ok(home.bytes < 4 * KB, `dashboard answer ${home.bytes} bytes`);
    report.dashboardAnswer = home.bytes;
    // The request itself: hash and variables only.
    report.dashboardRequestUrl = new URL(home.url).search.length;
    assert.ok(report.dashboardRequestUrl < 300, `request URL ${report.dashboardRequestUrl} chars`);

    // A screen seen before (the wave screen), opened again: a few hundred bytes.
    await page.goto(server.url + '/gelombang');
    await page.getByRole('heading', { name: 'Gelombang', exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    net.clear();
    await page.getByRole('link', { name: 'Beranda' }).click();
    await page.getByRole('link', { name: 'Gelombang' }).first().click();
    await page.getByText('terpilih').first().waitFor();
    // Client-side navigation: 'networkidle' does not wait for the app's own
    // fetches, so wait until every Waves request has finished or failed.
    const waves = await net.settled((r) => r.url.includes('operationName=Waves')).then((all) => all.filter((r) => !r.failed));
    assert.ok(waves.length >= 1, 'no Waves read finished');
    for (const r of waves) {
      assert.equal(r.method, 'GET');
      assert.ok(!r.url.includes('query='), `the repeated read sent its query text: ${r.url}`);
      assert.ok(r.bytes < 1500, `repeated Waves read ${r.bytes} bytes`);
    }
    report.repeatedWavesRead = waves.map((r) => r.bytes);
  } finally {
    await ctx.close();
  }
});

test('installable: manifest with icons (maskable too) and a service worker', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pwa-profile-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = ctx.pages()[0] || await ctx.newPage();
    await page.goto(server.url + '/');
    await swControlled(page);
    const cdp = await ctx.newCDPSession(page);
    const m = await cdp.send('Page.getAppManifest');
    assert.deepEqual(m.errors, []);
    const manifest = JSON.parse(m.data);
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
    assert.ok(manifest.icons.some((i) => i.sizes === '512x512'));
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
