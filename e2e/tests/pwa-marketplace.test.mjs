// Issue 12's done-when, in Chromium: a recipient just selected in wave 23
// (made through the API as pwa-journey does in the UI) sees the 30-day
// deadline, searches with a misspelt word ("pemasran"), buys a Tokopedia
// course after a confirmation showing the balance left, sees the redemption
// code and the deadline gone; buying offline is refused with a reason, and a
// purchase whose answer is lost is re-sent once with the same client id; the
// platform redeems both purchases and reports completion and a post-test of
// 75, once by GraphQL and once by xAPI; both certificates appear in Pelatihan
// Saya, where a review is written (staff hide it: the author sees why); with
// the browser offline a visitor who is not signed in checks the QR payload on
// /cek-sertifikat (accepted) and a tampered one (refused);
// `prakerja verify-certificate` agrees on both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { startServer, gql, waitFor } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import { signInUI, swControlled, ageCodes } from '../lib/pwa.mjs';

const PHONE = '+6285700000777';
const ADMIN = '+6281100000001';
const PLATFORM_OP = '+6281100000012'; // Tokopedia's operator
const ASSESSOR = '+6281100000004';
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

const must = (res, what) => {
  assert.equal(res.errors, undefined, `${what}: ${JSON.stringify(res.errors)}`);
  return res.data;
};

// selectedRecipient makes a new applicant (an identity of the embedded
// registry), registers, passes the test, joins wave 23, and has staff close
// the wave and run the selection. Returns the recipient's token and name.
async function selectedRecipient() {
  const token = await server.signIn(PHONE);
  const [who] = server.identities(1);
  const input = {
    nik: who.nik, kkNumber: who.kkNumber, fullName: who.fullName, birthDate: who.birthDate + 'T00:00:00Z',
    birthPlace: who.birthPlace, gender: who.gender, motherMaidenName: who.motherMaidenName, regencyCode: who.regencyCode,
    area: 'rural', education: 'senior_secondary', employment: 'not_working',
  };
  const reg = must(await gql(server.url, 'mutation($i:RegistrationInput!){register(input:$i){recipient{id status}failures{rule message}}}', { i: input }, token), 'register');
  assert.deepEqual(reg.register.failures, [], JSON.stringify(reg));
  const t = must(await gql(server.url, 'mutation{startAbilityTest{attempt{id}questions{id}}}', {}, token), 'start test').startAbilityTest;
  for (const q of t.questions) {
    must(await gql(server.url, 'mutation($a:ID!,$q:ID!){answerAbilityTest(attemptId:$a,questionId:$q,choice:0){id}}', { a: t.attempt.id, q: q.id }, token), 'answer');
  }
  must(await gql(server.url, 'mutation($a:ID!){submitAbilityTest(attemptId:$a){passed}}', { a: t.attempt.id }, token), 'submit');
  const wave = must(await gql(server.url, '{ currentWave { id number } }', {}, token), 'wave').currentWave;
  assert.equal(wave.number, 23);
  must(await gql(server.url, 'mutation($w:ID!){joinWave(waveId:$w){id}}', { w: wave.id }, token), 'join');
  const admin = await server.signIn(ADMIN);
  for (const m of ['closeWave(waveId: $w) { id status }', 'runSelection(waveId: $w) { selected applicants }']) {
    must(await gql(server.url, `mutation($w: ID!) { ${m} }`, { w: wave.id }, admin), m);
  }
  return { token, name: who.fullName };
}

const ME = '{ me { recipient { id status trainingBalance purchaseDeadline certificates(first: 10) { edges { node { number qrPayload course { title } } } } } } }';

// platformKey issues Tokopedia's operator a training:write key.
async function platformKey() {
  const op = await server.signIn(PLATFORM_OP);
  const me = must(await gql(server.url, '{ me { id } }', {}, op), 'operator').me;
  const k = must(await gql(server.url, 'mutation($id:ID!){createAPIKey(accountId:$id,label:"e2e platform",scopes:["training:write"]){key}}', { id: me.id }, op), 'key');
  return 'ApiKey ' + k.createAPIKey.key;
}

async function partner(key, query, variables) {
  const r = await fetch(server.url + '/graphql', {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: key }, body: JSON.stringify({ query, variables }),
  });
  return must(await r.json(), query.slice(0, 40));
}

// xapi posts statements as an LMS does (xAPI 1.0.3).
async function xapi(key, statements) {
  const r = await fetch(server.url + '/xapi/statements', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: key, 'x-experience-api-version': '1.0.3' },
    body: JSON.stringify(statements),
  });
  const body = await r.text();
  assert.equal(r.status, 200, `xAPI answered ${r.status}: ${body}`);
  return JSON.parse(body);
}

