package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/kartuprakerja/platform/ent/session"
	"github.com/kartuprakerja/platform/graph"
	"github.com/kartuprakerja/platform/internal/app"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/server"
)

// rawResponse is any /graphql answer: it must be a GraphQL response whose
// every error has a code.
func rawResponse(t *testing.T, resp *http.Response) gqltest.Response {
	t.Helper()
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	out := gqltest.Response{Status: resp.StatusCode}
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatalf("status %d, not a GraphQL JSON response: %q", resp.StatusCode, body)
	}
	return out
}

// TestEveryResponseIsCoded sends /graphql every kind of request it may
// refuse: each answer is a GraphQL JSON response, each error has
// extensions.code.
func TestEveryResponseIsCoded(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	s := newStack(t, db)
	get := func(params url.Values) string { return s.URL + "?" + params.Encode() }
	big := `{"query":"{ __typename }","variables":{"x":"` + strings.Repeat("x", 70<<10) + `"}}`
	tests := []struct {
		name        string
		method, url string
		ctype, body string
		header      map[string]string
		status      int
		code        string // "" means the request is answered without errors
	}{
		{"GET query", "GET", get(url.Values{"query": {"{ __typename }"}}), "", "", nil, 200, ""},
		{"GET mutation", "GET", get(url.Values{"query": {"mutation { signOut }"}}), "", "", nil, 406, "METHOD_NOT_ALLOWED"},
		{"GET bad variables", "GET", get(url.Values{"query": {"{ __typename }"}, "variables": {"{nope"}}), "", "", nil, 400, "BAD_USER_INPUT"},
		{"GET bad extensions", "GET", get(url.Values{"query": {"{ __typename }"}, "extensions": {"[1,"}}), "", "", nil, 400, "BAD_USER_INPUT"},
		{"GET without query", "GET", s.URL, "", "", nil, 400, "BAD_USER_INPUT"},
		{"GET unknown persisted query", "GET", get(url.Values{"extensions": {`{"persistedQuery":{"version":1,"sha256Hash":"00"}}`}}), "", "", nil, 200, "PERSISTED_QUERY_NOT_FOUND"},
		{"GET broken query string", "GET", s.URL + "?query=%zz", "", "", nil, 400, "BAD_USER_INPUT"},
		{"PUT", "PUT", s.URL, "application/json", `{"query":"{ __typename }"}`, nil, 405, "METHOD_NOT_ALLOWED"},
		{"DELETE", "DELETE", s.URL, "", "", nil, 405, "METHOD_NOT_ALLOWED"},
		{"PATCH", "PATCH", s.URL, "application/json", `{"query":"{ __typename }"}`, nil, 405, "METHOD_NOT_ALLOWED"},
		{"POST text/plain", "POST", s.URL, "text/plain", `{"query":"{ __typename }"}`, nil, 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"POST without content type", "POST", s.URL, "", `{"query":"{ __typename }"}`, nil, 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"POST form", "POST", s.URL, "application/x-www-form-urlencoded", "query=%7B__typename%7D", nil, 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"POST multipart", "POST", s.URL, "multipart/form-data; boundary=x", "--x--", nil, 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"POST application/graphql", "POST", s.URL, "application/graphql", "{ __typename }", nil, 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"POST with Upgrade: websocket", "POST", s.URL, "application/json", `{"query":"{ __typename }"}`, map[string]string{"Upgrade": "websocket", "Connection": "Upgrade"}, 200, ""},
		{"POST with Upgrade: h2c", "POST", s.URL, "application/json", `{"query":"{ __typename }"}`, map[string]string{"Upgrade": "h2c"}, 200, ""},
		{"POST empty body", "POST", s.URL, "application/json", "", nil, 400, "BAD_USER_INPUT"},
		{"POST JSON without query", "POST", s.URL, "application/json", `{}`, nil, 422, "GRAPHQL_VALIDATION_FAILED"},
		{"POST JSON array", "POST", s.URL, "application/json", `[1]`, nil, 400, "BAD_USER_INPUT"},
		{"POST too large", "POST", s.URL, "application/json", big, nil, 413, "BAD_USER_INPUT"},
		{"websocket from a foreign origin", "GET", s.URL, "", "", map[string]string{"Upgrade": "websocket", "Connection": "Upgrade",
			"Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version": "13", "Origin": "https://evil.example"}, 403, "FORBIDDEN"},
		{"GET websocket without upgrade headers", "GET", s.URL, "", "", map[string]string{"Upgrade": "websocket"}, 400, "BAD_USER_INPUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, tt.url, strings.NewReader(tt.body))
			if tt.ctype != "" {
				req.Header.Set("Content-Type", tt.ctype)
			}
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			r := rawResponse(t, resp)
			for _, e := range r.Errors {
				if e.Code() == "" || e.Code() == "INTERNAL_SERVER_ERROR" {
					t.Errorf("uncoded or internal error: %+v", e)
				}
			}
			switch {
			case tt.code == "" && (len(r.Errors) > 0 || r.Status != tt.status):
				t.Errorf("status %d errors %+v; want %d and data", r.Status, r.Errors, tt.status)
			case tt.code != "" && (r.Status != tt.status || !slices.Contains(r.Codes(), tt.code)):
				t.Errorf("status %d codes %v (%+v); want %d %s", r.Status, r.Codes(), r.Errors, tt.status, tt.code)
			}
		})
	}
}

