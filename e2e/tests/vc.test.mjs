// The PWA's offline certificate verifier (pwa/src/lib/vc.js) against the
// vectors the Go verifier is tested with (internal/certificate/vc/testdata,
// signed by Go): every verdict must agree, so the app and the server refuse
// the same certificates for the same reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { verifyCredential, keysOf, base45Decode, token, CODES } from '../../pwa/src/lib/vc.js';
import { qrMatrix } from '../../pwa/src/lib/qr.js';

const fixture = JSON.parse(readFileSync(new URL('../../internal/certificate/vc/testdata/vectors.json', import.meta.url)));

test('every Go vector gets the Go verdict', async () => {
  assert.ok(fixture.vectors.length >= 10);
  const codes = new Set();
  for (const v of fixture.vectors) {
    const r = await verifyCredential(v.input, fixture.did);
    assert.equal(r.code, v.code, v.name);
    assert.equal(r.valid, v.code === 'ok', v.name);
    codes.add(r.code);
  }
  for (const c of ['ok', 'tampered', 'unknown_key', 'expired_key', 'malformed']) assert.ok(codes.has(c), c);
});

test('a valid credential shows its facts, also from the QR text', async () => {
  for (const input of fixture.vectors.filter((v) => v.code === 'ok').map((v) => v.input)) {
    const r = await verifyCredential(input, fixture.did);
    assert.equal(r.fields.number, 'PKJ/2026/7K3M9QXA');
    assert.equal(r.fields.holderName, 'Ni Luh Putu Ayu Kusumawardhani');
    assert.equal(r.fields.score, '84');
    assert.equal(r.fields.issuedAt, '2026-01-31T00:00:00.000Z');
    assert.equal(r.fields.issuer, fixture.did.id);
  }
  const qr = fixture.vectors.find((v) => v.input.startsWith('PKJ1:')).input;
  const jwt = fixture.vectors.find((v) => v.code === 'ok' && !v.input.startsWith('PKJ1:')).input;
  assert.equal(await token(qr), jwt);
});

test('a key outside the DID document is unknown; a document without keys is refused', async () => {
  const ok = fixture.vectors[0].input;
  const doc = structuredClone(fixture.did);
  doc.assertionMethod = [];
  assert.throws(() => keysOf(doc));
  const moved = structuredClone(fixture.did);
  moved.verificationMethod[0].id = moved.verificationMethod[0].id.replace('#key-1', '#key-2');
  moved.assertionMethod = [moved.verificationMethod[0].id];
  assert.equal((await verifyCredential(ok, moved)).code, CODES.unknownKey);
  const retired = structuredClone(fixture.did);
  retired.verificationMethod[0].validUntil = '2026-01-15T00:00:00Z';
  assert.equal((await verifyCredential(ok, retired)).code, CODES.expiredKey);
});

test('base45 follows RFC 9285', () => {
  assert.equal(new TextDecoder().decode(base45Decode('%69 VD92EX0')), 'Hello!!');
  assert.equal(new TextDecoder().decode(base45Decode('BB8')), 'AB');
  assert.throws(() => base45Decode('GGW'));
  assert.throws(() => base45Decode('A'));
});

test('the QR payload fits an alphanumeric QR code that decodes back and verifies', async () => {
  const qr = fixture.vectors.find((v) => v.code === 'ok' && v.input.startsWith('PKJ1:')).input;
  const m = qrMatrix(qr);
  // base45 in alphanumeric mode: version 23 (109 modules) for this long sample;
  // in byte mode the same text would need version 28 (129 modules).
  assert.ok(m.length <= 109, `${qr.length} characters, ${m.length} modules`);
  const scale = 3, n = (m.length + 8) * scale;
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
  const read = jsQR(px, n, n).data;
  assert.equal(read, qr);
  assert.equal((await verifyCredential(read, fixture.did)).code, CODES.ok);
});
