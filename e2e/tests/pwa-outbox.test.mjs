// The offline outbox, end to end in Chromium against the real server:
// - a survey answered offline survives closing the page, is shown as waiting
//   when the app is reopened offline, and is sent once online: the server
//   holds exactly one response and the app says "terkirim";
// - an answer whose reply was lost on the way back is re-sent with the same
//   client id, and Background Sync replays do not duplicate it either;
// - a submission the server refuses (the survey was answered elsewhere in
//   the meantime) is marked "ditolak" with the server's reason, not dropped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, gql, waitFor } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import { signInUI, swControlled, recentIncentive, pageToken } from '../lib/pwa.mjs';

const PHONE = '+6281200000001';
let server;
let browser;
let ctx; // one phone (browser profile) for both tests, signed in once
let token; // the app's own session, to look at the server's side
before(async () => {
  server = await startServer();
  recentIncentive(server, PHONE, 40); // Survei Evaluasi I and II open now
  browser = await launch();
  ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signInUI(page, server, PHONE);
  await swControlled(page);
  token = await pageToken(page);
  await page.close();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function surveys() {
  const res = await gql(server.url, `{ mySurveys { survey { id code questions { id key kind options { value } } } status response { id clientID } }
    me { recipient { surveyResponses { totalCount edges { node { id clientID survey { code } } } } } } }`, {}, token);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const by = Object.fromEntries(res.data.mySurveys.map((s) => [s.survey.code, s]));
  return { by, responses: res.data.me.recipient.surveyResponses };
}

// answerAll fills every question of the survey form on the page.
async function answerAll(page) {
  const form = page.locator('form.survey');
  await form.waitFor();
  for (const fs of await form.locator('fieldset').all()) {
    const radios = fs.locator('input[type=radio]');
    const boxes = fs.locator('input[type=checkbox]');
    if (await radios.count()) await radios.nth((await radios.count()) - 2).check();
    else if (await boxes.count()) { await boxes.nth(0).check(); await boxes.nth(1).check(); }
  }
  for (const input of await form.locator('input[inputmode=numeric]').all()) await input.fill('5');
  for (const ta of await form.locator('textarea').all()) await ta.fill('Pelatihannya bermanfaat.');
}

const item = (page, kind) => page.locator(`li[data-kind="${kind}"]`).first();

// countSubmissions counts the survey submissions of the context (the page's
// and the service worker's) that the server answered, by the client id
// they carry.
function countSubmissions(context) {
  const answered = [];
  const onResponse = (r) => {
    const q = r.request();
    if (q.method() !== 'POST' || new URL(q.url()).pathname !== '/graphql' || r.fromServiceWorker()) return;
    const body = q.postDataJSON() || {};
    if (/^\s*mutation SubmitSurvey\b/.test(body.query || '')) {
      answered.push({ clientId: body.variables?.input?.clientId, fromWorker: !!q.serviceWorker() });
    }
  };
  context.on('response', onResponse);
  return { answered, stop: () => context.off('response', onResponse) };
}

// syncHandled arms the service worker to report when its outbox sync has
// run: a second sync listener asks for the outbox's lock after the app's
// flush has asked for it (listeners run in order), so it is granted only
// when that flush is over. It returns a wait for that moment.
async function syncHandled(worker) {
  await worker.evaluate(() => {
    self.__outboxSyncs = 0;
    self.addEventListener('sync', (e) => {
      if (e.tag === 'outbox') e.waitUntil(navigator.locks.request('prakerja-outbox', () => { self.__outboxSyncs++; }));
    });
  });
  return () => waitFor(() => worker.evaluate(() => self.__outboxSyncs > 0));
}

test('a survey answered offline is sent exactly once after the app is reopened and back online', async () => {
  const { by } = await surveys();
  const se1 = by.SE1;
  assert.equal(se1.status, 'open');
  const sends = countSubmissions(ctx);
  try {
    let page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Seen once online: the list and the form are now on the phone.
    await page.goto(server.url + '/survei');
    await page.locator('li[data-survey="SE1"]').getByText('dapat diisi', { exact: true }).waitFor();
    await page.locator('li[data-survey="SE1"] a').click();
    await page.locator('form.survey').waitFor();

    await ctx.setOffline(true);
    await page.reload();
    await answerAll(page);
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    const card = page.locator('[data-item][data-status="waiting"]');
    await card.waitFor();
    await card.getByText('menunggu', { exact: true }).waitFor();
    const id = await card.getAttribute('data-item');
    await page.close();

    // Reopened, still offline: the item is there, waiting.
    page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + '/kotak-keluar');
    const queued = page.locator(`li[data-item="${id}"]`);
    await queued.waitFor();
    assert.equal(await queued.getAttribute('data-status'), 'waiting');
    await queued.getByText('menunggu', { exact: true }).waitFor();
    await page.getByText('1 kiriman menunggu dikirim.').waitFor();
    assert.equal((await surveys()).by.SE1.response, null, 'nothing reached the server while offline');

    // Online: the app flushes on `online`; the UI says sent.
    await ctx.setOffline(false);
    await page.waitForSelector(`li[data-item="${id}"][data-status="sent"]`);
    await queued.getByText('terkirim').waitFor();
    await page.getByText('Semua sudah terkirim.').waitFor();
    assert.deepEqual(sends.answered.map((x) => x.clientId), [id], 'sent once, with its client id');

    // Background Sync fires too (as the browser would later): it sends
    // nothing more.
    const cdp = await ctx.newCDPSession(page);
    const regs = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => regs.push(...e.registrations));
    await cdp.send('ServiceWorker.enable');
    const reg = await waitFor(() => regs.find((r) => r.scopeURL === server.url + '/' && !r.isDeleted));
    const synced = await syncHandled(await waitFor(() => ctx.serviceWorkers().at(-1)));
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: server.url, registrationId: reg.registrationId, tag: 'outbox', lastChance: false });
    await synced();
    assert.deepEqual(sends.answered.map((x) => x.clientId), [id], 'the sync sent it again');

    const after = await surveys();
    assert.equal(after.by.SE1.status, 'answered');
    assert.equal(after.by.SE1.response.clientID, id, 'the server keyed the response by the client id');
    const se1Responses = after.responses.edges.filter((e) => e.node.survey.code === 'SE1');
    assert.equal(se1Responses.length, 1, 'exactly one response');

    // The survey screen agrees.
    await page.goto(server.url + '/survei/' + se1.survey.id);
    await page.locator(`[data-item="${id}"][data-status="sent"]`).getByText('terkirim').waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    sends.stop();
    await ctx.setOffline(false);
  }
});

