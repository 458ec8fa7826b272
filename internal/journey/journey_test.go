package journey_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/registry"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

type regionsStub struct{}

func (regionsStub) HasRegency(code string) bool { return code == "3273" || code == "1101" }

// env is a journey service over a fixture world with a synthetic registry.
type env struct {
	db    *database.DB
	svc   *journey.Service
	world *fixture.World
	admin context.Context
	n     int
}

func newEnv(t *testing.T, db *database.DB, pop registry.Population, excl registry.Exclusions) *env {
	t.Helper()
	w := fixture.NewWorld(t, db.Client)
	emb := registry.Embedded{Client: db.Client}
	if pop == nil {
		pop = emb
	}
	if excl == nil {
		excl = emb
	}
	svc := journey.New(journey.Deps{Client: db.Client, Population: pop, Exclusions: excl,
		Regions: regionsStub{}, Dialect: db.Dialect}, journey.DefaultConfig())
	admin := fixture.NewAccount(t, db.Client, "+6281100000001", viewer.RoleAdmin, "")
	seedQuestions(t, db.Client)
	return &env{db: db, svc: svc, world: w,
		admin: viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: admin.ID, Role: viewer.RoleAdmin})}
}

func seedQuestions(t *testing.T, c *ent.Client) {
	t.Helper()
	ctx := rule.System(context.Background(), "test")
	for i := range 25 {
		c.Question.Create().SetTest("ability").SetPromptID(fmt.Sprintf("Soal %d", i)).
			SetChoicesID([]string{"a", "b", "c", "d"}).SetAnswer(i % 4).ExecX(ctx)
	}
}

// person is a registry person and a signed-in applicant account.
type person struct {
	reg     journey.Registration
	account *ent.Account
}

// newPerson adds a registry person (listed in the given exclusion
// registries) and an applicant account with a fresh phone.
func (e *env) newPerson(t *testing.T, exclusions ...string) person {
	t.Helper()
	e.n++
	ctx := rule.System(context.Background(), "test")
	birth := time.Date(1995, 3, 7, 0, 0, 0, 0, time.UTC)
	nik := fmt.Sprintf("32730107039%01d%04d", 5, e.n)
	kk := fmt.Sprintf("327301000000%04d", e.n)
	e.db.Client.RegistryPerson.Create().SetNik(nik).SetKkNumber(kk).SetFullName(fmt.Sprintf("Pelamar %d", e.n)).
		SetBirthDate(birth).SetBirthPlace("Bandung").SetGender("male").SetMotherMaidenName("Siti Aminah").
		SetExclusions(exclusions).ExecX(ctx)
	acct := fixture.NewAccount(t, e.db.Client, fmt.Sprintf("+62813%08d", e.n), viewer.RoleRecipient, "")
	return person{account: acct, reg: journey.Registration{NIK: nik, KKNumber: kk,
		FullName: fmt.Sprintf("pelamar  %d", e.n), BirthDate: birth, BirthPlace: "Bandung", Gender: "male",
		MotherMaidenName: "SITI AMINAH", RegencyCode: "3273", Area: "urban", Education: "senior_secondary",
		Employment: "not_working"}}
}

// as returns the applicant's context as the auth layer would build it.
func (e *env) as(t *testing.T, p person) context.Context {
	t.Helper()
	v := &viewer.Viewer{AccountID: p.account.ID, Role: viewer.RoleRecipient}
	id, err := e.db.Client.Recipient.Query().Where(recipient.AccountID(p.account.ID)).
		OnlyID(rule.System(context.Background(), "test"))
	if err == nil {
		v.RecipientID = id
	}
	return viewer.NewContext(context.Background(), v)
}

// pass takes and passes the ability test as p.
func (e *env) pass(t *testing.T, p person) {
	t.Helper()
	ctx := e.as(t, p)
	test, err := e.svc.StartAbilityTest(ctx, "id")
	if err != nil {
		t.Fatalf("start test: %v", err)
	}
	key := answerKey(t, e.db.Client)
	for _, q := range test.Questions {
		if _, err := e.svc.AnswerAbilityTest(ctx, test.Attempt.ID, q.ID, key[q.ID], "id"); err != nil {
			t.Fatalf("answer: %v", err)
		}
	}
	a, err := e.svc.SubmitAbilityTest(ctx, test.Attempt.ID)
	if err != nil || a.Passed == nil || !*a.Passed {
		t.Fatalf("submit: %+v %v", a, err)
	}
}

func answerKey(t *testing.T, c *ent.Client) map[pulid.ID]int {
	t.Helper()
	out := map[pulid.ID]int{}
	for _, q := range c.Question.Query().AllX(rule.System(context.Background(), "test")) {
		out[q.ID] = q.Answer
	}
	return out
}

func jsonDecode(r *http.Response, v any) error {
	defer r.Body.Close()
	return json.NewDecoder(r.Body).Decode(v)
}
