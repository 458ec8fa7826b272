// Client-side routes under /konsol/ (the server answers every extensionless
// path there with the shell). A screen is a function (params, search)
// returning nodes, or a promise of them.
import { fill } from '../../../pwa/src/lib/h.js';

export const BASE = '/konsol';
const routes = [];
let gen = 0;
const hooks = { before: null, after: null };
export const onRoute = (before, after) => { hooks.before = before; hooks.after = after; };

export function route(pattern, screen, opts = {}) {
  const keys = [];
  const re = opts.notFound ? /(?!)/ : new RegExp('^' + pattern.replace(/:(\w+)/g, (_, k) => { keys.push(k); return '([^/]+)'; }) + '/?$');
  routes.push({ re, keys, screen, opts });
}

// here is the path inside the console: /konsol/waves/1 → /waves/1.
export const here = () => location.pathname.slice(BASE.length) || '/';

export function navigate(path, replace) {
  const url = BASE + path;
  if (url !== location.pathname + location.search) history[replace ? 'replaceState' : 'pushState'](null, '', url);
  return render();
}

export async function render() {
  const my = ++gen;
  const path = here();
  let r, m;
  for (r of routes) if ((m = path.match(r.re))) break;
  if (!m) { r = routes.find((x) => x.opts.notFound); m = []; }
  if (hooks.before && !(await hooks.before(r.opts, path))) return;
  const params = {};
  r.keys.forEach((k, i) => { params[k] = decodeURIComponent(m[i + 1]); });
  const nodes = await r.screen(params, new URLSearchParams(location.search));
  if (my !== gen) return;
  const main = document.getElementById('main');
  fill(main, nodes);
  if (hooks.after) hooks.after(path);
  const h1 = main.querySelector('h1');
  if (h1 && render.focus) h1.focus();
  render.focus = true;
}

document.addEventListener('click', (e) => {
  const a = e.target.closest('a[href]');
  if (!a || e.defaultPrevented || e.button || e.ctrlKey || e.metaKey || e.shiftKey || a.target || a.hasAttribute('download')) return;
  if (a.origin !== location.origin || !(a.pathname === BASE || a.pathname.startsWith(BASE + '/'))) return;
  e.preventDefault();
  navigate((a.pathname.slice(BASE.length) || '/') + a.search);
});
addEventListener('popstate', () => render());
