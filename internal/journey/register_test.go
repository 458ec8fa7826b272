package journey_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/journey"
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
					if !ok || ae.Code != tt.code || ae.Fields[tt.field] == "" {
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