// statement is an xAPI statement about a purchase as internal/training reads
// them: the actor is the platform's learner id for the recipient under the
// server's public URL (-public-url; by default http://<-addr>), the
// activity the purchase's redemption code (its post-test for passed/failed).
const statement = (id, base, learner, code, verb, result) => ({
  id, timestamp: new Date().toISOString(),
  actor: { objectType: 'Agent', account: { homePage: base, name: learner } },
  verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } },
  object: { objectType: 'Activity', id: `${base}/xapi/activities/purchases/${code}${verb === 'passed' ? '/post-test' : ''}` },
  result,
});

// Base45 (RFC 9285), to tamper with a QR payload the way a forger would:
// unpack, change the holder's name, pack again (the signature stays).
const B45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
function b45decode(s) {
  const out = [];
  for (let i = 0; i < s.length; i += 3) {
    const c = [...s.slice(i, i + 3)].map((x) => B45.indexOf(x));
    const n = c[0] + c[1] * 45 + (c.length > 2 ? c[2] * 2025 : 0);
    if (c.length > 2) out.push(n >> 8, n & 255); else out.push(n);
  }
  return Buffer.from(out);
}
function b45encode(b) {
  let s = '';
  for (let i = 0; i < b.length; i += 2) {
    if (i + 1 < b.length) {
      const n = b[i] * 256 + b[i + 1];
      s += B45[n % 45] + B45[Math.floor(n / 45) % 45] + B45[Math.floor(n / 2025)];
    } else {
      s += B45[b[i] % 45] + B45[Math.floor(b[i] / 45)];
    }
  }
  return s;
}
function tamper(payload, name) {
  const raw = inflateRawSync(b45decode(payload.slice('PKJ1:'.length))).toString('latin1');
  assert.ok(raw.includes(name), 'the payload names the holder');
  return 'PKJ1:' + b45encode(deflateRawSync(Buffer.from(raw.replace(name, 'Orang Lain'), 'latin1')));
}