test('a refused submission shows the server\'s reason; a lost reply is re-sent with the same id', async () => {
  const { by } = await surveys();
  const se2 = by.SE2;
  assert.equal(se2.status, 'open');
  try {
    const page = await ctx.newPage();
    await page.goto(server.url + '/survei/' + se2.survey.id);
    await page.locator('form.survey').waitFor();

    // First: the reply to the first send is lost (the server got it). The
    // item stays waiting and is re-sent with the same id.
    await ctx.setOffline(true);
    await answerAll(page);
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    const card = page.locator('[data-item][data-status]');
    await card.waitFor();
    const id = await card.getAttribute('data-item');

    // Meanwhile the recipient answered the same survey on another phone.
    const answers = se2.survey.questions.map((q) => (q.kind === 'number' ? { questionId: q.id, number: 5 }
      : q.kind === 'text' ? { questionId: q.id, text: 'dari HP lain' } : { questionId: q.id, choices: [q.options[0].value] }));
    const other = await gql(server.url, 'mutation($i:SubmitSurveyResponseInput!){submitSurveyResponse(input:$i){id}}',
      { i: { clientId: '9b2f8a0e-5d1c-4e3b-9a7f-2c6d8e0f1a3b', surveyId: se2.survey.id, answers, answeredAt: new Date().toISOString() } }, token);
    assert.equal(other.errors, undefined, JSON.stringify(other.errors));

    let sends = 0;
    await ctx.route('**/graphql', async (route) => {
      const body = route.request().postData() || '';
      if (!body.includes('SubmitSurvey')) return route.continue();
      sends++;
      assert.ok(body.includes(id), 'sent with its client id');
      if (sends === 1) {
        await route.fetch(); // reaches the server...
        return route.abort('connectionreset'); // ...but the reply is lost
      }
      return route.continue();
    });
    await ctx.setOffline(false);
    await waitFor(() => sends >= 1);
    await page.goto(server.url + '/kotak-keluar');
    const row = page.locator(`li[data-item="${id}"]`);
    await row.waitFor();
    // Reopening the app flushes again; "Kirim sekarang" does it by hand.
    await page.getByRole('button', { name: 'Kirim sekarang' }).click({ timeout: 2000 }).catch(() => {});
    await page.waitForSelector(`li[data-item="${id}"][data-status="refused"]`);
    // Sent again after the lost reply, always with the same id (a page that
    // closes mid-send leaves the item "sending", and it is sent again too).
    assert.ok(sends >= 2, `sent ${sends} times`);
    await row.getByText('ditolak').waitFor();
    await row.getByText('Alasan: Anda sudah mengisi survei ini.', { exact: false }).waitFor();

    // The survey screen shows the refusal and its reason too.
    await page.goto(server.url + '/survei/' + se2.survey.id);
    await page.locator(`[data-item="${id}"][data-status="refused"]`).getByText('Anda sudah mengisi survei ini', { exact: false }).waitFor();

    // The server holds the other phone's single response.
    const after = await surveys();
    assert.equal(after.responses.edges.filter((e) => e.node.survey.code === 'SE2').length, 1);
    assert.notEqual(after.by.SE2.response.clientID, id);

    // Still listed until the user removes it (after confirming).
    await page.goto(server.url + '/kotak-keluar');
    page.once('dialog', (d) => d.accept());
    await row.getByRole('button', { name: 'Hapus' }).click();
    await row.waitFor({ state: 'detached' });
  } finally {
    await ctx.close();
  }
});
