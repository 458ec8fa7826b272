package journey_test

import (
	"context"
	"fmt"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/auditlog"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/clientip"
	"github.com/kartuprakerja/platform/internal/clocktest"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/ratelimit"
	"github.com/kartuprakerja/platform/internal/registry"
	"github.com/kartuprakerja/platform/internal/registry/registrytest"
	"github.com/kartuprakerja/platform/internal/rule"
)

func TestRegister(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil, nil)
		tests := []struct {
			name       string
			exclusions []string
			mod        func(*journey.Registration)
			code       apperr.Code // error expected
			field      string      // the field the error names
			status     recipient.Status
			failure    string // the rule reported
		}{
			{name: "verified", status: recipient.StatusVerified},
			{name: "excluded student", exclusions: []string{"dapodik"}, status: recipient.StatusRejected, failure: "dapodik"},
			{name: "two exclusions", exclusions: []string{"bsu", "dtks"}, status: recipient.StatusRejected, failure: "bsu"},
			{name: "nik too short", mod: func(r *journey.Registration) { r.NIK = r.NIK[:15] }, code: apperr.BadUserInput, field: "nik"},
			{name: "nik letters", mod: func(r *journey.Registration) { r.NIK = "32730107039A0001" }, code: apperr.BadUserInput, field: "nik"},
			{name: "unknown region", mod: func(r *journey.Registration) { r.NIK = "9999" + r.NIK[4:] }, code: apperr.BadUserInput, field: "nik"},
			{name: "birth date not the NIK's", mod: func(r *journey.Registration) { r.BirthDate = r.BirthDate.AddDate(0, 0, 1) }, code: apperr.BadUserInput, field: "birthDate"},
			{name: "impossible date", mod: func(r *journey.Registration) { r.NIK = r.NIK[:6] + "310295" + r.NIK[12:] }, code: apperr.BadUserInput, field: "birthDate"},
			{name: "future birth", mod: func(r *journey.Registration) { r.BirthDate = time.Now().AddDate(1, 0, 0) }, code: apperr.BadUserInput, field: "birthDate"},
			{name: "gender not the NIK's", mod: func(r *journey.Registration) { r.Gender = "female" }, code: apperr.BadUserInput, field: "gender"},
			{name: "kk shape", mod: func(r *journey.Registration) { r.KKNumber = "123" }, code: apperr.BadUserInput, field: "kkNumber"},
			{name: "kk mismatch", mod: func(r *journey.Registration) { r.KKNumber = "3273019999999999" }, failure: registry.KKMismatch},
			{name: "mother mismatch", mod: func(r *journey.Registration) { r.MotherMaidenName = "Ani" }, failure: registry.MotherMismatch},
			{name: "unknown regency", mod: func(r *journey.Registration) { r.RegencyCode = "1101" }, code: apperr.BadUserInput, field: "regencyCode"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				p := e.newPerson(t, tt.exclusions...)
				in := p.reg
				if tt.mod != nil {
					tt.mod(&in)
				}
				res, err := e.svc.Register(e.as(t, p), in, "id")
				if tt.code != "" {
					ae, ok := apperr.As(err)
					if !ok || ae.Code != tt.code || ae.Fields[tt.field].Key == "" {
						t.Fatalf("err = %v (%+v), want %s on %s", err, ae, tt.code, tt.field)
					}
					assertNoRecipient(t, e, p)
					return
				}
				if err != nil {
					t.Fatalf("register: %v", err)
				}
				if tt.failure != "" && (len(res.Failures) == 0 || res.Failures[0].Rule != tt.failure || res.Failures[0].WhatToDo == "") {
					t.Errorf("failures = %+v, want %s with advice", res.Failures, tt.failure)
				}
				if tt.status == "" {
					if res.Recipient != nil {
						t.Errorf("a mismatched identity was stored")
					}
					assertNoRecipient(t, e, p)
					return
				}
				if res.Recipient == nil || res.Recipient.Status != tt.status {
					t.Fatalf("recipient = %+v, want status %s", res.Recipient, tt.status)
				}
				if len(res.Recipient.MotherMaidenHash) != 48 {
					t.Errorf("mother's maiden name not stored as salt+hash")
				}
			})
		}
	})
}

