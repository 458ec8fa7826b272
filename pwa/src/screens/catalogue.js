// Katalog pelatihan: ranked search (searchCourses: typo-tolerant, with
// filters and sorts, pages of 20 or 10 with data saver), and a course's page
// with its reviews and buying (screens/buy.js).
import { h, add } from '../lib/h.js';
import { t, rp, date } from '../lib/i18n.js';
import { title, view, edges, errorBox } from '../lib/ui.js';
import { load } from '../lib/data.js';
import { session } from '../lib/session.js';
import { navigate } from '../lib/router.js';
import { SEARCH, PLATFORMS, COURSE, COURSE_REVIEWS } from '../queries.js';
import { dl } from './common.js';
import { buyBox } from './buy.js';

const CATS = ['it', 'sales_marketing', 'lifestyle', 'language', 'office', 'engineering', 'agriculture', 'finance',
  'food_beverage', 'management', 'social_behaviour', 'other'];
const METHODS = ['webinar', 'lms', 'hybrid'];
const SORTS = ['RELEVANCE', 'PRICE_ASC', 'PRICE_DESC', 'RATING', 'POPULARITY', 'NEWEST'];

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

// more appends the next page of a connection below a list; pick finds the
// connection in a page's answer.
export function more(q, vars, conn, item, list, pick = (d) => Object.values(d)[0]) {
  if (!conn.pageInfo.hasNextPage) return null;
  const btn = h('button', { type: 'button', class: 'sec' }, t('load_more'));
  btn.onclick = async () => {
    btn.disabled = true;
    const next = { ...vars, after: conn.pageInfo.endCursor };
    try {
      const c = pick(await load(q, next));
      add(list, edges(c).map(item));
      btn.parentNode.replaceWith(more(q, next, c, item, list, pick) || '');
    } catch (ex) {
      btn.parentNode.replaceWith(errorBox(ex));
    }
  };
  return h('div', { class: 'actions' }, btn);
}

const stars = (avg, n) => `★ ${avg.toFixed(1)} (${n})`;

// filterOf turns the address's parameters into searchCourses' filter.
function filterOf(qs) {
  const f = {};
  if (qs.get('cat')) f.categories = [qs.get('cat')];
  if (qs.get('pf')) f.platformIds = [qs.get('pf')];
  if (qs.get('m')) f.methods = [qs.get('m')];
  const num = (k) => (/^\d+$/.test(qs.get(k) || '') ? Number(qs.get(k)) : null);
  if (num('min') != null) f.minPrice = num('min');
  if (num('max') != null) f.maxPrice = num('max');
  if (qs.get('r')) f.minRating = Number(qs.get('r'));
  return f;
}

const sel = (id, name, label, value, opts) => [
  h('label', { for: id }, label),
  h('select', { id, name }, opts.map(([v, text]) => h('option', { value: v, selected: v === value }, text))),
];

function filters(qs) {
  const pf = sel('spf', 'pf', t('platform'), qs.get('pf') || '', [['', t('all_platforms')]]);
  // The platforms' names come from the server (a stored copy offline).
  load(PLATFORMS).then((d) => add(pf[1], edges(d.digitalPlatforms).map((p) =>
    h('option', { value: p.id, selected: p.id === qs.get('pf') }, p.name))), () => {});
  const price = (k, label) => [h('label', { for: 's' + k }, label),
    h('input', { id: 's' + k, name: k, type: 'number', inputmode: 'numeric', min: 0, step: 1000, value: qs.get(k) || '' })];
  const open = ['cat', 'pf', 'm', 'min', 'max', 'r', 'sort'].some((k) => qs.get(k));
  return [
    sel('sc', 'cat', t('category'), qs.get('cat') || '', [['', t('all_categories')], ...CATS.map((c) => [c, t('cat_' + c)])]),
    h('details', { class: 'more', open },
      h('summary', null, t('more_filters')),
      pf,
      sel('sm', 'm', t('method'), qs.get('m') || '', [['', t('all_methods')], ...METHODS.map((m) => [m, t('m_' + m)])]),
      price('min', t('price_min')), price('max', t('price_max')),
      sel('sr', 'r', t('min_rating'), qs.get('r') || '', [['', t('any_rating')], ...[4, 3, 2].map((n) => [String(n), t('stars_up', { n })])]),
      sel('ss', 'sort', t('sort'), qs.get('sort') || '', SORTS.map((s, i) => [i ? s : '', t('sort_' + s)]))),
  ];
}

