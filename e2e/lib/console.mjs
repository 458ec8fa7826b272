// Helpers for the console's browser tests (/konsol/): signing in through
// its screen or its dialog, reading the session token it shares with the
// PWA (IndexedDB 'prakerja', store 'kv', key 'token'), and API calls with
// an API key.
import { before, after } from 'node:test';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startServer, waitFor } from './server.mjs';
import { launch } from './browser.mjs';
export { pageToken } from './pwa.mjs';

// codeInto fills the phone and code steps of a sign-in form inside scope
// (the page or a dialog).
export async function codeInto(scope, server, phone) {
  await scope.getByLabel('Nomor HP').fill(phone.replace(/^\+62/, '0'));
  const mark = server.log.length;
  await scope.getByRole('button', { name: 'Kirim kode' }).click();
  const code = await waitFor(() => { try { return server.codeFor(phone, mark); } catch { return null; } });
  await scope.getByLabel('Kode dari SMS').fill(code);
  await scope.getByRole('button', { name: 'Masuk', exact: true }).click();
}

// signInConsole signs a phone in on the console's sign-in screen and waits
// for the console's home (or the `next` page).
export async function signInConsole(page, server, phone, next = '') {
  await page.goto(server.url + '/konsol/masuk' + (next ? '?next=' + encodeURIComponent(next) : ''));
  await codeInto(page, server, phone);
  await page.waitForURL((u) => u.pathname.startsWith('/konsol') && !u.pathname.startsWith('/konsol/masuk'));
  await page.locator('#nav a').first().waitFor();
}

// gqlKey posts an operation with an API key.
export async function gqlKey(url, query, variables, key) {
  const r = await fetch(`${url}/graphql`, { method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `ApiKey ${key}` }, body: JSON.stringify({ query, variables }) });
  return r.json();
}

// pageErrors collects uncaught errors of a page (a test asserts none).
export function pageErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

// ageCodes makes the codes sent to phone two minutes old (e2e/dbfixture),
// so the account can request a new one at once.
export function ageCodes(server, phone) {
  execFileSync('go', ['run', './e2e/dbfixture', '-db', join(server.dataDir, 'prakerja.db'), '-age-codes', phone],
    { cwd: resolve(import.meta.dirname, '..', '..'), stdio: 'pipe' });
}

// suite starts, for one test file, a server with demo data and a browser
// (env.server, env.browser once the tests run), and stops them after.
export function suite(opts) {
  const env = {};
  before(async () => {
    env.server = await startServer(opts);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

// desk opens a browser context the size of a desktop screen.
export const desk = (browser) => browser.newContext({ viewport: { width: 1280, height: 900 } });