func assertNoRecipient(t *testing.T, e *env, p person) {
	t.Helper()
	n := e.db.Client.Recipient.Query().Where(recipient.AccountID(p.account.ID)).
		CountX(rule.System(context.Background(), "test"))
	if n != 0 {
		t.Errorf("%d recipients stored after a refused registration", n)
	}
}

func TestRegisterDuplicates(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil, nil)
		p := e.newPerson(t)
		other := e.newPerson(t)
		// The same NIK from two accounts at once: exactly one wins.
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, acct := range []person{p, {reg: p.reg, account: other.account}} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = e.svc.Register(e.as(t, acct), p.reg, "id")
			}()
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
			} else if !apperr.Is(err, apperr.Conflict) {
				t.Errorf("loser got %v, want CONFLICT", err)
			}
		}
		n := e.db.Client.Recipient.Query().Where(recipient.Nik(p.reg.NIK)).CountX(rule.System(context.Background(), "t"))
		if ok != 1 || n != 1 {
			t.Errorf("%d registrations succeeded, %d stored; want 1 and 1", ok, n)
		}
		// Registering again from an account that has registered.
		winner := p
		if errs[0] != nil {
			winner = person{reg: p.reg, account: other.account}
		}
		if _, err := e.svc.Register(e.as(t, winner), other.reg, "id"); !apperr.Is(err, apperr.Conflict) {
			t.Errorf("second registration of one account: %v", err)
		}
	})
}

func TestRegisterRegistryFaults(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	fake := registrytest.New()
	defer fake.Close()
	client := registry.NewClient(registry.ClientConfig{BaseURL: fake.URL, AttemptTimeout: 100 * time.Millisecond,
		MaxElapsed: time.Second, MaxTries: 2, BreakAfter: 100})
	e := newEnv(t, db, client, client)
	for _, mode := range []registrytest.Mode{registrytest.Down, registrytest.Slow, registrytest.Malformed} {
		fake.Delay = time.Second
		fake.SetMode(mode)
		p := e.newPerson(t)
		_, err := e.svc.Register(e.as(t, p), p.reg, "id")
		ae, ok := apperr.As(err)
		if !ok || ae.Code != apperr.Unavailable || !ae.Retry {
			t.Errorf("mode %d: err = %v, want retryable UNAVAILABLE", mode, err)
		}
		assertNoRecipient(t, e, p)
	}
}

// limited returns a journey service over e's store with the given
// registration limits, whose limiter reads clk.
func (e *env) limited(lim journey.RegisterLimits, clk *clocktest.Clock) *journey.Service {
	cfg := journey.DefaultConfig()
	cfg.RegisterFailures = lim
	emb := registry.Embedded{Client: e.db.Client}
	return journey.New(journey.Deps{Client: e.db.Client, Population: emb, Exclusions: emb,
		Regions: regionsStub{}, Dialect: e.db.Dialect,
		Limiter: ratelimit.New(e.db.Client, ratelimit.Options{Now: clk.Now})}, cfg)
}

func perDay(n int) ratelimit.Rate { return ratelimit.Rate{Count: n, Per: 24 * time.Hour} }

var (
	wrongMother = func(r *journey.Registration) { r.MotherMaidenName = "Ani" }
	wrongKK     = func(r *journey.Registration) { r.KKNumber = "3273019999999999" }
)

// tryOutcome is what one registration try answered: the failure's rule, or
// the error code, or "verified".
func tryOutcome(t *testing.T, res *journey.Result, err error) string {
	t.Helper()
	switch {
	case err != nil:
		ae, ok := apperr.As(err)
		if !ok {
			t.Fatalf("untyped error: %v", err)
		}
		return string(ae.Code)
	case res.Recipient != nil:
		return string(res.Recipient.Status)
	case len(res.Failures) == 1:
		return res.Failures[0].Rule
	}
	t.Fatalf("result with no recipient and %d failures", len(res.Failures))
	return ""
}

func failuresAudited(t *testing.T, e *env, acct *ent.Account) []*ent.AuditLog {
	t.Helper()
	return e.db.Client.AuditLog.Query().
		Where(auditlog.Action("registration.verification_failed"), auditlog.TargetID(acct.ID)).
		Order(ent.Asc(auditlog.FieldCreatedAt)).AllX(rule.System(context.Background(), "test"))
}

