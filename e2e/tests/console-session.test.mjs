// Issue 11: a session that expires mid-form keeps what was typed. The admin
// types a new wave's values, the session is signed out elsewhere; pressing
// "Buat gelombang" opens the sign-in dialog over the form; signed in again,
// the form still holds every value and the action is sent again (the
// server answers, with its own refusal of the mismatched quotas, so nothing
// was lost on the way). A reload keeps the draft too; signing out clears it.
// Also: a partner who opens the recipient PWA lands in the console, and a
// recipient who opens the console is sent to the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gql } from '../lib/server.mjs';
import { signInUI } from '../lib/pwa.mjs';
import { suite, desk, signInConsole, codeInto, ageCodes, pageToken, pageErrors } from '../lib/console.mjs';

const ADMIN = '+6281100000001';
const PLATFORM = '+6281100000012';
const RECIPIENT = '+6281200000001';
const env = suite();

test('a session that expires mid-form keeps the typed values and the action is retried', async () => {
  const ctx = await desk(env.browser);
  try {
    const page = await ctx.newPage();
    const errors = pageErrors(page);
    await signInConsole(page, env.server, ADMIN, '/waves/baru');
    await page.getByRole('heading', { name: 'Gelombang baru' }).waitFor();
    await page.getByLabel('Nomor gelombang').fill('777');
    await page.getByLabel('Nama', { exact: true }).fill('Gelombang sesi habis');
    await page.getByLabel('Dibuka (WIB)').fill('2027-01-05T09:00');
    await page.getByLabel('Ditutup (WIB)').fill('2027-01-12T09:00');
    await page.getByLabel('Jumlah kursi').fill('500');
    await page.getByLabel('Kuota JAWA BARAT').fill('120');

    // A reload keeps the draft (sessionStorage).
    await page.reload();
    await page.getByText('Isian yang belum terkirim dipulihkan.').waitFor();
    assert.equal(await page.getByLabel('Nama', { exact: true }).inputValue(), 'Gelombang sesi habis');
    assert.equal(await page.getByLabel('Kuota JAWA BARAT').inputValue(), '120');
    for (const code of await page.locator('table.quotas tbody tr').evaluateAll((rs) => rs.map((r) => r.dataset.province))) {
      if (code !== '32') await page.locator(`input[name="q_${code}"]`).fill('0');
    }

    // The session ends elsewhere (signed out with its token).
    const token = await pageToken(page);
    const out = await gql(env.server.url, 'mutation{signOut}', {}, token);
    assert.equal(out.data.signOut, true);
    ageCodes(env.server, ADMIN);

    await page.getByRole('button', { name: 'Buat gelombang' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByRole('heading', { name: 'Masuk lagi' }).waitFor();
    assert.equal(await dialog.getByLabel('Nomor HP').inputValue(), '081100000001');
    await codeInto(dialog, env.server, ADMIN);
    await dialog.waitFor({ state: 'detached' });

    // Retried with the same values: the server's answer is about them.
    await page.locator('.summary .box-err').waitFor();
    assert.match(await page.locator('.summary .box-err').innerText(), /500/);
    assert.equal(await page.getByLabel('Nomor gelombang').inputValue(), '777');
    assert.equal(await page.getByLabel('Kuota JAWA BARAT').inputValue(), '120');
    assert.notEqual(await pageToken(page), token, 'a new session');

    // Signing out clears the drafts.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL('**/konsol/masuk');
    assert.equal(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('konsol.')).length), 0);
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

test('a partner who opens the recipient app lands in the console; a recipient who opens the console goes to the app', async () => {
  const ctx = await desk(env.browser);
  try {
    const page = await ctx.newPage();
    const errors = pageErrors(page);
    // Signing in on the PWA's own screen hands over to the console.
    await signInUI(page, env.server, PLATFORM);
    await page.waitForURL('**/konsol/');
    await page.locator('#nav a').first().waitFor();
    assert.match(await page.locator('#who').innerText(), /platform digital/);
    // Opening the app again, already signed in, goes to the console too.
    await page.goto(env.server.url + '/');
    await page.waitForURL('**/konsol/');
    await page.locator('#nav a').first().waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
  const rctx = await env.browser.newContext();
  try {
    const page = await rctx.newPage();
    await signInUI(page, env.server, RECIPIENT);
    await page.goto(env.server.url + '/konsol/recipients');
    await page.waitForURL((u) => !u.pathname.startsWith('/konsol'));
  } finally {
    await rctx.close();
  }
});
