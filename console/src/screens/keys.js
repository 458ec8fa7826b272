// API keys (admin and partner operators): the list, a new key with its
// scopes (the secret shown once), rotation and revocation.
import { h, fill, title, field, table, when, errorBox, formErrors, confirmDialog, copyButton, loading, draft, badge } from '../lib/ui.js';
import { t } from '../lib/i18n.js';
import { gql, nodes } from '../lib/api.js';
import { KINDS } from './partners.js';
import { KEYS, SCOPES, PARTNER_ACCOUNTS, CREATE_KEY, ROTATE_KEY, REVOKE_KEY } from '../queries.js';

// lastSecret is the newest secret shown, kept in memory only so that the
// docs screen's sandbox can use it in this tab.
export const lastSecret = { key: '' };

export function keys() {
  const box = h('div', null, loading());
  const secretBox = h('div', { 'aria-live': 'polite' });
  const show = async () => {
    let d;
    try {
      d = await gql(KEYS);
    } catch (e) {
      return fill(box, errorBox(e));
    }
    const staff = d.me.role === 'admin';
    const act = (label, q, fn) => h('button', { type: 'button', class: 'sec small', onclick: async () => {
      if (!(await confirmDialog(q, label))) return;
      try { await fn(); await show(); } catch (ex) { fill(secretBox, errorBox(ex)); }
    } }, label);
    fill(box, await createForm(staff, d.me, secretBox, show), h('h2', null, t('keys_list')), table([
      { label: t('key_prefix'), get: (k) => h('code', null, k.prefix) },
      { label: t('key_label'), get: (k) => k.label },
      { label: t('scopes'), get: (k) => k.scopes.join(', ') || '–' },
      { label: t('account'), get: (k) => (k.account.displayName || '') + ' · ' + k.account.phone },
      { label: t('created'), get: (k) => when(k.createdAt) },
      { label: t('last_used'), get: (k) => when(k.lastUsedAt) },
      { label: t('status'), get: (k) => (k.revokedAt ? badge(t('revoked_on', { at: when(k.revokedAt) }), 'off') : badge(t('active'), 'ok')) },
      { label: '', get: (k) => !k.revokedAt && [
        act(t('rotate'), t('rotate_q', { prefix: k.prefix }), async () => showSecret(secretBox, (await gql(ROTATE_KEY, { prefix: k.prefix })).rotateAPIKey)),
        ' ',
        act(t('revoke'), t('revoke_key_q', { prefix: k.prefix }), () => gql(REVOKE_KEY, { prefix: k.prefix }))] },
    ], d.apiKeys, { rowClass: (k) => (k.revokedAt ? 'dim' : '') }));
  };
  show();
  return [title(t('sec_keys')), secretBox, box];
}

// showSecret shows a new key once, with a copy button and the warning.
function showSecret(box, p) {
  lastSecret.key = p.key;
  fill(box, h('div', { class: 'box-ok', role: 'alert' },
    h('h2', null, t('key_created', { prefix: p.prefix })),
    h('p', null, h('strong', null, t('key_once'))),
    h('pre', { class: 'cmd', 'data-secret': '' }, p.key), copyButton(p.key),
    h('p', { class: 'muted' }, t('key_use'))));
}

async function createForm(staff, me, secretBox, reload) {
  const out = h('div');
  const scopesBox = h('fieldset', { class: 'scopes', 'data-field': 'scopes' }, h('legend', null, t('scopes')));
  const accountBox = h('div');
  const f = h('form', { novalidate: true, class: 'card' }, h('h2', null, t('key_new')),
    staff && field({ label: t('partner_kind'), name: 'kind', tag: 'select', options: KINDS.map((k) => [k.kind, t('kind_' + k.role)]) }),
    accountBox,
    field({ label: t('key_label'), name: 'label', autocomplete: 'off', hint: t('key_label_hint') }),
    scopesBox, h('p', { class: 'err', 'data-error-for': 'scopes', hidden: true }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('key_create'))), out);
  const loadKind = async () => {
    const kind = staff ? f.kind.value : null;
    try {
      const s = (await gql(SCOPES, { kind })).partnerScopes;
      fill(scopesBox, h('legend', null, t('scopes')), s.map((sc) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'scope', value: sc.name }), ' ', h('code', null, sc.name), ' – ', sc.description)));
      if (staff) {
        const role = KINDS.find((k) => k.kind === kind).role;
        const accs = nodes((await gql(PARTNER_ACCOUNTS, { role })).accounts);
        fill(accountBox, field({ label: t('account'), name: 'account', tag: 'select', options: accs.map((a) => [a.id, a.displayName + ' · ' + a.phone]) }));
      } else {
        fill(accountBox, h('input', { type: 'hidden', name: 'account', value: me.id }));
      }
    } catch (e) {
      fill(scopesBox, errorBox(e));
    }
  };
  if (staff) f.kind.addEventListener('change', loadKind);
  await loadKind();
  const dr = draft(f, 'key-new');
  f.onsubmit = async (e) => {
    e.preventDefault();
    const scopes = [...f.querySelectorAll('input[name=scope]:checked')].map((c) => c.value);
    try {
      const p = (await gql(CREATE_KEY, { account: f.elements.namedItem('account').value, label: f.label.value.trim(), scopes })).createAPIKey;
      dr.clear();
      await reload();
      showSecret(secretBox, p);
    } catch (ex) {
      fill(out, formErrors(f, ex));
    }
  };
  return f;
}
