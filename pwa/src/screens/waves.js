// Gelombang: the open wave, joining it, and the status of each application
// (menunggu / terpilih / tidak terpilih), with the card number once selected.
import { h, fill } from '../lib/h.js';
import { t, date, rp, num } from '../lib/i18n.js';
import { post } from '../lib/gql.js';
import { title, view, edges, errorBox } from '../lib/ui.js';
import { saveMe, session } from '../lib/session.js';
import { WAVES, JOIN_WAVE } from '../queries.js';
import { appStatus, cardNumber, dl, drawn } from './common.js';

export default function waves() {
  const box = h('div');
  const show = () => view(WAVES, {}, (d) => {
    const r = d.me.recipient;
    const w = d.currentWave;
    const apps = r ? edges(r.applications).map(drawn) : [];
    if (r) saveMe({ recipient: { ...(session.me.recipient || {}), status: r.status, cardNumber: r.cardNumber, trainingBalance: r.trainingBalance } });
    const joined = w && apps.some((a) => a.wave.id === w.id);
    const passed = r && edges(r.testAttempts).some((a) => a.passed);
    const err = h('div');
    const selected = apps.find((a) => a.status === 'selected');
    return [
      r && r.status === 'recipient' && h('section', { class: 'card box-ok', 'aria-labelledby': 'sel' },
        h('h2', { id: 'sel' }, t('you_are_selected')),
        dl([[t('card_number'), h('span', { 'data-card': r.cardNumber }, cardNumber(r.cardNumber))],
          [t('balance'), rp(r.trainingBalance)],
          selected && [t('wave'), String(selected.wave.number)]]),
        h('div', { class: 'actions' }, h('a', { class: 'btn', href: '/pelatihan' }, t('find_training')))),
      h('h2', null, t('current_wave')),
      w ? h('div', { class: 'card' },
        h('h3', null, w.name),
        dl([[t('opens'), date(w.opensAt)], [t('closes'), date(w.closesAt)], [t('quota'), num(w.quota)], [t('status'), t('ws_' + w.status)]]),
        joined ? [h('p', { class: 'ok' }, t('joined')), h('p', null, t('home_results_on', { date: date(w.resultsExpectedAt) }))]
          : r && r.status === 'verified' && passed && w.status === 'open'
            ? h('div', { class: 'actions' }, h('button', { type: 'button', onclick: async (e) => {
              e.target.disabled = true;
              try {
                await post(JOIN_WAVE, { w: w.id });
                fill(box, show());
              } catch (ex) {
                e.target.disabled = false;
                fill(err, errorBox(ex));
              }
            } }, t('join_wave', { n: w.number })))
            : h('p', { class: 'meta' }, !r ? t('register_first') : r.status === 'verified' && !passed ? t('test_first') : ''),
        err)
        : h('p', null, t('no_wave')),
      h('h2', null, t('my_applications')),
      apps.length ? h('ul', { class: 'list' }, apps.map((a) => h('li', { 'data-wave': a.wave.number },
        h('h3', null, t('wave_n', { n: a.wave.number })),
        h('p', null, appStatus(a.status)),
        a.exclusionReason && h('p', { class: 'meta' }, t('excl_' + a.exclusionReason)),
        a.status === 'pending' && h('p', { class: 'meta' }, t('home_results_on', { date: date(a.wave.resultsExpectedAt) })),
        a.status === 'not_selected' && h('p', { class: 'meta' }, t('try_next_wave')),
        a.decidedAt && h('p', { class: 'meta' }, t('decided', { date: date(a.decidedAt) })))))
        : h('p', null, t('no_applications')),
    ];
  });
  fill(box, show());
  return [title(t('nav_wave')), box];
}
