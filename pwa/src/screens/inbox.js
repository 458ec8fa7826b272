// Notifikasi: the in-app inbox (every notification, also those whose push
// failed). Opening one marks it read; marking goes through the outbox.
import { h } from '../lib/h.js';
import { t, dateTime } from '../lib/i18n.js';
import { title, view, edges } from '../lib/ui.js';
import { enqueue } from '../lib/outbox.js';
import { get, put } from '../lib/idb.js';
import { session, has } from '../lib/session.js';
import { navigate } from '../lib/router.js';
import { INBOX, MARK_READ, MARK_ALL_READ } from '../queries.js';
import { more, pageSize } from './catalogue.js';

// markRead marks notifications read on the phone at once and queues the
// change for the server (all: every unread one, with markAllNotificationsRead).
async function markRead(ids, all) {
  if (!ids.length || !has('markNotificationsRead')) return;
  const local = new Set((await get('kv', 'read').catch(() => null)) || []);
  ids.forEach((id) => local.add(id));
  await put('kv', [...local].slice(-500), 'read');
  const q = all && has('markAllNotificationsRead') ? { query: MARK_ALL_READ, variables: {} } : { query: MARK_READ, variables: { ids } };
  await enqueue({ stream: 'inbox', kind: 'read', label: t('ob_read'), ...q, account: session.me.id });
}

// Links are the app's own paths; anything else opens the inbox.
const safe = (l) => (typeof l === 'string' && l.startsWith('/') && !l.startsWith('//') ? l : '/notifikasi');

export default async function inbox() {
  const local = new Set((await get('kv', 'read').catch(() => null)) || []);
  const vars = { first: pageSize() };
  const item = (n) => {
    const unread = !n.readAt && !local.has(n.id);
    return h('li', { class: unread ? 'box-warn' : null, 'data-kind': n.kind },
      h('a', { class: 'row', href: safe(n.link), onclick: (e) => {
        e.preventDefault();
        if (unread) markRead([n.id]);
        navigate(safe(n.link));
      } },
      h('h3', null, unread ? h('span', { class: 'badge b-pending' }, t('new')) : null, unread ? ' ' : '', n.title),
      h('p', null, n.body),
      h('p', { class: 'meta' }, dateTime(n.createdAt))));
  };
  return [
    title(t('nav_inbox')),
    view(INBOX, vars, (d) => {
      const ns = edges(d.me.notifications);
      const unread = ns.filter((n) => !n.readAt && !local.has(n.id)).map((n) => n.id);
      const list = h('ul', { class: 'list' }, ns.map(item));
      return [
        unread.length > 0 && has('markNotificationsRead') && h('div', { class: 'actions' }, h('button', { type: 'button', class: 'sec', onclick: async (e) => {
          e.target.disabled = true;
          await markRead(unread, true);
          list.querySelectorAll('.box-warn').forEach((li) => li.classList.remove('box-warn'));
          list.querySelectorAll('.badge').forEach((b) => b.remove());
        } }, t('mark_all_read'))),
        ns.length ? list : h('p', null, t('no_notifications')),
        more(INBOX, vars, d.me.notifications, item, list),
      ];
    }),
  ];
}
