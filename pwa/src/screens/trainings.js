// Pelatihan Saya: purchases with progress, certificates with a QR code of
// the certificate number (drawn on the phone, no image download).
import { h } from '../lib/h.js';
import { t, rp, date } from '../lib/i18n.js';
import { title, view, edges, badge } from '../lib/ui.js';
import { qrSvg } from '../lib/qr.js';
import { session } from '../lib/session.js';
import { TRAININGS } from '../queries.js';

export function certificate(c, course) {
  const qr = h('div', { class: 'qrbox' });
  const draw = () => {
    const tpl = document.createElement('template');
    tpl.innerHTML = qrSvg(c.number, t('qr_of', { n: c.number }));
    qr.replaceChildren(tpl.content);
  };
  if (session.me && session.me.dataSaver) {
    qr.append(h('button', { type: 'button', class: 'sec', onclick: draw }, t('show_qr')));
  } else {
    draw();
  }
  return h('article', { class: 'cert', 'data-cert': c.number },
    h('h3', null, course),
    h('p', null, t('cert_number'), ': ', h('strong', null, c.number)),
    h('p', { class: 'meta' }, t('post_test', { score: c.postTestScore }), ' · ', date(c.issuedAt)),
    qr);
}

export default function trainings() {
  return [
    title(t('my_trainings')),
    view(TRAININGS, {}, (d) => {
      const r = d.me.recipient;
      if (!r) return h('p', null, t('not_recipient'));
      const ps = edges(r.purchases);
      return [
        h('p', null, t('balance'), ': ', h('strong', null, rp(r.trainingBalance))),
        ps.length ? h('ul', { class: 'list' }, ps.map((p) => h('li', null,
          h('h3', null, h('a', { href: '/pelatihan/' + p.course.id }, p.course.title)),
          h('p', { class: 'meta' }, p.platform.name, ' · ', rp(p.price), ' · ', p.invoiceCode),
          h('div', { class: 'progress', role: 'progressbar', 'aria-valuenow': p.progressPercent, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-label': t('progress') },
            h('span', { style: `width:${p.progressPercent}%` })),
          h('p', { class: 'meta' }, `${p.progressPercent}% · `, badge(p.status, t('pu_' + p.status))),
          p.certificate && certificate(p.certificate, t('certificate')))))
          : h('p', null, t('no_trainings')),
        h('div', { class: 'actions' }, h('a', { class: 'btn', href: '/pelatihan' }, t('find_training'))),
      ];
    }),
  ];
}
