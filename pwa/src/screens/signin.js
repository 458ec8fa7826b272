// Sign-in: phone number, then the one-time code sent by SMS.
import { h, fill } from '../lib/h.js';
import { t, lang, setLang } from '../lib/i18n.js';
import { post } from '../lib/gql.js';
import { title, field, errorBox } from '../lib/ui.js';
import { signedIn, session } from '../lib/session.js';
import { navigate } from '../lib/router.js';
import { put } from '../lib/idb.js';
import { REQUEST_CODE, SIGN_IN } from '../queries.js';
import { afterSignIn, landing, toConsole } from './common.js';
import { normalizePhone } from '../lib/phone.js';

export default function signin(_, qs) {
  const box = h('div');
  const next = qs.get('next');
  let phone = '';

  const langBtn = h('button', { type: 'button', class: 'sec', lang: lang === 'en' ? 'id' : 'en', onclick: async () => {
    const l = lang === 'en' ? 'id' : 'en';
    if (await setLang(l)) { put('kv', l, 'lang').catch(() => {}); navigate(location.pathname + location.search, true); }
  } }, lang === 'en' ? 'Bahasa Indonesia' : 'English');

  function phoneStep(err) {
    const f = h('form', { novalidate: true }, field({
      label: t('phone'), name: 'phone', type: 'tel', inputmode: 'tel', autocomplete: 'tel',
      hint: t('phone_hint'), required: true, value: phone,
    }), h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('send_code'))), err);
    f.onsubmit = async (e) => {
      e.preventDefault();
      const v = f.phone.value.trim();
      if (!/^\+?[0-9\s.-]{8,16}$/.test(v)) return phoneStep(fieldErr(t('phone_invalid')));
      phone = normalizePhone(v);
      f.querySelector('button').disabled = true;
      try {
        const d = await post(REQUEST_CODE, { phone });
        codeStep(null, d.requestSignInCode);
      } catch (ex) {
        phoneStep(errorBox(ex));
      }
    };
    fill(box, f);
    if (err) f.querySelector('input').focus();
  }

  function codeStep(err, sent) {
    const f = h('form', { novalidate: true },
      h('p', null, t('code_sent', { phone })),
      field({ label: t('code'), name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6, pattern: '[0-9]{6}', required: true }),
      h('div', { class: 'actions' },
        h('button', { type: 'submit' }, t('sign_in')),
        h('button', { type: 'button', class: 'sec', onclick: () => phoneStep() }, t('change_phone'))),
      err);
    f.onsubmit = async (e) => {
      e.preventDefault();
      const code = f.code.value.replace(/\D/g, '');
      if (code.length !== 6) return codeStep(fieldErr(t('code_invalid')), sent);
      f.querySelector('button').disabled = true;
      try {
        const d = await post(SIGN_IN, { phone, code });
        await signedIn(d.signIn.token, d.signIn.account);
        await setLang(d.signIn.account.locale);
        if (toConsole(session.me)) return;
        await afterSignIn();
        navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : landing(session.me), true);
      } catch (ex) {
        codeStep(errorBox(ex), sent);
      }
    };
    fill(box, f);
    f.code.focus();
  }

  phoneStep();
  return [title(t('signin_title')), h('p', null, t('signin_intro')), box, h('div', { class: 'actions' }, langBtn),
    h('p', null, h('a', { href: '/cek-sertifikat' }, t('vf_title')))];
}

const fieldErr = (msg) => h('p', { class: 'err', role: 'alert' }, msg);
