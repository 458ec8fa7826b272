package auth_test

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/otpchallenge"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/session"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/clientip"
	"github.com/kartuprakerja/platform/internal/clocktest"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/sms"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// env is an auth service over a fresh store, with a fake clock and the
// SMS it sent.
type env struct {
	db  *database.DB
	svc *auth.Service
	sms *sms.Recorder
	clk *clocktest.Clock
	cfg auth.Config
}

var secret = []byte("0123456789abcdef0123456789abcdef")

func newEnv(t *testing.T, db *database.DB, mod func(*auth.Config)) *env {
	t.Helper()
	e := &env{db: db, sms: &sms.Recorder{}, clk: clocktest.New(time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC))}
	e.cfg = auth.DefaultConfig()
	e.cfg.Secret, e.cfg.Now = secret, e.clk.Now
	if mod != nil {
		mod(&e.cfg)
	}
	svc, err := auth.New(db.Client, e.sms, e.cfg)
	if err != nil {
		t.Fatal(err)
	}
	e.svc = svc
	return e
}

var sixDigits = regexp.MustCompile(`\b\d{6}\b`)

// requestCode asks for a code for phone (national form) and returns it.
func (e *env) requestCode(t *testing.T, ctx context.Context, phone string) string {
	t.Helper()
	sent, err := e.svc.RequestCode(ctx, phone)
	if err != nil {
		t.Fatalf("request code for %s: %v", phone, err)
	}
	code := sixDigits.FindString(e.sms.Last(sent.Phone))
	if code == "" {
		t.Fatalf("no code in %q", e.sms.Last(sent.Phone))
	}
	return code
}

// signIn requests a code for phone and signs in with it.
func (e *env) signIn(t *testing.T, phone string) auth.Session {
	t.Helper()
	code := e.requestCode(t, context.Background(), phone)
	s, err := e.svc.SignIn(context.Background(), phone, code, "test")
	if err != nil {
		t.Fatalf("sign in %s: %v", phone, err)
	}
	return s
}

// wrong returns a six-digit code other than code.
func wrong(code string, i int) string {
	var n int
	fmt.Sscanf(code, "%d", &n)
	return fmt.Sprintf("%06d", (n+1+i)%1_000_000)
}

func sys() context.Context { return rule.System(context.Background(), "test") }

func attempts(t *testing.T, e *env, phone string) int {
	t.Helper()
	ch := e.db.Client.OtpChallenge.Query().Where(otpchallenge.Phone(phone)).
		Order(ent.Desc(otpchallenge.FieldCreatedAt)).FirstX(sys())
	return ch.Attempts
}

func TestNew(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	for _, n := range []int{0, 31} {
		if _, err := auth.New(db.Client, &sms.Recorder{}, auth.Config{Secret: make([]byte, n)}); err == nil {
			t.Errorf("a %d-byte secret was accepted", n)
		}
	}
	if _, err := auth.New(db.Client, &sms.Recorder{}, auth.Config{Secret: make([]byte, 32)}); err != nil {
		t.Errorf("a 32-byte secret: %v", err)
	}
}

func TestRequestCode(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil)
		ctx := context.Background()
		if _, err := e.svc.RequestCode(ctx, "not a phone"); !hasField(err, "phone") {
			t.Errorf("bad phone: %v, want BAD_USER_INPUT on phone", err)
		}
		sent, err := e.svc.RequestCode(ctx, "0812-3456-7890")
		if err != nil {
			t.Fatal(err)
		}
		now := e.clk.Now()
		want := auth.CodeSent{Phone: "+6281234567890", ExpiresAt: now.Add(5 * time.Minute), RetryAfter: time.Minute}
		if sent != want {
			t.Errorf("sent %+v, want %+v", sent, want)
		}
		text := e.sms.Last("+6281234567890")
		if !strings.Contains(text, "Berlaku 5 menit") || !sixDigits.MatchString(text) {
			t.Errorf("SMS %q lacks the code or its validity", text)
		}
		ch := e.db.Client.OtpChallenge.Query().Where(otpchallenge.Phone("+6281234567890")).OnlyX(sys())
		if !ch.ExpiresAt.Equal(want.ExpiresAt) || !ch.CreatedAt.Equal(now) || ch.Attempts != 0 ||
			strings.Contains(string(ch.CodeHash), sixDigits.FindString(text)) {
			t.Errorf("stored challenge %+v", ch)
		}
		down := newEnv(t, db, nil)
		down.svc, _ = auth.New(db.Client, failingSender{}, down.cfg)
		if _, err := down.svc.RequestCode(ctx, "081299990000"); rule.Code(err) != apperr.Unavailable {
			t.Errorf("SMS down: %v, want UNAVAILABLE", err)
		}
	})
}

