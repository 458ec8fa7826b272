package journey_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/application"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/selectionresult"
	"github.com/kartuprakerja/platform/ent/wave"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/lottery"
	"github.com/kartuprakerja/platform/internal/rule"
)

// failingNotifier fails the announcement: a crash in the middle of the
// selection transaction.
type failingNotifier struct{ journey.NopNotifier }

func (failingNotifier) WaveAnnounced(context.Context, *ent.Tx, pulid.ID) error {
	return errors.New("crash")
}

func TestWaveSelection(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil, nil)
		w, err := e.svc.CreateWave(e.admin, journey.NewWave{Number: 30, Name: "Gelombang 30",
			OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(time.Hour), Quota: 3,
			ProvinceQuotas: map[string]int{"32": 3}})
		if err != nil {
			t.Fatalf("create wave: %v", err)
		}
		if _, err := e.svc.JoinWave(e.as(t, e.newPerson(t)), w.ID); err == nil {
			t.Errorf("an unregistered account joined")
		}
		w, err = e.svc.OpenWave(e.admin, w.ID)
		if err != nil || w.Commitment == nil {
			t.Fatalf("open: %v", err)
		}
		var people []person
		for i := range 8 {
			p := e.newPerson(t)
			if _, err := e.svc.Register(e.as(t, p), p.reg, "id"); err != nil {
				t.Fatal(err)
			}
			if _, err := e.svc.JoinWave(e.as(t, p), w.ID); !apperr.Is(err, apperr.Forbidden) {
				t.Errorf("joined without passing the test: %v", err)
			}
			e.pass(t, p)
			a1, err := e.svc.JoinWave(e.as(t, p), w.ID)
			if err != nil {
				t.Fatalf("join: %v", err)
			}
			a2, err := e.svc.JoinWave(e.as(t, p), w.ID)
			if err != nil || a2.ID != a1.ID {
				t.Errorf("joining twice: %v %v", a2, err)
			}
			if i == 7 { // revoked before selection: excluded
				e.db.Client.Recipient.UpdateOneID(a1.RecipientID).SetStatus("rejected").
					ExecX(rule.System(context.Background(), "test"))
			}
			people = append(people, p)
		}
		if _, err := e.svc.RunSelection(e.admin, w.ID); !apperr.Is(err, apperr.Conflict) {
			t.Errorf("selection of an open wave: %v", err)
		}
		if _, err := e.svc.CloseWave(e.admin, w.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.JoinWave(e.as(t, e.newPerson(t)), w.ID); err == nil {
			t.Errorf("joined a closed wave")
		}
		if _, err := e.svc.RunSelection(e.as(t, people[0]), w.ID); !apperr.Is(err, apperr.Forbidden) && !errors.Is(err, rule.ErrForbidden) {
			t.Errorf("a recipient ran the selection: %v", err)
		}

		// A crash mid-way leaves nothing behind.
		crashing := journey.New(journey.Deps{Client: db.Client, Population: nil, Exclusions: nil,
			Regions: regionsStub{}, Notifier: failingNotifier{}, Dialect: db.Dialect}, journey.DefaultConfig())
		if _, err := crashing.RunSelection(e.admin, w.ID); err == nil {
			t.Fatal("crashing selection succeeded")
		}
		sys := rule.System(context.Background(), "test")
		if n := db.Client.SelectionResult.Query().Where(selectionresult.WaveID(w.ID)).CountX(sys); n != 0 {
			t.Fatalf("%d results recorded by a crashed selection", n)
		}
		if got := db.Client.Wave.GetX(sys, w.ID); got.Status != wave.StatusClosed {
			t.Fatalf("wave status after crash: %s", got.Status)
		}

		sum, err := e.svc.RunSelection(e.admin, w.ID)
		if err != nil {
			t.Fatalf("selection: %v", err)
		}
		if sum.Applicants != 8 || sum.Selected != 3 || sum.Excluded != 1 {
			t.Errorf("summary = %+v", sum)
		}
		excluded := db.Client.SelectionResult.Query().Where(selectionresult.WaveID(w.ID),
			selectionresult.StatusEQ(selectionresult.StatusExcluded)).OnlyX(sys)
		if excluded.ExclusionReason == nil || *excluded.ExclusionReason != "rejected" || excluded.Rank != nil {
			t.Errorf("excluded result = %+v", excluded)
		}
		first := outcomes(t, db, w.ID)
		again, err := e.svc.RunSelection(e.admin, w.ID)
		if err != nil || again.Selected != 3 {
			t.Fatalf("second run: %+v %v", again, err)
		}
		if second := outcomes(t, db, w.ID); !equal(first, second) {
			t.Errorf("second run changed the result")
		}
		// The same draw from the seed alone (what a crash-and-rerun does).
		wv := db.Client.Wave.GetX(sys, w.ID)
		for id, o := range first {
			if o.Status == "selected" {
				r := db.Client.Application.GetX(sys, pulid.ID(id)).QueryRecipient().OnlyX(sys)
				if r.Status != "recipient" || r.CardNumber == nil || r.TrainingBalance != wv.TrainingBalance || r.AcceptedAt == nil {
					t.Errorf("selected recipient not accepted: %+v", r)
				}
				// The grant is the ledger's one entry: its sum is the balance.
				g := r.QueryBalanceEntries().AllX(sys)
				if len(g) != 1 || g[0].Kind != "grant" || g[0].Amount != wv.TrainingBalance ||
					g[0].BalanceAfter != wv.TrainingBalance || g[0].Key != "grant:"+string(r.ID) {
					t.Errorf("ledger of %s: %+v", r.ID, g)
				}
			}
		}
		verifyPublication(t, e, wv)
	})
}

