// Partner API documentation (partnerAPIDocs) with runnable examples: each
// operation's document, variables and a curl command, and "Coba di
// sandbox", which sends the example to this server with an API key (the
// demo install is the sandbox) and shows the answer.
import { h, fill, title, field, errorBox, copyButton, loading } from '../lib/ui.js';
import { t } from '../lib/i18n.js';
import { gql, raw } from '../lib/api.js';
import { KINDS } from './partners.js';
import { lastSecret } from './keys.js';
import { DOCS, ME } from '../queries.js';

const curl = (op) => `curl -s ${location.origin}/graphql \\
  -H 'Content-Type: application/json' \\
  -H 'Authorization: ApiKey <key>' \\
  -d '${JSON.stringify({ query: op.document, variables: JSON.parse(op.variables || '{}') }).replace(/'/g, "'\\''")}'`;

export function docs() {
  const box = h('div', null, loading());
  const keyField = field({ label: t('sandbox_key'), name: 'key', autocomplete: 'off', hint: t('sandbox_key_hint'), value: lastSecret.key, spellcheck: 'false' });
  const kindBox = h('div');
  const load = async (kind) => {
    fill(box, loading());
    try {
      const d = await gql(DOCS, { kind });
      fill(box, d.partnerAPIDocs.map((op) => operation(op, keyField)));
    } catch (e) {
      fill(box, errorBox(e));
    }
  };
  gql(ME).then((d) => {
    if (d.me.role === 'admin' || !KINDS.some((k) => k.role === d.me.role)) {
      const sel = field({ label: t('partner_kind'), name: 'kind', tag: 'select', options: KINDS.map((k) => [k.kind, t('kind_' + k.role)]) });
      sel.querySelector('select').addEventListener('change', (e) => load(e.target.value));
      fill(kindBox, sel);
      load(KINDS[0].kind);
    } else {
      load(null);
    }
  }, (e) => fill(box, errorBox(e)));
  return [title(t('sec_docs')), h('p', null, t('docs_intro')), h('div', { class: 'filters' }, kindBox, keyField), box];
}

function operation(op, keyField) {
  const answer = h('div', { 'aria-live': 'polite' });
  const c = curl(op);
  const run = async () => {
    const key = keyField.querySelector('input').value.trim();
    if (!key) return fill(answer, h('p', { class: 'err', role: 'alert' }, t('sandbox_need_key')));
    fill(answer, loading());
    try {
      const r = await raw(op.document, JSON.parse(op.variables || '{}'), 'ApiKey ' + key);
      fill(answer, h('p', { class: 'muted' }, 'HTTP ' + r.status), h('pre', { class: 'answer', 'data-answer': '' }, JSON.stringify(r.body, null, 2)));
    } catch (e) {
      fill(answer, errorBox(e));
    }
  };
  return h('section', { class: 'card', 'data-op': op.name },
    h('h2', null, h('code', null, op.name)), h('p', null, op.description),
    h('p', null, t('scope') + ': ', h('code', null, op.scope)),
    h('h3', null, t('document')), h('pre', { class: 'cmd' }, op.document),
    h('h3', null, t('variables')), h('pre', { class: 'cmd' }, op.variables),
    h('h3', null, 'curl'), h('pre', { class: 'cmd' }, c), copyButton(c),
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: run }, t('try_sandbox'))), answer);
}
