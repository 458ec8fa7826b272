package app_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// anySignedIn are the mutations every signed-in account may call (its own
// settings, devices, notifications, complaints, session): only anonymous
// callers are refused.
var anySignedIn = map[string]bool{
	"signOut": true, "updateSettings": true, "registerDevice": true, "unregisterDevice": true,
	"markNotificationsRead": true, "markAllNotificationsRead": true, "updateNotificationPreferences": true,
	"submitComplaint": true,
}

// wrongCallers are, for every other mutation a caller must be signed in
// for, signed-in callers whose role may not use it (clients of newMatrix).
var wrongCallers = map[string][]string{
	"createPartnerAccount": adminOnly,
	// The matrix's partner is an operator of the key's organisation, so it
	// may manage keys: other organisations are refused in partner_test.go.
	"createAPIKey":            {"recipient", "analyst", "support", "assessor", "finance"},
	"revokeAPIKey":            {"recipient", "analyst", "support", "assessor", "finance"},
	"rotateAPIKey":            {"recipient", "analyst", "support", "assessor", "finance"},
	"createWave":              adminOnly,
	"openWave":                adminOnly,
	"closeWave":               adminOnly,
	"runSelection":            adminOnly,
	"revokeRecipient":         adminOnly,
	"revealRecipientIdentity": {"recipient", "analyst", "assessor", "finance", "partner"},
	"register":                {"admin", "partner"},
	"startAbilityTest":        {"applicant", "admin", "partner"},
	"answerAbilityTest":       {"applicant", "admin", "partner"},
	"submitAbilityTest":       {"applicant", "admin", "partner"},
	"joinWave":                {"applicant", "admin", "partner"},
	"submitSurveyResponse":    {"applicant", "admin", "analyst", "partner"},
	"redeemPurchase":          platformOnly,
	"reportProgress":          platformOnly,
	"reportTestScore":         platformOnly,
	"reportCompletion":        platformOnly,
	"proposeCourse":           {"recipient", "admin", "assessor", "partner"},
	"assessCourse":            {"recipient", "analyst", "support", "finance", "partner", "institution"},
	"monitorCourse":           {"recipient", "analyst", "support", "finance", "partner", "institution"},
	"hideReview":              {"recipient", "analyst", "support", "finance", "partner", "institution"},
	"writeReview":             {"applicant", "admin", "assessor", "partner", "institution"},
}

// platformOnly are the wrong callers of a digital platform's report (the
// matrix's partner is a platform operator): everyone else.
var platformOnly = []string{"recipient", "admin", "analyst", "support", "assessor", "finance"}

// adminOnly are the wrong callers of an admin's action: every other kind of
// staff and the rest.
var adminOnly = []string{"recipient", "analyst", "support", "assessor", "finance", "partner"}

// TestMutationPermissions finds every mutation by introspection and sends
// it, with input that is valid for its rightful caller (the bad-input
// matrix's base values), as an anonymous caller (UNAUTHENTICATED) and as
// each wrong role (FORBIDDEN). Neither may write a row, and no data comes
// back. A mutation found here and classified nowhere fails the test.
func TestMutationPermissions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		m := newMatrix(t, db)
		muts, types := mutationsOf(t, m.clients["anonymous"])
		m.types = types
		checked := 0
		for _, mut := range muts {
			role, ok := mutationRoles[mut.Name]
			if !ok {
				t.Errorf("mutation %s has no caller in mutationRoles: add it", mut.Name)
				continue
			}
			if role == "anonymous" {
				continue // sign-in itself
			}
			m.refuses(t, mut, "anonymous", "UNAUTHENTICATED")
			checked++
			wrong, ok := wrongCallers[mut.Name]
			if !ok && !anySignedIn[mut.Name] {
				t.Errorf("mutation %s is in neither anySignedIn nor wrongCallers: say who may not call it", mut.Name)
			}
			for _, caller := range wrong {
				m.refuses(t, mut, caller, "FORBIDDEN")
				checked++
			}
		}
		if checked < 40 {
			t.Errorf("only %d refusals checked", checked)
		}
	})
}

// refuses sends mut with its base input as caller and checks the answer is
// one error with code, no data, and no row written or removed.
func (m *matrix) refuses(t *testing.T, mut mutationField, caller, code string) {
	t.Helper()
	c, ok := m.clients[caller]
	if !ok {
		t.Fatalf("no client %q", caller)
	}
	body := []byte(fmt.Sprintf(`{"query":"mutation { %s %s }"}`, mut.Name, mut.selection()))
	if len(mut.Args) > 0 {
		body = m.body(t, mut, m.base(mut), matrixCase{}) // may make a survey to answer: count after
	}
	before := m.rows(t)
	req, _ := http.NewRequest(http.MethodPost, c.URL, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if c.Auth != "" {
		req.Header.Set("Authorization", c.Auth)
	}
	r := gqltest.Send(t, req)
	label := fmt.Sprintf("%s as %s", mut.Name, caller)
	if len(r.Errors) != 1 || r.Errors[0].Code() != code || !noData(r, mut.Name) {
		t.Errorf("%s: want one %s and no data, got status %d data %s errors %+v", label, code, r.Status, r.Data, r.Errors)
	}
	if after := m.rows(t); after != before {
		t.Errorf("%s: %d rows -> %d after a refused request", label, before, after)
	}
}

// noData reports whether the answer holds no result for the mutation.
func noData(r gqltest.Response, name string) bool {
	s := string(r.Data)
	return s == "" || s == "null" || s == `{"`+name+`":null}`
}

// TestRefusedFieldFailsAlone: a partner asking for two lists in one query,
// one of them not theirs, gets the other list intact and one FORBIDDEN
// error at the refused field's path (root connections are nullable).
func TestRefusedFieldFailsAlone(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		w := fixture.NewWorld(t, db.Client)
		p := w.NewPerson(t, db.Client, 1, w.Platform)
		fixture.NewAccount(t, db.Client, "+6281100000012", viewer.RolePlatform, w.Platform.ID)
		c := gqltest.SignIn(t, s.URL, s.SMS, "+6281100000012")
		r := c.Do(t, `{ purchases { totalCount edges { node { id } } } payouts { totalCount } }`, nil)
		var data struct {
			Purchases *struct {
				TotalCount int
				Edges      []struct{ Node struct{ ID string } }
			}
			Payouts *struct{ TotalCount int }
		}
		if err := json.Unmarshal(r.Data, &data); err != nil {
			t.Fatalf("data %s: %v", r.Data, err)
		}
		if data.Purchases == nil || data.Purchases.TotalCount != 1 || len(data.Purchases.Edges) != 1 ||
			data.Purchases.Edges[0].Node.ID != string(p.Private["Purchase"]) {
			t.Errorf("purchases: got %s, want the platform's one purchase %s", r.Data, p.Private["Purchase"])
		}
		if data.Payouts != nil {
			t.Errorf("payouts: got %+v, want null", data.Payouts)
		}
		if len(r.Errors) != 1 || r.Errors[0].Code() != "FORBIDDEN" || fmt.Sprint(r.Errors[0].Path) != "[payouts]" {
			t.Errorf("errors: got %+v, want one FORBIDDEN at [payouts]", r.Errors)
		}
	})
}