export default function catalogue(_, qs) {
  const q = (qs.get('q') || '').trim();
  const vars = { q: q || null, f: filterOf(qs), s: qs.get('sort') || 'RELEVANCE', first: pageSize() };
  const item = (c) => h('li', null, h('a', { class: 'row', href: '/pelatihan/' + c.id },
    h('h3', null, c.title),
    h('p', { class: 'meta' }, `${t('cat_' + c.category)} · ${t('m_' + c.method)} · ${c.durationHours} ${t('hours')} · ${stars(c.ratingAverage, c.ratingCount)}`),
    h('p', { class: 'meta' }, c.institution.name),
    h('p', null, h('strong', null, rp(c.price)))));
  return [
    title(t('catalogue_title')),
    searchForm(t('search_training'), q, filters(qs)),
    view(SEARCH, vars, (d) => {
      const conn = d.searchCourses;
      const list = h('ul', { class: 'list' }, edges(conn).map(item));
      return [
        h('p', { class: 'meta', role: 'status' }, t('n_results', { n: conn.totalCount })),
        conn.totalCount ? list : h('p', null, t('no_results')),
        more(SEARCH, vars, conn, item, list),
      ];
    }),
  ];
}

const reviewItem = (r) => h('li', { 'data-review': r.id },
  h('p', { 'aria-label': t('stars_n', { n: r.rating }) }, '★'.repeat(r.rating) + '☆'.repeat(5 - r.rating)),
  r.body && h('p', null, r.body),
  h('p', { class: 'meta' }, date(r.createdAt)));

function reviews(id, c) {
  const conn = c.reviews;
  const list = h('ul', { class: 'list' }, edges(conn).map(reviewItem));
  const vars = { id, first: pageSize() };
  return h('section', { 'aria-labelledby': 'rvh' },
    h('h2', { id: 'rvh' }, t('reviews_n', { n: conn.totalCount })),
    conn.totalCount ? list : h('p', null, t('no_reviews')),
    more(COURSE_REVIEWS, vars, conn, reviewItem, list, (d) => d.node.reviews));
}

export function course({ id }) {
  return [
    view(COURSE, { id, first: pageSize() }, (d) => {
      const c = d.node;
      if (!c || !c.title) return [title(t('not_found')), h('p', null, t('not_found_text'))];
      document.title = c.title + ' · Kartu Prakerja';
      const outline = c.outline || [];
      return [
        h('h1', { tabindex: '-1' }, c.title),
        h('p', null, c.description),
        dl([[t('price'), rp(c.price)], [t('category'), t('cat_' + c.category)], [t('method'), t('m_' + c.method)],
          [t('duration'), `${c.durationHours} ${t('hours')}`], [t('rating'), stars(c.ratingAverage, c.ratingCount)],
          c.instructor && [t('instructor'), c.instructor],
          [t('institution'), `${c.institution.name}, ${c.institution.city}`],
          [t('platforms'), (c.platforms || []).map((p) => p.name).join(', ')],
          (c.tags || []).length > 0 && [t('tags'), c.tags.join(', ')]]),
        outline.length > 0 && [h('h2', null, t('outline')), h('ol', { class: 'steps' }, outline.map((m) => h('li', null, m)))],
        buyBox(c),
        reviews(id, c),
      ];
    }),
  ];
}
