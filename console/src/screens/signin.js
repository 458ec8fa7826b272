// Signing in: phone number, then the one-time code sent by SMS (the same
// API as the recipient app). signInForm is used by the sign-in screen and
// by the dialog that opens when a session expires mid-work.
import { h, fill, field, errorBox, title } from '../lib/ui.js';
import { t, lang } from '../lib/i18n.js';
import { gql } from '../lib/api.js';
import { normalizePhone } from '../../../pwa/src/lib/phone.js';
import { REQUEST_CODE, SIGN_IN } from '../queries.js';

// signInForm signs a phone in and calls done(token, account).
export function signInForm(done, { phone: preset = '' } = {}) {
  const box = h('div', { class: 'signin' });
  let phone = preset;

  function phoneStep(err) {
    const f = h('form', { novalidate: true },
      field({ label: t('phone'), name: 'phone', type: 'tel', inputmode: 'tel', autocomplete: 'tel', hint: t('phone_hint'), value: phone.replace(/^\+62/, '0') }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('send_code'))), err);
    f.onsubmit = async (e) => {
      e.preventDefault();
      const v = f.phone.value.trim();
      if (!/^\+?[0-9\s.-]{8,16}$/.test(v)) return phoneStep(h('p', { class: 'err', role: 'alert' }, t('phone_invalid')));
      phone = normalizePhone(v);
      f.querySelector('button').disabled = true;
      try {
        await gql(REQUEST_CODE, { phone }, { anonymous: true });
        codeStep();
      } catch (ex) {
        phoneStep(errorBox(ex));
      }
    };
    fill(box, f);
    f.phone.focus();
  }

  function codeStep(err) {
    const f = h('form', { novalidate: true },
      h('p', null, t('code_sent', { phone })),
      field({ label: t('code'), name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6 }),
      h('div', { class: 'actions' },
        h('button', { type: 'submit' }, t('sign_in')),
        h('button', { type: 'button', class: 'sec', onclick: () => phoneStep() }, t('change_phone'))),
      err);
    f.onsubmit = async (e) => {
      e.preventDefault();
      const code = f.code.value.replace(/\D/g, '');
      if (code.length !== 6) return codeStep(h('p', { class: 'err', role: 'alert' }, t('code_invalid')));
      f.querySelector('button').disabled = true;
      try {
        const d = await gql(SIGN_IN, { phone, code }, { anonymous: true });
        await done(d.signIn.token, d.signIn.account);
      } catch (ex) {
        codeStep(errorBox(ex));
      }
    };
    fill(box, f);
    f.code.focus();
  }

  phoneStep();
  return box;
}

export default function signinScreen(done, switchLang) {
  return () => [title(t('signin_title')), h('p', null, t('signin_intro')), signInForm(done),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'sec', lang: lang === 'en' ? 'id' : 'en', onclick: switchLang },
      lang === 'en' ? 'Bahasa Indonesia' : 'English'))];
}