// TestHTTP2 serves the stack as serve does and talks HTTP/2 without TLS
// (prior knowledge, as a load balancer forwarding h2 does).
func TestHTTP2(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	s := newStack(t, db)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- server.Serve(ctx, ln, s.App.Handler, slog.New(slog.NewTextHandler(io.Discard, nil))) }()
	t.Cleanup(func() { cancel(); <-done })

	var protocols http.Protocols
	protocols.SetUnencryptedHTTP2(true)
	client := &http.Client{Transport: &http.Transport{Protocols: &protocols}}
	resp, err := client.Post("http://"+ln.Addr().String()+"/graphql", "application/json",
		strings.NewReader(`{"query":"{ __typename }"}`))
	if err != nil {
		t.Fatalf("HTTP/2 POST: %v", err)
	}
	r := rawResponse(t, resp)
	if resp.ProtoMajor != 2 || len(r.Errors) > 0 || !strings.Contains(string(r.Data), "Query") {
		t.Errorf("proto %s status %d data %s errors %v", resp.Proto, r.Status, r.Data, r.Errors)
	}
}

func TestIntrospectionFlag(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	on, off := true, false
	for _, tt := range []struct {
		name       string
		playground string
		flag       *bool
		answers    bool
	}{
		{"default with the playground", "/playground", nil, true},
		{"default without the playground", "", nil, false},
		{"on without the playground", "", &on, true},
		{"off with the playground", "/playground", &off, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newStackWith(t, db, func(c *app.Config) {
				c.Server.PlaygroundPath, c.Introspection = tt.playground, tt.flag
			})
			anon := gqltest.Client{URL: s.URL}
			for _, q := range []string{`{ __schema { queryType { name } } }`, `{ __type(name: "Query") { name } }`} {
				r := anon.Do(t, q, nil)
				answered := len(r.Errors) == 0 && strings.Contains(string(r.Data), "Query")
				if answered != tt.answers {
					t.Errorf("%s: answered=%v, want %v (%s %v)", q, answered, tt.answers, r.Data, r.Codes())
				}
				if !tt.answers && !slices.Contains(r.Codes(), "GRAPHQL_VALIDATION_FAILED") {
					t.Errorf("%s refused without the validation code: %v", q, r.Codes())
				}
			}
			if r := anon.Do(t, `{ __typename currentWave { id } }`, nil); len(r.Errors) > 0 {
				t.Errorf("ordinary query: %v", r.Errors)
			}
		})
	}
}

