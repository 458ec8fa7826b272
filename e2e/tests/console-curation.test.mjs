// Issue 12, curation in Chromium: the demo assessor opens the queue of the
// demo institution's proposals, scores one on the 52 indicators (grouped in
// the report's seven aspects) with a critical indicator not met and sees it
// rejected with that reason, passes another (published), monitors it on the
// 40 indicators with the price indicator not met (suspended), and hides a
// review with a reason, which the page then shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gql } from '../lib/server.mjs';
import { suite, desk, signInConsole, pageErrors, pageToken } from '../lib/console.mjs';

const ASSESSOR = '+6281100000004';
const env = suite();

async function openCourse(page, title) {
  await page.locator('#nav').getByRole('link', { name: 'Pelatihan' }).click();
  await page.getByRole('heading', { name: 'Menunggu penilaian', level: 2 }).waitFor();
  await page.getByRole('link', { name: title }).first().click();
  await page.getByRole('heading', { name: new RegExp(title) }).waitFor();
}

test('an assessor rejects, publishes, monitors and moderates in the console', async () => {
  const ctx = await desk(env.browser);
  try {
    const page = await ctx.newPage();
    const errors = pageErrors(page);
    await signInConsole(page, env.server, ASSESSOR);

    // A rejection: the trainer indicator (critical) not met.
    await openCourse(page, 'Membuat Kue Kering untuk Dijual');
    const form = page.locator('form.curation');
    await form.getByRole('heading', { name: 'Asesmen: 52 indikator' }).waitFor();
    assert.equal(await form.locator('fieldset.indicators').count(), 7);
    assert.equal(await form.locator('input[name=ind]').count(), 52);
    await form.locator('fieldset[data-group="trainer_quality"] legend').getByText('Kualitas dan latar belakang pelatih').waitFor();
    await form.locator('input[value=A45]').uncheck();
    await form.getByLabel('Catatan').fill('Riwayat pelatih belum ada.');
    await form.getByRole('button', { name: 'Simpan keputusan' }).click();
    await page.getByText('Pelatihan ini sudah diputuskan').waitFor();
    const decided = page.locator('table').first();
    await decided.getByText('Tidak lulus').waitFor();
    await decided.getByText('Pelatih berpengalaman di bidangnya').waitFor();
    await page.getByText('Ditolak').first().waitFor();

    // A pass publishes; then a failed monitoring suspends.
    await openCourse(page, 'Budidaya Lele di Kolam Terpal');
    await page.locator('form.curation').getByRole('button', { name: 'Simpan keputusan' }).click();
    const monitor = page.locator('form.curation[data-kind=MONITORING]');
    await monitor.getByRole('heading', { name: 'Pemantauan: 40 indikator' }).waitFor();
    assert.equal(await monitor.locator('fieldset.indicators').count(), 6);
    assert.equal(await monitor.locator('input[name=ind]').count(), 40);
    await page.locator('table').first().getByText('Lulus', { exact: true }).waitFor();
    await monitor.locator('input[value=M36]').uncheck();
    await monitor.getByRole('button', { name: 'Simpan keputusan' }).click();
    await page.getByText('Pelatihan ini sudah diputuskan').waitFor();
    await page.getByText('Dihentikan').first().waitFor();
    await page.getByText('Harga yang dibayar sama dengan harga yang tercantum').waitFor();

    // Review moderation on a course with reviews.
    const token = await pageToken(page);
    const found = await gql(env.server.url, '{courses(first:1,where:{status:published,hasReviewsWith:{hiddenAtIsNil:true}}){edges{node{id}}}}', {}, token);
    const id = found.data.courses.edges[0].node.id;
    await page.goto(env.server.url + '/konsol/courses/' + id);
    const hide = page.locator('button[data-hide]').first();
    await hide.waitFor();
    await hide.click();
    await page.locator('dialog').getByLabel('Alasan').fill('Kata-kata kasar kepada pelatih');
    await page.locator('dialog').getByRole('button', { name: 'Lanjut' }).click();
    await page.getByText('Kata-kata kasar kepada pelatih').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});
