// Kotak keluar: everything queued on the phone and its state: menunggu
// (waiting), mengirim (sending), terkirim (sent), ditolak (refused, with the
// server's reason). Nothing leaves this list without the user's say.
import { h, fill } from '../lib/h.js';
import { t, dateTime, keyOf } from '../lib/i18n.js';
import { title, onLeave } from '../lib/ui.js';
import { list, onChange, retry, remove, unsent } from '../lib/outbox.js';
import { session } from '../lib/session.js';

// label shows an item's label in the current language: labels are stored
// as text in the language of the moment they were queued, so one that is a
// string of the app is looked up again (a complaint's subject stays as is).
const label = (it) => (keyOf(it.label) ? t(keyOf(it.label)) : it.label);

export default function outbox() {
  const box = h('div');
  const draw = async () => {
    const items = (await list()).filter((it) => !session.me || it.account === session.me.id).reverse();
    const waiting = items.filter(unsent).length;
    fill(box,
      h('p', { role: 'status' }, waiting ? t('ob_waiting_n', { n: waiting }) : t('ob_all_sent')),
      waiting > 0 && h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => retry() }, t('send_now'))),
      items.length ? h('ul', { class: 'list' }, items.map((it) => h('li', { 'data-item': it.id, 'data-kind': it.kind, 'data-status': it.status },
        h('h3', null, label(it)),
        h('p', null, h('span', { class: 'badge b-' + it.status }, t('ob_' + it.status)), ' ', h('span', { class: 'meta' }, dateTime(it.sentAt || it.createdAt))),
        it.status === 'refused' && h('p', { class: 'err' }, t('reason'), ': ', it.code === 'CORRUPT' ? t('ob_corrupt') : it.reason),
        it.status === 'waiting' && it.error && h('p', { class: 'meta' }, it.error === 'NETWORK' ? t('ob_offline') : it.error === 'UNAUTHENTICATED' ? t('ob_signin') : t('ob_retry_later', { reason: it.reason || it.error })),
        (it.status === 'refused' || it.status === 'waiting') && h('div', { class: 'actions' }, h('button', { type: 'button', class: 'sec', onclick: async () => {
          if (confirm(t(it.status === 'refused' ? 'ob_confirm_remove' : 'ob_confirm_drop', { label: label(it) }))) await remove(it.id);
        } }, t('remove'))))))
        : h('p', null, t('ob_empty')),
      h('p', { class: 'meta' }, t('ob_explain')));
  };
  draw();
  onLeave(onChange(draw));
  return [title(t('nav_outbox')), box];
}
