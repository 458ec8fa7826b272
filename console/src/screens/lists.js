// Payouts, purchases, courses and vacancies: paged lists of what the
// server lets the role read (a platform its own purchases, a payment
// partner its payouts, ...).
import { h, fill, title, table, pager, when, errorBox, loading } from '../lib/ui.js';
import { t, rp, num, date } from '../lib/i18n.js';
import { gql, nodes } from '../lib/api.js';
import { PAYOUTS, PURCHASES, COURSES, VACANCIES } from '../queries.js';
import { can } from '../lib/state.js';

function list(name, doc, field, cols) {
  return () => {
    const box = h('div');
    const load = (after) => {
      fill(box, loading());
      gql(doc, { after }).then((d) => fill(box, table(cols(), nodes(d[field])), pager(d[field], load, after && (() => load()))),
        (e) => fill(box, errorBox(e)));
    };
    load();
    return [title(t(name)), box];
  };
}

export const payouts = list('sec_payouts', PAYOUTS, 'payouts', () => [
  { label: t('scheduled_for'), get: (p) => date(p.scheduledFor) },
  // finance and payment partners do not read recipients: the id, linked
  // for the roles that may open the recipient's page
  { label: t('recipient'), get: (p) => (can('recipients') ? h('a', { href: '/konsol/recipients/' + p.recipientID }, h('code', null, p.recipientID)) : h('code', null, p.recipientID)) },
  { label: t('kind'), get: (p) => p.kind + ' ' + p.installment },
  { label: t('amount'), get: (p) => rp(p.amount), class: 'num' },
  { label: t('partner'), get: (p) => (p.partner ? p.partner.name : '–') },
  { label: t('status'), get: (p) => p.status },
  { label: t('sent_at'), get: (p) => when(p.sentAt) },
]);

export const purchases = list('sec_purchases', PURCHASES, 'purchases', () => [
  { label: t('time'), get: (p) => when(p.createdAt) },
  { label: t('invoice'), get: (p) => h('code', null, p.invoiceCode) },
  { label: t('course'), get: (p) => p.course.title },
  { label: t('platform'), get: (p) => p.platform.name },
  { label: t('price'), get: (p) => rp(p.price), class: 'num' },
  { label: t('status'), get: (p) => p.status },
  { label: t('progress'), get: (p) => p.progressPercent + '%', class: 'num' },
]);

export const courses = list('sec_courses', COURSES, 'courses', () => [
  { label: t('title'), get: (c) => c.title },
  { label: t('institution'), get: (c) => c.institution.name },
  { label: t('category'), get: (c) => c.category },
  { label: t('method'), get: (c) => c.method },
  { label: t('price'), get: (c) => rp(c.price), class: 'num' },
  { label: t('hours'), get: (c) => num(c.durationHours), class: 'num' },
  { label: t('purchases_n'), get: (c) => num(c.purchaseCount), class: 'num' },
]);

export const vacancies = list('sec_vacancies', VACANCIES, 'vacancies', () => [
  { label: t('posted_at'), get: (v) => date(v.postedAt) },
  { label: t('title'), get: (v) => v.title },
  { label: t('company'), get: (v) => v.company },
  { label: t('industry'), get: (v) => v.industry },
  { label: t('job_type'), get: (v) => v.jobType },
  { label: t('portal'), get: (v) => v.portal.name },
  { label: t('expires_at'), get: (v) => date(v.expiresAt) },
]);
