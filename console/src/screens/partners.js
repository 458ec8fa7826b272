// Partners (admin): the organisations of the four kinds with their
// operators, and a form that creates an operator account.
import { h, fill, title, field, table, badge, errorBox, formErrors, loading, draft } from '../lib/ui.js';
import { t } from '../lib/i18n.js';
import { gql, nodes } from '../lib/api.js';
import { normalizePhone } from '../../../pwa/src/lib/phone.js';
import { PARTNERS, CREATE_OPERATOR } from '../queries.js';

// KINDS: the four partner kinds, their connection in PARTNERS and the
// operator role of each.
export const KINDS = [
  { kind: 'TRAINING_INSTITUTION', list: 'trainingInstitutions', role: 'training_institution' },
  { kind: 'DIGITAL_PLATFORM', list: 'digitalPlatforms', role: 'digital_platform' },
  { kind: 'PAYMENT_PARTNER', list: 'paymentPartners', role: 'payment_partner' },
  { kind: 'JOB_PORTAL', list: 'jobPortals', role: 'job_portal' },
];

export function partners() {
  const box = h('div', null, loading());
  const show = async () => {
    let d;
    try {
      d = await gql(PARTNERS);
    } catch (e) {
      return fill(box, errorBox(e));
    }
    fill(box, createOperator(d, show), KINDS.map((k) => [
      h('h2', null, t('kind_' + k.role) + ' (' + d[k.list].totalCount + ')'),
      table([
        { label: t('code_col'), get: (o) => o.code },
        { label: t('name'), get: (o) => o.name },
        { label: t('status'), get: (o) => (o.active ? badge(t('active'), 'ok') : badge(t('inactive'), 'off')) },
        { label: t('operators'), get: (o) => (o.operators.length ? h('ul', { class: 'plain' }, o.operators.map((a) => h('li', null, a.displayName + ' · ' + a.phone))) : '–') },
      ], nodes(d[k.list]))]));
  };
  show();
  return [title(t('sec_partners')), box];
}

function createOperator(d, reload) {
  const orgs = KINDS.flatMap((k) => nodes(d[k.list]).map((o) => [o.id, t('kind_' + k.role) + ': ' + o.name, k.role]));
  const out = h('div');
  const f = h('form', { novalidate: true, class: 'card' }, h('h2', null, t('operator_new')),
    h('div', { class: 'grid2' },
      field({ label: t('organization'), name: 'organizationId', tag: 'select', options: [['', '–'], ...orgs.map(([id, l]) => [id, l])] }),
      field({ label: t('phone'), name: 'phone', type: 'tel', autocomplete: 'off' }),
      field({ label: t('display_name'), name: 'displayName', autocomplete: 'off' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('operator_create'))), out);
  const dr = draft(f, 'operator-new');
  f.onsubmit = async (e) => {
    e.preventDefault();
    const org = orgs.find((o) => o[0] === f.organizationId.value);
    const input = { organizationId: f.organizationId.value, phone: normalizePhone(f.phone.value.trim()), displayName: f.displayName.value.trim(), role: org ? org[2] : 'digital_platform' };
    try {
      const a = (await gql(CREATE_OPERATOR, { input })).createPartnerAccount;
      dr.clear();
      await reload();
      document.querySelector('main').prepend(h('p', { class: 'note', role: 'status' }, t('operator_created', { phone: a.phone })));
    } catch (ex) {
      fill(out, formErrors(f, ex));
    }
  };
  return f;
}
