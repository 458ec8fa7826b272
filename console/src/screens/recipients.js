// Recipients: search by phone, card number or NIK (a NIK search states its
// reason first: it is audited), and one recipient's whole history, with the
// NIK and KK shown only for a stated reason, and revocation.
import { h, fill, title, field, table, badge, when, errorBox, reasonDialog, confirmDialog, loading } from '../lib/ui.js';
import { t, num, rp, date } from '../lib/i18n.js';
import { gql, nodes } from '../lib/api.js';
import { FIND_RECIPIENTS, RECIPIENT_PAGE, REVEAL, REVOKE } from '../queries.js';

// A NIK is 16 digits; card numbers are 16 digits too but start 5049 (no
// region code starts with 50).
const isNIK = (q) => /^\d{16}$/.test(q) && !q.startsWith('5049');
const status = (s) => badge(t('rs_' + s), s);

export function recipients(_, qs) {
  const out = h('div');
  const f = h('form', { novalidate: true, class: 'search', role: 'search' },
    field({ label: t('find_label'), name: 'q', type: 'search', hint: t('find_hint'), autocomplete: 'off', value: qs.get('q') || '' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('find'))));
  f.onsubmit = async (e) => {
    e.preventDefault();
    const q = f.q.value.replace(/[\s-]/g, '');
    if (!q) return;
    let reason = null;
    if (isNIK(q)) {
      reason = await reasonDialog(t('nik_search_reason'));
      if (!reason) return;
    }
    fill(out, loading());
    try {
      let d;
      try {
        d = await gql(FIND_RECIPIENTS, { q, reason });
      } catch (ex) {
        // the server knows best which queries need a reason
        if (reason || !(ex.fields && ex.fields.reason)) throw ex;
        reason = await reasonDialog(t('nik_search_reason'));
        if (!reason) return fill(out);
        d = await gql(FIND_RECIPIENTS, { q, reason });
      }
      const found = d.findRecipients;
      fill(out, h('h2', null, t('results_n', { n: found.length })), table([
        { label: t('full_name'), get: (r) => h('a', { href: '/konsol/recipients/' + r.id }, r.fullName) },
        { label: t('phone'), get: (r) => r.account.phone },
        { label: t('card_number'), get: (r) => r.cardNumber || '–' },
        { label: 'NIK', get: (r) => r.nikMasked },
        { label: t('status'), get: (r) => status(r.status) },
        { label: t('regency'), get: (r) => r.regency.name },
      ], found, { empty: t('no_match') }));
    } catch (ex) {
      fill(out, errorBox(ex));
    }
  };
  return [title(t('sec_recipients')), f, out];
}

