package app_test

import (
	"log/slog"
	"net/http/httptest"

	"github.com/kartuprakerja/platform/internal/app"
	"github.com/kartuprakerja/platform/internal/server"
	"github.com/kartuprakerja/platform/internal/sms"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/viewer"
)

func TestAPIKeyLifecycle(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		w := fixture.NewWorld(t, db.Client)
		w.NewPerson(t, db.Client, 1, w.Platform)
		fixture.NewAccount(t, db.Client, "+6281100000001", viewer.RoleAdmin, "")
		asAdmin := gqltest.SignIn(t, s.URL, s.SMS, "+6281100000001")

		var created struct{ CreatePartnerAccount struct{ ID string } }
		asAdmin.Do(t, `mutation($org: ID!) { createPartnerAccount(input: {phone: "081100000012",
			displayName: "Tokopedia API", role: digital_platform, organizationId: $org}) { id } }`,
			map[string]any{"org": w.Platform.ID}).MustData(t, &created)
		var issued struct{ CreateAPIKey struct{ Key, Prefix string } }
		asAdmin.Do(t, `mutation($id: ID!) { createAPIKey(accountId: $id, label: "prod", scopes: ["partner:read", "purchases:read"]) { key prefix } }`,
			map[string]any{"id": created.CreatePartnerAccount.ID}).MustData(t, &issued)

		asPartner := gqltest.Client{URL: s.URL, Auth: "ApiKey " + issued.CreateAPIKey.Key}
		var me struct{ Me struct{ Role string } }
		asPartner.Do(t, `{ me { role } }`, nil).MustData(t, &me)
		if me.Me.Role != "digital_platform" {
			t.Errorf("partner me.role = %q", me.Me.Role)
		}
		if ids := connectionIDs(t, asPartner, "purchases"); len(ids) != 1 {
			t.Errorf("partner sees %d purchases, want its 1", len(ids))
		}
		wrong := gqltest.Client{URL: s.URL, Auth: "ApiKey " + issued.CreateAPIKey.Key + "x"}
		if r := wrong.Do(t, `{ me { id } }`, nil); r.Status != http.StatusUnauthorized {
			t.Errorf("tampered key: status %d", r.Status)
		}
		var revoked struct{ RevokeAPIKey bool }
		asAdmin.Do(t, `mutation($p: String!) { revokeAPIKey(prefix: $p) }`,
			map[string]any{"p": issued.CreateAPIKey.Prefix}).MustData(t, &revoked)
		if r := asPartner.Do(t, `{ me { id } }`, nil); r.Status != http.StatusUnauthorized {
			t.Errorf("revoked key still works: status %d", r.Status)
		}
	})
}

func TestSignInReturnsTheRecipient(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	s := newStack(t, db)
	w := fixture.NewWorld(t, db.Client)
	p := w.NewPerson(t, db.Client, 1, w.Platform)
	anon := gqltest.Client{URL: s.URL}
	for _, tt := range []struct {
		phone, want string
	}{{p.Phone, string(p.Recipient.ID)}, {"081234500009", ""}} {
		anon.Do(t, `mutation($p: String!) { requestSignInCode(phone: $p) { phone } }`, map[string]any{"p": tt.phone}).MustData(t, &struct{}{})
		norm := tt.phone
		if norm[0] == '0' {
			norm = "+62" + norm[1:]
		}
		code := strings.TrimSuffix(strings.Fields(strings.SplitN(s.SMS.Last(norm), ":", 2)[1])[0], ".")
		var out struct {
			SignIn struct {
				Account struct{ Recipient *struct{ ID string } }
			}
		}
		anon.Do(t, `mutation($p: String!, $c: String!) { signIn(phone: $p, code: $c) { account { recipient { id } } } }`,
			map[string]any{"p": tt.phone, "c": code}).MustData(t, &out)
		got := ""
		if out.SignIn.Account.Recipient != nil {
			got = out.SignIn.Account.Recipient.ID
		}
		if got != tt.want {
			t.Errorf("signIn(%s).account.recipient = %q, want %q", tt.phone, got, tt.want)
		}
	}
}

