// Lighthouse 12 (mobile emulation, simulated throttling) on the PWA's first
// screen and on the public certificate checker (an employer's first visit):
// performance, accessibility and best practices each at least 95.
// The scores are printed and kept in test-results/lighthouse.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startServer } from '../lib/server.mjs';
import { chromiumPath } from '../lib/browser.mjs';

const run = promisify(execFile);
const e2e = resolve(import.meta.dirname, '..');
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

async function lighthouse(url) {
  const { stdout } = await run(join(e2e, 'node_modules', '.bin', 'lighthouse'), [url,
    '--output=json', '--output-path=stdout', '--quiet', '--form-factor=mobile',
    '--only-categories=performance,accessibility,best-practices',
    '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync',
  ], { env: { ...process.env, CHROME_PATH: chromiumPath }, maxBuffer: 64 << 20, timeout: 180_000 });
  return JSON.parse(stdout);
}

async function audit(path, file) {
  const report = await lighthouse(server.url + path);
  const scores = Object.fromEntries(Object.entries(report.categories).map(([k, c]) => [k, Math.round(c.score * 100)]));
  const failing = Object.values(report.audits)
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
    .map((a) => `${a.id}: ${a.score}`);
  const metrics = Object.fromEntries(['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']
    .map((id) => [id, report.audits[id] && report.audits[id].displayValue]));
  mkdirSync(join(e2e, 'test-results'), { recursive: true });
  writeFileSync(join(e2e, 'test-results', file), JSON.stringify({ scores, metrics, failing, lighthouse: report.lighthouseVersion }, null, 2));
  console.log(`lighthouse ${path}:`, JSON.stringify({ scores, metrics, failing }));
  for (const k of ['performance', 'accessibility', 'best-practices']) {
    assert.ok(scores[k] >= 95, `${path}: ${k} ${scores[k]} < 95; audits below 0.9: ${failing.join(', ')}`);
  }
}

test('Lighthouse mobile: performance, accessibility and best practices at least 95', () => audit('/', 'lighthouse.json'));

test('Lighthouse mobile on the certificate checker (public, no account)', () => audit('/cek-sertifikat', 'lighthouse-verifier.json'));
