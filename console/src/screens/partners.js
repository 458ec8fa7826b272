// Partners (admin): the organisations of each of the four kinds with their
// operators, and on each organisation a form adding an operator account.
import { h, fill, title, field, table, pager, badge, errorBox, formErrors, loading, draft } from '../lib/ui.js';
import { t } from '../lib/i18n.js';
import { gql, nodes } from '../lib/api.js';
import { normalizePhone } from '../../../pwa/src/lib/phone.js';
import { PARTNERS_TI, PARTNERS_DP, PARTNERS_PP, PARTNERS_JP, CREATE_OPERATOR } from '../queries.js';

// KINDS: the four partner kinds, their connection and the operator role of
// each.
export const KINDS = [
  { kind: 'TRAINING_INSTITUTION', list: 'trainingInstitutions', role: 'training_institution', doc: PARTNERS_TI },
  { kind: 'DIGITAL_PLATFORM', list: 'digitalPlatforms', role: 'digital_platform', doc: PARTNERS_DP },
  { kind: 'PAYMENT_PARTNER', list: 'paymentPartners', role: 'payment_partner', doc: PARTNERS_PP },
  { kind: 'JOB_PORTAL', list: 'jobPortals', role: 'job_portal', doc: PARTNERS_JP },
];

export function partners(_, qs) {
  const box = h('div');
  const kindField = field({ label: t('partner_kind'), name: 'kind', tag: 'select', value: qs.get('jenis') || KINDS[0].kind,
    options: KINDS.map((k) => [k.kind, t('kind_' + k.role)]) });
  const select = kindField.querySelector('select');
  const load = async (after) => {
    const k = KINDS.find((x) => x.kind === select.value) || KINDS[0];
    fill(box, loading());
    let d;
    try {
      d = await gql(k.doc, { after });
    } catch (e) {
      return fill(box, errorBox(e));
    }
    const conn = d[k.list];
    fill(box, h('h2', null, t('kind_' + k.role)), table([
      { label: t('code_col'), get: (o) => o.code },
      { label: t('name'), get: (o) => o.name },
      { label: t('status'), get: (o) => (o.active ? badge(t('active'), 'ok') : badge(t('inactive'), 'off')) },
      { label: t('operators'), get: (o) => (o.operators.length ? h('ul', { class: 'plain' }, o.operators.map((a) => h('li', null, a.displayName + ' · ' + a.phone))) : '–') },
      { label: '', get: (o) => addOperator(o, k, () => load(after)) },
    ], nodes(conn)), pager(conn, load, after && (() => load())));
  };
  select.addEventListener('change', () => {
    history.replaceState(null, '', '?jenis=' + select.value);
    load();
  });
  load();
  return [title(t('sec_partners')), h('div', { class: 'filters' }, kindField), box];
}

// addOperator is a button opening a small form that creates an operator
// account of the organisation (createPartnerAccount).
function addOperator(org, k, reload) {
  const out = h('div');
  const f = h('form', { novalidate: true, class: 'inline-form', hidden: true, 'aria-label': t('operator_new') + ': ' + org.name },
    field({ label: t('phone'), name: 'phone', type: 'tel', autocomplete: 'off' }),
    field({ label: t('display_name'), name: 'displayName', autocomplete: 'off' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'small' }, t('operator_create'))), out);
  const dr = draft(f, 'operator-' + org.id);
  const show = () => { f.hidden = false; open.hidden = true; };
  const open = h('button', { type: 'button', class: 'sec small', onclick: () => { show(); f.phone.focus(); } }, t('operator_add'));
  if (dr.had) show();
  f.onsubmit = async (e) => {
    e.preventDefault();
    const input = { organizationId: org.id, role: k.role, phone: normalizePhone(f.phone.value.trim()), displayName: f.displayName.value.trim() };
    try {
      await gql(CREATE_OPERATOR, { input });
      dr.clear();
      await reload();
    } catch (ex) {
      fill(out, formErrors(f, ex));
    }
  };
  return [open, f];
}
