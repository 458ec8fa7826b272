// Pelatihan Saya: purchases with their status, progress and redemption code
// (cancel while unredeemed), certificates with the QR code of the signed
// credential (drawn on the phone; anyone can check it offline at
// /cek-sertifikat), and reviews of completed trainings.
import { h, fill } from '../lib/h.js';
import { t, rp, date } from '../lib/i18n.js';
import { title, view, edges, badge, errorBox, choices, field, showErrors } from '../lib/ui.js';
import { qrSvg } from '../lib/qr.js';
import { post } from '../lib/gql.js';
import { forget } from '../lib/data.js';
import { session } from '../lib/session.js';
import { render } from '../lib/router.js';
import { TRAININGS, PURCHASE, CANCEL, REVIEW } from '../queries.js';

// verifyLink is the public page that checks a certificate by its number.
export const verifyLink = (number) => '/sertifikat/' + number.split('/').map(encodeURIComponent).join('/');

export function certificate(c, course) {
  const qr = h('div', { class: 'qrbox' });
  const text = c.qrPayload || c.number;
  const draw = () => {
    const tpl = document.createElement('template');
    try {
      tpl.innerHTML = qrSvg(text, t('qr_of', { n: c.number }));
    } catch {
      tpl.innerHTML = qrSvg(c.number, t('qr_of', { n: c.number }));
    }
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
    c.revokedAt && h('p', { class: 'err' }, t('cert_revoked')),
    qr,
    c.qrPayload && h('p', { class: 'meta' }, t('cert_qr_note')),
    h('p', null, h('a', { href: verifyLink(c.number), 'data-verify': c.number }, t('cert_public_page'))));
}

// code shows the redemption code big, with a copy button and where to use it.
function code(p) {
  const copy = h('button', { type: 'button', class: 'sec' }, t('copy_code'));
  const said = h('span', { role: 'status', class: 'ok' });
  copy.onclick = async () => {
    try {
      await navigator.clipboard.writeText(p.redemptionCode);
      said.textContent = t('copied');
    } catch {
      // No clipboard (an old browser, or no permission): select the text.
      const r = document.createRange();
      r.selectNodeContents(copy.closest('.redeem').querySelector('.code'));
      getSelection().removeAllRanges();
      getSelection().addRange(r);
      said.textContent = t('copy_by_hand');
    }
  };
  return h('div', { class: 'redeem card box-ok' },
    h('p', null, t('redeem_code')),
    h('p', { class: 'code', 'data-code': p.redemptionCode }, p.redemptionCode),
    h('div', { class: 'actions' }, copy, said),
    h('p', null, t('redeem_where', { platform: p.platform.name })),
    h('p', null, h('a', { class: 'btn', href: p.redeemUrl, target: '_blank', rel: 'noopener' }, t('redeem_open', { platform: p.platform.name }))));
}

// cancelButton asks before cancelling an unredeemed purchase.
function cancelButton(p, msg) {
  const b = h('button', { type: 'button', class: 'sec' }, t('cancel_purchase'));
  b.onclick = () => {
    const dlg = h('dialog', { class: 'confirm', 'aria-labelledby': 'cph', 'aria-describedby': 'cpb' },
      h('h2', { id: 'cph' }, t('cancel_confirm_h')),
      h('p', { id: 'cpb' }, t('cancel_confirm', { title: p.course.title, amount: rp(p.price) })),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'sec', onclick: () => dlg.close() }, t('cancel_keep')),
        h('button', { type: 'button', onclick: async () => {
          dlg.close();
          try {
            await post(CANCEL, { id: p.id });
            await forget('Home', 'Trainings', 'Purchase', 'Balance').catch(() => {});
            render();
          } catch (e) {
            fill(msg, errorBox(e.code === 'NETWORK' ? { message: t('need_signal') } : e));
          }
        } }, t('cancel_yes'))));
    dlg.addEventListener('close', () => dlg.remove());
    msg.append(dlg);
    dlg.showModal();
  };
  return b;
}

