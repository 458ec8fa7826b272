// The offline verifier of Kartu Prakerja certificates: the same rules as the
// server's (internal/certificate/vc), in the browser, with no network. It
// takes a certificate's credential (a VC-JWT) or its QR code's text
// ("PKJ1:" + base45 of the raw-DEFLATEd header, payload and signature) and
// the issuer's DID document (/.well-known/did.json, cached by the service
// worker), and checks the EdDSA signature with WebCrypto Ed25519.
//
// verifyCredential resolves to {valid, code, fields}; code is one of CODES
// (the Go package's words), fields what the credential says when it could be
// read (also when refused). Revocation is the register's business: online,
// ask verifyCertificate(number).

export const CODES = Object.freeze({
  ok: 'ok', notFound: 'not_found', tampered: 'tampered', unknownKey: 'unknown_key',
  expiredKey: 'expired_key', revoked: 'revoked', malformed: 'malformed',
});

export const QR_PREFIX = 'PKJ1:';
const CONTEXT_VC = 'https://www.w3.org/ns/credentials/v2';
const CONTEXT_OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const CERTIFICATE_PATH = '/sertifikat/';
const MAX_INFLATED = 16 << 10;
const B45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

class Malformed extends Error {}

export function base45Decode(s) {
  if (s.length % 3 === 1) throw new Malformed('base45 length');
  const out = [];
  for (let i = 0; i < s.length; i += 3) {
    const chunk = s.slice(i, i + 3);
    let n = 0;
    for (let j = chunk.length - 1; j >= 0; j--) {
      const d = B45.indexOf(chunk[j]);
      if (d < 0) throw new Malformed('base45 character');
      n = n * 45 + d;
    }
    if (chunk.length === 3) {
      if (n > 0xffff) throw new Malformed('base45 value');
      out.push(n >> 8, n & 0xff);
    } else {
      if (n > 0xff) throw new Malformed('base45 value');
      out.push(n);
    }
  }
  return new Uint8Array(out);
}

