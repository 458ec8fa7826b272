// Pendaftaran: every field of RegistrationInput. Province and regency lists
// come from the API and are kept on the phone. The draft survives a reload
// (except the mother's maiden name, which is never stored on the phone).
import { h, fill } from '../lib/h.js';
import { t } from '../lib/i18n.js';
import { post } from '../lib/gql.js';
import { watch } from '../lib/data.js';
import { get, put, del } from '../lib/idb.js';
import { title, field, select, choices, check, showErrors, errorBox, edges, onLeave } from '../lib/ui.js';
import { saveMe, session } from '../lib/session.js';
import { navigate } from '../lib/router.js';
import { PROVINCES, REGENCIES, REGISTER } from '../queries.js';
import { failureList } from './common.js';

const EDU = ['primary', 'junior_secondary', 'senior_secondary', 'diploma', 'bachelor', 'postgraduate'];
const EMP = ['not_working', 'employed', 'self_employed'];

export default async function register() {
  if (session.me && session.me.recipient) {
    navigate('/verifikasi', true);
    return [];
  }
  const draft = (await get('kv', 'draft:register').catch(() => null)) || {};
  const out = h('div', { 'aria-live': 'polite' });
  const prov = select({ label: t('province'), name: 'province', options: [], placeholder: t('choose'), required: true });
  const reg = select({ label: t('regency'), name: 'regencyCode', options: [], placeholder: t('choose_province_first'), required: true });
  const provSel = prov.querySelector('select');
  const regSel = reg.querySelector('select');

  onLeave(watch(PROVINCES, {}, (st) => {
    if (!st.data) return;
    const keep = provSel.value || draft.province;
    fill(provSel, h('option', { value: '' }, t('choose')),
      edges(st.data.provinces).map((p) => h('option', { value: p.id, 'data-code': p.code, selected: p.id === keep }, p.name)));
    if (provSel.value) loadRegencies(draft.regencyCode);
  }));
  let stopReg = null;
  function loadRegencies(keep) {
    if (stopReg) stopReg();
    if (!provSel.value) return fill(regSel, h('option', { value: '' }, t('choose_province_first')));
    stopReg = watch(REGENCIES, { p: provSel.value }, (st) => {
      if (!st.data) return;
      const k = regSel.value || keep;
      fill(regSel, h('option', { value: '' }, t('choose')),
        edges(st.data.regencies).map((r) => h('option', { value: r.code, selected: r.code === k }, r.name)));
    });
  }
  onLeave(() => stopReg && stopReg());
  provSel.onchange = () => loadRegencies();

  const d = draft;
  const form = h('form', { novalidate: true },
    field({ label: t('nik'), name: 'nik', inputmode: 'numeric', maxlength: 16, pattern: '[0-9]{16}', autocomplete: 'off', hint: t('nik_hint'), required: true, value: d.nik }),
    field({ label: t('kk'), name: 'kkNumber', inputmode: 'numeric', maxlength: 16, pattern: '[0-9]{16}', autocomplete: 'off', hint: t('kk_hint'), required: true, value: d.kkNumber }),
    field({ label: t('full_name'), name: 'fullName', autocomplete: 'name', hint: t('name_hint'), required: true, value: d.fullName }),
    field({ label: t('birth_date'), name: 'birthDate', type: 'date', autocomplete: 'bday', required: true, value: d.birthDate }),
    field({ label: t('birth_place'), name: 'birthPlace', required: true, value: d.birthPlace }),
    choices({ legend: t('gender'), name: 'gender', options: [['female', t('female')], ['male', t('male')]], value: d.gender, required: true }),
    field({ label: t('mother'), name: 'motherMaidenName', hint: t('mother_hint'), autocomplete: 'off', required: true }),
    prov, reg,
    choices({ legend: t('area'), name: 'area', options: [['rural', t('rural')], ['urban', t('urban')]], value: d.area, required: true }),
    select({ label: t('education'), name: 'education', options: EDU.map((e) => [e, t('edu_' + e)]), value: d.education, placeholder: t('choose'), required: true }),
    select({ label: t('employment'), name: 'employment', options: EMP.map((e) => [e, t('emp_' + e)]), value: d.employment, placeholder: t('choose'), required: true }),
    h('fieldset', null, h('legend', null, t('about_you')),
      check(t('has_disability'), 'hasDisability', d.hasDisability),
      check(t('former_migrant'), 'formerMigrantWorker', d.formerMigrantWorker),
      check(t('had_account'), 'hadFinancialAccount', d.hadFinancialAccount)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('register_submit'))),
    out);

  const values = () => {
    const f = form.elements;
    return {
      nik: f.nik.value.replace(/\D/g, ''), kkNumber: f.kkNumber.value.replace(/\D/g, ''),
      fullName: f.fullName.value.trim(), birthDate: f.birthDate.value, birthPlace: f.birthPlace.value.trim(),
      gender: f.gender.value, motherMaidenName: f.motherMaidenName.value.trim(), province: provSel.value,
      regencyCode: regSel.value, area: f.area.value, education: f.education.value, employment: f.employment.value,
      hasDisability: f.hasDisability.checked, formerMigrantWorker: f.formerMigrantWorker.checked,
      hadFinancialAccount: f.hadFinancialAccount.checked,
    };
  };
  form.oninput = form.onchange = () => {
    const { motherMaidenName, ...keep } = values();
    put('kv', keep, 'draft:register').catch(() => {});
  };

  form.onsubmit = async (e) => {
    e.preventDefault();
    const v = values();
    const missing = {};
    if (!/^\d{16}$/.test(v.nik)) missing.nik = t('nik_hint');
    if (!/^\d{16}$/.test(v.kkNumber)) missing.kkNumber = t('kk_hint');
    for (const k of ['fullName', 'birthDate', 'birthPlace', 'gender', 'motherMaidenName', 'regencyCode', 'area', 'education', 'employment']) {
      if (!v[k]) missing[k] = t('required');
    }
    if (!v.province) missing.province = t('required');
    if (Object.keys(missing).length) {
      showErrors(form, missing);
      fill(out, h('p', { class: 'err' }, t('fix_fields')));
      return;
    }
    showErrors(form, {});
    const { province, ...input } = v;
    input.birthDate += 'T00:00:00Z';
    const btn = form.querySelector('button[type=submit]');
    btn.disabled = true;
    fill(out, h('p', { role: 'status' }, t('verifying')));
    try {
      const res = (await post(REGISTER, { input })).register;
      if (res.recipient) {
        await saveMe({ recipient: res.recipient });
        await del('kv', 'draft:register');
        navigate(res.failures.length ? '/verifikasi' : '/tes');
        return;
      }
      fill(out, h('h2', null, t('not_verified')), failureList(res.failures));
    } catch (ex) {
      if (ex.code === 'BAD_USER_INPUT') {
        const rest = showErrors(form, ex.fields);
        fill(out, h('p', { class: 'err' }, ex.message, rest.length ? ' ' + rest.join(' ') : ''));
      } else if (ex.code === 'CONFLICT') {
        fill(out, errorBox(ex));
      } else {
        // UNAVAILABLE (registry down, retryable) or offline: nothing was stored.
        fill(out, errorBox(ex.code === 'UNAVAILABLE' ? ex : ex, () => form.requestSubmit()));
      }
    } finally {
      btn.disabled = false;
    }
  };
  return [title(t('register_title')), h('p', null, t('register_intro')), form];
}
