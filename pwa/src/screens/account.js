// Akun: profile and settings (language, data saver, notifications), the
// state of the phone's storage, and signing out.
import { h, fill } from '../lib/h.js';
import { t, lang, setLang } from '../lib/i18n.js';
import { post } from '../lib/gql.js';
import { title, field, check, errorBox } from '../lib/ui.js';
import { enqueue, list, unsent } from '../lib/outbox.js';
import { session, saveMe, forgetSession, has } from '../lib/session.js';
import { navigate, render } from '../lib/router.js';
import { pushSupported, enablePush } from '../lib/push.js';
import { UPDATE_SETTINGS, SIGN_OUT, UPDATE_PREFS, PUSH_KEY } from '../queries.js';
import { load } from '../lib/data.js';
import { cardNumber, dl } from './common.js';

// changeSettings applies a change on the phone at once and queues it for
// the server (settings are a stream of their own, sent in order).
export async function changeSettings(input) {
  await saveMe(input);
  await enqueue({ stream: 'settings', kind: 'settings', label: t('ob_settings'), query: UPDATE_SETTINGS,
    variables: { input }, account: session.me.id });
}

export default function account() {
  const me = session.me || {};
  const r = me.recipient;
  const storage = h('p', { class: 'meta' });
  (async () => {
    try {
      const persisted = await navigator.storage.persisted();
      const { usage } = await navigator.storage.estimate();
      storage.textContent = t(persisted ? 'storage_persisted' : 'storage_best_effort', { kb: Math.round(usage / 1024) });
    } catch { storage.textContent = ''; }
  })();

  const langSel = h('select', { id: 'lang', name: 'lang' },
    h('option', { value: 'id', selected: lang === 'id', lang: 'id' }, 'Bahasa Indonesia'),
    h('option', { value: 'en', selected: lang === 'en', lang: 'en' }, 'English'));
  langSel.onchange = async () => {
    const l = langSel.value;
    if (!(await setLang(l))) return fill(msg, errorBox({ code: 'NETWORK' }));
    await changeSettings({ locale: l });
    render();
  };
  const saver = check(t('data_saver'), 'dataSaver', me.dataSaver);
  saver.querySelector('input').onchange = (e) => changeSettings({ dataSaver: e.target.checked });
  const msg = h('div', { role: 'status', 'aria-live': 'polite' });

  const nameForm = h('form', { novalidate: true }, field({ label: t('display_name'), name: 'displayName', value: me.displayName, maxlength: 80, autocomplete: 'nickname' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'sec' }, t('save'))));
  nameForm.onsubmit = async (e) => {
    e.preventDefault();
    const v = nameForm.displayName.value.trim();
    if (v) { await changeSettings({ displayName: v }); fill(msg, h('p', { class: 'ok' }, t('saved_queued'))); }
  };

  const pushBox = h('div', null, h('p', { class: 'meta' }, t('push_soon')));
  if (pushSupported() && has('webPushPublicKey') && has('registerDevice')) {
    load(PUSH_KEY).then((d) => {
      if (!d.webPushPublicKey) return fill(pushBox, h('p', { class: 'meta' }, t('push_unavailable')));
      const on = Notification.permission === 'granted';
      fill(pushBox, h('p', null, on ? t('push_on') : t('push_off')),
        h('div', { class: 'actions' }, h('button', { type: 'button', class: 'sec', onclick: async (e) => {
          e.target.disabled = true;
          try { await enablePush(); fill(pushBox, h('p', { class: 'ok' }, t('push_on'))); } catch (ex) { e.target.disabled = false; fill(msg, errorBox(ex)); }
        } }, on ? t('push_refresh') : t('push_enable'))));
    }, () => {});
  }
  const prefs = has('updateNotificationPreferences') ? preferences(me, msg) : null;

  const signOut = async () => {
    const left = (await list()).filter((it) => unsent(it) && it.account === me.id).length;
    if (left && !confirm(t('signout_pending', { n: left }))) return;
    try { await post(SIGN_OUT); } catch { /* offline: the session expires by itself */ }
    await forgetSession();
    navigate('/masuk', true);
  };

  return [
    title(t('nav_account')),
    h('section', { class: 'card' }, h('h2', null, t('profile')),
      dl([[t('name'), r ? r.fullName : me.displayName], [t('phone'), me.phone], r && r.cardNumber && [t('card_number'), cardNumber(r.cardNumber)],
        r && [t('status'), t('rs_' + r.status)]]),
      nameForm),
    h('section', { class: 'card' }, h('h2', null, t('settings')),
      h('label', { for: 'lang' }, t('language')), langSel,
      h('fieldset', null, h('legend', null, t('data_saver_title')), saver, h('p', { class: 'meta' }, t('data_saver_hint')))),
    h('section', { class: 'card' }, h('h2', null, t('notifications')), pushBox, prefs),
    h('section', { class: 'card' }, h('h2', null, t('storage')), storage, h('p', null, h('a', { href: '/kotak-keluar' }, t('nav_outbox')))),
    msg,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'sec', onclick: signOut }, t('sign_out'))),
  ];
}

// The kinds a recipient may switch off (selection results and failed
// payouts always come through).
const KINDS = ['selection_result', 'payout_failed', 'revocation_warning', 'revoked', 'payout_scheduled', 'payout_sent',
  'survey_available', 'job_match', 'complaint_reply'];
const ALWAYS = ['selection_result', 'payout_failed'];
const hhmm = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutes = (s) => { const [hh, mm] = s.split(':').map(Number); return hh * 60 + mm; };

function preferences(me, msg) {
  const muted = me.mutedKinds || [];
  const f = h('form', { novalidate: true },
    h('fieldset', null, h('legend', null, t('push_kinds')),
      KINDS.map((k) => h('label', { class: 'opt' },
        h('input', { type: 'checkbox', name: 'kind', value: k, checked: ALWAYS.includes(k) || !muted.includes(k), disabled: ALWAYS.includes(k) }),
        h('span', null, t('nk_' + k), ALWAYS.includes(k) ? h('span', { class: 'meta' }, ' ' + t('always_on')) : null)))),
    h('fieldset', null, h('legend', null, t('quiet_hours')),
      h('p', { class: 'meta' }, t('quiet_hint')),
      field({ label: t('quiet_from'), name: 'quietStart', type: 'time', value: hhmm(me.quietStartMinute || 0) }),
      field({ label: t('quiet_to'), name: 'quietEnd', type: 'time', value: hhmm(me.quietEndMinute || 0) })),
    field({ label: t('daily_cap'), name: 'cap', inputmode: 'numeric', value: me.dailyPushCap || '', hint: t('daily_cap_hint') }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'sec' }, t('save_prefs'))));
  f.onsubmit = async (e) => {
    e.preventDefault();
    const input = {
      mutedKinds: KINDS.filter((k) => !ALWAYS.includes(k) && !f.querySelector(`input[value="${k}"]`).checked),
      quietStartMinute: minutes(f.quietStart.value || '00:00'),
      quietEndMinute: minutes(f.quietEnd.value || '00:00'),
    };
    const cap = parseInt(f.cap.value, 10);
    if (cap >= 1 && cap <= 50) input.dailyPushCap = cap;
    await saveMe(input);
    await enqueue({ stream: 'settings', kind: 'settings', label: t('ob_prefs'), query: UPDATE_PREFS, variables: { input }, account: me.id });
    fill(msg, h('p', { class: 'ok' }, t('saved_queued')));
  };
  return f;
}
