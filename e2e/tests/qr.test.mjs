// The PWA's QR encoder (pwa/src/lib/qr.js) against an independent decoder
// (jsQR): every version it makes, every mask it picks, decodes to the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jsQR from 'jsqr';
import { qrMatrix, qrSvg } from '../../pwa/src/lib/qr.js';

function decode(m, scale = 4) {
  const n = (m.length + 8) * scale;
  const px = new Uint8ClampedArray(n * n * 4).fill(255);
  m.forEach((row, y) => row.forEach((on, x) => {
    if (!on) return;
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const i = (((y + 4) * scale + dy) * n + (x + 4) * scale + dx) * 4;
        px[i] = px[i + 1] = px[i + 2] = 0;
      }
    }
  }));
  const r = jsQR(px, n, n);
  return r && r.data;
}

test('certificate numbers and longer texts decode back', () => {
  const texts = ['PKJ/2021/DEMO0001', 'A', '0123456789', 'https://prakerja.go.id/sertifikat/PKJ/2021/00001234',
    'Sertifikat Kartu Prakerja · Teknik Jaringan Cisco yang Efektif · PKJ/2021/DEMO0001 · nilai 84',
    'x'.repeat(150), 'y'.repeat(213)];
  const sizes = new Set();
  for (const t of texts) {
    const m = qrMatrix(t);
    sizes.add(m.length);
    assert.equal(decode(m), t, `${t.length} bytes, ${m.length} modules`);
  }
  assert.ok(sizes.size >= 5, `versions used: ${[...sizes]}`);
});

test('the SVG has one path and a label', () => {
  const svg = qrSvg('PKJ/2021/DEMO0001', 'Kode QR sertifikat PKJ/2021/DEMO0001');
  assert.match(svg, /^<svg [^>]*role="img" aria-label="Kode QR sertifikat PKJ\/2021\/DEMO0001"/);
  assert.equal(svg.match(/<path /g).length, 1);
  assert.throws(() => qrMatrix('z'.repeat(2400)), RangeError); // past version 40 in byte mode
});