// buyHere buys the course on the page on Tokopedia and returns the purchase
// page's code; with lose, the answer to the first attempt is lost on the way
// back (the server did buy) and "Coba lagi" re-sends the same client id.
async function buyHere(page, balance, { lose = false } = {}) {
  await page.getByLabel('Tokopedia').check();
  await page.getByRole('button', { name: 'Beli pelatihan' }).click();
  const dlg = page.getByRole('dialog', { name: 'Yakin membeli pelatihan ini?' });
  await dlg.waitFor();
  const left = Number(await dlg.locator('[data-left]').getAttribute('data-left'));
  const p = Number(await dlg.locator('[data-price]').getAttribute('data-price'));
  assert.equal(left, balance - p, 'the balance left is the balance minus the price');
  assert.match(await dlg.innerText(), /Saldo Anda setelah membeli: Rp[\d.]+/);
  const sent = [];
  await page.route('**/graphql', async (route) => {
    const body = route.request().postData() || '';
    if (!body.includes('"operationName":"Buy"')) return route.fallback();
    sent.push(JSON.parse(body).variables.k);
    if (lose && sent.length === 1) {
      await route.fetch(); // the server buys...
      return route.abort('connectionreset'); // ...and its answer never arrives
    }
    return route.fallback();
  });
  await dlg.getByRole('button', { name: 'Ya, beli' }).click();
  if (lose) {
    await page.getByText('Sambungan terputus sebelum ada jawaban', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Coba lagi' }).click();
  }
  await page.waitForURL(/\/pelatihan-saya\/pu[^/?]+\?baru=/);
  await page.unroute('**/graphql');
  assert.equal(sent.length, lose ? 2 : 1);
  assert.equal(new Set(sent).size, 1, 'a re-sent attempt keeps its client id');
  const code = await page.locator('[data-code]').getAttribute('data-code');
  assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await page.getByText('Buka Tokopedia, lalu masukkan kode ini di sana untuk mulai belajar.').waitFor();
  return { code, price: p, left };
}

test('a new recipient finds a training with a misspelt word, buys it, the platform reports it, and the certificate checks out offline', async () => {
  const { token, name } = await selectedRecipient();
  const start = must(await gql(server.url, ME, {}, token), 'me').me.recipient;
  assert.equal(start.status, 'recipient');
  assert.ok(start.purchaseDeadline, 'a new recipient has the 30-day deadline');

  const ctx = await browser.newContext();
  const errors = [];
  try {
    const page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    ageCodes(server, PHONE);
    await signInUI(page, server, PHONE);
    await swControlled(page);

    // The dashboard states the deadline while it runs.
    await page.goto(server.url + '/');
    await page.locator('[data-deadline]').getByText(/^Sisa (29|30) hari untuk membeli pelatihan pertama$/).waitFor();

    // Search with a typo, only Tokopedia's courses.
    await page.getByRole('link', { name: 'Cari pelatihan' }).first().click();
    await page.getByLabel('Cari judul pelatihan').fill('pemasran');
    await page.getByText('Saring lagi', { exact: false }).click();
    const pf = page.getByLabel('Tempat belajar');
    await page.locator('#spf option', { hasText: 'Tokopedia' }).waitFor({ state: 'attached' });
    await pf.selectOption({ label: 'Tokopedia' });
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.waitForURL(/\/pelatihan\?q=pemasran&.*pf=/);
    const tokopedia = new URL(page.url()).searchParams.get('pf');
    const hit = page.locator('main .list a.row', { hasText: /Pemasaran/ }).first();
    await hit.waitFor();
    await page.getByRole('status').filter({ hasText: /^[1-9]\d* hasil$/ }).waitFor();
    await hit.click();
    await page.waitForURL(/\/pelatihan\/co/);
    const firstPath = new URL(page.url()).pathname;
    const first = await buyHere(page, start.trainingBalance);
    await page.locator('[data-deadline-gone]').getByText('Batas waktu 30 hari sudah tidak berlaku', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Salin kode' }).waitFor();

    // The deadline is gone on the dashboard and on the server.
    await page.goto(server.url + '/');
    await page.getByRole('heading', { name: 'Kartu Prakerja Anda' }).waitFor();
    await page.locator('main .updated').waitFor();
    assert.equal(await page.locator('[data-deadline]').count(), 0, 'the deadline is still shown');
    const mid = must(await gql(server.url, ME, {}, token), 'me').me.recipient;
    assert.equal(mid.purchaseDeadline, null);
    assert.equal(mid.trainingBalance, start.trainingBalance - first.price);

    // A second course, the cheapest on Tokopedia: offline, buying is refused
    // with the reason; back online it goes through.
    await page.goto(server.url + '/pelatihan?sort=PRICE_ASC&pf=' + encodeURIComponent(tokopedia));
    await page.locator('main .list a.row').first().waitFor();
    const cheap = page.locator(`main .list a.row:not([href="${firstPath}"])`).first();
    await cheap.click();
    await page.waitForURL(/\/pelatihan\/co/);
    await page.getByLabel('Tokopedia').check();
    await ctx.setOffline(true);
    await page.getByRole('button', { name: 'Beli pelatihan' }).click();
    await page.getByText('Membeli perlu sambungan internet', { exact: false }).waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0);
    await ctx.setOffline(false);
    const second = await buyHere(page, mid.trainingBalance, { lose: true });
    assert.equal(await page.locator('[data-deadline-gone]').count(), 0, 'only the first purchase says the deadline went');
    const after2 = must(await gql(server.url, '{ me { recipient { trainingBalance purchases(first: 10) { totalCount } } } }', {}, token), 'me').me.recipient;
    assert.equal(after2.purchases.totalCount, 2, 'the lost answer did not buy twice');
    assert.equal(after2.trainingBalance, mid.trainingBalance - second.price);

    // The platform: redeem and report, by GraphQL for the first course...
    const key = await platformKey();
    const at = () => new Date().toISOString();
    await partner(key, 'mutation($c:String!,$k:String!,$at:Time){redeemPurchase(code:$c,idempotencyKey:$k,at:$at){id status}}', { c: first.code, k: 'e2e-redeem-1', at: at() });
    await partner(key, 'mutation($c:String!,$k:String!,$at:Time){reportProgress(code:$c,percent:50,idempotencyKey:$k,at:$at){id progressPercent}}', { c: first.code, k: 'e2e-progress-1', at: at() });
    await partner(key, 'mutation($c:String!,$k:String!,$at:Time){reportCompletion(code:$c,idempotencyKey:$k,at:$at){id status}}', { c: first.code, k: 'e2e-complete-1', at: at() });
    const done = await partner(key, 'mutation($c:String!,$k:String!,$at:Time){reportTestScore(code:$c,test:POST,score:75,idempotencyKey:$k,at:$at){id status postTestScore}}', { c: first.code, k: 'e2e-post-1', at: at() });
    assert.equal(done.reportTestScore.status, 'completed');
    // ... and by xAPI statements for the second.
    const redeemed = await partner(key, 'mutation($c:String!,$k:String!){redeemPurchase(code:$c,idempotencyKey:$k){id status learnerId}}', { c: second.code, k: 'e2e-redeem-2' });
    const learner = redeemed.redeemPurchase.learnerId;
    const base = server.url; // the server's public URL: http://<-addr> unless -public-url says otherwise
    const ids = ['6f1c0c8e-7c57-4a59-9d0e-0a7a1b2c3d01', '6f1c0c8e-7c57-4a59-9d0e-0a7a1b2c3d02', '6f1c0c8e-7c57-4a59-9d0e-0a7a1b2c3d03'];
    const got = await xapi(key, [
      statement(ids[0], base, learner, second.code, 'progressed', { extensions: { 'https://w3id.org/xapi/cmi5/result/extensions/progress': 50 } }),
      statement(ids[1], base, learner, second.code, 'completed', { completion: true }),
      statement(ids[2], base, learner, second.code, 'passed', { success: true, score: { raw: 75, min: 0, max: 100, scaled: 0.75 } }),
    ]);
    assert.deepEqual(got, ids, 'the LRS answers the statement ids');

    // Both certificates in Pelatihan Saya, with a review written for one.
    const certs = await waitFor(async () => {
      const r = must(await gql(server.url, ME, {}, token), 'me').me.recipient;
      const cs = r.certificates.edges.map((e) => e.node);
      return cs.length === 2 && cs.every((c) => c.qrPayload) ? cs : null;
    });
    await page.goto(server.url + '/pelatihan-saya');
    for (const c of certs) await page.locator(`[data-cert="${c.number}"] svg`).waitFor();
    const form = page.locator('form[data-review-for]').first();
    await form.getByLabel('5 bintang').check();
    await form.getByLabel('Ceritakan pengalaman Anda').fill('Materinya jelas dan bisa langsung dipraktikkan.');
    await form.getByRole('button', { name: 'Kirim ulasan' }).click();
    await page.getByText('Ulasan Anda:').waitFor();
    assert.equal(await page.locator('form[data-review-for]').count(), 1, 'the other completed training still asks for a review');
    // Staff hide it: its author sees why.
    const mine = must(await gql(server.url, '{ me { recipient { reviews(first: 5) { edges { node { id } } } } } }', {}, token), 'reviews')
      .me.recipient.reviews.edges.map((e) => e.node);
    assert.equal(mine.length, 1);
    const assessor = await server.signIn(ASSESSOR);
    must(await gql(server.url, 'mutation($id:ID!,$r:String!){hideReview(reviewId:$id,reason:$r){id hiddenAt}}',
      { id: mine[0].id, r: 'Berisi nomor HP pribadi.' }, assessor), 'hide');
    await page.reload();
    await page.locator('[data-hidden]').getByText('Ulasan ini disembunyikan oleh petugas. Alasan: Berisi nomor HP pribadi.').waitFor();

    // A visitor (an employer, not signed in) checks the QR offline.
    const ctx2 = await browser.newContext();
    try {
      const v = await ctx2.newPage();
      v.on('pageerror', (e) => errors.push(e.message));
      await v.goto(server.url + '/cek-sertifikat');
      await v.getByRole('heading', { name: 'Cek sertifikat' }).waitFor();
      await swControlled(v);
      await v.waitForLoadState('networkidle');
      await ctx2.setOffline(true);
      await v.reload();
      await v.getByRole('heading', { name: 'Cek sertifikat' }).waitFor();
      const good = certs[0].qrPayload;
      const bad = tamper(good, name);
      await v.getByLabel('Isi kode QR').fill(good);
      await v.getByRole('button', { name: 'Periksa' }).click();
      const ok = v.locator('[data-outcome="valid"]');
      await ok.getByText('Sertifikat asli').waitFor();
      const okText = await ok.innerText();
      assert.ok(okText.includes(name), okText);
      assert.ok(okText.includes(certs[0].course.title), okText);
      await v.getByLabel('Isi kode QR').fill(bad);
      await v.getByRole('button', { name: 'Periksa' }).click();
      const no = v.locator('[data-outcome="refused"]');
      await no.getByText('Sertifikat tidak bisa diterima').waitFor();
      assert.equal(await no.getAttribute('data-code'), 'tampered');
      await no.getByText('Isi sertifikat sudah diubah orang', { exact: false }).waitFor();

      // The command line agrees, with no server (the DID document as a file).
      const dir = mkdtempSync(join(tmpdir(), 'prakerja-vc-'));
      const did = join(dir, 'did.json');
      writeFileSync(did, await (await fetch(server.url + '/.well-known/did.json')).text());
      const cli = (payload) => {
        try {
          return { ok: true, out: execFileSync(process.env.PRAKERJA_BIN, ['verify-certificate', '-did', did, payload], { encoding: 'utf8', stdio: 'pipe' }) };
        } catch (e) {
          return { ok: false, out: String(e.stdout) + String(e.stderr) };
        }
      };
      const a = cli(good);
      assert.ok(a.ok, a.out);
      assert.ok(a.out.includes(certs[0].number), a.out);
      const b = cli(bad);
      assert.equal(b.ok, false, b.out);
      assert.match(b.out, /tampered/);
    } finally {
      await ctx2.close();
    }
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});