type failingSender struct{}

func (failingSender) Send(context.Context, string, string) error { return errors.New("gateway down") }

func hasField(err error, field string) bool {
	ae, ok := apperr.As(err)
	return ok && ae.Code == apperr.BadUserInput && ae.Fields[field].Key != ""
}

// TestCodeRatePerPhone: one code a minute and five an hour per phone.
func TestCodeRatePerPhone(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil)
		steps := []struct {
			at   time.Duration // since the first request
			want string        // "" for sent, else a part of the refusal
		}{
			{0, ""},
			{0, "Tunggu 61 detik"},
			{30 * time.Second, "Tunggu 31 detik"},
			{59 * time.Second, "Tunggu 2 detik"},
			{time.Minute, ""}, // a minute after the first: the second code
			{2 * time.Minute, ""},
			{3 * time.Minute, ""},
			{4 * time.Minute, ""}, // the fifth within the hour
			{5 * time.Minute, "satu jam"},
			{59*time.Minute + 59*time.Second, "satu jam"},
			{time.Hour, ""},                       // the first has left the hour
			{time.Hour + time.Second, "satu jam"}, // 60 s, 2, 3, 4 min and 1 h
			{time.Hour + time.Minute, ""},
			{time.Hour + 2*time.Minute, ""}, // the window slides
			{time.Hour + 2*time.Minute + 59*time.Second, "satu jam"},
		}
		start := e.clk.Now()
		for i, s := range steps {
			e.clk.Set(start.Add(s.at))
			_, err := e.svc.RequestCode(context.Background(), "081234567890")
			switch {
			case s.want == "" && err != nil:
				t.Errorf("step %d at +%s: %v, want a code", i, s.at, err)
			case s.want != "" && (rule.Code(err) != apperr.RateLimited || !strings.Contains(err.Error(), s.want)):
				t.Errorf("step %d at +%s: %v, want RATE_LIMITED %q", i, s.at, err, s.want)
			}
		}
		// Another phone is not limited by the first one's codes.
		if _, err := e.svc.RequestCode(context.Background(), "081200000001"); err != nil {
			t.Errorf("another phone: %v", err)
		}
	})
}

// TestSignIn: the right code opens a session (creating the applicant's
// account at the first sign-in) and is used up.
func TestSignIn(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil)
		ctx := context.Background()
		if _, err := e.svc.SignIn(ctx, "12", "123456", ""); !hasField(err, "phone") {
			t.Errorf("bad phone: %v", err)
		}
		if _, err := e.svc.SignIn(ctx, "081234567890", "123456", ""); !hasField(err, "code") {
			t.Errorf("no code requested: %v, want BAD_USER_INPUT on code", err)
		}
		code := e.requestCode(t, ctx, "081234567890")
		if _, err := e.svc.SignIn(ctx, "081299999999", code, ""); !hasField(err, "code") {
			t.Errorf("another phone's code: %v", err)
		}
		e.clk.Add(10 * time.Second)
		ua := strings.Repeat("a", 300)
		s, err := e.svc.SignIn(ctx, "+62 812 3456 7890", " "+code+" ", ua)
		if err != nil {
			t.Fatal(err)
		}
		now := e.clk.Now()
		if s.Token == "" || !s.ExpiresAt.Equal(now.Add(30*24*time.Hour)) || s.Account.Phone != "+6281234567890" ||
			s.Account.Role != viewer.RoleRecipient || s.Account.LastSignInAt == nil || !s.Account.LastSignInAt.Equal(now) {
			t.Errorf("session %+v, account %+v", s, s.Account)
		}
		row := e.db.Client.Session.Query().Where(session.AccountID(s.Account.ID)).OnlyX(sys())
		if len(row.UserAgent) != 255 || !row.ExpiresAt.Equal(s.ExpiresAt) || row.RevokedAt != nil {
			t.Errorf("stored session: %d-byte user agent, %+v", len(row.UserAgent), row)
		}
		if _, err := e.svc.SignIn(ctx, "081234567890", code, ""); !hasField(err, "code") {
			t.Errorf("a used code: %v", err)
		}
		// A second sign-in reuses the account; a short user agent is kept whole.
		e.clk.Add(time.Minute)
		code = e.requestCode(t, ctx, "081234567890")
		s2, err := e.svc.SignIn(ctx, "081234567890", code, strings.Repeat("a", 255))
		if err != nil || s2.Account.ID != s.Account.ID || s2.Token == s.Token {
			t.Fatalf("second sign-in: %v, %+v", err, s2)
		}
		if row := e.db.Client.Session.Query().Where(session.ExpiresAt(s2.ExpiresAt)).OnlyX(sys()); len(row.UserAgent) != 255 {
			t.Errorf("a 255-byte user agent became %d bytes", len(row.UserAgent))
		}
		if n := e.db.Client.Account.Query().CountX(sys()); n != 1 {
			t.Errorf("%d accounts for one phone", n)
		}
		// A staff account keeps its role.
		admin := e.db.Client.Account.Create().SetPhone("+6281100000001").SetRole(viewer.RoleAdmin).SaveX(sys())
		if s := e.signIn(t, "081100000001"); s.Account.ID != admin.ID || s.Account.Role != viewer.RoleAdmin {
			t.Errorf("staff sign-in: %+v", s.Account)
		}
	})
}

