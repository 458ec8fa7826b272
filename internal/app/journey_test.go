package app_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/lottery"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestJourneyThroughGraphQL walks an applicant from sign-in to selected
// through the API, as the app does, and checks the published lottery.
func TestJourneyThroughGraphQL(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		w := fixture.NewWorld(t, db.Client)
		ctx := rule.System(context.Background(), "test")
		birth := time.Date(1994, 8, 17, 0, 0, 0, 0, time.UTC)
		const nik = "3273015708940001" // a woman: day 17 + 40
		db.Client.RegistryPerson.Create().SetNik(nik).SetKkNumber("3273010000009999").SetFullName("Dewi Lestari").
			SetBirthDate(birth).SetBirthPlace("Bandung").SetGender("female").SetMotherMaidenName("Sri Rahayu").ExecX(ctx)
		key := map[pulid.ID]int{}
		for i := range 25 {
			q := db.Client.Question.Create().SetTest("ability").SetPromptID(fmt.Sprintf("Soal %d", i)).
				SetChoicesID([]string{"a", "b", "c", "d"}).SetAnswer(i % 4).SaveX(ctx)
			key[q.ID] = q.Answer
		}
		fixture.NewAccount(t, db.Client, "+6281100000001", viewer.RoleAdmin, "")
		admin := gqltest.SignIn(t, s.URL, s.SMS, "+6281100000001")
		me := gqltest.SignIn(t, s.URL, s.SMS, "085700001111")

		var reg struct {
			Register struct {
				Recipient struct{ ID, Status string }
				Failures  []struct{ Rule string }
			}
		}
		me.Do(t, `mutation($in: RegistrationInput!) { register(input: $in) { recipient { id status } failures { rule } } }`,
			map[string]any{"in": map[string]any{"nik": nik, "kkNumber": "3273010000009999", "fullName": "DEWI LESTARI",
				"birthDate": birth.Format(time.RFC3339), "birthPlace": "Bandung", "gender": "female",
				"motherMaidenName": "sri rahayu", "regencyCode": "3273", "area": "urban",
				"education": "senior_secondary", "employment": "not_working"}}).MustData(t, &reg)
		if reg.Register.Recipient.Status != "verified" || len(reg.Register.Failures) != 0 {
			t.Fatalf("register: %+v", reg)
		}

		var test struct {
			StartAbilityTest struct {
				Attempt   struct{ ID string }
				Questions []struct{ ID pulid.ID }
			}
		}
		me.Do(t, `mutation { startAbilityTest { attempt { id } questions { id prompt choices } } }`, nil).MustData(t, &test)
		for _, q := range test.StartAbilityTest.Questions {
			me.Do(t, `mutation($a: ID!, $q: ID!, $c: Int!) { answerAbilityTest(attemptId: $a, questionId: $q, choice: $c) { id } }`,
				map[string]any{"a": test.StartAbilityTest.Attempt.ID, "q": q.ID, "c": key[q.ID]}).MustData(t, &struct{}{})
		}
		var sub struct {
			SubmitAbilityTest struct {
				Score  int
				Passed bool
			}
		}
		me.Do(t, `mutation($a: ID!) { submitAbilityTest(attemptId: $a) { score passed } }`,
			map[string]any{"a": test.StartAbilityTest.Attempt.ID}).MustData(t, &sub)
		if !sub.SubmitAbilityTest.Passed || sub.SubmitAbilityTest.Score != 100 {
			t.Fatalf("test: %+v", sub)
		}

		var join struct {
			JoinWave struct {
				ID     string
				Result *struct{ Status string }
			}
		}
		me.Do(t, `mutation($w: ID!) { joinWave(waveId: $w) { id result { status } } }`, map[string]any{"w": w.Wave.ID}).MustData(t, &join)
		if join.JoinWave.ID == "" || join.JoinWave.Result != nil {
			t.Fatalf("joined: %+v", join)
		}
		r := me.Do(t, `mutation($w: ID!) { closeWave(waveId: $w) { id } }`, map[string]any{"w": w.Wave.ID})
		if !slices.Equal(r.Codes(), []string{"FORBIDDEN"}) {
			t.Errorf("a recipient closed the wave: %v", r.Codes())
		}
		admin.Do(t, `mutation($w: ID!) { closeWave(waveId: $w) { status } }`, map[string]any{"w": w.Wave.ID}).MustData(t, &struct{}{})
		var sel struct {
			RunSelection struct {
				Selected   int
				Seed       *string
				ResultsURL *string
			}
		}
		admin.Do(t, `mutation($w: ID!) { runSelection(waveId: $w) { selected seed resultsUrl } }`,
			map[string]any{"w": w.Wave.ID}).MustData(t, &sel)
		if sel.RunSelection.Selected != 1 || sel.RunSelection.Seed == nil || sel.RunSelection.ResultsURL == nil {
			t.Fatalf("selection: %+v", sel)
		}

		var dash struct {
			Me struct {
				Recipient struct {
					Status          string
					CardNumber      *string
					TrainingBalance int64
					Applications    struct {
						Edges []struct {
							Node struct{ Result struct{ Status string } }
						}
					}
				}
			}
		}
		me.Do(t, `{ me { recipient { status cardNumber trainingBalance applications { edges { node { result { status } } } } } } }`, nil).MustData(t, &dash)
		rc := dash.Me.Recipient
		if rc.Status != "recipient" || rc.CardNumber == nil || rc.TrainingBalance != 1_000_000 ||
			len(rc.Applications.Edges) != 1 || rc.Applications.Edges[0].Node.Result.Status != "selected" {
			t.Errorf("dashboard after selection: %+v", rc)
		}

		base := strings.TrimSuffix(s.URL, "/graphql")
		get := func(name string) *http.Response {
			resp, err := http.Get(base + "/publication/waves/23/" + name)
			if err != nil || resp.StatusCode != 200 {
				t.Fatalf("GET %s: %v %v", name, err, resp)
			}
			return resp
		}
		apps, err := lottery.ReadApplicants(get("applicants.csv").Body)
		if err != nil {
			t.Fatal(err)
		}
		res, err := lottery.ReadResults(get("results.csv").Body)
		if err != nil {
			t.Fatal(err)
		}
		quotas := map[string]int{}
		for _, q := range db.Client.WaveQuota.Query().WithProvince().AllX(ctx) {
			quotas[q.Edges.Province.Code] = q.Quota
		}
		pub := lottery.Publication{Seed: *sel.RunSelection.Seed, Commitment: lottery.Commitment(*sel.RunSelection.Seed), Quotas: quotas}
		if n, err := lottery.Verify(pub, apps, res); err != nil || n != 1 {
			t.Errorf("published lottery does not verify: %d %v", n, err)
		}
	})
}
