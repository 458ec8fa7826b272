// Screens against the real server in Chromium: the certificate's QR code on
// the dashboard decodes to its signed QR payload; the catalogue searches and
// shows a course with its reviews and a Buy form; opening a notification marks it
// read on the server (through the outbox) and goes to its screen; switching
// to English relabels the app and is saved with updateSettings; a
// registration the server refuses shows the message under its field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import jsQR from 'jsqr';
import { startServer, gql, waitFor } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import { signInUI, swControlled, pageToken } from '../lib/pwa.mjs';

const PHONE = '+6281200000001';
let server;
let browser;
let ctx;
let page;
let token;
before(async () => {
  server = await startServer();
  browser = await launch();
  ctx = await browser.newContext();
  page = await ctx.newPage();
  await signInUI(page, server, PHONE);
  await swControlled(page);
  token = await pageToken(page);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the certificate QR code on the dashboard decodes to its signed payload', async () => {
  await page.goto(server.url + '/');
  // The demo certificate's year follows the date it was issued (the demo
  // history follows the current date).
  const cert = page.locator('[data-cert$="/DEMO0001"]');
  const svg = cert.locator('svg');
  await svg.waitFor();
  const number = await cert.getAttribute('data-cert');
  assert.match(number, /^PKJ\/\d{4}\/DEMO0001$/);
  assert.equal(await svg.getAttribute('aria-label'), `Kode QR sertifikat ${number}`);
  // The code holds the signed credential (issue 12): a big code, drawn big.
  const res0 = await gql(server.url, '{ me { recipient { certificates(first: 5) { edges { node { number qrPayload } } } } } }', {}, token);
  assert.equal(res0.errors, undefined, JSON.stringify(res0.errors));
  const want = res0.data.me.recipient.certificates.edges.map((e) => e.node).find((c) => c.number === number);
  assert.ok(want && want.qrPayload && want.qrPayload.startsWith('PKJ1:'), JSON.stringify(want));
  const { w, data } = await svg.evaluate(async (el) => {
    const size = 720;
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([el.outerHTML], { type: 'image/svg+xml' }));
    await img.decode();
    const c = document.createElement('canvas');
    c.width = c.height = size;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0, size, size);
    return { w: size, data: Array.from(g.getImageData(0, 0, size, size).data) };
  });
  const res = jsQR(Uint8ClampedArray.from(data), w, w);
  assert.equal(res && res.data, want.qrPayload);
});

