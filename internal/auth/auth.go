// Package auth owns sign-in and credentials: one-time codes by SMS, revocable
// session tokens, and hashed API keys for partners. It turns a request's
// credentials into the viewer that privacy rules read.
package auth

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/hashicorp/golang-lru/v2/expirable"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/otpchallenge"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/clientip"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/phone"
	"github.com/kartuprakerja/platform/internal/ratelimit"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/sms"
	"github.com/kartuprakerja/platform/internal/text"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Config sets the sign-in rules.
type Config struct {
	Secret         []byte        // keys the one-time-code hashes
	SessionTTL     time.Duration // how long a session lasts
	CodeTTL        time.Duration // how long a code is valid
	ResendInterval time.Duration // minimum gap between codes to one phone
	CodesPerHour   int           // codes one phone may request in an hour
	MaxAttempts    int           // guesses evaluated against one code, in all
	// CodesPerNetworkMinute bounds the codes requested from one client
	// network (IPv4 address, IPv6 /64) a minute, with as many at once; 0
	// disables it. The count is kept in the store (internal/ratelimit), so
	// every server instance shares it.
	CodesPerNetworkMinute int
	// SignInsPerNetworkMinute bounds the sign-in attempts (code guesses)
	// from one client network a minute, the same way; 0 disables it.
	SignInsPerNetworkMinute int
	// SessionCacheTTL keeps authenticated sessions in memory so a request
	// costs no session queries; a revocation by another server instance
	// takes effect within this time (sign-out on this instance at once).
	// 0 disables the cache.
	SessionCacheTTL time.Duration
	// Now is the clock (time.Now when nil); tests set a fake one.
	Now func() time.Time
}

// DefaultConfig returns the production defaults (without the secret).
func DefaultConfig() Config {
	return Config{
		SessionTTL:     30 * 24 * time.Hour,
		CodeTTL:        5 * time.Minute,
		ResendInterval: time.Minute,
		CodesPerHour:   5,
		MaxAttempts:    5,

		CodesPerNetworkMinute:   60,
		SignInsPerNetworkMinute: 120,

		SessionCacheTTL: 30 * time.Second,
	}
}

// Rate-limit scopes of the per-network limits.
const (
	scopeCodes   = "auth.codes.network"
	scopeSignIns = "auth.signins.network"
)

// Service signs people in.
type Service struct {
	client   *ent.Client
	sms      sms.Sender
	cfg      Config
	now      func() time.Time
	sessions *expirable.LRU[string, cachedSession] // by token hash; nil when disabled
	limits   *ratelimit.Limiter
}

type cachedSession struct {
	viewer    viewer.Viewer
	expiresAt time.Time
}

