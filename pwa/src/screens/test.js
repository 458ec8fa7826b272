// Tes Motivasi & Kemampuan Dasar: one question per screen, each answer
// saved as it is chosen (through the outbox, so a dropped connection loses
// nothing), the place kept across reloads, a countdown to the deadline.
import { h, fill } from '../lib/h.js';
import { t, dateTime } from '../lib/i18n.js';
import { post } from '../lib/gql.js';
import { load, watch } from '../lib/data.js';
import { get, put } from '../lib/idb.js';
import { title, errorBox, loading, edges, onLeave } from '../lib/ui.js';
import { enqueue, flush, list, onChange, unsent } from '../lib/outbox.js';
import { session } from '../lib/session.js';
import { MY_TEST, START_TEST, ANSWER_TEST, SUBMIT_TEST } from '../queries.js';

export default function abilityTest() {
  const box = h('div', null, loading());
  let shown = false;
  onLeave(watch(MY_TEST, {}, (st) => {
    if (shown) return;
    if (st.data) {
      const cur = st.data.myAbilityTest;
      if (cur && (st.cached ? cur.secondsLeft > 0 : true)) { shown = true; run(box, cur, st.cached ? st.at : Date.now()); return; }
      if (!st.cached || st.error) { shown = true; intro(box, st.data.me.recipient, st.data.abilityTestRules); }
    } else if (st.error) {
      fill(box, errorBox(st.error));
    }
  }));
  return [title(t('test_title')), box];
}

// intro states the rules first, from the server's data, and whether the
// applicant may start now: after a failed attempt the start button stays
// disabled until the retry opens, and the screen says when.
function intro(box, r, rules) {
  const attempts = r ? edges(r.testAttempts) : [];
  const last = attempts[0];
  const passed = attempts.some((a) => a.passed);
  const waitUntil = rules.retryOpensAt && new Date(rules.retryOpensAt).getTime();
  const spent = rules.attemptsLeft === 0;
  if (waitUntil) {
    const tm = setTimeout(() => intro(box, r, { ...rules, retryOpensAt: null }), Math.max(0, waitUntil - Date.now()));
    onLeave(() => clearTimeout(tm));
  }
  const err = h('div');
  fill(box,
    passed ? h('div', { class: 'card box-ok' }, h('p', { class: 'ok' }, t('test_passed', { score: last.score })))
      : last && last.submittedAt ? h('div', { class: 'card box-warn', 'data-retry': rules.retryOpensAt || '' },
        h('p', null, t('test_failed', { score: last.score })),
        waitUntil && h('p', null, h('strong', null, t('test_retry_at', { when: dateTime(rules.retryOpensAt) }))),
        spent && h('p', null, t('test_no_attempts', { max: rules.maxAttempts }))) : null,
    !passed && rulesCard(rules),
    h('div', { class: 'actions' }, passed
      ? h('a', { class: 'btn', href: '/gelombang' }, t('go_wave'))
      : h('button', { type: 'button', disabled: Boolean(waitUntil || spent), onclick: async (e) => {
        e.target.disabled = true;
        try {
          run(box, (await post(START_TEST)).startAbilityTest, Date.now());
        } catch (ex) {
          e.target.disabled = false;
          fill(err, errorBox(ex));
        }
      } }, t('start_test'))),
    err);
}

function rulesCard(rules) {
  return h('section', { class: 'card', 'aria-labelledby': 'trh' },
    h('h2', { id: 'trh' }, t('test_rules_h')),
    h('ul', { class: 'rules' },
      h('li', null, t('test_rule_questions', { n: rules.questions })),
      h('li', null, t('test_rule_time', { m: rules.durationMinutes })),
      h('li', null, t('test_rule_pass', { pass: rules.passMark })),
      h('li', null, t('test_rule_unanswered')),
      h('li', null, t('test_rule_retry', { h: rules.retryAfterHours, max: rules.maxAttempts }))),
    rules.attemptsLeft != null && rules.attemptsLeft > 0 && h('p', { class: 'meta' }, t('test_attempts_left', { n: rules.attemptsLeft })),
    h('p', { class: 'meta' }, t('test_intro')));
}

