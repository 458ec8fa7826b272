// The app's entry: restores the session from IndexedDB (so it starts
// offline), registers the service worker, keeps the outbox flowing (on
// start, on `online`, by Background Sync) and routes.
import { h, fill } from './lib/h.js';
import { t, setLang } from './lib/i18n.js';
import { hooks } from './lib/gql.js';
import { get } from './lib/idb.js';
import { restore, session, forgetSession } from './lib/session.js';
import { flush, list, onChange, unsent, lost, prune, registerSync } from './lib/outbox.js';
import { route, render, navigate, state } from './lib/router.js';
import { title } from './lib/ui.js';
import signin from './screens/signin.js';
import home from './screens/home.js';
import register from './screens/register.js';
import verification from './screens/verification.js';
import abilityTest from './screens/test.js';
import waves from './screens/waves.js';
import catalogue, { course } from './screens/catalogue.js';
import trainings, { purchase } from './screens/trainings.js';
import verifier from './screens/verify.js';
import incentives from './screens/incentives.js';
import surveys, { survey } from './screens/surveys.js';
import jobs, { job } from './screens/jobs.js';
import inbox from './screens/inbox.js';
import help from './screens/help.js';
import account from './screens/account.js';
import outbox from './screens/outbox.js';
import { afterSignIn, toConsole } from './screens/common.js';

const auth = { auth: true };
route('/', home, auth);
route('/masuk', signin);
route('/daftar', register, auth);
route('/verifikasi', verification, auth);
route('/tes', abilityTest, auth);
route('/gelombang', waves, auth);
route('/pelatihan', catalogue);
route('/pelatihan/:id', course);
route('/pelatihan-saya', trainings, auth);
route('/pelatihan-saya/:id', purchase, auth);
// The certificate checker is public (an employer without an account) and
// works offline.
route('/cek-sertifikat', verifier);
route('/insentif', incentives, auth);
route('/survei', surveys, auth);
route('/survei/:id', survey, auth);
route('/lowongan', jobs);
route('/lowongan/:id', job);
route('/notifikasi', inbox, auth);
route('/bantuan', help);
route('/bantuan/:id', help);
route('/akun', account, auth);
route('/kotak-keluar', outbox, auth);
route('*', () => [title(t('not_found')), h('p', null, t('not_found_text')), h('p', null, h('a', { href: '/' }, t('home_title')))], { notFound: true });

// The header shows whether the phone is online and how many items wait.
function netStatus() {
  fill(document.getElementById('net'), navigator.onLine ? '' : t('offline'));
}
async function outboxBadge() {
  const a = document.getElementById('obx');
  const n = (await list()).filter((it) => unsent(it) && session.me && it.account === session.me.id).length;
  a.hidden = !n;
  a.textContent = t('ob_badge', { n });
}

async function start() {
  await restore();
  if (toConsole(session.me)) return;
  const l = (session.me && session.me.locale) || (await get('kv', 'lang').catch(() => null)) || 'id';
  if (l === 'en') await setLang('en');
  hooks.onAuthLost = async () => {
    await forgetSession();
    navigate('/masuk?next=' + encodeURIComponent(location.pathname), true);
  };
  netStatus();
  addEventListener('online', () => { netStatus(); flush(); });
  addEventListener('offline', netStatus);
  onChange(outboxBadge);
  outboxBadge();
  render.focus = false;
  await render();

  if ('serviceWorker' in navigator) {
    const had = !!navigator.serviceWorker.controller;
    navigator.serviceWorker.addEventListener('controllerchange', () => { if (had) state.reload = true; });
    navigator.serviceWorker.register('/sw.js').catch(() => {});
    navigator.serviceWorker.addEventListener('message', (e) => {
      if (e.data && e.data.type === 'navigate') navigate(e.data.url);
      if (e.data && e.data.type === 'outbox') outboxBadge();
    });
  }
  if (session.token) {
    afterSignIn();
    prune();
    if ((await list()).some(unsent)) registerSync();
    const n = await lost();
    if (n) alert(t('ob_lost', { n }));
  }
}

start();
