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

// Signed certificates (issue 12) need far more than version 10: every
// version 1-40 is made (the largest text that fits each) and decodes.
test('every version 1-40 decodes, at its full capacity', () => {
  const size = (n) => { try { return qrMatrix('q'.repeat(n)).length; } catch { return Infinity; } };
  let n = 0;
  for (let v = 1; v <= 40; v++) {
    // the largest text of version v (binary search above the previous one)
    let lo = n, hi = 2400;
    while (lo < hi) { const mid = Math.ceil((lo + hi) / 2); if (size(mid) <= v * 4 + 17) lo = mid; else hi = mid - 1; }
    n = lo;
    const text = Array.from({ length: n }, (_, i) => String.fromCharCode(33 + ((i * 7) % 90))).join('');
    const m = qrMatrix(text);
    assert.equal(m.length, v * 4 + 17, `version ${v} for ${n} bytes`);
    assert.equal(decode(m, v > 20 ? 3 : 4), text, `version ${v}, ${n} bytes`);
  }
  assert.equal(n, 2331, 'version 40-M holds 2,331 bytes');
});

// The certificates' QR payloads are base45 (RFC 9285): the QR code's
// alphanumeric mode packs them in 5.5 bits a character, so a signed
// credential of about 1,150 characters is a version 23 code, not 28.
test('alphanumeric texts (base45 payloads) decode back, in smaller codes', () => {
  const set = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
  for (const n of [1, 2, 45, 46, 211, 1157, 1158, 3391]) {
    const text = 'PKJ1:' + Array.from({ length: n - 5 > 0 ? n - 5 : 0 }, (_, i) => set[(i * 13) % 45]).join('');
    const m = qrMatrix(text.slice(0, n));
    assert.equal(decode(m, m.length > 100 ? 3 : 4), text.slice(0, n), `${n} characters`);
  }
  const v = (qrMatrix('PKJ1:' + 'Q'.repeat(1152)).length - 17) / 4;
  assert.ok(v <= 23, `1,157 base45 characters need version ${v}`);
  assert.throws(() => qrMatrix('A'.repeat(3392)), RangeError);
});

test('the SVG has one path and a label', () => {
  const svg = qrSvg('PKJ/2021/DEMO0001', 'Kode QR sertifikat PKJ/2021/DEMO0001');
  assert.match(svg, /^<svg [^>]*role="img" aria-label="Kode QR sertifikat PKJ\/2021\/DEMO0001"/);
  assert.equal(svg.match(/<path /g).length, 1);
  assert.throws(() => qrMatrix('z'.repeat(2332)), RangeError);
});
