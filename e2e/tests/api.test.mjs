// The API as app developers meet it: a standard GraphQL client loads the
// schema, and the playground opens in a real browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { getIntrospectionQuery, buildClientSchema, parse, validate, printSchema } from 'graphql';
import { startServer, gql, waitFor } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import * as pwaQueries from '../../pwa/src/queries.js';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('graphql-js loads the schema through introspection', async () => {
  const res = await gql(server.url, getIntrospectionQuery());
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const schema = buildClientSchema(res.data);
  assert.ok(schema.getType('Recipient'), 'Recipient type');
  assert.ok(schema.getType('Node'), 'Relay Node interface');
  assert.ok(printSchema(schema).includes('scalar Rupiah'));
  const doc = parse(`query Node($id: ID!) { node(id: $id) { id ... on Course { title price } } }
    query Catalog { courses(first: 5, where: { category: it }, orderBy: [{ field: PRICE, direction: ASC }]) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id title price } } } }`);
  assert.deepEqual(validate(schema, doc), []);
});

test('every operation the PWA sends validates against the served schema', async () => {
  const res = await gql(server.url, getIntrospectionQuery());
  const schema = buildClientSchema(res.data);
  const ops = Object.entries(pwaQueries).filter(([, v]) => typeof v === 'string' && /^\s*(query|mutation)\b/.test(v));
  assert.ok(ops.length >= 20, `${ops.length} operations found`);
  for (const [name, text] of ops) {
    assert.deepEqual(validate(schema, parse(text)).map((e) => e.message), [], name);
  }
});

test('the catalogue answers anonymous clients', async () => {
  const res = await gql(server.url, '{ courses(first: 3) { totalCount edges { node { title price } } } }');
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  assert.ok(res.data.courses.totalCount > 1000, `courses: ${res.data.courses.totalCount}`);
  assert.equal(res.data.courses.edges.length, 3);
});

test('the playground opens and runs a query in Chromium', async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const failed = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(`${server.url}/playground`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    assert.deepEqual(failed, []);
    // GraphiQL fetched the schema: the docs explorer lists the root types.
    await page.click('button[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('text=Query', { timeout: 10_000 });

    // It runs a query: typed into the editor, executed, answered by the
    // server with what the API gives any client.
    const query = '{ courses(first: 2, orderBy: [{ field: TITLE, direction: ASC }]) { totalCount edges { node { id title } } } }';
    const want = await gql(server.url, query);
    assert.equal(want.errors, undefined, JSON.stringify(want.errors));
    const sent = [];
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/graphql')) sent.push(r.postDataJSON()); });
    await page.evaluate((q) => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(q), query);
    await page.click('button.graphiql-execute-button');
    const shown = await waitFor(() => page.evaluate(() => {
      const v = document.querySelector('.result-window .CodeMirror')?.CodeMirror.getValue() || '';
      return v.includes('totalCount') ? v : null;
    }));
    assert.deepEqual(JSON.parse(shown), { data: want.data });
    assert.ok(sent.some((b) => b.query === query), `the query was sent: ${JSON.stringify(sent)}`);
  } finally {
    await browser.close();
  }
});
