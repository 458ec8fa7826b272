// The audit log (admin, analyst): filtered by actor (a phone, turned into
// the account's id), action, subject and time; newest first, paged.
import { h, fill, title, field, table, pager, when, errorBox, loading, draft } from '../lib/ui.js';
import { t } from '../lib/i18n.js';
import { gql, nodes } from '../lib/api.js';
import { normalizePhone } from '../../../pwa/src/lib/phone.js';
import { ACCOUNT_BY_PHONE, AUDIT } from '../queries.js';

export function audit() {
  const box = h('div');
  const f = h('form', { novalidate: true, class: 'filters' },
    field({ label: t('actor_phone'), name: 'actor', type: 'tel', autocomplete: 'off' }),
    field({ label: t('action'), name: 'action', autocomplete: 'off', hint: t('action_hint') }),
    field({ label: t('subject_id'), name: 'target', autocomplete: 'off' }),
    field({ label: t('from') + ' (WIB)', name: 'from', type: 'date' }),
    field({ label: t('to') + ' (WIB)', name: 'to', type: 'date' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('filter'))));
  draft(f, 'audit');
  let where;
  const load = (after) => {
    fill(box, loading());
    gql(AUDIT, { after, where }).then((d) => fill(box, table([
      { label: t('time'), get: (a) => when(a.createdAt) },
      { label: t('actor'), get: (a) => (a.actor ? (a.actor.displayName || '') + ' · ' + a.actor.phone : a.actorID || t('system')) + ' (' + a.actorRole + ')' },
      { label: t('action'), get: (a) => h('code', null, a.action) },
      { label: t('subject'), get: (a) => [a.targetType, ' ', a.targetID && h('code', { class: 'small' }, a.targetID)] },
      { label: t('reason'), get: (a) => a.reason },
    ], nodes(d.auditLogs)), pager(d.auditLogs, load, after && (() => load()))), (e) => fill(box, errorBox(e)));
  };
  f.onsubmit = async (e) => {
    e.preventDefault();
    where = {};
    const phone = f.actor.value.trim();
    if (phone) {
      try {
        const a = nodes((await gql(ACCOUNT_BY_PHONE, { phone: normalizePhone(phone) })).accounts)[0];
        if (!a) return fill(box, h('p', { class: 'muted' }, t('no_account', { phone })));
        where.actorID = a.id;
      } catch (ex) {
        return fill(box, errorBox(ex));
      }
    }
    if (f.action.value.trim()) where.actionHasPrefix = f.action.value.trim();
    if (f.target.value.trim()) where.targetID = f.target.value.trim();
    if (f.from.value) where.createdAtGTE = f.from.value + 'T00:00:00+07:00';
    if (f.to.value) where.createdAtLTE = f.to.value + 'T23:59:59+07:00';
    load();
  };
  load();
  return [title(t('sec_audit')), f, box];
}
