// Every demo staff and partner account signs in to the console and opens
// every section its menu lists (the server's consoleSections): each screen
// loads without an error box, an uncaught error, or a GraphQL error, so no
// screen asks for data its own role may not read (e.g. a payout's
// recipient, which finance and payment partners do not see).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, desk, signInConsole } from '../lib/console.mjs';

const env = suite();
const ROLES = {
  '+6281100000001': 'admin', '+6281100000002': 'analyst', '+6281100000003': 'support', '+6281100000004': 'assessor',
  '+6281100000005': 'finance maker', '+6281100000006': 'finance checker', '+6281100000011': 'institution',
  '+6281100000012': 'platform', '+6281100000013': 'payment partner', '+6281100000014': 'job portal',
  '+6281100000015': 'second platform',
};

test('every role opens every section of its menu without an error', async () => {
  const problems = [];
  for (const [phone, role] of Object.entries(ROLES)) {
    const ctx = await desk(env.browser);
    try {
      const page = await ctx.newPage();
      page.on('pageerror', (e) => problems.push(`${role}: ${e.message}`));
      page.on('response', async (r) => {
        if (!r.url().endsWith('/graphql')) return;
        const body = await r.json().catch(() => ({}));
        for (const e of body.errors || []) problems.push(`${role}: ${page.url()} ${(e.path || []).join('.')} ${e.extensions && e.extensions.code}`);
      });
      await signInConsole(page, env.server, phone);
      const links = await page.locator('#nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(links.includes('/konsol/') && links.length > 1, `${role}: menu ${links}`);
      for (const href of links) {
        await page.locator(`#nav a[href="${href}"]`).click();
        await page.waitForURL((u) => u.pathname === href);
        await page.locator('main h1').waitFor();
        await page.waitForLoadState('networkidle');
        for (const box of await page.locator('main .box-err').allInnerTexts()) problems.push(`${role}: ${href} shows ${box}`);
      }
    } finally {
      await ctx.close();
    }
  }
  assert.deepEqual(problems, []);
});