// TestNewestCode: only the newest live code of a phone counts.
func TestNewestCode(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	e := newEnv(t, db, func(c *auth.Config) { c.ResendInterval = 0 })
	old := e.requestCode(t, context.Background(), "081234567890")
	e.clk.Add(time.Second)
	current := e.requestCode(t, context.Background(), "081234567890")
	if old == current {
		t.Skip("two equal random codes")
	}
	if _, err := e.svc.SignIn(context.Background(), "081234567890", old, ""); !hasField(err, "code") {
		t.Errorf("a superseded code: %v", err)
	}
	if _, err := e.svc.SignIn(context.Background(), "081234567890", current, ""); err != nil {
		t.Errorf("the newest code: %v", err)
	}
}

// TestAttempts: five wrong codes void the code, even against the right one.
func TestAttempts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil)
		for wrongs := range 8 {
			t.Run(fmt.Sprint(wrongs, " wrong"), func(t *testing.T) {
				phone := fmt.Sprintf("08123000000%d", wrongs)
				code := e.requestCode(t, context.Background(), phone)
				for i := range wrongs {
					_, err := e.svc.SignIn(context.Background(), phone, wrong(code, i), "")
					if i < 5 && !hasField(err, "code") {
						t.Fatalf("wrong code %d: %v, want BAD_USER_INPUT on code", i+1, err)
					}
					if i >= 5 && rule.Code(err) != apperr.RateLimited {
						t.Fatalf("wrong code %d: %v, want RATE_LIMITED", i+1, err)
					}
				}
				_, err := e.svc.SignIn(context.Background(), phone, code, "")
				if wrongs < 5 && err != nil {
					t.Errorf("the right code after %d wrong: %v", wrongs, err)
				}
				if wrongs >= 5 && rule.Code(err) != apperr.RateLimited {
					t.Errorf("the right code after %d wrong: %v, want RATE_LIMITED", wrongs, err)
				}
				if got, want := attempts(t, e, "+62"+phone[1:]), min(wrongs+1, 5); got != want {
					t.Errorf("attempts = %d, want %d", got, want)
				}
			})
		}
	})
}

// TestConcurrentGuesses: however many guesses arrive at once, at most five
// are evaluated against one code, and the right code is refused after.
func TestConcurrentGuesses(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil)
		const phone, guesses = "081234567890", 120
		code := e.requestCode(t, context.Background(), phone)
		results := make([]error, guesses)
		var wg sync.WaitGroup
		for i := range guesses {
			wg.Go(func() {
				_, results[i] = e.svc.SignIn(context.Background(), phone, wrong(code, i), "")
			})
		}
		wg.Wait()
		evaluated, refused := 0, 0
		for _, err := range results {
			switch {
			case hasField(err, "code"): // a wrong code, evaluated
				evaluated++
			case rule.Code(err) == apperr.RateLimited: // refused before evaluation
				refused++
			default:
				t.Errorf("guess: %v", err)
			}
		}
		if evaluated != 5 || refused != guesses-5 {
			t.Errorf("%d guesses evaluated, %d refused; want 5 and %d", evaluated, refused, guesses-5)
		}
		if n := attempts(t, e, "+6281234567890"); n != 5 {
			t.Errorf("attempts = %d, want 5", n)
		}
		if _, err := e.svc.SignIn(context.Background(), phone, code, ""); rule.Code(err) != apperr.RateLimited {
			t.Errorf("the right code after the guesses: %v, want RATE_LIMITED", err)
		}
	})
}

