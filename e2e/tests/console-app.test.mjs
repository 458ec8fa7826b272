// The console as a whole: every GraphQL operation it sends is valid against
// the server's schema (introspected, so a field renamed on either side
// fails here and not on a screen) and every read stays within the API's
// limits (cost, size) as an admin, the shell's headers, and what the
// console weighs on a first load (bytes on the wire, compressed), printed
// for docs/console.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildClientSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { gql } from '../lib/server.mjs';
import { netLog } from '../lib/pwa.mjs';
import { suite } from '../lib/console.mjs';
import * as queries from '../../console/src/queries.js';

const env = suite();

test('every operation of the console is valid against the server schema', async () => {
  const r = await fetch(env.server.url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }) });
  const schema = buildClientSchema((await r.json()).data);
  const problems = [];
  for (const [name, doc] of Object.entries(queries)) {
    if (typeof doc !== 'string') continue;
    for (const e of validate(schema, parse(doc))) problems.push(`${name}: ${e.message}`);
  }
  assert.deepEqual(problems, []);
});

// sample gives each required variable a value of its type (ids need not
// exist: the limits are counted before the resolvers run).
function sample(def) {
  if (def.type.kind !== 'NonNullType') return undefined;
  const name = def.type.type.name && def.type.type.name.value;
  return { ID: 'xx01', String: '081200000001', Int: 100 }[name];
}

test('every read of the console stays within the API limits', async () => {
  const token = await env.server.signIn('+6281100000001');
  const limits = ['COMPLEXITY_LIMIT_EXCEEDED', 'QUERY_TOO_LARGE', 'RESPONSE_TOO_LARGE'];
  const problems = [];
  for (const [name, doc] of Object.entries(queries)) {
    if (typeof doc !== 'string' || !doc.startsWith('query')) continue;
    const op = parse(doc).definitions[0];
    const vars = Object.fromEntries(op.variableDefinitions.map((d) => [d.variable.name.value, sample(d)]).filter(([, v]) => v !== undefined));
    const res = await gql(env.server.url, doc, vars, token);
    for (const e of res.errors || []) if (limits.includes(e.extensions && e.extensions.code)) problems.push(`${name}: ${e.message}`);
  }
  assert.deepEqual(problems, []);
});

test('the console shell: its own headers, client routes, and its weight on a first load', async () => {
  const shell = await fetch(env.server.url + '/konsol/waves/anything', { headers: { 'accept-encoding': 'br' } });
  assert.equal(shell.status, 200);
  assert.match(shell.headers.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.equal(shell.headers.get('content-encoding'), 'br');
  assert.equal(shell.headers.get('cache-control'), 'no-cache');

  const ctx = await env.browser.newContext();
  try {
    const page = await ctx.newPage();
    const net = await netLog(page);
    await page.goto(env.server.url + '/konsol/');
    await page.getByRole('heading', { name: 'Masuk ke konsol' }).waitFor();
    const rs = await net.settled((e) => e.url.includes('/konsol/'));
    const bytes = rs.reduce((n, e) => n + (e.bytes || 0), 0);
    console.log('console first load:', JSON.stringify({ bytes, requests: rs.map((e) => ({ url: e.url.replace(env.server.url, ''), bytes: e.bytes, encoding: e.encoding })) }));
    assert.ok(rs.every((e) => e.url.endsWith('.svg') || e.encoding === 'br'), 'every text file brotli-compressed');
    assert.ok(bytes < 100 * 1024, `first load ${bytes} bytes`);
  } finally {
    await ctx.close();
  }
});
