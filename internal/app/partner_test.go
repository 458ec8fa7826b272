package app_test

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent/auditlog"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/seed"
)

// Demo operators of the seed: Tokopedia (…12) and Pintaria (…15) are two
// platforms; one operator of each other kind.
const (
	phoneTokopedia   = "+6281100000012"
	phonePintaria    = "+6281100000015"
	phoneInstitution = "+6281100000011"
	phoneBank        = "+6281100000013"
	phonePortal      = "+6281100000014"
)

// seededStack is the whole platform over a small seeded demo install.
func seededStack(t *testing.T, db *database.DB) *stack {
	t.Helper()
	if _, err := seed.Run(context.Background(), db.Client, seed.Options{Seed: 3, Recipients: 120, Now: time.Now()}); err != nil {
		t.Fatalf("seed: %v", err)
	}
	return newStack(t, db)
}

// operator signs in a demo operator (English messages) and returns its
// session client and account id.
func operator(t *testing.T, s *stack, phone string) (gqltest.Client, string) {
	t.Helper()
	c := gqltest.SignIn(t, s.URL, s.SMS, phone)
	c.Language = "en"
	var me struct{ Me struct{ ID string } }
	c.Do(t, `{ me { id } }`, nil).MustData(t, &me)
	return c, me.Me.ID
}

type issuedKey struct {
	Key, Prefix string
	APIKey      struct {
		ID     string
		Scopes []string
	}
}

const createKey = `mutation($id: ID!, $scopes: [String!]!) {
  createAPIKey(accountId: $id, label: "test", scopes: $scopes) { key prefix apiKey { id scopes } }
}`

// newKey issues a key with scopes for account as c and returns a client
// using it.
func newKey(t *testing.T, s *stack, c gqltest.Client, account string, scopes ...string) (gqltest.Client, issuedKey) {
	t.Helper()
	var out struct{ CreateAPIKey issuedKey }
	c.Do(t, createKey, map[string]any{"id": account, "scopes": scopes}).MustData(t, &out)
	return gqltest.Client{URL: s.URL, Auth: "ApiKey " + out.CreateAPIKey.Key, Language: "en"}, out.CreateAPIKey
}

type purchaseList struct {
	Purchases struct {
		TotalCount int
		Edges      []struct {
			Node struct {
				ID       string
				Platform struct{ ID string }
			}
		}
	}
}

const purchasesQuery = `query Purchases { purchases(first: 100) { totalCount edges { node { id platform { id } } } } }`

// platformPurchases reads the purchases c sees and checks they are all of org.
func platformPurchases(t *testing.T, c gqltest.Client, org string) []string {
	t.Helper()
	var out purchaseList
	c.Do(t, purchasesQuery, nil).MustData(t, &out)
	var ids []string
	for _, e := range out.Purchases.Edges {
		if e.Node.Platform.ID != org {
			t.Errorf("a key of %s reads purchase %s of %s", org, e.Node.ID, e.Node.Platform.ID)
		}
		ids = append(ids, e.Node.ID)
	}
	return ids
}

func orgOf(t *testing.T, c gqltest.Client) string {
	t.Helper()
	// The operator's platform is the one whose operators list it.
	r := c.Do(t, `{ me { id } digitalPlatforms(first: 100) { edges { node { id operators { id } } } } }`, nil)
	var data struct {
		Me               struct{ ID string }
		DigitalPlatforms struct {
			Edges []struct {
				Node struct {
					ID        string
					Operators []struct{ ID string }
				}
			}
		}
	}
	r.MustData(t, &data)
	for _, e := range data.DigitalPlatforms.Edges {
		for _, o := range e.Node.Operators {
			if o.ID == data.Me.ID {
				return e.Node.ID
			}
		}
	}
	t.Fatalf("operator %s is in no platform's operators", data.Me.ID)
	return ""
}

// errorOf returns the only error of r, failing unless there is exactly one.
func errorOf(t *testing.T, r gqltest.Response, what string) gqltest.Error {
	t.Helper()
	if len(r.Errors) != 1 {
		t.Fatalf("%s: want one error, got status %d %+v", what, r.Status, r.Errors)
	}
	return r.Errors[0]
}

