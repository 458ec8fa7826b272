package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// TestMessagesInTheViewersLanguage: the same bad request is answered in
// Indonesian by default and in English for an English account (and for an
// anonymous caller asking Accept-Language: en), for a sample of every
// error class, with the catalogue key in extensions.messageKey.
func TestMessagesInTheViewersLanguage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		w := fixture.NewWorld(t, db.Client)
		sv := surveyWithQuestions(t, db.Client)
		paid := time.Now().Add(-40 * 24 * time.Hour)
		idP, enP := paidPerson(t, db.Client, w, 1, paid), paidPerson(t, db.Client, w, 2, paid)
		ctx := rule.System(context.Background(), "test")
		db.Client.Account.UpdateOne(enP.Account).SetLocale(account.LocaleEn).ExecX(ctx)
		clients := map[string]gqltest.Client{
			msg.ID: gqltest.SignIn(t, s.URL, s.SMS, idP.Phone),
			// an English account asking in Indonesian still reads English
			msg.EN: withLanguage(gqltest.SignIn(t, s.URL, s.SMS, enP.Phone), "id"),
		}
		future := time.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339)
		tests := []struct {
			name, query string
			vars        map[string]any
			key         msg.Key
			args        []any
		}{
			{"not found by id", `{ node(id: "rc01ZZZZZZZZZZZZZZZZZZZZZZZZ") { id } }`, nil, msg.NotFound, nil},
			{"forbidden", resultsQuery, map[string]any{"id": sv.ID}, msg.SurveyStaffOnly, nil},
			{"validation", `mutation { updateSettings(input: {displayName: "` + strings.Repeat("x", 500) + `"}) { id } }`,
				nil, msg.ValueTooLong, nil},
			{"survey window", submitMutation, map[string]any{"in": map[string]any{"clientId": "future-1", "surveyId": sv.ID,
				"answeredAt": future, "answers": []map[string]any{}}}, msg.SurveyAnsweredFuture, nil},
			{"unknown field", `{ me { nope } }`, nil, msg.QueryInvalid, nil},
			{"limits", `{ ` + strings.Repeat("__typename ", 501) + `}`, nil, msg.QueryTooWide, []any{500}},
			{"cost", `{ provinces(first: 100) { edges { node { regencies(first: 100) { edges { node { id } } } } } } }`,
				nil, msg.QueryTooComplex, nil},
		}
		for _, tt := range tests {
			for locale, c := range clients {
				t.Run(tt.name+"/"+locale, func(t *testing.T) {
					expectMessage(t, c.Do(t, tt.query, tt.vars), locale, tt.key, tt.args...)
				})
			}
		}

		t.Run("anonymous by Accept-Language", func(t *testing.T) {
			for lang, locale := range map[string]string{"": msg.ID, "en-GB,en;q=0.9": msg.EN, "id-ID": msg.ID} {
				c := gqltest.Client{URL: s.URL, Language: lang}
				expectMessage(t, c.Do(t, `mutation { requestSignInCode(phone: "12345") { phone } }`, nil), locale, msg.PhoneInvalid)
				expectMessage(t, c.Do(t, `{ me { id `, nil), locale, msg.QueryUnreadable)
				expectMessage(t, c.Do(t, `{ me { id } }`, nil), locale, msg.SignInRequired)
			}
		})
	})
}

// TestRegistrationMismatchInTheViewersLanguage: the explanation of a
// failed Dukcapil check is a sentence in the account's language, never
// the rule's code.
func TestRegistrationMismatchInTheViewersLanguage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		fixture.NewWorld(t, db.Client)
		ctx := rule.System(context.Background(), "test")
		birth := time.Date(1994, 8, 17, 0, 0, 0, 0, time.UTC)
		niks := []string{"3273015708940001", "3273015708940002"} // one each: a second failure names no field
		for _, n := range niks {
			db.Client.RegistryPerson.Create().SetNik(n).SetKkNumber("3273010000009999").SetFullName("Dewi Lestari").
				SetBirthDate(birth).SetBirthPlace("Bandung").SetGender("female").SetMotherMaidenName("Sri Rahayu").ExecX(ctx)
		}
		in := map[string]any{"kkNumber": "3273010000009999", "fullName": "Dewi Lestari",
			"birthDate": birth.Format(time.RFC3339), "birthPlace": "Bandung", "gender": "female",
			"motherMaidenName": "Siti Aminah", "regencyCode": "3273", "area": "urban",
			"education": "senior_secondary", "employment": "not_working"}
		for i, locale := range []string{msg.ID, msg.EN} {
			phone := []string{"085700002221", "085700002222"}[i]
			in["nik"] = niks[i]
			c := gqltest.SignIn(t, s.URL, s.SMS, phone)
			if locale == msg.EN {
				db.Client.Account.Update().Where(account.Phone("+6285700002222")).SetLocale(account.LocaleEn).ExecX(ctx)
				c = gqltest.SignIn(t, s.URL, s.SMS, phone)
			}
			var reg struct {
				Register struct {
					Failures []struct{ Rule, Message, WhatToDo string }
				}
			}
			c.Do(t, `mutation($in: RegistrationInput!) { register(input: $in) { failures { rule message whatToDo } } }`,
				map[string]any{"in": in}).MustData(t, &reg)
			f := reg.Register.Failures
			if len(f) != 1 || f[0].Rule != "mother_mismatch" {
				t.Fatalf("%s: failures %+v, want mother_mismatch", locale, f)
			}
			want, todo := msg.Render(locale, msg.RuleFailed("mother_mismatch")), msg.Render(locale, msg.RuleTodo("mother_mismatch"))
			if f[0].Message != want || f[0].WhatToDo != todo || strings.Contains(f[0].Message, "mother_mismatch") {
				t.Errorf("%s: %q / %q, want %q / %q", locale, f[0].Message, f[0].WhatToDo, want, todo)
			}
		}
	})
}

func withLanguage(c gqltest.Client, lang string) gqltest.Client {
	c.Language = lang
	return c
}

// expectMessage checks the response's one error: its message is key's in
// locale, its messageKey is key, and the other language's text differs.
func expectMessage(t *testing.T, r gqltest.Response, locale string, key msg.Key, args ...any) {
	t.Helper()
	if len(r.Errors) != 1 {
		t.Fatalf("errors %+v, want one %s", r.Errors, key)
	}
	e := r.Errors[0]
	want := msg.Render(locale, key, args...)
	if e.Message != want || e.Extensions["messageKey"] != string(key) {
		t.Errorf("%s: message %q (key %v), want %q (%s)", locale, e.Message, e.Extensions["messageKey"], want, key)
	}
	if id, en, _ := msg.Texts(key); id == en {
		t.Errorf("%s has one text for both languages", key)
	}
}
