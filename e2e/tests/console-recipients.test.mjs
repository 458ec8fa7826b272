// Issue 11, Done-when 2, in Chromium: a support agent looks a recipient up
// by phone and by NIK (the NIK search asks for a reason first), opens the
// recipient's history, and reading the NIK and KK asks for a reason (at
// least 10 characters) that then shows in the audit log, read by an admin
// filtering by the agent's phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gql } from '../lib/server.mjs';
import { suite, desk, signInConsole, pageErrors } from '../lib/console.mjs';

const SUPPORT = '+6281100000003';
const ADMIN = '+6281100000001';
const RECIPIENT = '+6281200000001';
const REASON = 'Pengaduan 1500042 nomor 8812: cek identitas';
const env = suite();

test('support finds a recipient by phone and NIK; reading the NIK asks a reason that the audit log shows', async () => {
  // The owner sees her own NIK: what the agent should be shown.
  const own = await gql(env.server.url, '{me{recipient{id fullName nik kkNumber}}}', {}, await env.server.signIn(RECIPIENT));
  const { nik, kkNumber, fullName } = own.data.me.recipient;
  let recipientPath = '';
  assert.match(nik, /^\d{16}$/);

  const ctx = await desk(env.browser);
  try {
    const page = await ctx.newPage();
    const errors = pageErrors(page);
    await signInConsole(page, env.server, SUPPORT);
    await page.locator('#nav').getByRole('link', { name: 'Penerima' }).click();

    // By phone: no reason asked.
    await page.getByLabel('Cari penerima').fill('0812 0000 0001');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByRole('link', { name: fullName }).waitFor();
    assert.equal(await page.locator('dialog[open]').count(), 0);
    const masked = await page.locator('tbody tr td').nth(3).innerText();
    assert.ok(!masked.includes(nik) && masked.startsWith(nik.slice(0, 4)), `masked NIK ${masked}`);

    // By NIK: the reason comes first, and a short one is refused.
    await page.getByLabel('Cari penerima').fill(nik);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByLabel('Alasan').fill('cek');
    await dialog.getByRole('button', { name: 'Lanjut' }).click();
    await dialog.getByText('Alasan paling sedikit 10 karakter.').waitFor();
    await dialog.getByLabel('Alasan').fill('Pencarian NIK untuk pengaduan 8812');
    await dialog.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('link', { name: fullName }).click();

    // The whole history, the NIK masked until a reason is given.
    await page.getByRole('heading', { name: fullName }).waitFor();
    for (const part of ['Pemeriksaan pendaftaran', 'Tes kemampuan', 'Gelombang dan hasil', 'Pembelian pelatihan', 'Insentif', 'Notifikasi', 'Pengaduan']) {
      await page.getByRole('heading', { name: part, exact: true }).waitFor();
    }
    assert.ok(!(await page.locator('main').innerText()).includes(nik));
    await page.getByRole('button', { name: 'Lihat NIK & KK' }).click();
    await dialog.getByLabel('Alasan').fill(REASON);
    await dialog.getByRole('button', { name: 'Lanjut' }).click();
    assert.equal(await page.locator('[data-nik]').innerText(), nik);
    assert.equal(await page.locator('[data-kk]').innerText(), kkNumber);
    recipientPath = new URL(page.url()).pathname;
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }

  // The admin reads the reason in the audit log, filtered by the agent.
  const actx = await desk(env.browser);
  try {
    const page = await actx.newPage();
    await signInConsole(page, env.server, ADMIN, '/audit');
    await page.getByLabel('Nomor HP pelaku').fill('081100000003');
    await page.getByLabel('Tindakan').fill('recipient.identity');
    await page.getByRole('button', { name: 'Saring' }).click();
    const row = page.locator('tbody tr', { hasText: REASON });
    await row.waitFor();
    assert.match(await row.innerText(), /recipient\.identity\.read/);
    assert.match(await row.innerText(), /081100000003|\+6281100000003/);

    // The admin revokes the card with a reason, after a confirmation.
    await page.goto(env.server.url + recipientPath);
    await page.getByRole('button', { name: 'Cabut' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByLabel('Alasan').fill('Terbukti menerima bansos ganda');
    await dialog.getByRole('button', { name: 'Lanjut' }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Cabut' }).click();
    await page.locator('.badge', { hasText: 'Dicabut' }).waitFor();
    await page.getByText('Terbukti menerima bansos ganda').waitFor();
  } finally {
    await actx.close();
  }
});
