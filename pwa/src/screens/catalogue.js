// Katalog pelatihan: search by title, filter by category, pages of results,
// and a course's detail. Buying waits for the marketplace ("segera hadir").
import { h, add } from '../lib/h.js';
import { t, rp } from '../lib/i18n.js';
import { title, view, edges, errorBox } from '../lib/ui.js';
import { load } from '../lib/data.js';
import { session } from '../lib/session.js';
import { navigate } from '../lib/router.js';
import { COURSES, COURSE } from '../queries.js';
import { dl } from './common.js';

const CATS = ['it', 'sales_marketing', 'lifestyle', 'language', 'office', 'engineering', 'agriculture', 'finance',
  'food_beverage', 'management', 'social_behaviour', 'other'];

export const pageSize = () => (session.me && session.me.dataSaver ? 10 : 20);

// searchForm is the shared search bar of the catalogue and the jobs list.
export function searchForm(label, q, extra) {
  const f = h('form', { role: 'search', class: 'card' },
    h('label', { for: 'sq' }, label),
    h('input', { id: 'sq', name: 'q', type: 'search', value: q || '', enterkeyhint: 'search' }),
    extra,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('search'))));
  f.onsubmit = (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(f)) if (v) p.set(k, v);
    const s = p.toString();
    navigate(location.pathname + (s ? '?' + s : ''));
  };
  return f;
}

// more appends the next page of a connection below a list.
export function more(q, vars, conn, item, list) {
  if (!conn.pageInfo.hasNextPage) return null;
  const btn = h('button', { type: 'button', class: 'sec' }, t('load_more'));
  btn.onclick = async () => {
    btn.disabled = true;
    try {
      const d = await load(q, { ...vars, after: conn.pageInfo.endCursor });
      const next = Object.values(d)[0];
      add(list, edges(next).map(item));
      btn.replaceWith(more(q, { ...vars, after: conn.pageInfo.endCursor }, next, item, list) || '');
    } catch (ex) {
      btn.replaceWith(errorBox(ex));
    }
  };
  return h('div', { class: 'actions' }, btn);
}

export default function catalogue(_, qs) {
  const q = qs.get('q') || '';
  const cat = qs.get('cat') || '';
  const where = { status: 'published' };
  if (q) where.titleContainsFold = q;
  if (cat) where.category = cat;
  const vars = { first: pageSize(), where };
  const item = (c) => h('li', null, h('a', { class: 'row', href: '/pelatihan/' + c.id },
    h('h3', null, c.title),
    h('p', { class: 'meta' }, `${t('cat_' + c.category)} · ${t('m_' + c.method)} · ${c.durationHours} ${t('hours')} · ★ ${c.ratingAverage.toFixed(1)}`),
    h('p', null, h('strong', null, rp(c.price)))));
  return [
    title(t('catalogue_title')),
    searchForm(t('search_training'), q, [
      h('label', { for: 'sc' }, t('category')),
      h('select', { id: 'sc', name: 'cat' }, h('option', { value: '' }, t('all_categories')),
        CATS.map((c) => h('option', { value: c, selected: c === cat }, t('cat_' + c)))),
    ]),
    view(COURSES, vars, (d) => {
      const list = h('ul', { class: 'list' }, edges(d.courses).map(item));
      return [h('p', { class: 'meta', role: 'status' }, t('n_results', { n: d.courses.totalCount })), list, more(COURSES, vars, d.courses, item, list)];
    }),
  ];
}

export function course({ id }) {
  return [
    view(COURSE, { id }, (d) => {
      const c = d.node;
      if (!c) return [title(t('not_found')), h('p', null, t('not_found_text'))];
      document.title = c.title + ' · Kartu Prakerja';
      return [
        h('h1', { tabindex: '-1' }, c.title),
        h('p', null, c.description),
        dl([[t('price'), rp(c.price)], [t('category'), t('cat_' + c.category)], [t('method'), t('m_' + c.method)],
          [t('duration'), `${c.durationHours} ${t('hours')}`], [t('rating'), `★ ${c.ratingAverage.toFixed(1)} (${c.ratingCount})`],
          [t('institution'), `${c.institution.name}, ${c.institution.city}`],
          [t('platforms'), (c.platforms || []).map((p) => p.name).join(', ')]]),
        h('div', { class: 'actions' }, h('button', { type: 'button', disabled: true, 'aria-describedby': 'soon' }, t('buy'))),
        h('p', { id: 'soon', class: 'meta' }, t('buy_soon')),
      ];
    }),
  ];
}