// New returns a Service. The secret must be at least 32 bytes.
func New(client *ent.Client, sender sms.Sender, cfg Config) (*Service, error) {
	if len(cfg.Secret) < 32 {
		return nil, fmt.Errorf("auth secret must be at least 32 bytes")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Service{client: client, sms: sender, cfg: cfg, now: cfg.Now,
		limits: ratelimit.New(client, ratelimit.Options{Now: cfg.Now})}
	if cfg.SessionCacheTTL > 0 {
		s.sessions = expirable.NewLRU[string, cachedSession](100_000, nil, cfg.SessionCacheTTL)
	}
	return s, nil
}

// CodeSent describes a code that was sent.
type CodeSent struct {
	Phone      string
	ExpiresAt  time.Time
	RetryAfter time.Duration
}

// RequestCode sends a one-time code to phone, within the resend limits.
func (s *Service) RequestCode(ctx context.Context, rawPhone string) (CodeSent, error) {
	p, err := phone.Normalize(rawPhone)
	if err != nil {
		return CodeSent{}, apperr.Invalid("phone", msg.PhoneInvalid)
	}
	sys := rule.System(ctx, "sign-in code")
	now := s.now()
	if err := s.perNetwork(ctx, scopeCodes, s.cfg.CodesPerNetworkMinute,
		msg.CodesFromNetwork); err != nil {
		return CodeSent{}, err
	}
	if err := s.checkCodeRate(sys, p, now); err != nil {
		return CodeSent{}, err
	}
	code, err := randomDigits(6)
	if err != nil {
		return CodeSent{}, err
	}
	exp := now.Add(s.cfg.CodeTTL)
	if err := s.client.OtpChallenge.Create().SetPhone(p).SetCodeHash(s.codeHash(p, code)).
		SetExpiresAt(exp).SetCreatedAt(now).Exec(sys); err != nil {
		return CodeSent{}, fmt.Errorf("store sign-in code: %w", err)
	}
	// in the language the request asked for: the phone may have no account yet
	text := msg.Render(msg.LocaleOf(ctx), msg.SignInSMS, code, int(s.cfg.CodeTTL.Minutes()))
	if err := s.sms.Send(ctx, p, text); err != nil {
		return CodeSent{}, apperr.Wrap(apperr.Unavailable, err, msg.SMSFailed)
	}
	return CodeSent{Phone: p, ExpiresAt: exp, RetryAfter: s.cfg.ResendInterval}, nil
}

// perNetwork takes one token of the client network's bucket in scope
// (perMinute a minute, as many at once); a request without a client
// address is not limited here.
func (s *Service) perNetwork(ctx context.Context, scope string, perMinute int, key msg.Key) error {
	addr, _ := clientip.FromContext(ctx)
	if !addr.IsValid() {
		return nil
	}
	d, err := s.limits.Take(ctx, scope, clientip.Network(addr).String(),
		ratelimit.Rate{Count: perMinute, Per: time.Minute})
	if err != nil {
		return fmt.Errorf("network limit: %w", err)
	}
	if !d.Allowed {
		return apperr.E(apperr.RateLimited, key)
	}
	return nil
}

func (s *Service) checkCodeRate(ctx context.Context, p string, now time.Time) error {
	recent, err := s.client.OtpChallenge.Query().
		Where(otpchallenge.Phone(p), otpchallenge.CreatedAtGT(now.Add(-time.Hour))).
		Order(ent.Desc(otpchallenge.FieldCreatedAt)).All(ctx)
	if err != nil {
		return fmt.Errorf("check code rate: %w", err)
	}
	if len(recent) >= s.cfg.CodesPerHour {
		return apperr.E(apperr.RateLimited, msg.CodesPerHour)
	}
	if len(recent) > 0 && now.Sub(recent[0].CreatedAt) < s.cfg.ResendInterval {
		wait := s.cfg.ResendInterval - now.Sub(recent[0].CreatedAt)
		return apperr.E(apperr.RateLimited, msg.CodeWait, int(wait.Seconds())+1)
	}
	return nil
}

// Session is a signed-in session.
type Session struct {
	Token     string
	ExpiresAt time.Time
	Account   *ent.Account
}

var errBadCode = apperr.Invalid("code", msg.CodeWrong)

// SignIn checks the code and opens a session, creating the applicant's
// account at the first sign-in.
func (s *Service) SignIn(ctx context.Context, rawPhone, code, userAgent string) (Session, error) {
	p, err := phone.Normalize(rawPhone)
	if err != nil {
		return Session{}, apperr.Invalid("phone", msg.PhoneInvalidShort)
	}
	if err := s.perNetwork(ctx, scopeSignIns, s.cfg.SignInsPerNetworkMinute,
		msg.SignInsFromNetwork); err != nil {
		return Session{}, err
	}
	sys := rule.System(ctx, "sign-in")
	now := s.now()
	if err := s.consumeCode(sys, p, code, now); err != nil {
		return Session{}, err
	}
	acct, err := s.accountFor(sys, p)
	if err != nil {
		return Session{}, err
	}
	if acct.DisabledAt != nil {
		return Session{}, apperr.E(apperr.Forbidden, msg.AccountDisabled)
	}
	token, hash, err := newToken()
	if err != nil {
		return Session{}, err
	}
	exp := now.Add(s.cfg.SessionTTL)
	if err := s.client.Session.Create().SetAccountID(acct.ID).SetTokenHash(hash).
		SetExpiresAt(exp).SetUserAgent(truncate(userAgent, 255)).Exec(sys); err != nil {
		return Session{}, fmt.Errorf("create session: %w", err)
	}
	// The account comes back with its recipient loaded: the signIn response
	// is resolved for the still-anonymous request, which may not read it.
	if err := s.client.Account.UpdateOneID(acct.ID).SetLastSignInAt(now).Exec(sys); err != nil {
		return Session{}, fmt.Errorf("record sign-in: %w", err)
	}
	if acct, err = s.client.Account.Query().Where(account.ID(acct.ID)).WithRecipient().Only(sys); err != nil {
		return Session{}, fmt.Errorf("load account: %w", err)
	}
	return Session{Token: token, ExpiresAt: exp, Account: acct}, nil
}

var errTooManyAttempts = apperr.E(apperr.RateLimited, msg.TooManyCodeAttempts)

// consumeCode marks the newest live code for p used if code matches it.
// The attempt is counted before the code is evaluated, by one conditional
// update that succeeds only while attempts remain: however many guesses
// arrive at once, at most MaxAttempts are ever evaluated against a code.
func (s *Service) consumeCode(ctx context.Context, p, code string, now time.Time) error {
	ch, err := s.client.OtpChallenge.Query().
		Where(otpchallenge.Phone(p), otpchallenge.UsedAtIsNil(), otpchallenge.ExpiresAtGT(now)).
		Order(ent.Desc(otpchallenge.FieldCreatedAt)).First(ctx)
	if ent.IsNotFound(err) {
		return errBadCode
	}
	if err != nil {
		return fmt.Errorf("load sign-in code: %w", err)
	}
	n, err := s.client.OtpChallenge.Update().
		Where(otpchallenge.ID(ch.ID), otpchallenge.UsedAtIsNil(), otpchallenge.ExpiresAtGT(now),
			otpchallenge.AttemptsLT(s.cfg.MaxAttempts)).
		AddAttempts(1).Save(ctx)
	if err != nil {
		return fmt.Errorf("count attempt: %w", err)
	}
	if n == 0 { // no attempt left (or the code was used meanwhile)
		return errTooManyAttempts
	}
	if !hmac.Equal(ch.CodeHash, s.codeHash(p, strings.TrimSpace(code))) {
		return errBadCode
	}
	// Conditional update: of two concurrent sign-ins with one code, one wins.
	n, err = s.client.OtpChallenge.Update().
		Where(otpchallenge.ID(ch.ID), otpchallenge.UsedAtIsNil()).SetUsedAt(now).Save(ctx)
	if err != nil {
		return fmt.Errorf("use sign-in code: %w", err)
	}
	if n == 0 {
		return errBadCode
	}
	return nil
}

// accountFor returns the account of phone p, creating an applicant account.
func (s *Service) accountFor(ctx context.Context, p string) (*ent.Account, error) {
	acct, err := s.client.Account.Query().Where(account.Phone(p)).Only(ctx)
	if err == nil {
		return acct, nil
	}
	if !ent.IsNotFound(err) {
		return nil, fmt.Errorf("load account: %w", err)
	}
	acct, err = s.client.Account.Create().SetPhone(p).SetRole(viewer.RoleRecipient).Save(ctx)
	if ent.IsConstraintError(err) { // created concurrently by another sign-in
		return s.client.Account.Query().Where(account.Phone(p)).Only(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("create account: %w", err)
	}
	return acct, nil
}

// SignOut revokes the session of the viewer in ctx.
func (s *Service) SignOut(ctx context.Context) error {
	v, err := rule.Require(ctx, "auth.sign_out")
	if err != nil {
		return err
	}
	if v.SessionID == "" { // an API-key caller
		return apperr.E(apperr.Unauthenticated, msg.NoSessionToEnd)
	}
	sys := rule.System(ctx, "sign-out")
	sess, err := s.client.Session.UpdateOneID(v.SessionID).SetRevokedAt(s.now()).Save(sys)
	if err != nil {
		return fmt.Errorf("revoke session: %w", err)
	}
	if s.sessions != nil {
		s.sessions.Remove(string(sess.TokenHash))
	}
	return nil
}

func (s *Service) codeHash(p, code string) []byte {
	m := hmac.New(sha256.New, s.cfg.Secret)
	m.Write([]byte(p + ":" + code))
	return m.Sum(nil)
}

func randomDigits(n int) (string, error) {
	max := big.NewInt(10)
	b := make([]byte, n)
	for i := range b {
		d, err := rand.Int(rand.Reader, max)
		if err != nil {
			return "", fmt.Errorf("random code: %w", err)
		}
		b[i] = byte('0' + d.Int64())
	}
	return string(b), nil
}

// newToken returns a random token and its SHA-256.
func newToken() (string, []byte, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", nil, fmt.Errorf("random token: %w", err)
	}
	t := base64.RawURLEncoding.EncodeToString(b)
	return t, sha(t), nil
}

func sha(s string) []byte {
	h := sha256.Sum256([]byte(s))
	return h[:]
}

// truncate makes a header storable: valid UTF-8, cut on a character boundary.
func truncate(s string, n int) string { return text.Clean(s, n) }

type userAgentKey struct{}

// WithUserAgent stores the request's User-Agent, recorded with new sessions.
func WithUserAgent(ctx context.Context, ua string) context.Context {
	return context.WithValue(ctx, userAgentKey{}, ua)
}

// UserAgent returns the User-Agent stored by WithUserAgent.
func UserAgent(ctx context.Context) string {
	ua, _ := ctx.Value(userAgentKey{}).(string)
	return ua
}