export function recipient({ id }) {
  const box = h('div', null, loading());
  const show = async () => {
    let res;
    try {
      res = await gql(RECIPIENT_PAGE, { id }, { partial: true });
    } catch (e) {
      return fill(box, errorBox(e));
    }
    const r = res.data.node;
    if (!r) return fill(box, title(t('not_found')), res.errors.length ? errorBox(res.errors[0]) : null);
    const idBox = h('dd', { 'data-identity': '' }, h('code', null, r.nikMasked), ' ',
      h('button', { type: 'button', class: 'sec small', onclick: reveal }, t('reveal_identity')));
    async function reveal() {
      const reason = await reasonDialog(t('reveal_reason'));
      if (!reason) return;
      try {
        const d = await gql(REVEAL, { id: r.id, reason });
        fill(idBox, h('span', null, 'NIK ', h('code', { 'data-nik': '' }, d.revealRecipientIdentity.nik)), ' · ',
          h('span', null, 'KK ', h('code', { 'data-kk': '' }, d.revealRecipientIdentity.kkNumber)),
          h('p', { class: 'muted' }, t('reveal_audited')));
      } catch (ex) {
        idBox.append(errorBox(ex));
      }
    }
    const revokeBox = h('div');
    async function revoke() {
      const reason = await reasonDialog(t('revoke_reason'));
      if (!reason || !(await confirmDialog(t('revoke_q', { name: r.fullName }), t('revoke')))) return;
      try {
        await gql(REVOKE, { id: r.id, reason });
        await show();
      } catch (ex) {
        fill(revokeBox, errorBox(ex));
      }
    }
    const acc = r.account || {};
    fill(box, title(r.fullName), h('p', null, status(r.status)),
      res.errors.length ? h('p', { class: 'note' }, t('partly_shown', { n: res.errors.length })) : null,
      h('dl', { class: 'kv' },
        kv(t('phone'), acc.phone), h('dt', null, 'NIK / KK'), idBox,
        kv(t('card_number'), r.cardNumber || '–'), kv(t('birth_date'), date(r.birthDate)),
        kv(t('regency'), r.regency && r.regency.name), kv(t('training_balance'), rp(r.trainingBalance)),
        kv(t('verified_at'), when(r.verifiedAt)), kv(t('accepted_at'), when(r.acceptedAt)),
        r.revokedAt && kv(t('revoked_at'), when(r.revokedAt) + (r.revocationReason ? ' · ' + r.revocationReason : ''))),
      r.status !== 'revoked' && h('div', { class: 'actions' }, h('button', { type: 'button', class: 'danger', onclick: revoke }, t('revoke'))),
      revokeBox,
      history(t('h_checks'), [
        { label: t('time'), get: (c) => when(c.createdAt) }, { label: t('registry'), get: (c) => c.registry },
        { label: t('outcome'), get: (c) => c.outcome }], r.identityChecks),
      history(t('h_tests'), [
        { label: t('time'), get: (a) => when(a.submittedAt || a.createdAt) }, { label: t('kind'), get: (a) => a.kind },
        { label: t('score'), get: (a) => (a.score ?? '–') }, { label: t('passed'), get: (a) => (a.passed == null ? '–' : a.passed ? t('yes') : t('no')) }], r.testAttempts),
      history(t('h_waves'), [
        { label: t('wave_number'), get: (a) => h('a', { href: '/konsol/waves/' + a.wave.id }, t('wave_n', { n: a.wave.number })) },
        { label: t('time'), get: (a) => when(a.createdAt) },
        { label: t('result'), get: (a) => (a.result ? t('res_' + a.result.status) + (a.result.rank ? ' #' + a.result.rank : '') : t('res_pending')) }], r.applications),
      history(t('h_purchases'), [
        { label: t('time'), get: (p) => when(p.createdAt) }, { label: t('course'), get: (p) => p.course.title },
        { label: t('platform'), get: (p) => p.platform.name }, { label: t('price'), get: (p) => rp(p.price), class: 'num' },
        { label: t('status'), get: (p) => p.status }, { label: t('progress'), get: (p) => p.progressPercent + '%', class: 'num' }], r.purchases),
      history(t('h_payouts'), [
        { label: t('scheduled_for'), get: (p) => date(p.scheduledFor) }, { label: t('kind'), get: (p) => p.kind + ' ' + p.installment },
        { label: t('amount'), get: (p) => rp(p.amount), class: 'num' }, { label: t('status'), get: (p) => p.status },
        { label: t('sent_at'), get: (p) => when(p.sentAt) }], r.payouts),
      history(t('h_notifications'), [
        { label: t('time'), get: (n) => when(n.createdAt) }, { label: t('kind'), get: (n) => n.kind },
        { label: t('title'), get: (n) => n.title }, { label: t('read_at'), get: (n) => when(n.readAt) }], acc.notifications),
      history(t('h_complaints'), [
        { label: t('time'), get: (c) => when(c.createdAt) }, { label: t('category'), get: (c) => c.category },
        { label: t('subject'), get: (c) => c.subject }, { label: t('status'), get: (c) => c.status }], acc.complaints));
  };
  show();
  return [box];
}

const kv = (k, v) => [h('dt', null, k), h('dd', null, v ?? '–')];

// history is one part of the recipient's record; a part the role may not
// read (null) says so.
function history(name, cols, conn) {
  return [h('h2', null, name), conn ? table(cols, nodes(conn)) : h('p', { class: 'muted' }, t('not_readable'))];
}
