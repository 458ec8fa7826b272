// Starts the prakerja binary on a free port with its own data directory and
// demo data, and reads sign-in codes from its log (the log SMS sender).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';

const root = resolve(import.meta.dirname, '..', '..');

function freePort() {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

// binary returns the server binary: $PRAKERJA_BIN, or one built now.
function binary() {
  if (process.env.PRAKERJA_BIN) return process.env.PRAKERJA_BIN;
  const out = join(mkdtempSync(join(tmpdir(), 'prakerja-bin-')), 'prakerja');
  execFileSync('go', ['build', '-o', out, './cmd/prakerja'], { cwd: root, stdio: 'inherit' });
  process.env.PRAKERJA_BIN = out;
  return out;
}

export async function startServer({ recipients = 200, args = [] } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'prakerja-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn(binary(), ['serve', '-demo', '-recipients', String(recipients),
    '-addr', `127.0.0.1:${port}`, '-data-dir', dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  const onData = (b) => log.push(...b.toString().split('\n').filter(Boolean));
  proc.stdout.on('data', onData);
  proc.stderr.on('data', onData);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${log.join('\n')}`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`server not ready: ${log.slice(-20).join('\n')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    log,
    dataDir,
    // identities returns people of the embedded registry who have not
    // registered (they verify): {nik, kkNumber, fullName, birthDate, ...}.
    identities(n = 1) {
      const out = execFileSync(binary(), ['demo-identities', '-json', '-data-dir', dataDir, '-n', String(n)], { encoding: 'utf8' });
      return out.trim().split('\n').map((l) => JSON.parse(l));
    },
    // signIn signs a phone in through the API and returns its token.
    async signIn(phone) {
      const mark = log.length;
      const sent = await gql(url, 'mutation($p:String!){requestSignInCode(phone:$p){phone}}', { p: phone });
      if (sent.errors) throw new Error(JSON.stringify(sent.errors));
      const code = await waitFor(() => { try { return this.codeFor(phone, mark); } catch { return null; } });
      const res = await gql(url, 'mutation($p:String!,$c:String!){signIn(phone:$p,code:$c){token}}', { p: phone, c: code });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data.signIn.token;
    },
    // codeFor returns the newest sign-in code sent to an E.164 phone (in
    // log lines from index since on).
    codeFor(phone, since = 0) {
      for (let i = log.length - 1; i >= since; i--) {
        if (log[i].includes(`to=${phone}`)) {
          const m = log[i].match(/Kode masuk Kartu Prakerja: (\d{6})/);
          if (m) return m[1];
        }
      }
      throw new Error(`no code for ${phone}`);
    },
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// waitFor polls f until it returns a truthy value (10 s at most).
export async function waitFor(f, ms = 10_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

// gql posts an operation and returns the decoded response.
export async function gql(url, query, variables = {}, token = '') {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return r.json();
}