// TestPartnerKeyScenario is the headline of the partner API: a platform
// operator issues itself a purchases:read key, reads its platform's
// purchases with it and sees the call in its call log; the key is refused
// payouts naming the scope; platform B's key and platform A's never see each
// other's rows; revoked and rotated-away keys are UNAUTHENTICATED.
func TestPartnerKeyScenario(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := seededStack(t, db)
		opA, accA := operator(t, s, phoneTokopedia)
		opB, accB := operator(t, s, phonePintaria)
		orgA, orgB := orgOf(t, opA), orgOf(t, opB)
		keyA, issuedA := newKey(t, s, opA, accA, "purchases:read")
		keyB, issuedB := newKey(t, s, opB, accB, "purchases:read")

		idsA := platformPurchases(t, keyA, orgA)
		idsB := platformPurchases(t, keyB, orgB)
		if len(idsA) == 0 || len(idsB) == 0 {
			t.Fatalf("the demo data gives Tokopedia %d and Pintaria %d purchases: want some of each", len(idsA), len(idsB))
		}
		admin, _ := operator(t, s, "+6281100000001")
		var all struct{ Purchases struct{ TotalCount int } }
		admin.Do(t, `query($p: ID!) { purchases(where: {digitalPlatformID: $p}) { totalCount } }`,
			map[string]any{"p": orgA}).MustData(t, &all)
		if all.Purchases.TotalCount != len(idsA) && len(idsA) < 100 {
			t.Errorf("Tokopedia's key reads %d purchases, the platform has %d", len(idsA), all.Purchases.TotalCount)
		}
		// A's key asks for one of B's purchases by id: nothing.
		var node struct{ Node *struct{ ID string } }
		if r := keyA.Do(t, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": idsB[0]}); r.Data != nil {
			_ = json.Unmarshal(r.Data, &node)
			if node.Node != nil {
				t.Errorf("platform A's key reads platform B's purchase %s", idsB[0])
			}
		}

		// node follows the scope of the node's type: the own platform needs partner:read.
		r0 := keyA.Do(t, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": orgA})
		if e := errorOf(t, r0, "node of a platform"); e.Code() != "FORBIDDEN" || !strings.Contains(e.Message, "partner:read") {
			t.Errorf("node(platform) with a purchases:read key: %+v, want FORBIDDEN naming partner:read", e)
		}
		var own struct{ Node *struct{ ID string } }
		keyA.Do(t, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": idsA[0]}).MustData(t, &own)
		if own.Node == nil || own.Node.ID != idsA[0] {
			t.Errorf("node(own purchase) = %+v", own.Node)
		}

		// Outside the scopes: FORBIDDEN naming the scope, the rest of the query intact.
		r := keyA.Do(t, `{ payouts { totalCount } }`, nil)
		if e := errorOf(t, r, "payouts with purchases:read"); e.Code() != "FORBIDDEN" || !strings.Contains(e.Message, "payouts:read") {
			t.Errorf("payouts with a purchases:read key: %+v, want FORBIDDEN naming payouts:read", e)
		}
		r = keyA.Do(t, `{ me { id } }`, nil)
		if e := errorOf(t, r, "me with purchases:read"); e.Code() != "FORBIDDEN" || !strings.Contains(e.Message, "partner:read") {
			t.Errorf("me with a purchases:read key: %+v, want FORBIDDEN naming partner:read", e)
		}
		r = keyA.Do(t, createKey, map[string]any{"id": accA, "scopes": []string{"purchases:read"}})
		if e := errorOf(t, r, "createAPIKey with a key"); e.Code() != "FORBIDDEN" {
			t.Errorf("a key issues a key: %+v", e)
		}

		// A misspelt field never runs; the log has it all the same.
		if codes := keyA.Do(t, `{ purchses { totalCount } }`, nil).Codes(); !slices.Equal(codes, []string{"GRAPHQL_VALIDATION_FAILED"}) {
			t.Errorf("a misspelt field: codes %v", codes)
		}

		// The call log: A's operator sees A's calls, not B's.
		calls := partnerCalls(t, opA)
		if !slices.ContainsFunc(calls, func(c call) bool {
			return c.APIKeyPrefix == issuedA.Prefix && c.Operation == "{ purchses { totalCount } }" &&
				c.Status == "GRAPHQL_VALIDATION_FAILED" && c.ErrorMessage != nil
		}) {
			t.Errorf("A's call log %+v lacks the call that failed validation", calls)
		}
		if !slices.ContainsFunc(calls, func(c call) bool {
			return c.APIKeyPrefix == issuedA.Prefix && c.Operation == "Purchases" && c.Status == "ok"
		}) {
			t.Errorf("A's call log %+v lacks the Purchases call", calls)
		}
		if !slices.ContainsFunc(calls, func(c call) bool {
			return c.APIKeyPrefix == issuedA.Prefix && c.Operation == "payouts" && c.Status == "FORBIDDEN" &&
				c.ErrorMessage != nil && strings.Contains(*c.ErrorMessage, "payouts:read")
		}) {
			t.Errorf("A's call log %+v lacks the refused payouts call", calls)
		}
		if slices.ContainsFunc(calls, func(c call) bool { return c.APIKeyPrefix == issuedB.Prefix }) {
			t.Errorf("A's call log shows B's calls: %+v", calls)
		}
		var refused struct{ PartnerCalls struct{ TotalCount int } }
		opA.Do(t, `query($p: String!) { partnerCalls(where: {apiKeyPrefix: $p, status: "FORBIDDEN"}) { totalCount } }`,
			map[string]any{"p": issuedA.Prefix}).MustData(t, &refused)
		if refused.PartnerCalls.TotalCount != 4 { // node, payouts, me, createAPIKey
			t.Errorf("A's refused calls: %d, want 4", refused.PartnerCalls.TotalCount)
		}
		if n := len(partnerCalls(t, admin)); n < len(calls)+1 {
			t.Errorf("admin sees %d calls, A alone made %d", n, len(calls))
		}

		// A's operator may not manage B's keys or issue keys for B's account.
		r = opA.Do(t, `mutation($p: String!) { revokeAPIKey(prefix: $p) }`, map[string]any{"p": issuedB.Prefix})
		if e := errorOf(t, r, "revoke another platform's key"); e.Code() != "NOT_FOUND" {
			t.Errorf("A revokes B's key: %+v", e)
		}
		r = opA.Do(t, createKey, map[string]any{"id": accB, "scopes": []string{"purchases:read"}})
		if e := errorOf(t, r, "a key for another platform"); e.Code() != "NOT_FOUND" {
			t.Errorf("A issues a key for B: %+v", e)
		}
		var keys struct{ APIKeys []struct{ Prefix string } }
		opA.Do(t, `{ apiKeys { prefix } }`, nil).MustData(t, &keys)
		if len(keys.APIKeys) != 1 || keys.APIKeys[0].Prefix != issuedA.Prefix {
			t.Errorf("A's apiKeys = %+v, want only its own key %s", keys.APIKeys, issuedA.Prefix)
		}

		// Revoked and rotated-away keys stop working; the rotated key keeps the scopes.
		opA.Do(t, `mutation($p: String!) { revokeAPIKey(prefix: $p) }`, map[string]any{"p": issuedA.Prefix}).MustData(t, &struct{}{})
		if r := keyA.Do(t, purchasesQuery, nil); r.Status != http.StatusUnauthorized || !slices.Equal(r.Codes(), []string{"UNAUTHENTICATED"}) {
			t.Errorf("a revoked key: status %d %+v", r.Status, r.Errors)
		}
		var rot struct{ RotateAPIKey issuedKey }
		opB.Do(t, `mutation($p: String!) { rotateAPIKey(prefix: $p) { key prefix apiKey { id scopes } } }`,
			map[string]any{"p": issuedB.Prefix}).MustData(t, &rot)
		if r := keyB.Do(t, purchasesQuery, nil); r.Status != http.StatusUnauthorized || !slices.Equal(r.Codes(), []string{"UNAUTHENTICATED"}) {
			t.Errorf("a rotated-away key: status %d %+v", r.Status, r.Errors)
		}
		rotated := gqltest.Client{URL: s.URL, Auth: "ApiKey " + rot.RotateAPIKey.Key}
		if got := platformPurchases(t, rotated, orgB); len(got) != len(idsB) ||
			!slices.Equal(rot.RotateAPIKey.APIKey.Scopes, []string{"purchases:read"}) {
			t.Errorf("the rotated key reads %d purchases (want %d) with scopes %v", len(got), len(idsB), rot.RotateAPIKey.APIKey.Scopes)
		}

		// Every key change is audited with its actor.
		sys := rule.System(context.Background(), "test")
		entries := db.Client.AuditLog.Query().Where(auditlog.ActionHasPrefix("api_key.")).AllX(sys)
		actions := map[string]pulid.ID{}
		for _, e := range entries {
			actions[e.Action+" "+e.Detail["prefix"]] = e.ActorID
		}
		for want, actor := range map[string]string{
			"api_key.create " + issuedA.Prefix:          accA,
			"api_key.revoke " + issuedA.Prefix:          accA,
			"api_key.rotate " + rot.RotateAPIKey.Prefix: accB,
		} {
			if string(actions[want]) != actor {
				t.Errorf("audit %q by %q, want %s (entries %v)", want, actions[want], actor, actions)
			}
		}
	})
}