// TestCodeExpiry: a code is refused from its expiry on.
func TestCodeExpiry(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, func(c *auth.Config) { c.ResendInterval = 0 })
		for i, tt := range []struct {
			after time.Duration
			ok    bool
		}{
			{0, true}, {5*time.Minute - time.Second, true}, {5 * time.Minute, false}, {time.Hour, false},
		} {
			phone := fmt.Sprintf("08124000000%d", i)
			code := e.requestCode(t, context.Background(), phone)
			e.clk.Add(tt.after)
			_, err := e.svc.SignIn(context.Background(), phone, code, "")
			if tt.ok != (err == nil) || (!tt.ok && !hasField(err, "code")) {
				t.Errorf("code used %s after it was sent: %v, want ok=%v", tt.after, err, tt.ok)
			}
			if !tt.ok && attempts(t, e, "+62"+phone[1:]) != 0 {
				t.Errorf("an expired code counted an attempt")
			}
		}
	})
}

// TestNetworkLimits: codes and sign-in attempts per client network (IPv4
// address, IPv6 /64), counted in the store, refilled over the minute.
func TestNetworkLimits(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, func(c *auth.Config) { c.CodesPerNetworkMinute, c.SignInsPerNetworkMinute = 2, 3 })
		from := func(addr string) context.Context {
			if addr == "" {
				return context.Background()
			}
			return clientip.NewContext(context.Background(), netip.MustParseAddr(addr))
		}
		n := 0
		request := func(addr string) error {
			n++
			_, err := e.svc.RequestCode(from(addr), fmt.Sprintf("0812500%05d", n))
			return err
		}
		steps := []struct {
			addr  string
			after time.Duration
			ok    bool
		}{
			{"203.0.113.5", 0, true},
			{"203.0.113.5", 0, true},
			{"203.0.113.5", 0, false},
			{"203.0.113.6", 0, true},
			{"", 0, true}, {"", 0, true}, {"", 0, true}, // no client address: not limited here
			{"2001:db8:1:2::1", 0, true},
			{"2001:db8:1:2:ffff::9", 0, true},
			{"2001:db8:1:2::77", 0, false}, // the same /64
			{"2001:db8:1:3::1", 0, true},
			{"203.0.113.5", 30 * time.Second, true}, // one back after half a minute
			{"203.0.113.5", 0, false},
		}
		for i, s := range steps {
			e.clk.Add(s.after)
			err := request(s.addr)
			if s.ok != (err == nil) || (!s.ok && (rule.Code(err) != apperr.RateLimited || !strings.Contains(err.Error(), "jaringan"))) {
				t.Errorf("step %d from %q: %v, want ok=%v", i, s.addr, err, s.ok)
			}
		}
		// Sign-in attempts: three a minute from one network, whatever the phone.
		code := e.requestCode(t, context.Background(), "081260000000")
		net := from("198.51.100.1")
		for i := range 3 {
			if _, err := e.svc.SignIn(net, "081260000000", wrong(code, i), ""); !hasField(err, "code") {
				t.Fatalf("guess %d: %v", i, err)
			}
		}
		if _, err := e.svc.SignIn(net, "081260000000", code, ""); rule.Code(err) != apperr.RateLimited {
			t.Fatalf("fourth attempt from one network: %v, want RATE_LIMITED", err)
		}
		if n := attempts(t, e, "+6281260000000"); n != 3 {
			t.Errorf("attempts = %d: a refused attempt was evaluated", n)
		}
		if _, err := e.svc.SignIn(from("198.51.100.2"), "081260000000", code, ""); err != nil {
			t.Errorf("from another network: %v", err)
		}
		// Turned off: no limit.
		off := newEnv(t, db, func(c *auth.Config) { c.CodesPerNetworkMinute, c.SignInsPerNetworkMinute = 0, 0 })
		for i := range 4 {
			if _, err := off.svc.RequestCode(from("203.0.113.9"), fmt.Sprintf("0812700%05d", i)); err != nil {
				t.Errorf("limit off, code %d: %v", i, err)
			}
			if _, err := off.svc.SignIn(from("203.0.113.9"), "081270000000", "000000", ""); !hasField(err, "code") && rule.Code(err) != apperr.RateLimited {
				t.Errorf("limit off, sign-in %d: %v", i, err)
			}
		}
	})
}

