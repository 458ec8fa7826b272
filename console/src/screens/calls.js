// The partner API call log (partnerCalls): newest first, errors
// highlighted, filtered by status.
import { h, fill, title, field, table, pager, when, errorBox, loading, badge } from '../lib/ui.js';
import { t, num } from '../lib/i18n.js';
import { gql, nodes } from '../lib/api.js';
import { CALLS } from '../queries.js';

export function calls() {
  const box = h('div');
  const filter = field({ label: t('status'), name: 'status', tag: 'select', options: [['', t('all')], ['ok', t('calls_ok')], ['error', t('calls_errors')]] });
  const where = () => {
    const v = filter.querySelector('select').value;
    return v === 'ok' ? { status: 'ok' } : v === 'error' ? { statusNEQ: 'ok' } : undefined;
  };
  const load = (after) => {
    fill(box, loading());
    gql(CALLS, { after, where: where() }).then((d) => fill(box, table([
      { label: t('time'), get: (c) => when(c.createdAt) },
      { label: t('key_prefix'), get: (c) => h('code', null, c.apiKeyPrefix) },
      { label: t('operation'), get: (c) => c.operation },
      { label: t('status'), get: (c) => badge(c.status, c.status === 'ok' ? 'ok' : 'bad') },
      { label: t('error'), get: (c) => c.errorMessage || '' },
      { label: t('duration'), get: (c) => t('took_ms', { ms: num(c.durationMs) }), class: 'num' },
    ], nodes(d.partnerCalls), { rowClass: (c) => (c.status === 'ok' ? '' : 'row-err') }),
    pager(d.partnerCalls, load, after && (() => load()))), (e) => fill(box, errorBox(e)));
  };
  filter.querySelector('select').addEventListener('change', () => load());
  load();
  return [title(t('sec_calls')), h('div', { class: 'filters' }, filter), box];
}
