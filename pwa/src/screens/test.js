// Tes Motivasi & Kemampuan Dasar: one question per screen, each answer
// saved as it is chosen (through the outbox, so a dropped connection loses
// nothing), the place kept across reloads, a countdown to the deadline.
import { h, fill } from '../lib/h.js';
import { t } from '../lib/i18n.js';
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
      if (!st.cached || st.error) { shown = true; intro(box, st.data.me.recipient); }
    } else if (st.error) {
      fill(box, errorBox(st.error));
    }
  }));
  return [title(t('test_title')), box];
}

function intro(box, r) {
  const last = r && edges(r.testAttempts)[0];
  const passed = r && edges(r.testAttempts).some((a) => a.passed);
  const err = h('div');
  fill(box,
    passed ? h('div', { class: 'card box-ok' }, h('p', { class: 'ok' }, t('test_passed', { score: last.score })))
      : last && last.submittedAt ? h('div', { class: 'card box-warn' }, h('p', null, t('test_failed', { score: last.score }))) : null,
    !passed && h('p', null, t('test_intro')),
    h('div', { class: 'actions' }, passed
      ? h('a', { class: 'btn', href: '/gelombang' }, t('go_wave'))
      : h('button', { type: 'button', onclick: async (e) => {
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
          : h('button', { type: 'button', onclick: finish }, t('submit_test'))),
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
    await enqueue({ stream: 'test:' + a.id, kind: 'test', label: t('ob_test_answer'), query: ANSWER_TEST,
      variables: { a: a.id, q: q.id, c: k }, account: session.me.id });
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
      await load(MY_TEST).catch(() => null); // refresh the stored copy
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