function b64urlDecode(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Malformed('base64url');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function b64urlEncode(bytes) {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function inflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    let r;
    try { r = await reader.read(); } catch { throw new Malformed('inflate'); }
    if (r.done) break;
    size += r.value.length;
    if (size > MAX_INFLATED) { reader.cancel(); throw new Malformed('inflate size'); }
    chunks.push(r.value);
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

// token returns the compact JWS of a credential or QR payload.
export async function token(input) {
  const s = String(input).replace(/^[\r\n\t]+|[\r\n\t]+$/g, ''); // not spaces: base45 has one
  if (s.startsWith(QR_PREFIX)) {
    const raw = await inflateRaw(base45Decode(s.slice(QR_PREFIX.length)));
    const a = raw.indexOf(0);
    const b = a < 0 ? -1 : raw.indexOf(0, a + 1);
    if (b < 0) throw new Malformed('QR parts');
    return [raw.subarray(0, a), raw.subarray(a + 1, b), raw.subarray(b + 1)].map(b64urlEncode).join('.');
  }
  const t = s.trim();
  if (t.split('.').length !== 3) throw new Malformed('not a JWT');
  return t;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
function json(bytes) {
  try { return JSON.parse(utf8.decode(bytes)); } catch { throw new Malformed('JSON'); }
}

// keysOf reads the DID document like the server's vc.ParseDocument: the
// Ed25519 JsonWebKey methods that are assertion methods, with their windows.
export function keysOf(doc) {
  if (!doc || typeof doc.id !== 'string' || !doc.id.startsWith('did:web:')) throw new Error('not a did:web document');
  const assertion = new Set(Array.isArray(doc.assertionMethod) ? doc.assertionMethod : []);
  const keys = new Map();
  for (const m of Array.isArray(doc.verificationMethod) ? doc.verificationMethod : []) {
    const jwk = m && m.publicKeyJwk;
    const [did, id] = String(m && m.id).split('#');
    const from = Date.parse(m && m.validFrom);
    const until = m && m.validUntil ? Date.parse(m.validUntil) : Infinity;
    if (did !== doc.id || !id || m.type !== 'JsonWebKey' || !jwk || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' ||
      typeof jwk.x !== 'string' || Number.isNaN(from) || Number.isNaN(until) || !assertion.has(m.id)) continue;
    try { if (b64urlDecode(jwk.x).length !== 32) continue; } catch { continue; }
    keys.set(m.id, { x: jwk.x, from, until });
  }
  if (keys.size === 0) throw new Error('the DID document has no Ed25519 assertion key');
  return keys;
}

// fieldsOf reads a credential's public facts; ok is false when it is not of
// the program's form (the server's Credential.fields).
function fieldsOf(c) {
  const s = (c && c.credentialSubject) || {};
  const a = s.achievement || {};
  const f = {
    number: '', holderName: s.name || '', courseTitle: a.name || '',
    institutionName: (a.creator && a.creator.name) || '',
    score: (Array.isArray(s.result) && s.result[0] && s.result[0].value) || '',
    issuedAt: '', issuer: (c && c.issuer && c.issuer.id) || '',
  };
  const at = Date.parse(c && c.validFrom);
  const id = typeof (c && c.id) === 'string' ? c.id : '';
  const i = id.indexOf(CERTIFICATE_PATH);
  const types = Array.isArray(c && c['@context']) && c['@context'][0] === CONTEXT_VC && c['@context'][1] === CONTEXT_OB3 &&
    Array.isArray(c.type) && c.type.length === 2 && c.type[0] === 'VerifiableCredential' && c.type[1] === 'OpenBadgeCredential';
  const ok = !Number.isNaN(at) && /Z$|[+-]\d\d:\d\d$/.test(c.validFrom) && i > 0 && types && f.issuer !== '' &&
    c.iss === f.issuer && c.jti === id && c.nbf === at / 1000;
  if (!ok) return { fields: f, ok: false };
  f.issuedAt = new Date(at).toISOString();
  f.number = id.slice(i + CERTIFICATE_PATH.length);
  return { fields: f, ok: f.number !== '' };
}

function result(code, fields) {
  return { valid: code === CODES.ok, code, fields: fields || null };
}

// verifyCredential checks input against the DID document: its form, the key
// that signed it, the signature, then the key's window at the signing time.
export async function verifyCredential(input, didDocument) {
  const keys = keysOf(didDocument);
  let parts, header;
  try {
    const t = await token(input);
    parts = t.split('.');
    header = json(b64urlDecode(parts[0]));
    b64urlDecode(parts[2]);
  } catch (e) {
    if (e instanceof Malformed) return result(CODES.malformed);
    throw e;
  }
  if (!header || header.alg !== 'EdDSA') return result(CODES.malformed);
  let claims = null, fields = null;
  try { claims = json(b64urlDecode(parts[1])); fields = fieldsOf(claims).fields; } catch { /* read below */ }
  if (header.typ !== 'vc+jwt' || typeof header.kid !== 'string' || header.kid === '') return result(CODES.malformed, fields);
  const key = keys.get(header.kid);
  if (!key || header.kid.split('#')[0] !== didDocument.id) return result(CODES.unknownKey, fields);
  const pub = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: key.x }, { name: 'Ed25519' }, false, ['verify']);
  let good = false;
  try {
    good = await crypto.subtle.verify({ name: 'Ed25519' }, pub, b64urlDecode(parts[2]),
      new TextEncoder().encode(parts[0] + '.' + parts[1]));
  } catch { good = false; }
  if (!good) return result(CODES.tampered, fields);
  if (!claims || !fieldsOf(claims).ok) return result(CODES.malformed, fields);
  const signed = claims.iat * 1000;
  if (!(signed >= key.from && signed < key.until)) return result(CODES.expiredKey, fields);
  return result(CODES.ok, fields);
}