type call struct {
	APIKeyPrefix, Operation, Status string
	ErrorMessage                    *string
	DurationMs                      int
}

func partnerCalls(t *testing.T, c gqltest.Client) []call {
	t.Helper()
	var out struct {
		PartnerCalls struct{ Edges []struct{ Node call } }
	}
	c.Do(t, `{ partnerCalls(first: 100, orderBy: [{field: CREATED_AT, direction: DESC}]) {
		edges { node { apiKeyPrefix operation status errorMessage durationMs } } } }`, nil).MustData(t, &out)
	var calls []call
	for _, e := range out.PartnerCalls.Edges {
		calls = append(calls, e.Node)
	}
	return calls
}

// TestCreateAPIKeyRefusesBadScopes: no scopes, an unknown scope and one of
// another kind are BAD_USER_INPUT naming the field scopes (and the scope),
// and write no key.
func TestCreateAPIKeyRefusesBadScopes(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := seededStack(t, db)
		op, acc := operator(t, s, phoneTokopedia)
		sys := rule.System(context.Background(), "test")
		before := db.Client.APIKey.Query().CountX(sys)
		for _, tt := range []struct {
			name   string
			scopes []string
			named  string
		}{
			{"none", []string{}, ""},
			{"unknown", []string{"purchases:read", "everything"}, "everything"},
			{"another kind's", []string{"payouts:read"}, "payouts:read"},
		} {
			r := op.Do(t, createKey, map[string]any{"id": acc, "scopes": tt.scopes})
			e := errorOf(t, r, tt.name)
			fields, _ := e.Extensions["fields"].(map[string]any)
			if e.Code() != "BAD_USER_INPUT" || fields["scopes"] == nil || !strings.Contains(e.Message, tt.named) {
				t.Errorf("%s scopes: %+v, want BAD_USER_INPUT on scopes naming %q", tt.name, e, tt.named)
			}
		}
		if after := db.Client.APIKey.Query().CountX(sys); after != before {
			t.Errorf("%d keys -> %d after refused requests", before, after)
		}
	})
}

