// The Kartu Prakerja playground: a sign-in panel above GraphiQL (phone ->
// requestSignInCode -> code -> signIn; the token goes into GraphiQL's
// headers as {"Authorization": "Bearer …"}) and example operations as
// GraphiQL's first tabs. No build step and no CDN: React, ReactDOM and
// GraphiQL are the embedded UMD builds loaded before this file.
(function () {
  'use strict';
  var e = React.createElement;
  var endpoint = document.body.dataset.endpoint;
  var TOKEN = 'prakerja.playground.token';

  // gql posts one operation to the API, with the token when there is one.
  function gql(query, variables, token) {
    var headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(endpoint, { method: 'POST', headers: headers, body: JSON.stringify({ query: query, variables: variables || {} }) })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
        return body.data;
      });
  }

  var examples = [
    { query: [
      '# Playground API Kartu Prakerja.',
      '# Masuk di panel atas: nomor HP, lalu kode SMS.',
      '# Sign in with the panel above: phone, then the SMS code.',
      '# Token masuk ke Headers / the token goes into the Headers:',
      '#   {"Authorization": "Bearer <token>"}',
      '# Demo: kode tertulis di log server / the code is in the',
      '# server log. Tab lain: contoh / other tabs: examples.',
      '# Ctrl-Enter menjalankan / runs the operation.',
      '',
      'query Me {',
      '  me { id role displayName locale phone }',
      '}',
      '' ].join('\n') },
    { query: [
      '# Gelombang yang sedang dibuka (tanpa masuk pun boleh).',
      '# The open wave (no sign-in needed).',
      'query CurrentWave {',
      '  currentWave { id number name status opensAt closesAt resultsExpectedAt }',
      '}',
      '' ].join('\n') },
    { query: [
      '# Cari pelatihan menurut judul / search trainings by title.',
      'query Courses($q: String!) {',
      '  courses(first: 10, where: { titleContainsFold: $q }) {',
      '    totalCount',
      '    edges { node { id title price durationHours } }',
      '  }',
      '}',
      '' ].join('\n'), variables: '{ "q": "pemasaran" }' },
    { query: [
      '# Dasbor penerima: masuk sebagai penerima.',
      '# A recipient\'s dashboard: sign in as a recipient.',
      'query Dashboard {',
      '  me {',
      '    displayName',
      '    recipient {',
      '      status cardNumber trainingBalance',
      '      applications { edges { node { wave { number name } result { status } } } }',
      '    }',
      '  }',
      '}',
      '' ].join('\n') },
    { query: [
      '# Pembelian di platform mitra, dengan kunci API mitra di Headers.',
      '# A partner platform\'s purchases, its API key in the Headers:',
      '#   {"Authorization": "ApiKey <key>"}',
      '# (kunci dari / keys from createAPIKey or the console).',
      'query PartnerPurchases {',
      '  purchases(first: 10) {',
      '    totalCount',
      '    edges { node { invoiceCode status price createdAt course { title } } }',
      '  }',
      '}',
      '' ].join('\n'), headers: '{ "Authorization": "ApiKey <key>" }' },
  ];

  function SignIn(props) {
    var s = React.useState, phone = s(''), code = s(''), sent = s(null), who = s(null), busy = s(false), err = s('');
    var token = props.token;
    React.useEffect(function () {
      if (!token) { who[1](null); return; }
      gql('{ me { displayName role phone } }', {}, token).then(function (d) { who[1](d.me); })
        .catch(function (x) { err[1](x.message); });
    }, [token]);
    function run(p) {
      busy[1](true); err[1]('');
      return p.catch(function (x) { err[1](x.message); }).finally(function () { busy[1](false); });
    }
    function request(ev) {
      ev.preventDefault();
      run(gql('mutation($p: String!) { requestSignInCode(phone: $p) { phone expiresAt } }', { p: phone[0] })
        .then(function (d) { sent[1](d.requestSignInCode); }));
    }
    function signIn(ev) {
      ev.preventDefault();
      run(gql('mutation($p: String!, $c: String!) { signIn(phone: $p, code: $c) { token } }', { p: sent[0].phone, c: code[0] })
        .then(function (d) { code[1](''); sent[1](null); props.onToken(d.signIn.token); }));
    }
    function signOut() {
      run(gql('mutation { signOut }', {}, token).catch(function () { /* an expired session is signed out already */ })
        .then(function () { props.onToken(''); }));
    }
    var error = err[0] ? e('p', { className: 'error', role: 'alert' }, err[0]) : null;
    if (token) {
      return e('div', null,
        e('div', { className: 'who' },
          e('span', { 'data-testid': 'signed-in' }, 'Masuk sebagai / signed in as ',
            e('strong', null, who[0] ? who[0].displayName + ' (' + who[0].role + ')' : '…')),
          e('span', null, 'Authorization: Bearer ', e('code', { 'data-testid': 'token' }, token)),
          e('button', { type: 'button', className: 'secondary', onClick: signOut, disabled: busy[0] }, 'Keluar / Sign out')),
        error);
    }
    if (sent[0]) {
      return e('div', null,
        e('form', { onSubmit: signIn },
          e('label', null, 'Kode dari SMS / code from the SMS',
            e('input', { name: 'code', inputMode: 'numeric', autoComplete: 'one-time-code', value: code[0], required: true,
              onChange: function (ev) { code[1](ev.target.value); } })),
          e('button', { type: 'submit', disabled: busy[0] }, 'Masuk / Sign in'),
          e('button', { type: 'button', className: 'secondary', onClick: function () { sent[1](null); } }, 'Nomor lain / another phone')),
        e('p', { className: 'status', role: 'status' }, 'Kode dikirim ke / code sent to ' + sent[0].phone),
        error);
    }
    return e('div', null,
      e('form', { onSubmit: request },
        e('label', null, 'Nomor HP / phone',
          e('input', { name: 'phone', type: 'tel', placeholder: '0812…', autoComplete: 'tel', value: phone[0], required: true,
            onChange: function (ev) { phone[1](ev.target.value); } })),
        e('button', { type: 'submit', disabled: busy[0] }, 'Kirim kode / send code'),
        e('span', { className: 'status' }, 'Masuk agar token dipakai di Headers / sign in to put a token in the Headers')),
      error);
  }

  // GraphiQL re-reads the operation name a moment after the query changes:
  // a query run at once (pasted, or set by a test) would go with the name
  // of the operation it replaced, which the server refuses. A name the
  // document does not define is dropped.
  var base = GraphiQL.createFetcher({ url: endpoint });
  function fetcher(params, opts) {
    var name = params.operationName;
    if (name && !new RegExp('\\b(query|mutation|subscription)\\s+' + name + '\\b').test(params.query)) {
      params = Object.assign({}, params, { operationName: undefined });
    }
    return base(params, opts);
  }

  function App() {
    var t = React.useState(sessionStorage.getItem(TOKEN) || '');
    var token = t[0];
    // The headers GraphiQL shows: set on sign-in and sign-out (GraphiQL
    // writes a changed value into the header editor of the open tab).
    var h = React.useState(token ? bearer(token) : undefined);
    function onToken(next) {
      if (next) sessionStorage.setItem(TOKEN, next); else sessionStorage.removeItem(TOKEN);
      t[1](next);
      h[1](next ? bearer(next) : '{}');
    }
    return e(React.Fragment, null,
      ReactDOM.createPortal(e(SignIn, { token: token, onToken: onToken }), document.getElementById('signin')),
      e(GraphiQL, { fetcher: fetcher, defaultTabs: examples, headers: h[0], defaultEditorToolsVisibility: 'headers',
        shouldPersistHeaders: false }));
  }

  function bearer(token) { return JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2); }

  ReactDOM.createRoot(document.getElementById('graphiql')).render(e(App));
})();
