// Insentif: linked bank accounts and e-wallets, and the payout schedule.
import { h } from '../lib/h.js';
import { t, rp, date } from '../lib/i18n.js';
import { title, view, edges, badge } from '../lib/ui.js';
import { INCENTIVES } from '../queries.js';

export default function incentives() {
  return [
    title(t('nav_incentive')),
    view(INCENTIVES, {}, (d) => {
      const r = d.me.recipient;
      if (!r) return h('p', null, t('not_recipient'));
      const accts = edges(r.linkedAccounts);
      const pays = edges(r.payouts);
      return [
        h('h2', null, t('linked_accounts')),
        accts.length ? h('ul', { class: 'list' }, accts.map((a) => h('li', null,
          h('h3', null, a.partner.name, a.primary ? ' · ' + t('primary') : ''),
          h('p', null, `${t(a.partner.kind === 'bank' ? 'bank' : 'ewallet')} · ${a.accountMasked}`),
          h('p', null, t('kyc'), ': ', badge(a.kycStatus === 'verified' ? 'sent' : a.kycStatus === 'failed' ? 'refused' : 'waiting', t('kyc_' + a.kycStatus))))))
          : h('p', null, t('no_accounts')),
        h('p', { class: 'meta' }, t('link_soon')),
        h('h2', null, t('payout_schedule')),
        pays.length ? h('ul', { class: 'list' }, pays.map((p) => h('li', null,
          h('h3', null, p.kind === 'survey' ? t('survey_incentive') : t('installment_n', { n: p.installment })),
          h('p', null, h('strong', null, rp(p.amount)), ' · ', date(p.scheduledFor)),
          h('p', null, badge(p.status === 'sent' ? 'sent' : p.status === 'failed' || p.status === 'cancelled' ? 'refused' : 'waiting', t('ps_' + p.status)),
            p.sentAt ? ' ' + t('sent_on', { date: date(p.sentAt) }) : ''),
          p.failureReason && h('p', { class: 'err' }, p.failureReason))))
          : h('p', null, t('no_payouts')),
        h('p', { class: 'meta' }, t('payout_note')),
      ];
    }),
  ];
}
