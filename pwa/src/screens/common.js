// Shared pieces of the journey screens.
import { h } from '../lib/h.js';
import { t, lang } from '../lib/i18n.js';
import { load } from '../lib/data.js';
import { session, saveMe, saveCaps } from '../lib/session.js';
import { flush } from '../lib/outbox.js';
import { CAPS, ME } from '../queries.js';

// landing is where an account goes after signing in: the next step of
// its journey.
export function landing(me) {
  const r = me && me.recipient;
  if (!r) return '/daftar';
  if (r.status === 'rejected') return '/verifikasi';
  return '/';
}

// toConsole sends staff and partner accounts to their console (/konsol/,
// same origin: it reads the session this app keeps) and reports whether it
// did; the app's screens are for applicants and recipients.
export function toConsole(me) {
  if (!me || !me.role || me.role === 'recipient') return false;
  location.assign('/konsol/');
  return true;
}

// afterSignIn refreshes what the app knows of the server and the account,
// then sends anything queued.
export async function afterSignIn() {
  await Promise.all([
    load(CAPS).then(saveCaps, () => {}),
    load(ME).then((d) => saveMe(d.me), () => {}),
  ]);
  flush();
}

// step names the journey step an applicant is at.
export function step(r, attempts) {
  if (!r) return 'register';
  if (r.status === 'recipient' || r.status === 'revoked' || r.status === 'rejected' || r.status === 'registered') return r.status;
  return (attempts || []).some((a) => a.passed) ? 'wave' : 'test';
}

export const cardNumber = (n) => (n || '').replace(/(\d{4})(?=\d)/g, '$1 ');

export function dl(pairs) {
  return h('dl', { class: 'kv' }, pairs.filter(Boolean).map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

export const appStatus = (s) => h('span', { class: 'badge b-' + s }, t('app_' + s));

// drawn flattens an application with its lottery result (none yet: pending).
export const drawn = (a) => ({ ...a, ...(a.result || { status: 'pending' }) });

export function failureList(fs) {
  // the rule's code (mother_mismatch) is for support, not for reading: it
  // stays in data-rule; the server's sentences say what failed
  return h('ul', { class: 'list' }, fs.map((f) => h('li', { class: 'box-err', 'data-rule': f.rule },
    h('h3', null, f.message),
    h('p', null, h('strong', null, t('what_to_do') + ': '), f.whatToDo))));
}

export const isRecipient = () => session.me && session.me.recipient && session.me.recipient.status === 'recipient';