test('the catalogue searches, and a course shows its reviews and how to buy it', async () => {
  await page.goto(server.url + '/pelatihan');
  await page.getByLabel('Cari judul pelatihan').fill('instagram');
  await page.getByRole('button', { name: 'Cari' }).click();
  await page.waitForURL('**/pelatihan?q=instagram');
  const first = page.locator('main .list a.row').first();
  await first.waitFor();
  const titles = await page.locator('main .list h3').allInnerTexts();
  assert.ok(titles.length > 0 && titles.some((x) => /instagram/i.test(x)), JSON.stringify(titles));
  await page.getByRole('status').filter({ hasText: /^\d+ hasil$/ }).waitFor();
  await first.click();
  await page.waitForURL(/\/pelatihan\/co/);
  await page.getByRole('heading', { name: /^Ulasan peserta \(\d+\)$/ }).waitFor();
  await page.getByRole('group', { name: 'Beli di mana?' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Beli pelatihan' }).isDisabled(), false);
  assert.equal(await page.getByText('segera hadir').count(), 0);
});

test('opening a notification marks it read on the server and opens its screen', async () => {
  // The server's notifications of the account: which are unread, by id.
  const unread = async () => {
    const res = await gql(server.url, '{ me { notifications(first: 50) { edges { node { id kind readAt } } } } }', {}, token);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data.me.notifications.edges.map((e) => e.node).filter((n) => n.readAt === null);
  };
  const before = await unread();
  const jobs = before.filter((n) => n.kind === 'job_match');
  assert.equal(jobs.length, 1, JSON.stringify(before));
  assert.ok(before.length > 1, 'another unread notification shows that only the opened one is marked');
  await page.goto(server.url + '/notifikasi');
  const job = page.locator('li[data-kind="job_match"] a');
  await job.locator('.badge', { hasText: 'Baru' }).waitFor();
  await job.click();
  await page.waitForURL('**/lowongan');
  // Exactly the opened notification is read now; the others stay unread.
  const after = await waitFor(async () => { const l = await unread(); return l.length < before.length ? l : null; });
  assert.deepEqual(after.map((n) => n.id), before.filter((n) => n.id !== jobs[0].id).map((n) => n.id));
});

test('switching to English relabels the app and is saved on the server', async () => {
  await page.goto(server.url + '/akun');
  await page.getByLabel('Bahasa', { exact: true }).selectOption('en');
  await page.getByRole('heading', { name: 'Account' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.locator('#nav a[href="/"]').innerText(), 'Home');
  const locale = async () => (await gql(server.url, '{ me { locale } }', {}, token)).data.me.locale;
  await waitFor(async () => (await locale()) === 'en');
  await page.goto(server.url + '/kotak-keluar');
  await page.locator('li[data-kind="settings"][data-status="sent"]').first().waitFor();
  // And back, so the other tests read Indonesian.
  await page.goto(server.url + '/akun');
  await page.getByLabel('Language', { exact: true }).selectOption('id');
  await page.getByRole('heading', { name: 'Akun' }).waitFor();
  await waitFor(async () => (await locale()) === 'id');
});

test('a registration the server refuses shows its message under the field', async () => {
  const [who] = server.identities(1);
  const ctx2 = await browser.newContext();
  try {
    const p = await ctx2.newPage();
    await signInUI(p, server, '+6285700000456');
    await p.waitForURL('**/daftar');
    // A birth date that disagrees with the one inside the NIK.
    const d = new Date(who.birthDate + 'T00:00:00Z');
    d.setUTCFullYear(d.getUTCFullYear() - 1);
    await p.getByLabel('NIK (16 angka)').fill(who.nik);
    await p.getByLabel('Nomor Kartu Keluarga (16 angka)').fill(who.kkNumber);
    await p.getByLabel('Nama lengkap').fill(who.fullName);
    await p.getByLabel('Tanggal lahir').fill(d.toISOString().slice(0, 10));
    await p.getByLabel('Tempat lahir').fill(who.birthPlace);
    await p.getByLabel(who.gender === 'female' ? 'Perempuan' : 'Laki-laki').check();
    await p.getByLabel('Nama ibu kandung').fill(who.motherMaidenName);
    const prov = p.locator(`option[data-code="${who.regencyCode.slice(0, 2)}"]`);
    await prov.waitFor({ state: 'attached' });
    await p.getByLabel('Provinsi domisili').selectOption(await prov.getAttribute('value'));
    await p.locator(`option[value="${who.regencyCode}"]`).waitFor({ state: 'attached' });
    await p.getByLabel('Kabupaten/kota domisili').selectOption(who.regencyCode);
    await p.getByLabel('Perkotaan').check();
    await p.getByLabel('Pendidikan terakhir').selectOption('bachelor');
    await p.getByLabel('Status pekerjaan').selectOption('self_employed');
    await p.getByRole('button', { name: 'Daftar dan verifikasi' }).click();
    const input = p.getByLabel('Tanggal lahir');
    await p.waitForSelector('[aria-invalid="true"]');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    const msg = p.locator('.fld[data-name="birthDate"] .err');
    assert.ok((await msg.innerText()).length > 5, 'a message under the birth date');
    assert.equal(new URL(p.url()).pathname, '/daftar', 'nothing was registered');
  } finally {
    await ctx2.close();
  }
});