// TestRegisterFailureAnswers: the first failed verification names the
// field, later ones give one answer whatever the field, each is audited,
// and the applicant who then types correctly is verified.
func TestRegisterFailureAnswers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil, nil)
		svc := e.limited(journey.RegisterLimits{PerAccount: perDay(5), PerNIK: perDay(5)}, clocktest.New(time.Now()))
		p := e.newPerson(t)
		steps := []struct {
			mod    func(*journey.Registration)
			locale string
			want   string
		}{
			{wrongMother, "id", registry.MotherMismatch}, // the first: names the field
			{wrongKK, "id", "identity_mismatch"},
			{wrongMother, "id", "identity_mismatch"},
			{wrongMother, "en", "identity_mismatch"},
			{nil, "id", string(recipient.StatusVerified)}, // typed right within the limit
		}
		var answers []journey.Failure
		for i, s := range steps {
			in := p.reg
			if s.mod != nil {
				s.mod(&in)
			}
			res, err := svc.Register(e.as(t, p), in, s.locale)
			if got := tryOutcome(t, res, err); got != s.want {
				t.Fatalf("try %d: %s, want %s", i, got, s.want)
			}
			if res.Recipient == nil {
				answers = append(answers, res.Failures[0])
			}
		}
		// The later answers to a wrong KK and a wrong mother's name are one
		// answer, in the applicant's language, with where to get help.
		if answers[1] != answers[2] || answers[1] == answers[3] || !strings.Contains(answers[1].WhatToDo, "layanan pengaduan") ||
			!strings.Contains(answers[3].WhatToDo, "help desk") || answers[0].WhatToDo == "" {
			t.Errorf("answers = %+v", answers)
		}
		// Another applicant's first KK mismatch is named.
		q := e.newPerson(t)
		in := q.reg
		wrongKK(&in)
		res, err := svc.Register(e.as(t, q), in, "id")
		if got := tryOutcome(t, res, err); got != registry.KKMismatch {
			t.Errorf("another applicant's first KK mismatch: %s", got)
		}
		rows := failuresAudited(t, e, p.account)
		want := []struct{ reason, answer string }{
			{registry.MotherMismatch, "named"}, {registry.KKMismatch, "generic"},
			{registry.MotherMismatch, "generic"}, {registry.MotherMismatch, "generic"},
		}
		if len(rows) != len(want) {
			t.Fatalf("%d failures audited, want %d", len(rows), len(want))
		}
		for i, w := range want {
			r := rows[i]
			if r.Reason != w.reason || r.Detail["answer"] != w.answer || r.ActorID != p.account.ID ||
				r.Detail["nik_sha256"] != ratelimit.Subject(p.reg.NIK) {
				t.Errorf("audit %d = %+v %v, want %s answered %s", i, r, r.Detail, w.reason, w.answer)
			}
		}
	})
}