// TestDisabledAccount: a disabled account cannot sign in, and its
// sessions and API keys stop working.
func TestDisabledAccount(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, func(c *auth.Config) { c.SessionCacheTTL = 0 })
		s := e.signIn(t, "081234567890")
		if _, err := e.svc.Authenticate(context.Background(), "Bearer "+s.Token); err != nil {
			t.Fatalf("before disabling: %v", err)
		}
		e.db.Client.Account.UpdateOneID(s.Account.ID).SetDisabledAt(e.clk.Now()).ExecX(sys())
		if _, err := e.svc.Authenticate(context.Background(), "Bearer "+s.Token); !errors.Is(err, auth.ErrInvalidCredentials) {
			t.Errorf("a disabled account's session: %v", err)
		}
		e.clk.Add(time.Minute)
		code := e.requestCode(t, context.Background(), "081234567890")
		if _, err := e.svc.SignIn(context.Background(), "081234567890", code, ""); rule.Code(err) != apperr.Forbidden {
			t.Errorf("a disabled account signs in: %v, want FORBIDDEN", err)
		}
		if n := e.db.Client.Session.Query().Where(session.AccountID(s.Account.ID)).CountX(sys()); n != 1 {
			t.Errorf("%d sessions: a disabled account got a new one", n)
		}
	})
}

// TestSignOut: sign-out revokes the session, and the session cache honours
// it at once; the cache still expires sessions on time and never keeps an
// applicant who is about to register.
func TestSignOut(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil) // the session cache is on
		ctx := context.Background()
		if err := e.svc.SignOut(ctx); rule.Code(err) != apperr.Unauthenticated {
			t.Errorf("sign-out without a viewer: %v", err)
		}
		if err := e.svc.SignOut(viewer.NewContext(ctx, &viewer.Viewer{AccountID: "acX", Role: viewer.RolePlatform})); rule.Code(err) != apperr.Unauthenticated {
			t.Errorf("sign-out of a viewer without a session: %v", err)
		}
		admin := e.db.Client.Account.Create().SetPhone("+6281100000001").SetRole(viewer.RoleAdmin).SaveX(sys())
		s := e.signIn(t, "081100000001")
		v, err := e.svc.Authenticate(ctx, "Bearer "+s.Token)
		if err != nil || v.AccountID != admin.ID || v.SessionID == "" || v.Role != viewer.RoleAdmin {
			t.Fatalf("authenticate: %+v %v", v, err)
		}
		// Revoked behind the service's back: the cache answers (this is
		// what makes the next check meaningful).
		e.db.Client.Session.UpdateOneID(v.SessionID).SetRevokedAt(e.clk.Now()).ExecX(sys())
		if _, err := e.svc.Authenticate(ctx, "Bearer "+s.Token); err != nil {
			t.Fatalf("a cached session: %v", err)
		}
		e.db.Client.Session.UpdateOneID(v.SessionID).ClearRevokedAt().ExecX(sys())
		e.clk.Add(time.Second)
		if err := e.svc.SignOut(viewer.NewContext(ctx, v)); err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.Authenticate(ctx, "Bearer "+s.Token); !errors.Is(err, auth.ErrInvalidCredentials) {
			t.Errorf("after sign-out: %v", err)
		}
		row := e.db.Client.Session.GetX(sys(), v.SessionID)
		if row.RevokedAt == nil || !row.RevokedAt.Equal(e.clk.Now()) {
			t.Errorf("revoked at %v, want %v", row.RevokedAt, e.clk.Now())
		}
		// A cached session still expires on time.
		e.clk.Add(time.Minute)
		s = e.signIn(t, "081100000001")
		if _, err := e.svc.Authenticate(ctx, "Bearer "+s.Token); err != nil {
			t.Fatal(err)
		}
		e.clk.Set(s.ExpiresAt.Add(-time.Second))
		if _, err := e.svc.Authenticate(ctx, "Bearer "+s.Token); err != nil {
			t.Errorf("a second before expiry: %v", err)
		}
		e.clk.Set(s.ExpiresAt)
		if _, err := e.svc.Authenticate(ctx, "Bearer "+s.Token); !errors.Is(err, auth.ErrInvalidCredentials) {
			t.Errorf("an expired cached session: %v", err)
		}
	})
}