// TestAbandonedRequestsStop: a request whose client has gone, or whose
// deadline passed, starts no resolver.
func TestAbandonedRequestsStop(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	w := fixture.NewWorld(t, db.Client)
	p := w.NewPerson(t, db.Client, 1, w.Platform)
	s := newStack(t, db)
	asP := gqltest.SignIn(t, s.URL, s.SMS, p.Phone)
	// webPushPublicKey reads no store: only the middleware can stop it.
	query := []byte(`{"query":"{ me { id } currentWave { id } webPushPublicKey }"}`)
	do := func(t *testing.T, h http.Handler, ctx context.Context) gqltest.Response {
		req, _ := http.NewRequestWithContext(ctx, "POST", "/graphql", bytes.NewReader(query))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", asP.Auth)
		rec := &recorder{header: http.Header{}}
		h.ServeHTTP(rec, req)
		out := gqltest.Response{Status: rec.status}
		if err := json.Unmarshal(rec.body.Bytes(), &out); err != nil {
			t.Fatalf("%q: %v", rec.body.String(), err)
		}
		return out
	}
	t.Run("live request", func(t *testing.T) {
		if r := do(t, s.App.Handler, context.Background()); len(r.Errors) > 0 || !strings.Contains(string(r.Data), string(p.Account.ID)) {
			t.Fatalf("%s %v", r.Data, r.Errors)
		}
	})
	t.Run("client gone", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		r := do(t, s.App.Handler, ctx) // nobody reads this answer: it only must not have been worked out
		if strings.Contains(string(r.Data), string(p.Account.ID)) || !onlyCodes(r, "UNAVAILABLE") {
			t.Errorf("cancelled request resolved: status %d %s %v", r.Status, r.Data, r.Codes())
		}
	})
	t.Run("past its deadline", func(t *testing.T) {
		slow := newStackWith(t, db, func(c *app.Config) { c.Limits = graph.Limits{Timeout: time.Nanosecond} })
		r := do(t, slow.App.Handler, context.Background())
		if strings.Contains(string(r.Data), string(p.Account.ID)) || !onlyCodes(r, "UNAVAILABLE") {
			t.Errorf("request past its deadline resolved: %s %v", r.Data, r.Codes())
		}
		stopped := slices.ContainsFunc(r.Errors, func(e gqltest.Error) bool {
			return len(e.Path) == 1 && e.Path[0] == "webPushPublicKey" && e.Code() == "UNAVAILABLE"
		})
		if !stopped {
			t.Errorf("webPushPublicKey resolved past the deadline: %s %+v", r.Data, r.Errors)
		}
	})
	t.Run("response ceiling", func(t *testing.T) {
		small := newStackWith(t, db, func(c *app.Config) { c.Limits = graph.Limits{ResponseBytes: 40} })
		r := do(t, small.App.Handler, context.Background())
		if len(r.Data) > 4 || !slices.Equal(r.Codes(), []string{"RESPONSE_TOO_LARGE"}) {
			t.Errorf("over the ceiling: %s %v", r.Data, r.Codes())
		}
	})
}

type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = 200
	}
	return r.body.Write(b)
}
func (r *recorder) WriteHeader(s int) { r.status = s }

// wsClient speaks graphql-transport-ws.
type wsClient struct {
	c   *websocket.Conn
	ctx context.Context
}

type wsMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

func dialWS(t *testing.T, s *stack, header http.Header, init map[string]any) (*wsClient, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(s.URL, "http"), &websocket.DialOptions{
		Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: header})
	if err != nil {
		return nil, err
	}
	t.Cleanup(func() { c.CloseNow() })
	ws := &wsClient{c: c, ctx: ctx}
	payload, _ := json.Marshal(init)
	if err := wsjson.Write(ctx, c, wsMessage{Type: "connection_init", Payload: payload}); err != nil {
		return nil, err
	}
	var ack wsMessage
	if err := wsjson.Read(ctx, c, &ack); err != nil {
		return nil, err
	}
	if ack.Type != "connection_ack" {
		t.Fatalf("got %+v, want connection_ack", ack)
	}
	return ws, nil
}

// query runs one operation over the socket and returns its result.
func (ws *wsClient) query(t *testing.T, id, query string) gqltest.Response {
	t.Helper()
	payload, _ := json.Marshal(map[string]any{"query": query})
	if err := wsjson.Write(ws.ctx, ws.c, wsMessage{ID: id, Type: "subscribe", Payload: payload}); err != nil {
		t.Fatalf("subscribe: %v", err)
	}
	for {
		var m wsMessage
		if err := wsjson.Read(ws.ctx, ws.c, &m); err != nil {
			t.Fatalf("read: %v", err)
		}
		switch m.Type {
		case "next":
			var r gqltest.Response
			_ = json.Unmarshal(m.Payload, &r)
			return r
		case "error":
			var errs []gqltest.Error
			_ = json.Unmarshal(m.Payload, &errs)
			return gqltest.Response{Errors: errs}
		}
	}
}

