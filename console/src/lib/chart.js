// A horizontal bar chart in SVG: per row two values side by side (e.g. a
// province's seats and its waiting applicants, each as its share of the
// column's total, so the two are comparable). Hand-written: the console is
// built by Go alone (no npm at build time), and one chart does not need a
// library. Every bar has a <title> (hover, screen readers), and the table
// beside it holds the same numbers.
import { num } from './i18n.js';

const NS = 'http://www.w3.org/2000/svg';
const el = (tag, attrs, ...kids) => {
  const e = document.createElementNS(NS, tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  for (const c of kids) e.append(c);
  return e;
};

// shareChart draws rows [{label, a, b}] with series names [nameA, nameB].
export function shareChart(rows, [nameA, nameB], caption) {
  const sumA = rows.reduce((s, r) => s + (r.a || 0), 0) || 1;
  const sumB = rows.reduce((s, r) => s + (r.b || 0), 0) || 1;
  const max = Math.max(...rows.map((r) => Math.max((r.a || 0) / sumA, (r.b || 0) / sumB)), 0.0001);
  const rowH = 18, labelW = 190, barW = 420, top = 28;
  const height = top + rows.length * rowH + 8;
  const svg = el('svg', { viewBox: `0 0 ${labelW + barW + 70} ${height}`, role: 'img', 'aria-label': caption, class: 'chart' },
    el('title', {}, caption),
    el('rect', { x: labelW, y: 6, width: 12, height: 10, class: 'sa' }), el('text', { x: labelW + 16, y: 15 }, nameA),
    el('rect', { x: labelW + 200, y: 6, width: 12, height: 10, class: 'sb' }), el('text', { x: labelW + 216, y: 15 }, nameB));
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const wa = ((r.a || 0) / sumA / max) * barW;
    const wb = ((r.b || 0) / sumB / max) * barW;
    svg.append(
      el('text', { x: labelW - 6, y: y + 12, 'text-anchor': 'end' }, r.label),
      el('rect', { x: labelW, y: y + 2, width: wa.toFixed(1), height: 7, class: 'sa' }, el('title', {}, `${r.label}: ${nameA} ${num(r.a || 0)}`)),
      el('rect', { x: labelW, y: y + 9, width: wb.toFixed(1), height: 7, class: 'sb' }, el('title', {}, `${r.label}: ${nameB} ${num(r.b || 0)}`)),
      el('text', { x: labelW + Math.max(wa, wb) + 4, y: y + 13, class: 'val' }, num(r.a || 0)));
  });
  return svg;
}
