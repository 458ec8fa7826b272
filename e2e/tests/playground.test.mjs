// The playground as an app developer meets it in Chromium: example tabs
// instead of GraphiQL's welcome text, a sign-in panel that puts the token
// into GraphiQL's headers, `me` answered with the signed-in role, sign-out,
// every script from this server under its Content Security Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { getIntrospectionQuery, buildClientSchema, parse, validate } from 'graphql';
import { startServer, gql, waitFor } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';

let server;
before(async () => { server = await startServer({ recipients: 50 }); });
after(async () => { await server?.stop(); });

const editor = (page, sel) => page.evaluate((s) => document.querySelector(s)?.CodeMirror.getValue() ?? null, sel);
const HEADERS = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';

test('sign in through the panel, run me, see the role, sign out', async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ locale: 'id-ID' }); // the SMS in Indonesian, as server.codeFor reads it
    const problems = [];
    page.on('console', (m) => { if (/Content Security Policy|integrity/i.test(m.text())) problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('requestfailed', (r) => problems.push(`failed ${r.url()}`));
    page.on('request', (r) => { if (!r.url().startsWith(server.url)) problems.push(`outside request ${r.url()}`); });
    const resp = await page.goto(`${server.url}/playground`);
    assert.match(resp.headers()['content-security-policy'], /script-src 'self'/);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });

    // Example operations, not the stock welcome text.
    const tabs = await page.locator('.graphiql-tab').allInnerTexts();
    assert.deepEqual(tabs.map((t) => t.trim()), ['Me', 'CurrentWave', 'Courses', 'Dashboard', 'PartnerPurchases']);
    const first = await editor(page, '.graphiql-query-editor .CodeMirror');
    assert.match(first, /query Me \{/);
    assert.doesNotMatch(first, /Welcome to GraphiQL/);

    // Sign in: phone, code from the server's log, token in the headers.
    const mark = server.log.length;
    await page.fill('input[name=phone]', '081100000001');
    await page.click('text=Kirim kode / send code');
    await page.waitForSelector('input[name=code]');
    const code = await waitFor(() => { try { return server.codeFor('+6281100000001', mark); } catch { return null; } })
      .catch((e) => { throw new Error(e.message + ': ' + server.log.slice(mark).join('\n')); });
    await page.fill('input[name=code]', code);
    await page.click('button:has-text("Masuk / Sign in")');
    const token = await page.locator('[data-testid=token]').innerText({ timeout: 10_000 });
    assert.ok(token.length > 20, `token shown: ${token}`);
    await page.waitForSelector('text=(admin)');
    const headers = await waitFor(() => editor(page, HEADERS));
    assert.deepEqual(JSON.parse(headers), { Authorization: `Bearer ${token}` });

    // Run `me`: the request carries the token and the answer the role.
    const auth = [];
    page.on('request', (r) => { if (r.url().endsWith('/graphql') && /query Me/.test(r.postData() || '')) auth.push(r.headers().authorization); });
    await page.click('button.graphiql-execute-button');
    const shown = await waitFor(() => page.evaluate(() => {
      const v = document.querySelector('.result-window .CodeMirror')?.CodeMirror.getValue() || '';
      return v.includes('"role"') ? v : null;
    }));
    assert.equal(JSON.parse(shown).data.me.role, 'admin');
    assert.deepEqual(auth, [`Bearer ${token}`]);

    // Sign out: the session ends on the server and the headers empty.
    await page.click('text=Keluar / Sign out');
    await page.waitForSelector('input[name=phone]');
    assert.deepEqual(JSON.parse(await waitFor(() => editor(page, HEADERS))), {});
    const after = await gql(server.url, '{ me { id } }', {}, token);
    assert.equal(after.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED', JSON.stringify(after));
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a wrong code is shown in the panel', async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(`${server.url}/playground`);
    await page.fill('input[name=phone]', '081100000002');
    await page.click('text=Kirim kode / send code');
    await page.fill('input[name=code]', '000000');
    await page.click('button:has-text("Masuk / Sign in")');
    const alert = await page.locator('[role=alert]').innerText({ timeout: 10_000 });
    assert.ok(alert.length > 5, alert);
    assert.equal(await page.locator('[data-testid=token]').count(), 0);
  } finally {
    await browser.close();
  }
});

test('every example operation validates against the served schema', async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/playground`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    const res = await gql(server.url, getIntrospectionQuery());
    const schema = buildClientSchema(res.data);
    const n = await page.locator('.graphiql-tab').count();
    for (let i = 0; i < n; i++) {
      await page.locator('.graphiql-tab').nth(i).click();
      const text = await editor(page, '.graphiql-query-editor .CodeMirror');
      assert.deepEqual(validate(schema, parse(text)).map((e) => e.message), [], text);
    }
  } finally {
    await browser.close();
  }
});
