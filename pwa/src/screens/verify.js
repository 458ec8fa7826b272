// Cek sertifikat: anyone (an employer, not signed in) checks a certificate's
// QR code on the phone, with no signal: the QR carries the signed credential
// and lib/vc.js (verifyCredential) checks its signature with WebCrypto against the program's
// DID document (/.well-known/did.json, kept by the service worker and in
// IndexedDB). The camera scans where BarcodeDetector exists (Android
// Chrome); everywhere the QR's text can be pasted.
import { h, fill } from '../lib/h.js';
import { t, date } from '../lib/i18n.js';
import { title, field, onLeave } from '../lib/ui.js';
import { get, put } from '../lib/idb.js';
import { verifyCredential } from '../lib/vc.js';
import { dl } from './common.js';

const DID_URL = '/.well-known/did.json';

// didDocument returns the program's DID document: from the network (the
// service worker falls back to its copy), else the one kept here.
export async function didDocument() {
  try {
    const r = await fetch(DID_URL);
    if (r.ok) {
      const doc = await r.json();
      put('kv', doc, 'did').catch(() => {});
      return doc;
    }
  } catch { /* offline: the stored copy */ }
  return get('kv', 'did').catch(() => null);
}

const REASONS = ['tampered', 'unknown_key', 'expired_key', 'revoked', 'malformed', 'not_found'];
const pick = (f, ...ks) => { for (const k of ks) if (f && f[k] != null && f[k] !== '') return f[k]; return null; };

function outcome(res) {
  const f = res.fields || {};
  const when = pick(f, 'issuedAt', 'issued', 'validFrom');
  const rows = [
    [t('vf_holder'), pick(f, 'holderName', 'holder', 'name')],
    [t('vf_course'), pick(f, 'courseTitle', 'course', 'achievement')],
    [t('institution'), pick(f, 'institutionName', 'institution')],
    [t('vf_date'), when && date(when)],
    [t('vf_score'), pick(f, 'score')],
    [t('cert_number'), pick(f, 'number', 'certificateNumber')],
  ].filter(([, v]) => v);
  if (res.valid) {
    return h('div', { class: 'card box-ok', role: 'status', 'data-outcome': 'valid' },
      h('h2', null, '✓ ', t('vf_valid')), h('p', null, t('vf_valid_text')), dl(rows));
  }
  const code = REASONS.includes(res.code) ? res.code : 'malformed';
  return h('div', { class: 'card box-err', role: 'alert', 'data-outcome': 'refused', 'data-code': res.code || '' },
    h('h2', null, '✗ ', t('vf_refused')), h('p', null, t('vf_' + code)),
    rows.length > 0 && [h('p', { class: 'meta' }, t('vf_says')), dl(rows)]);
}

// check verifies a payload and returns what to show.
export async function check(payload) {
  const text = payload.trim();
  if (!text) return h('p', { class: 'err', role: 'alert' }, t('vf_empty'));
  const doc = await didDocument();
  if (!doc) return h('div', { class: 'card box-warn', role: 'alert', 'data-outcome': 'no-keys' }, h('p', null, t('vf_no_keys')));
  let res;
  try {
    res = await verifyCredential(text, doc);
  } catch {
    res = { valid: false, code: 'malformed' };
  }
  return outcome(res || { valid: false, code: 'malformed' });
}

function scanner(onText) {
  if (typeof BarcodeDetector === 'undefined' || !navigator.mediaDevices) return null;
  const video = h('video', { playsinline: true, muted: true, class: 'scan', hidden: true });
  let stream = null;
  let timer = 0;
  const stop = () => {
    clearInterval(timer);
    if (stream) stream.getTracks().forEach((tr) => tr.stop());
    stream = null;
    video.hidden = true;
  };
  onLeave(stop);
  const btn = h('button', { type: 'button', class: 'sec' }, t('vf_scan'));
  btn.onclick = async () => {
    try {
      const det = new BarcodeDetector({ formats: ['qr_code'] });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      timer = setInterval(async () => {
        const found = await det.detect(video).catch(() => []);
        if (found.length) { stop(); onText(found[0].rawValue); }
      }, 300);
    } catch {
      stop();
      btn.replaceWith(h('p', { class: 'err' }, t('vf_no_camera')));
    }
  };
  return [h('div', { class: 'actions' }, btn), video];
}

export default function verifier() {
  const out = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card' },
    field({ label: t('vf_paste'), name: 'payload', type: 'textarea', hint: t('vf_paste_hint'), spellcheck: 'false', autocomplete: 'off' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('vf_check'))));
  const area = form.querySelector('textarea');
  const run = async (text) => { fill(out, h('p', { class: 'muted', role: 'status' }, t('vf_checking'))); fill(out, await check(text)); };
  form.onsubmit = (e) => { e.preventDefault(); run(area.value); };
  // Fetch the keys now, so the screen keeps working when the signal goes.
  didDocument();
  return [
    title(t('vf_title')),
    h('p', null, t('vf_intro')),
    scanner((text) => { area.value = text; run(text); }),
    form,
    out,
  ];
}
