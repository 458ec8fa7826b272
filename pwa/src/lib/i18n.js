// Strings and formats. Indonesian is built in; English is fetched (and
// precached by the service worker) only when chosen.
/* global EN_URL */
import ID from '../i18n/id.json';
import { setLanguage } from './gql.js';
import * as fmt from './format.js';

let dict = ID;
export let lang = 'id';

// t returns the string for key k, with {name} placeholders filled from p.
export function t(k, p) {
  const s = dict[k] ?? ID[k] ?? k;
  return p ? s.replace(/\{(\w+)\}/g, (_, n) => (p[n] ?? '')) : s;
}

export async function setLang(l) {
  l = l === 'en' ? 'en' : 'id';
  if (l === 'en' && lang !== 'en') {
    try {
      const r = await fetch(EN_URL);
      dict = { ...ID, ...(await r.json()) };
    } catch {
      return false;
    }
  } else if (l === 'id') {
    dict = ID;
  }
  lang = l;
  setLanguage(l);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = l;
    document.querySelectorAll('[data-k]').forEach((el) => { el.textContent = t(el.dataset.k); });
  }
  return true;
}

// Money, numbers and dates in the chosen language, formatted as the server
// does (lib/format.js mirrors internal/msg).
export const rp = (n) => fmt.money(n, lang);
export const num = (n) => fmt.group(n, lang);
export const whole = (s) => fmt.whole(s, lang);
export const date = (s) => fmt.date(s, lang);
export const dateTime = (s) => fmt.dateTime(s, lang);

// keyOf returns the key whose text (in Indonesian or the current language)
// is s, or '': text stored in one language can then be shown in another.
export function keyOf(s) {
  if (!s) return '';
  for (const d of [ID, dict]) {
    for (const k in d) if (d[k] === s) return k;
  }
  return '';
}

// ago says how long ago a time (ms or ISO) was, coarsely.
export function ago(at) {
  const ms = Date.now() - new Date(at).getTime();
  if (ms < 60e3) return t('just_now');
  if (ms < 3600e3) return t('min_ago', { n: Math.floor(ms / 60e3) });
  if (ms < 86400e3) return t('hours_ago', { n: Math.floor(ms / 3600e3) });
  return dateTime(at);
}
