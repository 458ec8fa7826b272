// Curation (assessors, admin): the queue of proposed courses, the
// 52-indicator assessment form grouped as the report groups them, the
// 40-indicator monitoring of a published course, each decision with its
// reasons, and review moderation (hide with a reason, audited).
import { h, fill, title, field, table, badge, when, errorBox, reasonDialog, loading, pager } from '../lib/ui.js';
import { t, rp, num } from '../lib/i18n.js';
import { gql, nodes } from '../lib/api.js';
import { CURATION_LIST, CURATION_COURSE, INDICATORS, ASSESS, MONITOR, HIDE_REVIEW } from '../queries.js';

const statusBadge = (s) => badge(t('cs_' + s), s);

function courseList(status) {
  const box = h('div', null, loading());
  const load = (after) => gql(CURATION_LIST, { after, status }).then((d) => fill(box, table([
    { label: t('title'), get: (c) => h('a', { href: '/konsol/courses/' + c.id }, c.title) },
    { label: t('institution'), get: (c) => c.institution.name },
    { label: t('price'), get: (c) => rp(c.price), class: 'num' },
    { label: t('hours'), get: (c) => num(c.durationHours), class: 'num' },
    { label: t('status'), get: (c) => statusBadge(c.status) },
  ], nodes(d.courses), { empty: t('cur_queue_empty') }), pager(d.courses, load, after && (() => load()))),
  (e) => fill(box, errorBox(e)));
  load();
  return box;
}

// curation is the section's page: the queue, then published courses to monitor.
export function curation() {
  return [title(t('sec_courses')),
    h('h2', null, t('cur_queue')), courseList('proposed'),
    h('h2', null, t('cur_published')), courseList('published')];
}

// indicatorForm is the grouped checklist of kind's indicators, all met by default.
function indicatorForm(list) {
  const groups = [];
  for (const i of list) {
    let g = groups.find((x) => x.group === i.group);
    if (!g) groups.push(g = { group: i.group, label: i.groupLabel, items: [] });
    g.items.push(i);
  }
  return groups.map((g) => h('fieldset', { class: 'indicators', 'data-group': g.group },
    h('legend', null, g.label),
    g.items.map((i) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'ind', value: i.code, checked: true }), ' ', h('code', null, i.code), ' ', i.label))));
}

function decisions(list) {
  return table([
    { label: t('time'), get: (a) => when(a.createdAt) },
    { label: t('kind'), get: (a) => t('cur_kind_' + a.kind) },
    { label: t('cur_result'), get: (a) => badge(a.passed ? t('cur_passed') : t('cur_failed'), a.passed ? 'ok' : 'bad') },
    { label: t('cur_met'), get: (a) => a.met + ' / ' + a.total, class: 'num' },
    { label: t('cur_reasons'), get: (a) => (a.reasonTexts.length ? h('ul', null, a.reasonTexts.map((r) => h('li', null, r))) : '–') },
    { label: t('cur_notes'), get: (a) => a.notes || '–' },
  ], list, { empty: t('cur_no_decisions') });
}

function reviews(c, reload) {
  return table([
    { label: t('time'), get: (r) => when(r.createdAt) },
    { label: t('cur_rating'), get: (r) => '★'.repeat(r.rating), class: 'num' },
    { label: t('cur_review'), get: (r) => r.body || '–' },
    { label: t('status'), get: (r) => (r.hiddenAt ? [badge(t('cur_hidden'), 'bad'), ' ', r.hiddenReason] : h('button', {
      type: 'button', class: 'sec small', 'data-hide': r.id, onclick: async () => {
        const reason = await reasonDialog(t('cur_hide_reason'));
        if (!reason) return;
        try { await gql(HIDE_REVIEW, { id: r.id, reason }); reload(); } catch (e) { alert(e.message); }
      } }, t('cur_hide'))) },
  ], nodes(c.reviews), { empty: t('cur_no_reviews') });
}

// course is one course's curation page: details, the form its status
// allows (assessment when proposed, monitoring when published), the
// decisions so far and its reviews.
export function course({ id }) {
  const box = h('div', null, loading());
  const show = async () => {
    let c, inds;
    try {
      c = (await gql(CURATION_COURSE, { id })).node;
      if (!c) return fill(box, h('p', null, t('not_found')));
      const kind = c.status === 'proposed' ? 'ASSESSMENT' : c.status === 'published' ? 'MONITORING' : null;
      inds = kind ? (await gql(INDICATORS, { kind })).curationIndicators : [];
      fill(box, details(c), kind ? form(c, kind, inds, show) : h('p', { class: 'muted' }, t('cur_decided')),
        h('h2', null, t('cur_decisions')), decisions(c.assessments),
        h('h2', null, t('cur_reviews')), reviews(c, show));
    } catch (e) {
      fill(box, errorBox(e));
    }
  };
  show();
  return [title(t('sec_courses')), box];
}

function details(c) {
  return h('section', { class: 'card' }, h('h2', null, c.title, ' ', statusBadge(c.status)),
    h('p', null, c.institution.name, ' · ', rp(c.price), ' · ', num(c.durationHours), ' ', t('hours'), ' · ', c.instructor),
    h('p', null, c.description),
    h('ol', null, (c.outline || []).map((m) => h('li', null, m))));
}

function form(c, kind, inds, done) {
  const out = h('div', { 'aria-live': 'polite' });
  const f = h('form', { novalidate: true, class: 'curation', 'data-kind': kind },
    h('h2', null, t(kind === 'ASSESSMENT' ? 'cur_assess' : 'cur_monitor', { n: inds.length })),
    h('p', { class: 'muted' }, t(kind === 'ASSESSMENT' ? 'cur_rule_assessment' : 'cur_rule_monitoring')),
    indicatorForm(inds),
    field({ label: t('cur_notes'), name: 'notes', tag: 'textarea', rows: 3 }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('cur_decide'))), out);
  f.onsubmit = async (e) => {
    e.preventDefault();
    const scores = [...f.querySelectorAll('input[name=ind]')].map((i) => ({ code: i.value, met: i.checked }));
    try {
      const d = await gql(kind === 'ASSESSMENT' ? ASSESS : MONITOR, { id: c.id, scores, notes: f.notes.value });
      const a = d.assessCourse || d.monitorCourse;
      fill(out, h('p', { role: 'status', 'data-result': a.passed ? 'passed' : 'failed' },
        a.passed ? t('cur_passed') : t('cur_failed'), ' (', a.met, ' / ', a.total, ')'));
      done();
    } catch (ex) {
      fill(out, errorBox(ex));
    }
  };
  return f;
}