// TestSessionExpiry without the cache: the stored expiry decides.
func TestSessionExpiry(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, func(c *auth.Config) { c.SessionCacheTTL, c.SessionTTL = 0, time.Hour })
		s := e.signIn(t, "081234567890")
		for _, tt := range []struct {
			at time.Time
			ok bool
		}{{s.ExpiresAt.Add(-time.Second), true}, {s.ExpiresAt, false}, {s.ExpiresAt.Add(time.Hour), false}} {
			e.clk.Set(tt.at)
			if _, err := e.svc.Authenticate(context.Background(), "Bearer "+s.Token); tt.ok != (err == nil) {
				t.Errorf("at %s: %v, want ok=%v", tt.at, err, tt.ok)
			}
		}
	})
}

// TestRegisteringApplicantNotCached: an applicant without a recipient is
// not cached, so the registration shows at the next request.
func TestRegisteringApplicantNotCached(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil)
		s := e.signIn(t, "081234567890")
		v, err := e.svc.Authenticate(context.Background(), "Bearer "+s.Token)
		if err != nil || v.RecipientID != "" || v.Role != viewer.RoleRecipient {
			t.Fatalf("before registering: %+v %v", v, err)
		}
		r := newRecipient(t, e, s.Account.ID)
		v, err = e.svc.Authenticate(context.Background(), "Bearer "+s.Token)
		if err != nil || v.RecipientID != r {
			t.Fatalf("after registering: %+v %v, want recipient %s", v, err, r)
		}
		// Now cached: a revocation behind the service's back is not seen.
		e.db.Client.Session.UpdateOneID(v.SessionID).SetRevokedAt(e.clk.Now()).ExecX(sys())
		if v, err := e.svc.Authenticate(context.Background(), "Bearer "+s.Token); err != nil || v.RecipientID != r {
			t.Errorf("a registered applicant is not cached: %+v %v", v, err)
		}
	})
}

func newRecipient(t *testing.T, e *env, acct pulid.ID) pulid.ID {
	t.Helper()
	ctx := sys()
	pv := e.db.Client.Province.Create().SetCode("32").SetName("JAWA BARAT").SetTimeZone("WIB").SaveX(ctx)
	rg := e.db.Client.Regency.Create().SetCode("3273").SetName("KOTA BANDUNG").SetKind("kota").
		SetProvinceID(pv.ID).SaveX(ctx)
	return e.db.Client.Recipient.Create().SetAccountID(acct).SetNik("3273011019900001").
		SetKkNumber("3273010000000001").SetFullName("Penerima").
		SetBirthDate(time.Date(1990, 1, 10, 0, 0, 0, 0, time.UTC)).SetGender("male").SetRegencyID(rg.ID).
		SetArea("urban").SetEducation("senior_secondary").SetEmployment("not_working").SaveX(ctx).ID
}

// TestSessionCacheOff: with SessionCacheTTL 0 nothing is cached, so a
// revocation made elsewhere (another instance) is honoured at once.
func TestSessionCacheOff(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, func(c *auth.Config) { c.SessionCacheTTL = 0 })
		ctx := context.Background()
		e.db.Client.Account.Create().SetPhone("+6281100000001").SetRole(viewer.RoleAdmin).SaveX(sys())
		s := e.signIn(t, "081100000001")
		v, err := e.svc.Authenticate(ctx, "Bearer "+s.Token)
		if err != nil {
			t.Fatalf("authenticate: %v", err)
		}
		e.db.Client.Session.UpdateOneID(v.SessionID).SetRevokedAt(e.clk.Now()).ExecX(sys())
		if _, err := e.svc.Authenticate(ctx, "Bearer "+s.Token); !errors.Is(err, auth.ErrInvalidCredentials) {
			t.Errorf("a session revoked elsewhere, cache off: %v; want invalid credentials", err)
		}
	})
}
