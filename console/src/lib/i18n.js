// The console's strings and formats. Both catalogues are in the bundle
// (staff switch languages often; the console has no byte budget like the
// PWA's); money and dates come from the PWA's formatter, which writes what
// the server's internal/msg writes.
import ID from '../i18n/id.json';
import EN from '../i18n/en.json';
import * as fmt from '../../../pwa/src/lib/format.js';

export let lang = 'id';

// t returns the string for key k, with {name} placeholders filled from p.
export function t(k, p) {
  const s = (lang === 'en' ? EN[k] : ID[k]) ?? ID[k] ?? k;
  return p ? s.replace(/\{(\w+)\}/g, (_, n) => String(p[n] ?? '')) : s;
}

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'id';
  document.documentElement.lang = lang;
  try { localStorage.setItem('konsol.lang', lang); } catch { /* storage off */ }
}

export const savedLang = () => { try { return localStorage.getItem('konsol.lang'); } catch { return null; } };

export const rp = (n) => fmt.money(n, lang);
export const num = (n) => fmt.group(n, lang);
export const whole = (s) => fmt.whole(s, lang);
export const date = (s) => fmt.date(s, lang);
export const dateTime = (s) => fmt.dateTime(s, lang);