func TestSignOutRevokesSession(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	s := newStack(t, db)
	w := fixture.NewWorld(t, db.Client)
	p := w.NewPerson(t, db.Client, 1, w.Platform) // a recipient: its session is cached
	for _, phone := range []string{"081234500001", p.Phone} {
		c := gqltest.SignIn(t, s.URL, s.SMS, phone)
		c.Do(t, `{ me { id } }`, nil).MustData(t, &struct{}{})
		var out struct{ SignOut bool }
		c.Do(t, `mutation { signOut }`, nil).MustData(t, &out)
		if r := c.Do(t, `{ me { id } }`, nil); r.Status != http.StatusUnauthorized {
			t.Errorf("%s after sign-out: status %d", phone, r.Status)
		}
	}
}

func TestSignInCodeIsSingleUse(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	s := newStack(t, db)
	anon := gqltest.Client{URL: s.URL}
	anon.Do(t, `mutation { requestSignInCode(phone: "081234500002") { phone } }`, nil).MustData(t, &struct{}{})
	code := strings.Fields(strings.SplitN(s.SMS.Last("+6281234500002"), ":", 2)[1])[0]
	code = strings.TrimSuffix(code, ".")
	q := `mutation($c: String!) { signIn(phone: "081234500002", code: $c) { token } }`
	if r := anon.Do(t, q, map[string]any{"c": code}); len(r.Errors) > 0 {
		t.Fatalf("first use: %+v", r.Errors)
	}
	if r := anon.Do(t, q, map[string]any{"c": code}); !slices.Equal(r.Codes(), []string{"BAD_USER_INPUT"}) {
		t.Errorf("a used code: %s %v, want BAD_USER_INPUT", r.Data, r.Codes())
	}
}

func TestCORSDefaultAllowsNoOrigin(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	a, err := app.New(db, app.Config{Auth: testAuthConfig(), Server: server.Config{}, SMS: &sms.Recorder{},
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.Handler)
	defer srv.Close()
	req, _ := http.NewRequest("OPTIONS", srv.URL+"/graphql", nil)
	req.Header.Set("Origin", "https://any.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("no origins configured, yet %q allowed", got)
	}
}

func TestHTTPEndpoints(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	s := newStack(t, db)
	base := strings.TrimSuffix(s.URL, "/graphql")
	tests := []struct {
		method, path string
		header       map[string]string
		status       int
		contains     string
		header2      string // a response header that must be set
	}{
		{"GET", "/healthz", nil, 200, "ok", ""},
		{"GET", "/readyz", nil, 200, "ready", ""},
		{"GET", "/metrics", nil, 200, "go_goroutines", ""},
		{"GET", "/playground", nil, 200, "/playground/assets/graphiql.min.js", ""},
		{"GET", "/playground/assets/react.production.min.js", nil, 200, "react", ""},
		{"GET", "/", nil, 200, "Kartu Prakerja", ""},
		{"GET", "/some/client/route", nil, 200, "Kartu Prakerja", ""},
		{"GET", "/missing.js", nil, 404, "", ""},
		{"OPTIONS", "/graphql", map[string]string{
			"Origin": "https://app.example", "Access-Control-Request-Method": "POST",
			"Access-Control-Request-Headers": "authorization,content-type",
		}, 204, "", "Access-Control-Allow-Origin"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, base+tt.path, nil)
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status || !strings.Contains(strings.ToLower(string(body)), strings.ToLower(tt.contains)) {
				t.Errorf("status %d body %.200q", resp.StatusCode, body)
			}
			if tt.header2 != "" && resp.Header.Get(tt.header2) == "" {
				t.Errorf("missing %s header: %v", tt.header2, resp.Header)
			}
		})
	}
	t.Run("CORS refuses unknown origins", func(t *testing.T) {
		req, _ := http.NewRequest("OPTIONS", base+"/graphql", nil)
		req.Header.Set("Origin", "https://evil.example")
		req.Header.Set("Access-Control-Request-Method", "POST")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("unknown origin allowed")
		}
	})
}
