package app_test

import (
	"context"
	"slices"
	"testing"

	"github.com/kartuprakerja/platform/ent/complaint"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/rule"
)

const complaintMutation = `mutation($in: SubmitComplaintInput!) { submitComplaint(input: $in) { id subject status } }`

// TestComplaintsAreFiledOnce drives the mutation the PWA's outbox sends:
// a re-sent complaint is filed once, bad input is refused field by field,
// and a client id belongs to the account that used it first.
func TestComplaintsAreFiledOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		w := fixture.NewWorld(t, db.Client)
		a, b := w.NewPerson(t, db.Client, 1, w.Platform), w.NewPerson(t, db.Client, 2, w.Platform)
		asA := gqltest.SignIn(t, s.URL, s.SMS, a.Phone)
		asB := gqltest.SignIn(t, s.URL, s.SMS, b.Phone)
		in := map[string]any{"clientId": "outbox-1", "category": "incentive", "subject": " Insentif belum masuk ",
			"body": "Sudah 2 minggu setelah pelatihan selesai."}
		var first, again struct {
			SubmitComplaint struct{ ID, Subject, Status string }
		}
		asA.Do(t, complaintMutation, map[string]any{"in": in}).MustData(t, &first)
		asA.Do(t, complaintMutation, map[string]any{"in": in}).MustData(t, &again)
		if first.SubmitComplaint.ID == "" || again != first || first.SubmitComplaint.Subject != "Insentif belum masuk" ||
			first.SubmitComplaint.Status != "open" {
			t.Errorf("first %+v, re-sent %+v", first, again)
		}
		ctx := rule.System(context.Background(), "test")
		if n := db.Client.Complaint.Query().Where(complaint.ClientID("outbox-1")).CountX(ctx); n != 1 {
			t.Errorf("%d complaints filed for one client id", n)
		}
		stored := db.Client.Complaint.Query().CountX(ctx)
		tests := []struct {
			name, code string
			in         map[string]any
			as         gqltest.Client
		}{
			{"another account's client id", "CONFLICT", in, asB},
			{"empty subject", "BAD_USER_INPUT", with(in, "clientId", "outbox-2", "subject", "  "), asA},
			{"body too long", "BAD_USER_INPUT", with(in, "clientId", "outbox-3", "body", string(make([]byte, 2001))), asA},
			{"anonymous", "UNAUTHENTICATED", with(in, "clientId", "outbox-4"), gqltest.Client{URL: s.URL}},
		}
		for _, tt := range tests {
			r := tt.as.Do(t, complaintMutation, map[string]any{"in": tt.in})
			if !slices.Equal(r.Codes(), []string{tt.code}) {
				t.Errorf("%s: codes %v, want %s", tt.name, r.Codes(), tt.code)
			}
		}
		if n := db.Client.Complaint.Query().CountX(ctx); n != stored {
			t.Errorf("%d complaints stored after refused submissions, want %d", n, stored)
		}
	})
}

// with returns a copy of m with the key/value pairs set.
func with(m map[string]any, kv ...any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}
