package app_test

import (
	"net/http/httptest"
	"regexp"
	"slices"
	"testing"

	"entgo.io/ent/dialect"

	"github.com/kartuprakerja/platform/internal/app"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/sms"
	"github.com/kartuprakerja/platform/internal/sms/smstest"
)

// stackWithTwilio is the whole platform sending its SMS through the real
// Twilio client to a fake Twilio.
func stackWithTwilio(t *testing.T, fake *smstest.Twilio) *stack {
	t.Helper()
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	tw, err := sms.NewTwilio(sms.TwilioConfig{BaseURL: srv.URL, AccountSID: smstest.AccountSID,
		AuthToken: smstest.AuthToken, From: "PRAKERJA"})
	if err != nil {
		t.Fatal(err)
	}
	return newStackWith(t, dbtest.Open(t, dialect.SQLite), func(c *app.Config) { c.SMS = tw })
}

// TestSignInThroughTwilio: the code reaches the phone through the SMS
// gateway (after a 503, retried) and signs in; a gateway that stays down is
// a retryable UNAVAILABLE.
func TestSignInThroughTwilio(t *testing.T) {
	fake := &smstest.Twilio{Fail: []int{503}}
	s := stackWithTwilio(t, fake)
	anon := gqltest.Client{URL: s.URL}
	if r := anon.Do(t, requestCode, map[string]any{"p": "081234567890"}); len(r.Errors) > 0 {
		t.Fatalf("request code: %v", r.Codes())
	}
	sent := fake.Sent()
	if len(sent) != 1 || sent[0].Get("To") != "+6281234567890" || sent[0].Get("From") != "PRAKERJA" {
		t.Fatalf("gateway got %v", sent)
	}
	code := regexp.MustCompile(`\b\d{6}\b`).FindString(sent[0].Get("Body"))
	var out struct{ SignIn struct{ Token string } }
	anon.Do(t, `mutation($p: String!, $c: String!) { signIn(phone: $p, code: $c) { token } }`,
		map[string]any{"p": "081234567890", "c": code}).MustData(t, &out)
	if out.SignIn.Token == "" {
		t.Errorf("no session for the code the gateway carried (%q)", code)
	}

	down := stackWithTwilio(t, &smstest.Twilio{Fail: []int{500, 500, 500}})
	r := gqltest.Client{URL: down.URL}.Do(t, requestCode, map[string]any{"p": "081234567891"})
	if !slices.Equal(r.Codes(), []string{"UNAVAILABLE"}) {
		t.Errorf("gateway down: %v, want UNAVAILABLE", r.Codes())
	}
}