// TestRegisterFailureLimits: failed verifications are limited per NIK
// (across accounts), per account (across NIKs) and per client network;
// past a limit registration is refused, even with the right data, until a
// try comes back; a verification that succeeds does not count.
func TestRegisterFailureLimits(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil, nil)
		many := perDay(100)
		try := func(t *testing.T, svc *journey.Service, ctx context.Context, in journey.Registration, mod func(*journey.Registration)) string {
			t.Helper()
			if mod != nil {
				mod(&in)
			}
			res, err := svc.Register(ctx, in, "id")
			if ae, ok := apperr.As(err); ok && ae.Code == apperr.RateLimited && !strings.Contains(ae.Message("id"), "Coba lagi dalam") {
				t.Errorf("RATE_LIMITED without when to retry: %q", ae.Message("id"))
			}
			return tryOutcome(t, res, err)
		}
		t.Run("per NIK across accounts", func(t *testing.T) {
			clk := clocktest.New(time.Now())
			svc := e.limited(journey.RegisterLimits{PerAccount: many, PerNIK: perDay(3), PerNetwork: many}, clk)
			victim := e.newPerson(t)
			want := []string{registry.MotherMismatch, "identity_mismatch", "identity_mismatch", "RATE_LIMITED"}
			for i, w := range want {
				stranger := e.newPerson(t) // a new account each time, trying the victim's NIK
				if got := try(t, svc, e.as(t, stranger), victim.reg, wrongMother); got != w {
					t.Fatalf("account %d: %s, want %s", i, got, w)
				}
			}
			if got := try(t, svc, e.as(t, victim), victim.reg, nil); got != "RATE_LIMITED" {
				t.Fatalf("the NIK's owner during the lock: %s", got)
			}
			clk.Add(8 * time.Hour) // one try back (3 a day)
			if got := try(t, svc, e.as(t, victim), victim.reg, nil); got != string(recipient.StatusVerified) {
				t.Fatalf("the NIK's owner after the window: %s", got)
			}
		})
		t.Run("per account across NIKs", func(t *testing.T) {
			clk := clocktest.New(time.Now())
			svc := e.limited(journey.RegisterLimits{PerAccount: perDay(3), PerNIK: many, PerNetwork: many}, clk)
			prober := e.newPerson(t)
			want := []string{registry.KKMismatch, "identity_mismatch", "identity_mismatch", "RATE_LIMITED"}
			for i, w := range want {
				target := e.newPerson(t) // another NIK each time, first failure of that NIK
				if got := try(t, svc, e.as(t, prober), target.reg, wrongKK); got != w {
					t.Fatalf("NIK %d: %s, want %s", i, got, w)
				}
			}
			if got := try(t, svc, e.as(t, prober), prober.reg, nil); got != "RATE_LIMITED" {
				t.Fatalf("the account's own data during the lock: %s", got)
			}
			if n := len(failuresAudited(t, e, prober.account)); n != 3 {
				t.Errorf("%d failures audited, want 3 (a refused try is not a verification)", n)
			}
			clk.Add(8 * time.Hour)
			if got := try(t, svc, e.as(t, prober), prober.reg, nil); got != string(recipient.StatusVerified) {
				t.Fatalf("after the window: %s", got)
			}
		})
		t.Run("per network", func(t *testing.T) {
			clk := clocktest.New(time.Now())
			svc := e.limited(journey.RegisterLimits{PerAccount: many, PerNIK: many,
				PerNetwork: ratelimit.Rate{Count: 2, Per: time.Hour}}, clk)
			at := func(p person, addr string) context.Context {
				return clientip.NewContext(e.as(t, p), netip.MustParseAddr(addr))
			}
			steps := []struct {
				addr string
				mod  func(*journey.Registration)
				want string
			}{
				{"203.0.113.7", nil, string(recipient.StatusVerified)}, // a success does not count
				{"203.0.113.7", wrongMother, registry.MotherMismatch},
				{"203.0.113.7", wrongMother, registry.MotherMismatch},
				{"203.0.113.7", wrongMother, "RATE_LIMITED"},
				{"203.0.113.8", wrongMother, registry.MotherMismatch}, // another address
				{"2001:db8:1:2::1", wrongMother, registry.MotherMismatch},
				{"2001:db8:1:2::2", wrongMother, registry.MotherMismatch},
				{"2001:db8:1:2:ffff::3", nil, "RATE_LIMITED"}, // the same /64
				{"2001:db8:1:3::1", nil, string(recipient.StatusVerified)},
			}
			for i, s := range steps {
				p := e.newPerson(t)
				if got := try(t, svc, at(p, s.addr), p.reg, s.mod); got != s.want {
					t.Fatalf("step %d from %s: %s, want %s", i, s.addr, got, s.want)
				}
			}
		})
		t.Run("concurrent tries of one NIK", func(t *testing.T) {
			svc := e.limited(journey.RegisterLimits{PerAccount: many, PerNIK: perDay(3), PerNetwork: many}, clocktest.New(time.Now()))
			victim := e.newPerson(t)
			const tries = 20
			strangers := make([]person, tries)
			for i := range strangers {
				strangers[i] = e.newPerson(t)
			}
			got := make([]string, tries)
			var wg sync.WaitGroup
			for i := range tries {
				wg.Go(func() {
					in := victim.reg
					wrongMother(&in)
					res, err := svc.Register(e.as(t, strangers[i]), in, "id")
					if ae, ok := apperr.As(err); ok {
						got[i] = string(ae.Code)
					} else if err == nil && len(res.Failures) == 1 {
						got[i] = "answered"
					} else {
						got[i] = fmt.Sprint(err)
					}
				})
			}
			wg.Wait()
			count := map[string]int{}
			audited := 0
			for i, g := range got {
				count[g]++
				audited += len(failuresAudited(t, e, strangers[i].account))
			}
			if count["answered"] != 3 || count["RATE_LIMITED"] != tries-3 || audited != 3 {
				t.Errorf("outcomes %v, %d audited; want 3 answered and audited, the rest RATE_LIMITED", count, audited)
			}
		})
	})
}
