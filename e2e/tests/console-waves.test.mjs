// Issue 11, Done-when 1, in Chromium: an admin creates a wave in the console
// (the province quotas filled by "Bagi sesuai jumlah pendaftar", after a
// deliberate mismatch the server refuses, its error shown on the form, and
// a non-numeric cell refused by the form itself), opens it, closes it, runs
// the selection, and sees its phases, results, publication links and the
// verify command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gql } from '../lib/server.mjs';
import { suite, desk, signInConsole, pageErrors, pageToken } from '../lib/console.mjs';

const ADMIN = '+6281100000001';
const env = suite();

test('an admin creates, opens, closes and selects a wave and sees its publication', async () => {
  const ctx = await desk(env.browser);
  try {
    const page = await ctx.newPage();
    const errors = pageErrors(page);
    page.on('dialog', (d) => d.accept());
    await signInConsole(page, env.server, ADMIN);
    await page.locator('#nav').getByRole('link', { name: 'Gelombang' }).click();
    await page.getByRole('link', { name: 'Gelombang baru' }).click();
    await page.getByRole('heading', { name: 'Gelombang baru' }).waitFor();

    const token = await pageToken(page);
    const numbers = (await gql(env.server.url, '{waves(first:100){edges{node{number}}}}', {}, token)).data.waves.edges.map((e) => e.node.number);
    const number = Math.max(...numbers) + 1;
    await page.getByLabel('Nomor gelombang').fill(String(number));
    await page.getByLabel('Nama', { exact: true }).fill(`Gelombang ${number} uji konsol`);
    const now = Date.now();
    const wib = (ms) => new Date(ms + 7 * 3600e3).toISOString().slice(0, 16);
    await page.getByLabel('Dibuka (WIB)').fill(wib(now - 3600e3));
    await page.getByLabel('Ditutup (WIB)').fill(wib(now + 3 * 86400e3));
    await page.getByLabel('Jumlah kursi').fill('1000');

    // 34 provinces from the provinces connection, one quota input each.
    assert.equal(await page.locator('table.quotas tbody tr').count(), 34);

    // The form refuses a non-numeric quota itself, next to its cell.
    const dki = page.getByLabel('Kuota DKI Jakarta');
    await dki.fill('abc');
    await page.getByRole('button', { name: 'Buat gelombang' }).click();
    await page.locator('tr[data-province="31"] .err').getByText('Isi dengan angka bulat').waitFor();
    await page.locator('.summary .box-err').waitFor();

    // A deliberate mismatch: 10 seats in one province for a wave of 1000.
    await page.getByRole('button', { name: 'Kosongkan kuota' }).click();
    for (const code of await page.locator('table.quotas tbody tr').evaluateAll((rs) => rs.map((r) => r.dataset.province))) {
      await page.locator(`input[name="q_${code}"]`).fill(code === '31' ? '10' : '0');
    }
    await page.locator('output.sum.off').getByText('10 dari 1.000').waitFor();
    await page.getByRole('button', { name: 'Buat gelombang' }).click();
    const refusal = page.locator('[data-error-for="provinceQuotas"]:not([hidden]), table.quotas .err:not([hidden])').first();
    await refusal.waitFor();
    assert.match(await page.locator('.summary .box-err').innerText(), /1\.000|1000/);
    assert.match(page.url(), /\/konsol\/waves\/baru$/, 'nothing was created');

    // Quotas in proportion to the applicants: one click, the sum matches.
    await page.getByRole('button', { name: 'Bagi sesuai jumlah pendaftar' }).click();
    await page.locator('output.sum.ok').getByText('1.000 dari 1.000').waitFor();
    await page.locator('svg.chart').waitFor();
    await page.getByRole('button', { name: 'Buat gelombang' }).click();
    await page.waitForURL(/\/konsol\/waves\/(?!baru)[^/]+$/);
    await page.getByRole('heading', { name: new RegExp(`Gelombang ${number}`) }).waitFor();

    // Open, close, run the selection, each after a confirmation.
    for (const [button, status] of [['Buka gelombang', 'Dibuka'], ['Tutup gelombang', 'Ditutup'], ['Jalankan seleksi', 'Diumumkan']]) {
      await page.getByRole('button', { name: button }).click();
      await page.locator('dialog[open]').getByRole('button', { name: button }).click();
      await page.locator('.badge', { hasText: status }).first().waitFor();
    }
    await page.getByRole('heading', { name: 'Hasil seleksi' }).waitFor();
    await page.getByRole('link', { name: 'Hasil undian (CSV)' }).waitFor();
    const pub = await page.getByRole('link', { name: 'Ringkasan seleksi (JSON)' }).getAttribute('href');
    assert.equal(pub, `/publication/waves/${number}/selection.json`);
    const r = await fetch(env.server.url + pub);
    assert.equal(r.status, 200);
    const verify = await page.locator('pre[data-verify]').innerText();
    assert.match(verify, new RegExp(`verify-selection.*${number}|${number}.*verify-selection`));
    await page.locator('ol.timeline li').first().waitFor();
    assert.ok(await page.locator('ol.timeline li').count() >= 3, 'phases shown');
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});
