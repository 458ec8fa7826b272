// Issue 3's journey in the PWA, in Chromium: a new applicant (a phone not in
// the demo data, an identity of the embedded registry that verifies) signs
// in, registers, takes the ability test answering every question in the UI,
// joins the open wave; staff close the wave and run the selection (through
// the API, as an admin would); the PWA then shows "terpilih" and the card
// number.
//
// The server runs with -test-pass-mark 0: the answer key is server-side only
// and the API does not reveal it, so the UI answers every question and any
// score passes. Scoring itself is covered by the Go tests of the journey.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, gql } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import { signInUI } from '../lib/pwa.mjs';

const PHONE = '+6285700000123';
const ADMIN = '+6281100000001';
let server;
let browser;
before(async () => {
  server = await startServer({ args: ['-test-pass-mark', '0'] });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a new applicant goes from sign-in to "terpilih" with a card number', async () => {
  const [who] = server.identities(1);
  const ctx = await browser.newContext();
  try {
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // 1. Sign in: a first sign-in creates the applicant's account.
    await signInUI(page, server, PHONE);
    await page.waitForURL('**/daftar');

    // 2. Register with every field of RegistrationInput.
    await page.getByLabel('NIK (16 angka)').fill(who.nik);
    await page.getByLabel('Nomor Kartu Keluarga (16 angka)').fill(who.kkNumber);
    await page.getByLabel('Nama lengkap').fill(who.fullName);
    await page.getByLabel('Tanggal lahir').fill(who.birthDate);
    await page.getByLabel('Tempat lahir').fill(who.birthPlace);
    await page.getByLabel(who.gender === 'female' ? 'Perempuan' : 'Laki-laki').check();
    await page.getByLabel('Nama ibu kandung').fill(who.motherMaidenName);
    const province = page.getByLabel('Provinsi domisili');
    await page.locator(`#${await province.getAttribute('id')} option[data-code="${who.regencyCode.slice(0, 2)}"]`).waitFor({ state: 'attached' });
    const provinceId = await page.locator(`option[data-code="${who.regencyCode.slice(0, 2)}"]`).getAttribute('value');
    await province.selectOption(provinceId);
    const regency = page.getByLabel('Kabupaten/kota domisili');
    await page.locator(`option[value="${who.regencyCode}"]`).waitFor({ state: 'attached' });
    await regency.selectOption(who.regencyCode);
    await page.getByLabel('Perdesaan').check();
    await page.getByLabel('Pendidikan terakhir').selectOption('senior_secondary');
    await page.getByLabel('Status pekerjaan').selectOption('not_working');
    await page.getByRole('button', { name: 'Daftar dan verifikasi' }).click();

    // 3. Verified: straight to the ability test, one question per screen.
    await page.waitForURL('**/tes');
    await page.getByRole('button', { name: 'Mulai tes' }).click();
    const counter = page.getByText(/^Soal \d+ dari \d+$/);
    await counter.waitFor();
    const total = Number((await counter.innerText()).match(/dari (\d+)/)[1]);
    assert.ok(total >= 10, `${total} questions`);
    for (let i = 1; i <= total; i++) {
      await page.getByText(`Soal ${i} dari ${total}`, { exact: true }).waitFor();
      await page.locator('fieldset input[type=radio]').nth((i * 7) % 4).check();
      await page.getByText(`${i} dari ${total} soal dijawab`).waitFor();
      if (i === 5) {
        // A reload (a dropped connection, a closed tab) resumes at the same
        // question with every answer kept.
        await page.getByText('Semua jawaban tersimpan di server').waitFor();
        await page.reload();
        await page.getByText(`Soal 5 dari ${total}`, { exact: true }).waitFor();
        await page.getByText(`5 dari ${total} soal dijawab`).waitFor();
        assert.equal(await page.locator('fieldset input[type=radio]:checked').count(), 1);
        assert.match(await page.getByRole('timer').innerText(), /^Sisa waktu \d+:\d\d$/);
      }
      if (i < total) await page.getByRole('button', { name: 'Berikutnya' }).click();
    }
    // Every answer reached the server before handing in.
    await page.getByText('Semua jawaban tersimpan di server').waitFor();
    await page.getByRole('button', { name: 'Kumpulkan tes' }).click();
    await page.getByText(/Selamat, Anda lulus tes dengan nilai \d+/).waitFor();

    // 4. Join the open wave (23).
    await page.getByRole('link', { name: 'Gabung gelombang' }).click();
    await page.getByRole('button', { name: 'Gabung Gelombang 23' }).click();
    await page.getByText('Anda sudah bergabung di gelombang ini.').waitFor();
    const app = page.locator('li[data-wave="23"]');
    await app.getByText('menunggu').waitFor();

    // 5. Staff close the wave and run the auditable lottery.
    const admin = await server.signIn(ADMIN);
    const wave = (await gql(server.url, '{ currentWave { id number } }', {}, admin)).data.currentWave;
    assert.equal(wave.number, 23);
    for (const m of ['closeWave(waveId: $w) { id status }', 'runSelection(waveId: $w) { selected applicants }']) {
      const res = await gql(server.url, `mutation($w: ID!) { ${m} }`, { w: wave.id }, admin);
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    }

    // 6. The PWA shows the result and the card number.
    await page.reload();
    await page.getByRole('heading', { name: 'Selamat, Anda terpilih!' }).waitFor();
    await app.getByText('terpilih', { exact: true }).waitFor();
    const card = await page.locator('[data-card]').getAttribute('data-card');
    assert.match(card, /^\d{16}$/);
    assert.equal((await page.locator('[data-card]').innerText()).replace(/ /g, ''), card);
    // The dashboard is now the recipient's.
    await page.getByRole('link', { name: 'Beranda' }).click();
    await page.getByRole('heading', { name: 'Kartu Prakerja Anda' }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});