type outcome struct {
	Status string
	Rank   int
}

func outcomes(t *testing.T, db *database.DB, waveID pulid.ID) map[string]outcome {
	t.Helper()
	out := map[string]outcome{}
	ctx := rule.System(context.Background(), "t")
	results := map[pulid.ID]*ent.SelectionResult{}
	for _, r := range db.Client.SelectionResult.Query().Where(selectionresult.WaveID(waveID)).AllX(ctx) {
		results[r.ApplicationID] = r
	}
	for _, a := range db.Client.Application.Query().Where(application.WaveID(waveID)).AllX(ctx) {
		o := outcome{Status: "pending"}
		if r := results[a.ID]; r != nil {
			o.Status = string(r.Status)
			if r.Rank != nil {
				o.Rank = *r.Rank
			}
		}
		out[string(a.ID)] = o
	}
	return out
}

func equal(a, b map[string]outcome) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// verifyPublication fetches the published files and recomputes the draw.
func verifyPublication(t *testing.T, e *env, w *ent.Wave) {
	t.Helper()
	srv := httptest.NewServer(e.svc.PublicationHandler())
	defer srv.Close()
	get := func(name string) *http.Response {
		resp, err := http.Get(srv.URL + "/publication/waves/30/" + name)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("GET %s: %v %v", name, err, resp)
		}
		return resp
	}
	var pub lottery.Publication
	r := get("selection.json")
	if err := jsonDecode(r, &pub); err != nil {
		t.Fatal(err)
	}
	apps, err := lottery.ReadApplicants(get("applicants.csv").Body)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lottery.ReadResults(get("results.csv").Body)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := lottery.Verify(pub, apps, res); err != nil || n != 8 {
		t.Errorf("verify: %d %v", n, err)
	}
	// One tampered result is detected, and reported as that result.
	tampered := slices.Clone(res)
	tampered[0].Status, tampered[0].Rank = flip(tampered[0])
	if _, err := lottery.Verify(pub, apps, tampered); err == nil || !strings.Contains(err.Error(), tampered[0].ID+": published") {
		t.Errorf("a tampered result: Verify said %v", err)
	}
	// A seed other than the committed one is refused for that reason alone:
	// the results published with it are its own honest draw, so only the
	// commitment check can catch it.
	other := pub
	other.Seed = "chosen after the applicants were known"
	honest := lottery.Draw(other.Seed, apps, other.Quotas)
	for i := range honest {
		if honest[i].Status != lottery.Selected {
			honest[i].Rank = 0 // as published: a rank only for the selected
		}
	}
	if _, err := lottery.Verify(other, apps, honest); err == nil || !strings.Contains(err.Error(), "commitment") {
		t.Errorf("a seed not matching the commitment: Verify said %v", err)
	}
	other.Commitment = lottery.Commitment(other.Seed)
	if n, err := lottery.Verify(other, apps, honest); err != nil || n != len(apps) {
		t.Errorf("the same files with the matching commitment: %d %v (the case above must differ only by it)", n, err)
	}
}

func flip(o lottery.Outcome) (lottery.Status, int) {
	if o.Status == lottery.Selected {
		return lottery.NotSelected, 0
	}
	return lottery.Selected, 1
}
