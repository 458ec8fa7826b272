package app_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent/session"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestBadInput: every kind of bad request gets a typed error, never a panic,
// a 500 or a partial write.
func TestBadInput(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		w := fixture.NewWorld(t, db.Client)
		p := w.NewPerson(t, db.Client, 1, w.Platform)
		partner := fixture.NewAccount(t, db.Client, "+6281100000012", viewer.RolePlatform, w.Platform.ID)
		anon := gqltest.Client{URL: s.URL}
		expired := gqltest.SignIn(t, s.URL, s.SMS, "+6281399990001")
		ctx := rule.System(context.Background(), "test")
		db.Client.Session.Update().Where(session.UserAgentNEQ("x")).
			SetExpiresAt(time.Now().Add(-time.Minute)).ExecX(ctx) // expires every session…
		asP := gqltest.SignIn(t, s.URL, s.SMS, p.Phone) // …then a fresh one for p

		tests := []struct {
			name   string
			client gqltest.Client
			query  string
			vars   map[string]any
			status int
			code   string
		}{
			{"malformed query", asP, `{ me { id `, nil, 422, "GRAPHQL_PARSE_FAILED"},
			{"unknown field", asP, `{ me { nope } }`, nil, 422, "GRAPHQL_VALIDATION_FAILED"},
			{"unknown id", asP, `{ node(id: "rc01ZZZZZZZZZZZZZZZZZZZZZZZZ") { id } }`, nil, 200, "NOT_FOUND"},
			{"garbage id", asP, `{ node(id: "🙂") { id } }`, nil, 200, "NOT_FOUND"},
			{"unknown prefix", asP, `{ node(id: "zz01M8FB9CJCT98NHCFMNZRPT9X2") { id } }`, nil, 200, "NOT_FOUND"},
			{"wrong variable type", asP, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": []int{1}}, 422, "GRAPHQL_VALIDATION_FAILED"},
			{"page too large", asP, `{ courses(first: 1000) { totalCount } }`, nil, 200, "BAD_USER_INPUT"},
			{"negative page", asP, `{ courses(first: -1) { totalCount } }`, nil, 200, "BAD_USER_INPUT"},
			{"too complex", asP, `{ provinces(first: 100) { edges { node { regencies(first: 100) { edges { node { id } } } } } } }`, nil, 200, "COMPLEXITY_LIMIT_EXCEEDED"},
			{"me without token", anon, `{ me { id } }`, nil, 200, "UNAUTHENTICATED"},
			{"expired token", expired, `{ me { id } }`, nil, 401, "UNAUTHENTICATED"},
			{"garbage token", gqltest.Client{URL: s.URL, Auth: "Bearer nope"}, `{ me { id } }`, nil, 401, "UNAUTHENTICATED"},
			{"unknown scheme", gqltest.Client{URL: s.URL, Auth: "Basic abc"}, `{ me { id } }`, nil, 401, "UNAUTHENTICATED"},
			{"bad api key", gqltest.Client{URL: s.URL, Auth: "ApiKey pk_abc_def"}, `{ me { id } }`, nil, 401, "UNAUTHENTICATED"},
			{"wrong role", asP, `mutation { createAPIKey(accountId: "` + string(partner.ID) + `", label: "x", scopes: ["partner:read"]) { key } }`, nil, 200, "FORBIDDEN"},
			{"wrong role partner account", asP, `mutation { createPartnerAccount(input: {phone: "+6281100000099", displayName: "x", role: digital_platform, organizationId: "` + string(w.Platform.ID) + `"}) { id } }`, nil, 200, "FORBIDDEN"},
			{"invalid phone", anon, `mutation { requestSignInCode(phone: "12345") { phone } }`, nil, 200, "BAD_USER_INPUT"},
			{"wrong code", anon, `mutation { signIn(phone: "081200000001", code: "000000") { token } }`, nil, 200, "BAD_USER_INPUT"},
			{"invalid setting", asP, `mutation { updateSettings(input: {displayName: "` + strings.Repeat("x", 500) + `"}) { id } }`, nil, 200, "BAD_USER_INPUT"},
			{"bad enum", asP, `mutation { updateSettings(input: {locale: fr}) { id } }`, nil, 422, "GRAPHQL_VALIDATION_FAILED"},
			{"too many nodes", asP, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": slices.Repeat([]string{"rc01ZZZZZZZZZZZZZZZZZZZZZZZZ"}, 101)}, 200, "BAD_USER_INPUT"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := tt.client.Do(t, tt.query, tt.vars)
				if r.Status != tt.status || !slices.Equal(r.Codes(), []string{tt.code}) {
					t.Errorf("status %d codes %v (%+v); want %d %s", r.Status, r.Codes(), r.Errors, tt.status, tt.code)
				}
				for _, e := range r.Errors {
					if e.Code() == "" || e.Code() == "INTERNAL_SERVER_ERROR" {
						t.Errorf("untyped or internal error: %+v", e)
					}
				}
			})
		}

		t.Run("raw bodies", func(t *testing.T) {
			for _, tt := range []struct {
				name, body string
				status     int
			}{
				{"not json", "{query: me}", http.StatusBadRequest},
				{"oversize", `{"query":"` + strings.Repeat(" ", 70<<10) + `{ me { id } }"}`, http.StatusRequestEntityTooLarge},
			} {
				r := asP.Raw(t, "application/json", []byte(tt.body))
				if r.Status != tt.status || !slices.Equal(r.Codes(), []string{"BAD_USER_INPUT"}) {
					t.Errorf("%s: status %d codes %v", tt.name, r.Status, r.Codes())
				}
			}
		})

		t.Run("no partial write", func(t *testing.T) {
			fixture.NewAccount(t, db.Client, "+6281100000001", viewer.RoleAdmin, "")
			asAdmin := gqltest.SignIn(t, s.URL, s.SMS, "+6281100000001")
			before := db.Client.Account.Query().CountX(ctx)
			r := asAdmin.Do(t, `mutation { createPartnerAccount(input: {phone: "+6281100000099", displayName: "x",
				role: digital_platform, organizationId: "`+string(w.Portal.ID)+`"}) { id } }`, nil)
			if !slices.Equal(r.Codes(), []string{"BAD_USER_INPUT"}) {
				t.Errorf("mismatched organisation: %v, want BAD_USER_INPUT", r.Codes())
			}
			if after := db.Client.Account.Query().CountX(ctx); after != before {
				t.Errorf("accounts %d -> %d after a refused write", before, after)
			}
		})
	})
}
