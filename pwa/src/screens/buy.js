// Buying a course from the training balance: choose the platform, confirm
// the price and the balance left in an in-page dialog, then purchaseCourse.
//
// Buying is online only (decided for issue 12): the confirmation must show
// the balance the server holds now, the redemption code only exists once the
// server has answered, and a purchase queued offline could be refused hours
// later (balance spent elsewhere, course suspended) after the recipient was
// told it was bought. Offline the button explains why it cannot buy now.
// The client id is made once per attempt and kept in localStorage until the
// server answers, so pressing "Beli" again after a lost answer (or after a
// reload) re-sends the same id and cannot buy twice.
import { h, fill } from '../lib/h.js';
import { t, rp } from '../lib/i18n.js';
import { choices, errorBox } from '../lib/ui.js';
import { query, post } from '../lib/gql.js';
import { forget } from '../lib/data.js';
import { session } from '../lib/session.js';
import { navigate } from '../lib/router.js';
import { BALANCE, BUY } from '../queries.js';

const attemptKey = (courseId, platformId) => `prakerja-buy:${courseId}:${platformId}`;

// clientIdFor returns the id of the unanswered attempt to buy this course on
// this platform, or a new one (kept until the server answers).
function clientIdFor(courseId, platformId) {
  const k = attemptKey(courseId, platformId);
  let id = null;
  try { id = localStorage.getItem(k); } catch { /* storage unavailable */ }
  if (!id) {
    id = crypto.randomUUID();
    try { localStorage.setItem(k, id); } catch { /* kept in memory only */ }
  }
  return id;
}
const attemptDone = (courseId, platformId) => { try { localStorage.removeItem(attemptKey(courseId, platformId)); } catch { /* none */ } };

const append = (el, ...kids) => { el.append(...kids.filter(Boolean)); return el; };

// buyBox is the course page's Buy section: who may buy, the platform, the button.
export function buyBox(c) {
  const box = h('section', { class: 'card', 'aria-labelledby': 'byh' }, h('h2', { id: 'byh' }, t('buy')));
  const r = session.me && session.me.recipient;
  if (c.status && c.status !== 'published') return append(box, h('p', { class: 'err' }, t('buy_unavailable')));
  if (!session.token) {
    return append(box, h('p', null, t('buy_signin')),
      h('div', { class: 'actions' }, h('a', { class: 'btn', href: '/masuk?next=' + encodeURIComponent(location.pathname) }, t('signin_title'))));
  }
  if (!r || r.status !== 'recipient') return append(box, h('p', null, t('buy_recipients_only')));
  const ps = c.platforms || [];
  const form = h('form', null,
    choices({ legend: t('buy_where'), name: 'platform', options: ps.map((p) => [p.id, p.name]), value: ps.length === 1 ? ps[0].id : null, required: true }),
    h('div', { class: 'msg', role: 'status' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('buy'))));
  const msg = form.querySelector('.msg');
  form.onsubmit = (e) => {
    e.preventDefault();
    const pid = new FormData(form).get('platform');
    const p = ps.find((x) => x.id === pid);
    if (p) confirmBuy(c, p, msg);
  };
  return append(box, form);
}


// confirmBuy reads the balance from the server and asks in a dialog.
async function confirmBuy(c, p, msg) {
  if (navigator.onLine === false) { fill(msg, errorBox({ message: t('buy_offline') })); return; }
  fill(msg, h('p', { class: 'muted' }, t('loading')));
  let r;
  try {
    r = (await query(BALANCE)).me.recipient;
  } catch (e) {
    fill(msg, errorBox(e.code === 'NETWORK' ? { message: t('buy_offline') } : e));
    return;
  }
  fill(msg);
  const left = r.trainingBalance - c.price;
  const enough = left >= 0;
  const dlg = h('dialog', { class: 'confirm', 'aria-labelledby': 'bch', 'aria-describedby': 'bcb' },
    h('h2', { id: 'bch' }, t('buy_confirm_h')),
    h('div', { id: 'bcb' },
      h('p', null, h('strong', null, c.title)),
      h('p', null, t('buy_on', { platform: p.name })),
      h('dl', { class: 'kv' },
        h('dt', null, t('price')), h('dd', { 'data-price': c.price }, rp(c.price)),
        h('dt', null, t('balance_now')), h('dd', null, rp(r.trainingBalance))),
      enough
        ? h('p', { class: 'big-line', 'data-left': left }, t('balance_after', { amount: rp(left) }))
        : h('p', { class: 'err' }, t('buy_short', { amount: rp(-left) })),
      enough && h('p', { class: 'meta' }, t('buy_note'))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'sec', onclick: () => dlg.close() }, enough ? t('cancel_no') : t('close')),
      enough && h('button', { type: 'button', onclick: () => { dlg.close(); buy(c, p, msg, !!r.purchaseDeadline); } }, t('buy_yes'))));
  dlg.addEventListener('close', () => dlg.remove());
  msg.append(dlg);
  dlg.showModal();
}

async function buy(c, p, msg, first) {
  fill(msg, h('p', { class: 'muted' }, t('buying')));
  const clientId = clientIdFor(c.id, p.id);
  try {
    const res = (await post(BUY, { c: c.id, p: p.id, k: clientId })).purchaseCourse;
    attemptDone(c.id, p.id);
    await forget('Home', 'Trainings', 'Balance', 'Course', 'Search').catch(() => {});
    navigate(`/pelatihan-saya/${res.id}?baru=${first ? 'pertama' : '1'}`);
  } catch (e) {
    // A lost answer keeps the attempt's id: pressing again cannot buy twice.
    // "Coba lagi" re-sends the same attempt without a new confirmation.
    if (e.transient) { fill(msg, errorBox({ message: t('buy_retry') }, () => buy(c, p, msg, first))); return; }
    attemptDone(c.id, p.id);
    fill(msg, errorBox(e));
  }
}
