// Money and dates as text, by locale: the same formats as the server's
// internal/msg (Money, Date, Clock, DateTime), so a screen never mixes
// "Rp552.000" with "Rp600,000". Dates and times are shown in WIB
// (Asia/Jakarta, UTC+7, no daylight saving). No imports: node tests load it.

const MONTHS = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const WIB_MS = 7 * 3600e3;
const pad = (n) => String(n).padStart(2, '0');
const norm = (l) => (l === 'en' ? 'en' : 'id');

// group writes a whole number with thousands separated: 1.000 / 1,000.
export function group(n, l) {
  const v = Math.trunc(Number(n) || 0);
  const s = String(Math.abs(v)).replace(/\B(?=(\d{3})+(?!\d))/g, norm(l) === 'en' ? ',' : '.');
  return v < 0 ? '-' + s : s;
}

// whole reads a whole number typed as the locale writes it: the thousands
// separator (id ".", en ",") and spaces are dropped; what is left must be
// an integer, else NaN ("1,5" in Indonesian and "1.5" in English are not).
export function whole(s, l) {
  const v = String(s).replace(norm(l) === 'en' ? /[,\s]/g : /[.\s]/g, '');
  return /^-?\d+$/.test(v) ? Number(v) : NaN;
}

// money writes whole rupiah: Rp552.000 (id), Rp552,000 (en).
export function money(n, l) {
  const v = Math.trunc(Number(n) || 0);
  return (v < 0 ? '-' : '') + 'Rp' + group(Math.abs(v), l);
}

// wib returns the time's fields as they read on a clock in Jakarta.
function wib(s) {
  const d = new Date(new Date(s).getTime() + WIB_MS);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes() };
}

// date writes the WIB calendar date: 21 Desember 2026 / 21 December 2026.
export function date(s, l) {
  if (!s) return '';
  const w = wib(s);
  return `${w.d} ${MONTHS[norm(l)][w.mo]} ${w.y}`;
}

// clock writes the WIB time of day: pukul 09.00 WIB / 9:00 WIB.
export function clock(s, l) {
  if (!s) return '';
  const w = wib(s);
  return norm(l) === 'en' ? `${w.h}:${pad(w.mi)} WIB` : `pukul ${pad(w.h)}.${pad(w.mi)} WIB`;
}

// dateTime writes both: 21 Desember 2026 pukul 09.00 WIB / 21 December
// 2026, 9:00 WIB.
export function dateTime(s, l) {
  if (!s) return '';
  return date(s, l) + (norm(l) === 'en' ? ', ' : ' ') + clock(s, l);
}
