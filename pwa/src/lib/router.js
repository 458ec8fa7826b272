// Client-side routes (the server answers every extensionless path with the
// shell). A screen is a function (params, search) returning nodes.
import { fill } from './h.js';
import { cleanups } from './ui.js';
import { session } from './session.js';

const routes = [];
let gen = 0;

export function route(pattern, screen, opts = {}) {
  const keys = [];
  const re = opts.notFound ? /(?!)/ : new RegExp('^' + pattern.replace(/:(\w+)/g, (_, k) => { keys.push(k); return '([^/]+)'; }) + '/?$');
  routes.push({ re, keys, screen, opts });
}

// After a new version of the app took over (service worker update), the
// next navigation loads the new shell instead of routing in the old one.
export const state = { reload: false };

export function navigate(path, replace) {
  if (state.reload) return location[replace ? 'replace' : 'assign'](path);
  if (path !== location.pathname + location.search) history[replace ? 'replaceState' : 'pushState'](null, '', path);
  return render();
}

export async function render() {
  const my = ++gen;
  cleanups.splice(0).forEach((f) => f());
  const path = location.pathname;
  let r, m;
  for (r of routes) if ((m = path.match(r.re))) break;
  if (!m) { r = routes.find((x) => x.opts.notFound); m = []; }
  if (r.opts.auth && !session.token) return navigate('/masuk?next=' + encodeURIComponent(path + location.search), true);
  const params = {};
  r.keys.forEach((k, i) => { params[k] = decodeURIComponent(m[i + 1]); });
  const nodes = await r.screen(params, new URLSearchParams(location.search));
  if (my !== gen) return;
  const main = document.getElementById('main');
  fill(main, nodes);
  document.querySelectorAll('#nav a').forEach((a) => {
    const here = a.getAttribute('href') === '/' ? path === '/' : path.startsWith(a.getAttribute('href'));
    if (here) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  document.getElementById('nav').hidden = !session.token;
  const h1 = main.querySelector('h1');
  if (h1 && render.focus) h1.focus();
  render.focus = true;
  window.scrollTo(0, 0);
}

document.addEventListener('click', (e) => {
  const a = e.target.closest('a[href]');
  if (!a || e.defaultPrevented || e.button || e.ctrlKey || e.metaKey || e.shiftKey || a.target || a.hasAttribute('download')) return;
  if (a.origin !== location.origin || /^\/(graphql|playground|konsol|sertifikat|\.well-known)(\/|$)/.test(a.pathname)) return;
  if (a.hash && a.pathname === location.pathname) return;
  e.preventDefault();
  navigate(a.pathname + a.search);
});
addEventListener('popstate', render);
