// Hasil verifikasi: the registry checks' outcome, each failed rule with what
// to do.
import { h } from '../lib/h.js';
import { t } from '../lib/i18n.js';
import { title, view } from '../lib/ui.js';
import { saveMe } from '../lib/session.js';
import { VERIFICATION } from '../queries.js';
import { failureList } from './common.js';

export default function verification() {
  return [
    title(t('verification_title')),
    view(VERIFICATION, {}, (d) => {
      const r = d.me.recipient;
      if (!r) return [h('p', null, t('not_registered')), h('div', { class: 'actions' }, h('a', { class: 'btn', href: '/daftar' }, t('go_register')))];
      saveMe({ recipient: { id: r.id, status: r.status, fullName: r.fullName, cardNumber: r.cardNumber } });
      if (r.status === 'rejected') {
        return [h('div', { class: 'card box-err' }, h('p', null, t('rejected'))), failureList(r.verificationFailures),
          h('div', { class: 'actions' }, h('a', { class: 'btn sec', href: '/bantuan' }, t('nav_help')))];
      }
      if (r.status === 'registered') return h('p', null, t('verifying_wait'));
      return [h('div', { class: 'card box-ok' }, h('p', { class: 'ok' }, t('verified'))),
        h('div', { class: 'actions' }, h('a', { class: 'btn', href: r.status === 'verified' ? '/tes' : '/' }, r.status === 'verified' ? t('go_test') : t('home_title')))];
    }),
  ];
}