// reviewForm: 1-5 stars as radio buttons and a text, once per purchase.
function reviewForm(p) {
  const form = h('form', { class: 'card', 'data-review-for': p.id },
    h('h3', null, t('review_write')),
    choices({ legend: t('review_stars'), name: 'rating', options: [1, 2, 3, 4, 5].map((n) => [String(n), t('stars_n', { n })]), required: true }),
    field({ label: t('review_text'), name: 'body', type: 'textarea', maxlength: 2000 }),
    h('div', { class: 'msg' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('review_send'))));
  form.onsubmit = async (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    const msg = form.querySelector('.msg');
    try {
      await post(REVIEW, { p: p.id, r: Number(fd.get('rating')), b: String(fd.get('body') || '') || null });
      await forget('Trainings', 'Course', 'CourseReviews').catch(() => {});
      render();
    } catch (ex) {
      const rest = showErrors(form, ex.fields);
      fill(msg, errorBox(ex.code === 'NETWORK' ? { message: t('need_signal') } : { message: rest.join(' ') || ex.message }));
    }
  };
  return form;
}

function myReview(r) {
  return h('div', { class: 'card', 'data-my-review': r.id },
    h('p', null, t('review_yours'), ' ', h('span', { 'aria-label': t('stars_n', { n: r.rating }) }, '★'.repeat(r.rating) + '☆'.repeat(5 - r.rating))),
    r.body && h('p', null, r.body),
    r.hiddenAt && h('p', { class: 'err', 'data-hidden': '' }, t('review_hidden', { reason: r.hiddenReason || '' })));
}

const active = (s) => s !== 'cancelled' && s !== 'refunded';

function purchaseItem(p, review) {
  const msg = h('div');
  return h('li', { 'data-purchase': p.id, 'data-status': p.status },
    h('h3', null, h('a', { href: '/pelatihan-saya/' + p.id }, p.course.title)),
    h('p', { class: 'meta' }, p.platform.name, ' · ', rp(p.price), ' · ', p.invoiceCode),
    h('div', { class: 'progress', role: 'progressbar', 'aria-valuenow': p.progressPercent, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-label': t('progress') },
      h('span', { style: `width:${p.progressPercent}%` })),
    h('p', { class: 'meta' }, `${p.progressPercent}% · `, badge(p.status, t('pu_' + p.status))),
    active(p.status) && p.status !== 'completed' && h('p', null, t('redeem_code'), ': ', h('strong', { class: 'code-s' }, p.redemptionCode)),
    p.cancellable && h('div', { class: 'actions' }, cancelButton(p, msg)),
    msg,
    p.certificate && certificate(p.certificate, t('certificate')),
    p.status === 'completed' && (review ? myReview(review) : reviewForm(p)));
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
        deadline(r.purchaseDeadline),
        ps.length ? h('ul', { class: 'list' }, ps.map((p) => purchaseItem(p, p.status === 'completed' ? p.review : null)))
          : h('p', null, t('no_trainings')),
        h('div', { class: 'actions' }, h('a', { class: 'btn', href: '/pelatihan' }, t('find_training'))),
      ];
    }),
  ];
}

// deadline says how long is left to buy the first training (30-day rule);
// nothing once bought.
export function deadline(at) {
  if (!at) return null;
  const days = Math.max(0, Math.ceil((new Date(at).getTime() - Date.now()) / 86400e3));
  return h('div', { class: 'card box-warn', 'data-deadline': at },
    h('p', null, h('strong', null, t('deadline_days', { n: days }))),
    h('p', null, t('deadline_text', { date: date(at) })));
}

// purchase is one purchase's page: the redemption code, where to use it,
// and after buying, that the 30-day deadline is gone.
export function purchase({ id }, qs) {
  const fresh = qs.get('baru');
  return [
    view(PURCHASE, { id }, (d) => {
      const p = d.node;
      if (!p || !p.course) return [title(t('not_found')), h('p', null, t('not_found_text'))];
      const msg = h('div');
      return [
        title(p.course.title),
        fresh && h('div', { class: 'card box-ok', role: 'status' },
          h('p', null, h('strong', null, t('bought'))),
          fresh === 'pertama' && h('p', { 'data-deadline-gone': '' }, t('deadline_gone'))),
        h('p', { class: 'meta' }, p.platform.name, ' · ', rp(p.price), ' · ', p.invoiceCode, ' · ', badge(p.status, t('pu_' + p.status))),
        active(p.status) && p.status !== 'completed' && code(p),
        p.cancellable && h('div', { class: 'actions' }, cancelButton(p, msg)),
        msg,
        h('p', null, h('a', { href: '/pelatihan-saya' }, t('all_trainings'))),
      ];
    }),
  ];
}
