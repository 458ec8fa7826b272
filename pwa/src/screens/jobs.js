// Lowongan: vacancies from the job portals, search and filters, detail.
// Applying waits for the job-application API ("segera hadir").
import { h } from '../lib/h.js';
import { t, rp, date } from '../lib/i18n.js';
import { title, view, edges } from '../lib/ui.js';
import { VACANCIES, VACANCY } from '../queries.js';
import { searchForm, more, pageSize } from './catalogue.js';
import { dl } from './common.js';

const TYPES = ['full_time', 'part_time', 'contract', 'internship', 'freelance'];

const salary = (v) => (v.salaryMin || v.salaryMax
  ? [v.salaryMin && rp(v.salaryMin), v.salaryMax && rp(v.salaryMax)].filter(Boolean).join(' – ')
  : t('salary_unknown'));

export default function jobs(_, qs) {
  const q = qs.get('q') || '';
  const type = qs.get('type') || '';
  const where = {};
  if (q) where.titleContainsFold = q;
  if (type) where.jobType = type;
  const vars = { first: pageSize(), where };
  const item = (v) => h('li', null, h('a', { class: 'row', href: '/lowongan/' + v.id },
    h('h3', null, v.title),
    h('p', null, v.company, v.regency ? ' · ' + v.regency.name : ''),
    h('p', { class: 'meta' }, `${t('jt_' + v.jobType)} · ${salary(v)}`)));
  return [
    title(t('nav_jobs')),
    searchForm(t('search_jobs'), q, [
      h('label', { for: 'jt' }, t('job_type')),
      h('select', { id: 'jt', name: 'type' }, h('option', { value: '' }, t('all_types')),
        TYPES.map((x) => h('option', { value: x, selected: x === type }, t('jt_' + x)))),
    ]),
    view(VACANCIES, vars, (d) => {
      const list = h('ul', { class: 'list' }, edges(d.vacancies).map(item));
      return [h('p', { class: 'meta', role: 'status' }, t('n_results', { n: d.vacancies.totalCount })), list, more(VACANCIES, vars, d.vacancies, item, list)];
    }),
  ];
}

export function job({ id }) {
  return [view(VACANCY, { id }, (d) => {
    const v = d.node;
    if (!v) return [title(t('not_found')), h('p', null, t('not_found_text'))];
    document.title = v.title + ' · Kartu Prakerja';
    return [
      h('h1', { tabindex: '-1' }, v.title),
      dl([[t('company'), v.company], [t('location'), v.regency ? v.regency.name : '-'], [t('industry'), v.industry],
        [t('job_type'), t('jt_' + v.jobType)], [t('education_min'), t('edu_' + v.educationMin)], [t('salary'), salary(v)],
        [t('posted'), date(v.postedAt)], v.expiresAt && [t('expires'), date(v.expiresAt)], [t('source'), v.portal.name]]),
      v.skills && v.skills.length > 0 && [h('h2', null, t('skills')), h('p', null, v.skills.join(', '))],
      h('div', { class: 'actions' }, h('button', { type: 'button', disabled: true, 'aria-describedby': 'soon' }, t('apply'))),
      h('p', { id: 'soon', class: 'meta' }, t('apply_soon')),
    ];
  })];
}