async function run(box, test, at) {
  const a = test.attempt;
  const qs = test.questions;
  const deadline = at + test.secondsLeft * 1000;
  const answers = {};
  qs.forEach((q) => { if (q.answer != null) answers[q.id] = q.answer; });
  // Answers still queued on the phone win over the server's copy.
  for (const it of await list()) {
    if (it.stream === 'test:' + a.id) answers[JSON.parse(it.body).variables.q] = JSON.parse(it.body).variables.c;
  }
  let i = Math.min((await get('kv', 'testpos:' + a.id).catch(() => 0)) || 0, qs.length - 1);
  const timer = h('p', { class: 'timer', role: 'timer', 'aria-live': 'off' });
  const tick = () => {
    const s = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    timer.textContent = t('time_left', { m: Math.floor(s / 60), s: String(s % 60).padStart(2, '0') });
    if (s === 0) finish();
  };
  const iv = setInterval(tick, 1000);
  onLeave(() => clearInterval(iv));
  const pending = h('p', { class: 'meta', role: 'status' });
  const showPending = async () => {
    const n = (await list()).filter((it) => it.stream === 'test:' + a.id && unsent(it)).length;
    pending.textContent = n ? t('answers_waiting', { n }) : t('answers_saved');
  };
  onLeave(onChange(showPending));
  showPending();
  tick();

  function question() {
    const q = qs[i];
    put('kv', i, 'testpos:' + a.id).catch(() => {});
    const name = 'q' + i;
    const fs = h('fieldset', { tabindex: '-1' },
      h('legend', null, h('span', { class: 'meta' }, t('question_n', { n: i + 1, total: qs.length })), h('br'), q.prompt),
      q.choices.map((c, k) => h('label', { class: 'opt' },
        h('input', { type: 'radio', name, value: k, checked: answers[q.id] === k, onchange: () => choose(q, k) }),
        h('span', null, c))));
    fill(box, timer,
      h('form', { onsubmit: (e) => e.preventDefault() }, fs),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'sec', disabled: i === 0, onclick: () => go(-1) }, t('prev')),
        i < qs.length - 1
          ? h('button', { type: 'button', onclick: () => go(1) }, t('next'))
          : h('button', { type: 'button', onclick: handIn }, t('submit_test'))),
      count,
      pending);
    count.textContent = t('answered_n', { n: Object.keys(answers).length, total: qs.length });
  }
  const count = h('p', { class: 'meta' });
  const go = (d) => { i += d; question(); box.querySelector('fieldset').focus(); };

  async function choose(q, k) {
    if (answers[q.id] === k) return;
    answers[q.id] = k;
    count.textContent = t('answered_n', { n: Object.keys(answers).length, total: qs.length });
    // "All saved" no longer holds until the outbox says so (showPending).
    pending.textContent = '';
    await enqueue({ stream: 'test:' + a.id, kind: 'test', label: t('ob_test_answer'), query: ANSWER_TEST,
      variables: { a: a.id, q: q.id, c: k }, account: session.me.id });
  }

  // handIn asks before handing in a test with unanswered questions (an
  // in-page dialog); the deadline hands in without asking.
  function handIn() {
    const open = qs.filter((q) => answers[q.id] == null);
    if (!open.length) { finish(); return; }
    const dlg = h('dialog', { class: 'confirm', 'aria-labelledby': 'cuh', 'aria-describedby': 'cub' },
      h('h2', { id: 'cuh' }, t('confirm_unanswered_h')),
      h('p', { id: 'cub' }, t('confirm_unanswered', { n: open.length, total: qs.length })),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'sec', onclick: () => { dlg.close(); i = qs.indexOf(open[0]); question(); box.querySelector('fieldset').focus(); } }, t('confirm_back')),
        h('button', { type: 'button', onclick: () => { dlg.close(); finish(); } }, t('confirm_submit'))));
    dlg.addEventListener('close', () => dlg.remove());
    box.append(dlg);
    dlg.showModal();
  }

  let finishing = false;
  async function finish() {
    if (finishing) return;
    finishing = true;
    clearInterval(iv);
    fill(box, h('p', { role: 'status' }, t('submitting')));
    try {
      const mine = async () => (await list()).filter((it) => it.stream === 'test:' + a.id && unsent(it));
      if ((await mine()).length) await flush();
      const left = await mine();
      if (left.length) throw Object.assign(new Error(t('answers_waiting', { n: left.length })), { code: 'NETWORK' });
      const res = (await post(SUBMIT_TEST, { a: a.id })).submitAbilityTest;
      const fresh = await load(MY_TEST).catch(() => null); // refreshes the stored copy too
      if (!res.passed && fresh) { intro(box, fresh.me.recipient, fresh.abilityTestRules); return; }
      fill(box, res.passed
        ? h('div', { class: 'card box-ok' }, h('p', { class: 'ok' }, t('test_passed', { score: res.score })))
        : h('div', { class: 'card box-warn' }, h('p', null, t('test_failed', { score: res.score }))),
      h('div', { class: 'actions' }, res.passed ? h('a', { class: 'btn', href: '/gelombang' }, t('go_wave')) : h('a', { class: 'btn', href: '/' }, t('home_title'))));
    } catch (ex) {
      finishing = false;
      fill(box, errorBox(ex.code === 'NETWORK' ? { code: 'X', message: t('submit_offline') } : ex, finish));
    }
  }

  question();
}