// TestPartnerAPIDocsRun runs every documented example of every kind, as
// the docs give it, with a key holding exactly the example's scope: no
// errors; and with a key of the same account holding every other scope of
// the kind: FORBIDDEN naming the scope.
func TestPartnerAPIDocsRun(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := seededStack(t, db)
		admin, _ := operator(t, s, "+6281100000001")
		r := admin.Do(t, `{ partnerScopes { name } }`, nil)
		if e := errorOf(t, r, "staff without a kind"); e.Code() != "BAD_USER_INPUT" {
			t.Errorf("partnerScopes without kind as admin: %+v", e)
		}
		var bank struct{ PartnerScopes []struct{ Name string } }
		admin.Do(t, `{ partnerScopes(kind: PAYMENT_PARTNER) { name } }`, nil).MustData(t, &bank)
		if len(bank.PartnerScopes) != 3 || bank.PartnerScopes[2].Name != "payouts:read" {
			t.Errorf("payment partner scopes for admin: %+v", bank.PartnerScopes)
		}
		ran := 0
		for _, phone := range []string{phoneInstitution, phoneTokopedia, phoneBank, phonePortal} {
			op, acc := operator(t, s, phone)
			var out struct {
				PartnerScopes  []struct{ Name string }
				PartnerAPIDocs []struct{ Name, Scope, Document, Variables string }
			}
			op.Do(t, `{ partnerScopes { name } partnerAPIDocs { name scope document variables } }`, nil).MustData(t, &out)
			documented := map[string]bool{}
			for _, d := range out.PartnerAPIDocs {
				documented[d.Scope] = true
				var vars map[string]any
				if err := json.Unmarshal([]byte(d.Variables), &vars); err != nil {
					t.Fatalf("%s %s: variables %q: %v", phone, d.Name, d.Variables, err)
				}
				var others []string
				for _, sc := range out.PartnerScopes {
					if sc.Name != d.Scope {
						others = append(others, sc.Name)
					}
				}
				with, _ := newKey(t, s, op, acc, d.Scope)
				without, _ := newKey(t, s, op, acc, others...)
				r := with.Do(t, d.Document, vars)
				if len(r.Errors) > 0 || len(r.Data) < 3 {
					t.Errorf("%s %s with %s: %s %+v", phone, d.Name, d.Scope, r.Data, r.Errors)
				}
				r = without.Do(t, d.Document, vars)
				if len(r.Errors) == 0 || r.Errors[0].Code() != "FORBIDDEN" || !strings.Contains(r.Errors[0].Message, d.Scope) {
					t.Errorf("%s %s without %s: %+v, want FORBIDDEN naming it", phone, d.Name, d.Scope, r.Errors)
				}
				ran++
			}
			for _, sc := range out.PartnerScopes {
				if !documented[sc.Name] {
					t.Errorf("%s: scope %s has no documented operation", phone, sc.Name)
				}
			}
		}
		if ran < 10 {
			t.Errorf("only %d examples ran", ran)
		}
	})
}
