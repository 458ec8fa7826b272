// The console's entry: restores the session the recipient app keeps in
// IndexedDB (same origin, so an account signed in there is signed in here),
// asks the server which sections the account may use (consoleSections:
// the navigation is the server's decision), and routes.
import { h, fill } from '../../pwa/src/lib/h.js';
import { restore, session, signedIn, forgetSession } from '../../pwa/src/lib/session.js';
import { t, setLang, savedLang, lang } from './lib/i18n.js';
import { gql, onReauth } from './lib/api.js';
import { route, render, navigate, onRoute } from './lib/router.js';
import { title, errorBox } from './lib/ui.js';
import { ME, SIGN_OUT, SET_LOCALE } from './queries.js';
import { state, can } from './lib/state.js';
import signinScreen, { signInForm } from './screens/signin.js';
import { waves, wave, newWave } from './screens/waves.js';
import { recipients, recipient } from './screens/recipients.js';
import { partners } from './screens/partners.js';
import { keys } from './screens/keys.js';
import { calls } from './screens/calls.js';
import { docs } from './screens/docs.js';
import { audit } from './screens/audit.js';
import { payouts, purchases, vacancies } from './screens/lists.js';
import { curation, course } from './screens/curation.js';


// Each route names the section it belongs to; a section the server did not
// list for this account is not shown (and its data would be refused).
route('/', home, { section: 'home' });
route('/masuk', signinScreen(afterSignIn, switchLang), { public: true });
route('/waves', waves, { section: 'waves' });
route('/waves/baru', newWave, { section: 'waves' });
route('/waves/:id', wave, { section: 'waves' });
route('/recipients', recipients, { section: 'recipients' });
route('/recipients/:id', recipient, { section: 'recipients' });
route('/partners', partners, { section: 'partners' });
route('/keys', keys, { section: 'keys' });
route('/calls', calls, { section: 'calls' });
route('/docs', docs, { section: 'docs' });
route('/audit', audit, { section: 'audit' });
route('/payouts', payouts, { section: 'payouts' });
route('/purchases', purchases, { section: 'purchases' });
route('/courses', curation, { section: 'courses' });
route('/courses/:id', course, { section: 'courses' });
route('/vacancies', vacancies, { section: 'vacancies' });
route('*', () => [title(t('not_found')), h('p', null, h('a', { href: '/konsol/' }, t('nav_home')))], { notFound: true });

function home() {
  const me = state.me;
  return [title(t('home_title', { name: me.displayName || me.phone })),
    h('p', null, t('home_role', { role: t('role_' + me.role) })),
    h('ul', { class: 'tiles' }, state.sections.filter((s) => s.id !== 'home').map((s) =>
      h('li', null, h('a', { href: '/konsol/' + s.id }, h('strong', null, s.title), h('span', null, t('sec_' + s.id + '_about')))))),
  ];
}

// loadMe asks who is signed in and what they may use; false when the
// session is gone.
async function loadMe() {
  try {
    const d = await gql(ME);
    state.me = d.me;
    state.sections = d.consoleSections || [];
    if (d.me.locale && d.me.locale !== lang) setLang(d.me.locale);
    return true;
  } catch (e) {
    if (e.code === 'UNAUTHENTICATED') {
      await forgetSession();
      return false;
    }
    fill(document.getElementById('main'), errorBox(e));
    throw e;
  }
}

async function afterSignIn(token, account) {
  await signedIn(token, account);
  if (account.role === 'recipient') return location.assign('/');
  await loadMe();
  shell();
  const next = new URLSearchParams(location.search).get('next');
  navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', true);
}

// The route guard: signed in, not a recipient, section allowed.
onRoute(async (opts, path) => {
  if (opts.public) return true;
  if (!session.token || (!state.me && !(await loadMe()))) {
    navigate('/masuk?next=' + encodeURIComponent(path + location.search), true);
    return false;
  }
  if (state.me.role === 'recipient') {
    location.replace('/');
    return false;
  }
  if (opts.section && !can(opts.section)) {
    fill(document.getElementById('main'), title(t('not_allowed')), h('p', null, t('not_allowed_text')));
    markNav(path);
    return false;
  }
  return true;
}, markNav);

function markNav(path) {
  document.querySelectorAll('#nav a').forEach((a) => {
    const id = a.dataset.section;
    const on = id === 'home' ? path === '/' : path === '/' + id || path.startsWith('/' + id + '/');
    if (on) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

// shell draws the header and the navigation of the signed-in account.
function shell() {
  const me = state.me;
  const nav = document.getElementById('nav');
  const who = document.getElementById('who');
  nav.hidden = !me;
  who.hidden = !me;
  if (!me) return;
  fill(nav, state.sections.map((s) => h('a', { href: '/konsol/' + (s.id === 'home' ? '' : s.id), 'data-section': s.id }, s.title)));
  fill(who, h('span', { class: 'me' }, (me.displayName || me.phone) + ' · ' + t('role_' + me.role)),
    h('button', { type: 'button', class: 'link', lang: lang === 'en' ? 'id' : 'en', onclick: switchLang }, lang === 'en' ? 'Bahasa Indonesia' : 'English'),
    h('button', { type: 'button', class: 'link', onclick: signOut }, t('sign_out')));
}

async function switchLang() {
  setLang(lang === 'en' ? 'id' : 'en');
  if (session.token) {
    try { await gql(SET_LOCALE, { input: { locale: lang } }); await loadMe(); } catch { /* the switch still applies here */ }
  }
  shell();
  render();
}

async function signOut() {
  try { await gql(SIGN_OUT); } catch { /* signed out here regardless */ }
  await forgetSession();
  try { Object.keys(sessionStorage).filter((k) => k.startsWith('konsol.')).forEach((k) => sessionStorage.removeItem(k)); } catch { /* off */ }
  state.me = null;
  state.sections = [];
  shell();
  navigate('/masuk', true);
}

// reauth opens the sign-in dialog over the page (the form under it keeps
// its values); resolves true once the same account signed in again.
function reauth() {
  return new Promise((ok) => {
    const d = h('dialog', { class: 'dlg', 'aria-labelledby': 'reauth-t' },
      h('h2', { id: 'reauth-t' }, t('reauth_title')), h('p', null, t('reauth_text')));
    const prev = state.me;
    d.append(signInForm(async (token, account) => {
      if (prev && account.id !== prev.id) {
        await signedIn(token, account);
        location.reload();
        return;
      }
      await signedIn(token, account);
      d.close('ok');
    }, { phone: (prev && prev.phone) || '' }),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'sec', onclick: () => d.close('cancel') }, t('cancel'))));
    d.addEventListener('close', () => { d.remove(); ok(d.returnValue === 'ok'); });
    document.body.append(d);
    d.showModal();
  });
}

async function start() {
  const saved = savedLang();
  if (saved) setLang(saved);
  await restore();
  onReauth(reauth);
  if (session.token) await loadMe().catch(() => {});
  if (state.me && state.me.role === 'recipient') return location.replace('/');
  shell();
  render.focus = false;
  await render();
}

start();
