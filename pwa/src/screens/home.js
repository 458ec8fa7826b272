// Beranda: the next step of the journey for applicants; for recipients the
// dashboard (card, balance, the 30-day deadline to buy the first training
// while it runs, trainings, certificates with QR, next payout).
import { h } from '../lib/h.js';
import { t, rp, date } from '../lib/i18n.js';
import { title, view, edges, badge } from '../lib/ui.js';
import { session, saveMe } from '../lib/session.js';
import { HOME } from '../queries.js';
import { step, cardNumber, dl, appStatus, drawn } from './common.js';
import { certificate, deadline } from './trainings.js';

export default function home() {
  const name = session.me && session.me.displayName;
  return [
    title(name ? t('hello', { name }) : t('home_title')),
    view(HOME, {}, (d) => {
      const me = d.me;
      const r = me.recipient;
      if (r) saveMe({ recipient: { ...(session.me.recipient || {}), ...pick(r) } });
      const attempts = r ? edges(r.testAttempts) : [];
      const s = step(r, attempts);
      const unread = me.notifications.totalCount;
      return [
        s === 'recipient' ? dashboard(r) : journey(s, r, attempts, d.currentWave),
        tiles(unread, s === 'recipient'),
      ];
    }),
  ];
}

const pick = ({ id, status, fullName, cardNumber: c, trainingBalance, acceptedAt, revokedAt, revocationReason }) =>
  ({ id, status, fullName, cardNumber: c, trainingBalance, acceptedAt, revokedAt, revocationReason });

function journey(s, r, attempts, wave) {
  const steps = ['register', 'test', 'wave', 'training', 'incentive'];
  const at = { register: 0, registered: 0, rejected: 0, test: 1, wave: 2, revoked: 2 }[s];
  const app = r && edges(r.applications).map(drawn)[0];
  // An application waiting for its lottery: no second "join", the state
  // and the next date instead.
  const waiting = s === 'wave' && app && app.status === 'pending';
  const next = waiting ? ['/gelombang', t('nav_wave')] : {
    register: ['/daftar', t('go_register')],
    registered: ['/verifikasi', t('go_verification')],
    rejected: ['/verifikasi', t('go_verification')],
    test: ['/tes', t('go_test')],
    wave: ['/gelombang', t('go_wave')],
  }[s];
  return h('section', { class: 'card', 'aria-labelledby': 'jh' },
    h('h2', { id: 'jh' }, t('journey')),
    s === 'revoked' && h('p', { class: 'err' }, t('revoked', { reason: r.revocationReason || '' })),
    h('ol', { class: 'steps' }, steps.map((k, i) => h('li', { class: i < at ? 'done' : null },
      t('step_' + k), i < at ? ' ✓ ' + t('done') : i === at ? ' · ' + t('now') : ''))),
    app && h('p', null, t('wave_n', { n: app.wave.number }), ': ', appStatus(app.status)),
    waiting ? waitingFor(app.wave)
      : s === 'wave' && wave && h('p', null, t('wave_open_until', { n: wave.number, date: date(wave.closesAt) })),
    next && h('div', { class: 'actions' }, h('a', { class: waiting ? 'btn sec' : 'btn', href: next[0] }, next[1])));
}

// waitingFor says what happens next to an application waiting for its
// wave's lottery: when the wave closes and when results come.
function waitingFor(w) {
  return h('div', { class: 'card box-ok', 'data-waiting': w.number },
    h('p', null, h('strong', null, t('home_joined', { n: w.number }))),
    w.status === 'open' && h('p', null, t('home_wave_closes', { n: w.number, date: date(w.closesAt) })),
    h('p', null, t('home_results_on', { date: date(w.resultsExpectedAt) })));
}

function dashboard(r) {
  const ps = edges(r.purchases);
  const certs = ps.filter((p) => p.certificate);
  const pay = edges(r.payouts)[0];
  return [
    h('section', { class: 'card', 'aria-labelledby': 'kh' },
      h('h2', { id: 'kh' }, t('your_card')),
      dl([[t('card_number'), cardNumber(r.cardNumber)], [t('balance'), rp(r.trainingBalance)],
        pay && [t('next_payout'), `${rp(pay.amount)} · ${date(pay.scheduledFor)}`]]),
      h('div', { class: 'actions' }, h('a', { class: 'btn', href: '/pelatihan' }, t('find_training')))),
    deadline(r.purchaseDeadline),
    h('h2', null, t('my_trainings')),
    ps.length ? h('ul', { class: 'list' }, ps.map((p) => h('li', null,
      h('h3', null, h('a', { href: '/pelatihan-saya/' + p.id }, p.course.title)),
      h('div', { class: 'progress', role: 'progressbar', 'aria-valuenow': p.progressPercent, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-label': t('progress') },
        h('span', { style: `width:${p.progressPercent}%` })),
      h('p', { class: 'meta' }, `${p.progressPercent}% · `, badge(p.status, t('pu_' + p.status))))))
      : h('p', null, t('no_trainings')),
    r.purchases.totalCount > ps.length && h('p', null, h('a', { href: '/pelatihan-saya' }, t('all_trainings'))),
    certs.length > 0 && [h('h2', null, t('certificates')), h('ul', { class: 'list' }, certs.map((p) => h('li', null, certificate(p.certificate, p.course.title))))],
  ];
}

// tiles are the shortcuts; the recipients-only screens (trainings,
// incentives, surveys) are shown to recipients only, and applicants are
// told when they open.
function tiles(unread, recipient) {
  const items = [
    ['/gelombang', t('nav_wave')],
    recipient && ['/pelatihan-saya', t('my_trainings')], recipient && ['/insentif', t('nav_incentive')],
    recipient && ['/survei', t('nav_survey')], ['/notifikasi', unread ? t('nav_inbox_n', { n: unread }) : t('nav_inbox')],
    ['/bantuan', t('nav_help')], ['/kotak-keluar', t('nav_outbox')], ['/akun', t('nav_account')], ['/cek-sertifikat', t('vf_title')],
  ].filter(Boolean);
  return [
    h('nav', { class: 'tiles', 'aria-label': t('shortcuts') }, items.map(([href, text]) => h('a', { href }, text))),
    !recipient && h('p', { class: 'tiles-note' }, t('home_later')),
  ];
}
