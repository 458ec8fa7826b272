// Bantuan: answers to common questions, the call center, the complaint form
// (queued in the outbox, so it can be written offline) and live chat (soon).
import { h, fill } from '../lib/h.js';
import { t } from '../lib/i18n.js';
import { title, field, select, showErrors } from '../lib/ui.js';
import { enqueue } from '../lib/outbox.js';
import { session, has } from '../lib/session.js';
import { COMPLAINT } from '../queries.js';

const CATS = ['registration', 'verification', 'training', 'incentive', 'survey', 'jobs', 'other'];

export default function help() {
  const faqs = [1, 2, 3, 4].map((i) => h('details', { class: 'card' }, h('summary', null, t('faq_q' + i)), h('p', null, t('faq_a' + i))));
  const out = h('div', { role: 'status', 'aria-live': 'polite' });
  let form = null;
  if (session.token) {
    form = h('form', { novalidate: true },
      select({ label: t('complaint_category'), name: 'category', options: CATS.map((c) => [c, t('cc_' + c)]), placeholder: t('choose'), required: true }),
      field({ label: t('complaint_subject'), name: 'subject', maxlength: 120, required: true }),
      field({ label: t('complaint_body'), name: 'body', type: 'textarea', maxlength: 2000, required: true }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('send_complaint'))),
      !has('submitComplaint') && h('p', { class: 'meta' }, t('complaint_later')),
      out);
    form.onsubmit = async (e) => {
      e.preventDefault();
      const f = form.elements;
      const input = { category: f.category.value, subject: f.subject.value.trim(), body: f.body.value.trim() };
      const errs = {};
      for (const k in input) if (!input[k]) errs[k] = t('required');
      if (Object.keys(errs).length) return showErrors(form, errs);
      showErrors(form, {});
      await enqueue({ stream: 'complaint', kind: 'complaint', label: input.subject, query: COMPLAINT, account: session.me.id,
        variables: (clientId) => ({ input: { clientId, ...input } }) });
      form.reset();
      fill(out, h('p', { class: 'ok' }, t('complaint_queued')), h('p', null, h('a', { href: '/kotak-keluar' }, t('nav_outbox'))));
    };
  }
  return [
    title(t('nav_help')),
    h('h2', null, t('faq')), faqs,
    h('h2', null, t('contact')),
    h('p', null, t('call_center'), ': ', h('a', { href: 'tel:1500042' }, '1500 042')),
    h('p', null, t('live_chat'), ': ', h('span', { class: 'meta' }, t('soon'))),
    h('h2', null, t('complaint')),
    form || h('p', null, h('a', { href: '/masuk?next=/bantuan' }, t('sign_in_to_complain'))),
  ];
}