// TestWebsocketSignIn: connection_init credentials sign the socket in
// through the same authenticator as HTTP; bad ones are refused; signing
// out closes the socket.
func TestWebsocketSignIn(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStackWith(t, db, func(c *app.Config) { c.SocketRecheck = 20 * time.Millisecond })
		w := fixture.NewWorld(t, db.Client)
		p := w.NewPerson(t, db.Client, 1, w.Platform)
		asP := gqltest.SignIn(t, s.URL, s.SMS, p.Phone)
		token := strings.TrimPrefix(asP.Auth, "Bearer ")
		me := `{ me { id } }`

		for _, tt := range []struct {
			name   string
			header http.Header
			init   map[string]any
		}{
			{"Authorization in connection_init", nil, map[string]any{"Authorization": asP.Auth}},
			{"authToken in connection_init", nil, map[string]any{"authToken": token}},
			{"Authorization on the upgrade", http.Header{"Authorization": {asP.Auth}}, nil},
		} {
			t.Run(tt.name, func(t *testing.T) {
				ws, err := dialWS(t, s, tt.header, tt.init)
				if err != nil {
					t.Fatal(err)
				}
				if r := ws.query(t, "1", me); len(r.Errors) > 0 || !strings.Contains(string(r.Data), string(p.Account.ID)) {
					t.Errorf("me over the socket: %s %v", r.Data, r.Errors)
				}
			})
		}

		t.Run("anonymous socket", func(t *testing.T) {
			ws, err := dialWS(t, s, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if r := ws.query(t, "1", me); !slices.Contains(r.Codes(), "UNAUTHENTICATED") {
				t.Errorf("anonymous me: %s %v", r.Data, r.Codes())
			}
		})

		for name, bad := range map[string]map[string]any{"garbage bearer": {"Authorization": "Bearer nope"},
			"garbage authToken": {"authToken": "nope"}, "unknown scheme": {"Authorization": "Basic abc"}} {
			t.Run("refused "+name, func(t *testing.T) {
				_, err := dialWS(t, s, nil, bad)
				if got := websocket.CloseStatus(err); got != 4403 {
					t.Errorf("bad credentials %v: close status %d (%v), want 4403", bad, got, err)
				}
			})
		}

		t.Run("sign-out closes the socket", func(t *testing.T) {
			other := gqltest.SignIn(t, s.URL, s.SMS, p.Phone)
			ws, err := dialWS(t, s, nil, map[string]any{"Authorization": other.Auth})
			if err != nil {
				t.Fatal(err)
			}
			if r := ws.query(t, "1", me); len(r.Errors) > 0 {
				t.Fatalf("before sign-out: %v", r.Errors)
			}
			var out struct{ SignOut bool }
			other.Do(t, `mutation { signOut }`, nil).MustData(t, &out)
			for {
				var m wsMessage
				err := wsjson.Read(ws.ctx, ws.c, &m)
				if err == nil {
					continue // pings and the like
				}
				if ws.ctx.Err() != nil {
					t.Fatalf("socket still open after sign-out")
				}
				if websocket.CloseStatus(err) == -1 && !strings.Contains(err.Error(), "EOF") {
					t.Errorf("closed abnormally: %v", err)
				}
				break
			}
		})

		t.Run("expiry closes the socket", func(t *testing.T) {
			applicant := gqltest.SignIn(t, s.URL, s.SMS, "081234500077") // no recipient yet: never cached
			ws, err := dialWS(t, s, nil, map[string]any{"Authorization": applicant.Auth})
			if err != nil {
				t.Fatal(err)
			}
			if r := ws.query(t, "1", me); len(r.Errors) > 0 {
				t.Fatalf("before expiry: %v", r.Errors)
			}
			ctx := rule.System(context.Background(), "test")
			db.Client.Session.Update().Where(session.UserAgentNEQ("x")).
				SetExpiresAt(time.Now().Add(-time.Minute)).ExecX(ctx) // every session ends (this subtest is last)
			for {
				var m wsMessage
				if err := wsjson.Read(ws.ctx, ws.c, &m); err != nil {
					if ws.ctx.Err() != nil {
						t.Fatalf("socket still open after expiry")
					}
					break
				}
			}
		})
	})
}
