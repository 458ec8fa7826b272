package journey

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/identitycheck"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/regency"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/audit"
	"github.com/kartuprakerja/platform/internal/clientip"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/nik"
	"github.com/kartuprakerja/platform/internal/ratelimit"
	"github.com/kartuprakerja/platform/internal/registry"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Registration is what an applicant submits after signing in.
type Registration struct {
	NIK, KKNumber, FullName, BirthPlace, MotherMaidenName, RegencyCode string
	BirthDate                                                          time.Time
	Gender                                                             recipient.Gender
	Area                                                               recipient.Area
	Education                                                          recipient.Education
	Employment                                                         recipient.Employment
	HasDisability, FormerMigrantWorker, HadFinancialAccount            bool
}

// Result is the outcome of a registration: the recipient (nil when the
// identity did not match Dukcapil, so nothing was stored) and the failures.
type Result struct {
	Recipient *ent.Recipient
	Failures  []Failure
}

// Register validates the input, checks Dukcapil and the exclusion
// registries, then stores the applicant as verified or rejected in one
// transaction. A registry that cannot answer yields a retryable UNAVAILABLE
// error and nothing is stored; an identity that does not match is reported
// and nothing is stored (the NIK may be mistyped, and must not block its
// real owner).
func (s *Service) Register(ctx context.Context, in Registration, locale string) (*Result, error) {
	v, err := rule.Require(ctx, "journey.register", viewer.RoleRecipient)
	if err != nil {
		return nil, err
	}
	if v.RecipientID != "" {
		return nil, apperr.E(apperr.Conflict, msg.AlreadyRegistered)
	}
	in = normalize(in)
	if err := s.validate(in); err != nil {
		return nil, err
	}
	regID, err := s.regencyID(ctx, in.RegencyCode)
	if err != nil {
		return nil, err
	}
	if err := s.peekTries(ctx, v, in.NIK); err != nil {
		return nil, err
	}
	verdict, listings, err := s.check(ctx, in)
	if err != nil {
		return nil, err
	}
	if !verdict.Match { // only a mismatch counts as a failure
		return s.failed(ctx, v, in.NIK, verdict.Reason, locale)
	}
	return s.store(ctx, v, in, regID, listings, locale)
}

// RegisterLimits bound the identity verifications that fail (Dukcapil
// says the NIK, KK number, name, birth date or mother's maiden name do
// not match): without them, register answers "which field is wrong" for
// anyone's NIK, a way to confirm a KK number or a mother's maiden name.
// Failures are counted per account, per NIK (across accounts) and per
// client network (an IPv4 address, an IPv6 /64), in the store, so every
// server instance shares the counts. Only the first failure of an account
// and of a NIK in the window gets the answer that names the field; later
// ones get one answer for every mismatch, with where to get help; past a
// limit registration is refused with RATE_LIMITED until a try comes back.
// A Rate that is off (zero) does not limit.
type RegisterLimits struct {
	PerAccount, PerNIK, PerNetwork ratelimit.Rate
}

// DefaultRegisterLimits: 5 failures a day per account and per NIK (a real
// applicant mistypes a few times; a NIK's owner locked out by a stranger's
// failures gets the help desk's address), 30 an hour per network (many
// phones share a carrier's address).
func DefaultRegisterLimits() RegisterLimits {
	return RegisterLimits{
		PerAccount: ratelimit.Rate{Count: 5, Per: 24 * time.Hour},
		PerNIK:     ratelimit.Rate{Count: 5, Per: 24 * time.Hour},
		PerNetwork: ratelimit.Rate{Count: 30, Per: time.Hour},
	}
}

// Rate-limit scopes of failed verifications.
const (
	scopeFailAccount = "register.fail.account"
	scopeFailNIK     = "register.fail.nik"
	scopeFailNetwork = "register.fail.network"
)

// tries are the buckets one verification counts against: the account's,
// the NIK's and (when known) the client network's.
func (s *Service) tries(ctx context.Context, v *viewer.Viewer, nikNumber string) []failBucket {
	lim := s.cfg.RegisterFailures
	want := []failBucket{{scopeFailAccount, string(v.AccountID), lim.PerAccount}, {scopeFailNIK, nikNumber, lim.PerNIK}}
	if addr, _ := clientip.FromContext(ctx); addr.IsValid() {
		want = append(want, failBucket{scopeFailNetwork, clientip.Network(addr).String(), lim.PerNetwork})
	}
	return want
}

type failBucket struct {
	scope, key string
	rate       ratelimit.Rate
}

// peekTries refuses with RATE_LIMITED when a bucket has no try left. It
// only reads: a verification that matches (the common case) writes nothing
// to the limiter. The try is taken once the registry answered a mismatch
// (takeTry), and that take decides whether the client hears the answer, so
// concurrent tries that all passed the peek still learn at most as many
// answers as the limits allow.
func (s *Service) peekTries(ctx context.Context, v *viewer.Viewer, nikNumber string) error {
	for _, r := range s.tries(ctx, v, nikNumber) {
		d, err := s.limits.Peek(ctx, r.scope, r.key, r.rate)
		if err != nil {
			return fmt.Errorf("registration limit: %w", err)
		}
		if !d.Allowed {
			return tooManyFailures(d.RetryAfter)
		}
	}
	return nil
}

// takeTry counts a failed verification against every bucket. It returns
// whether this was the first failure of the account and of the NIK in the
// window (both buckets were full), or RATE_LIMITED when a bucket ran out
// meanwhile (tokens taken stay taken: the failure happened).
func (s *Service) takeTry(ctx context.Context, v *viewer.Viewer, nikNumber string) (first bool, err error) {
	first = true
	for i, r := range s.tries(ctx, v, nikNumber) {
		d, err := s.limits.Take(ctx, r.scope, r.key, r.rate)
		if err != nil {
			return false, fmt.Errorf("registration limit: %w", err)
		}
		if !d.Allowed {
			return false, tooManyFailures(d.RetryAfter)
		}
		if i < 2 && !r.rate.Off() && d.Remaining != r.rate.Count-1 {
			first = false
		}
	}
	return first, nil
}

// failed audits a failed verification and explains it: naming the field
// the first time, generically after that.
func (s *Service) failed(ctx context.Context, v *viewer.Viewer, nikNumber, reason, locale string) (*Result, error) {
	first, err := s.takeTry(ctx, v, nikNumber)
	if err != nil {
		return nil, err
	}
	detail := map[string]string{"nik_sha256": ratelimit.Subject(nikNumber), "answer": "generic"}
	if first {
		detail["answer"] = "named"
	}
	if addr, _ := clientip.FromContext(ctx); addr.IsValid() {
		detail["network"] = clientip.Network(addr).String()
	}
	if err := audit.Record(ctx, s.client, audit.Entry{Action: "registration.verification_failed",
		TargetType: "Account", TargetID: v.AccountID, Reason: reason, Detail: detail}); err != nil {
		return nil, err
	}
	if !first {
		return &Result{Failures: []Failure{explain(ruleMismatch, locale)}}, nil
	}
	return &Result{Failures: []Failure{explain(reason, locale)}}, nil
}

// regencyID resolves a regency code (reference data, cached).
func (s *Service) regencyID(ctx context.Context, code string) (pulid.ID, error) {
	if id, ok := s.regencies.Load(code); ok {
		return id.(pulid.ID), nil
	}
	id, err := s.client.Regency.Query().Where(regency.Code(code)).OnlyID(rule.System(ctx, "lookup"))
	if ent.IsNotFound(err) {
		return "", apperr.Invalid("regencyCode", msg.RegencyUnknown)
	}
	if err != nil {
		return "", err
	}
	s.regencies.Store(code, id)
	return id, nil
}

func normalize(in Registration) Registration {
	in.NIK, in.KKNumber = strings.TrimSpace(in.NIK), strings.TrimSpace(in.KKNumber)
	in.FullName = strings.Join(strings.Fields(in.FullName), " ")
	in.BirthPlace = strings.TrimSpace(in.BirthPlace)
	in.RegencyCode = strings.TrimSpace(in.RegencyCode)
	y, m, d := in.BirthDate.Date()
	in.BirthDate = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return in
}

func (s *Service) validate(in Registration) error {
	fields := map[string]msg.Text{}
	_, err := nik.Check(in.NIK, in.BirthDate, in.Gender == recipient.GenderFemale, s.regions, s.cfg.MinAge, s.now())
	var p *nik.Problem
	if errors.As(err, &p) {
		field := "nik"
		switch p.Rule {
		case "age", "birth_date":
			field = "birthDate"
		case "gender":
			field = "gender"
		}
		fields[field] = p.Text
	}
	if len(in.KKNumber) != 16 || strings.Trim(in.KKNumber, "0123456789") != "" {
		fields["kkNumber"] = msg.T(msg.KKShape)
	}
	if in.FullName == "" || len(in.FullName) > 120 {
		fields["fullName"] = msg.T(msg.FullNameRequired)
	}
	if strings.TrimSpace(in.MotherMaidenName) == "" {
		fields["motherMaidenName"] = msg.T(msg.MotherRequired)
	}
	if in.BirthDate.After(s.now()) {
		fields["birthDate"] = msg.T(msg.BirthDateFuture)
	}
	return apperr.InvalidFields(msg.RegistrationInvalid, fields)
}

// check asks Dukcapil, then (for a matching identity) the exclusion registries.
func (s *Service) check(ctx context.Context, in Registration) (registry.Verdict, []string, error) {
	id := registry.Identity{NIK: in.NIK, KKNumber: in.KKNumber,
		FullName: in.FullName, BirthDate: in.BirthDate, MotherMaidenName: in.MotherMaidenName}
	if c, ok := s.pop.(registry.Checker); ok && any(s.pop) == any(s.excl) {
		v, l, err := c.Check(ctx, id)
		if err != nil {
			return v, nil, unavailable(err)
		}
		return v, l, nil
	}
	verdict, err := s.pop.Verify(ctx, id)
	if err != nil {
		return verdict, nil, unavailable(err)
	}
	if !verdict.Match {
		return verdict, nil, nil
	}
	listings, err := s.excl.Listings(ctx, in.NIK)
	if err != nil {
		return verdict, nil, unavailable(err)
	}
	return verdict, listings, nil
}

func unavailable(err error) error {
	e := apperr.Wrap(apperr.Unavailable, err, msg.VerifierUnavailable)
	e.Retry = true
	return e
}

// store writes the recipient and its checks in one transaction.
func (s *Service) store(ctx context.Context, v *viewer.Viewer, in Registration, regID pulid.ID,
	listings []string, locale string) (*Result, error) {
	now := s.now()
	res := &Result{}
	for _, l := range listings {
		res.Failures = append(res.Failures, explain(l, locale))
	}
	sys := rule.System(ctx, "registration after checks")
	err := withTx(sys, s.client, func(tx *ent.Tx) error {
		c := tx.Recipient.Create().SetAccountID(v.AccountID).SetNik(in.NIK).SetKkNumber(in.KKNumber).
			SetMotherMaidenHash(saltedHash(in.MotherMaidenName)).SetFullName(in.FullName).
			SetBirthDate(in.BirthDate).SetBirthPlace(in.BirthPlace).SetGender(in.Gender).
			SetRegencyID(regID).SetArea(in.Area).SetEducation(in.Education).SetEmployment(in.Employment).
			SetHasDisability(in.HasDisability).SetFormerMigrantWorker(in.FormerMigrantWorker).
			SetHadFinancialAccount(in.HadFinancialAccount).SetVerifiedAt(now)
		if len(listings) > 0 {
			c.SetStatus(recipient.StatusRejected).SetRejectionReason(strings.Join(listings, ","))
		} else {
			c.SetStatus(recipient.StatusVerified)
		}
		r, err := c.Save(sys)
		if ent.IsConstraintError(err) {
			return apperr.Wrap(apperr.Conflict, err, msg.NIKTaken)
		}
		if err != nil {
			return fmt.Errorf("store recipient: %w", err)
		}
		res.Recipient = r
		if err := s.recordChecks(sys, tx, r, listings); err != nil {
			return err
		}
		return audit.Record(ctx, tx.Client(), audit.Entry{Action: "recipient.registered",
			TargetType: "Recipient", TargetID: r.ID, Detail: map[string]string{"status": string(r.Status)}})
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

func (s *Service) recordChecks(ctx context.Context, tx *ent.Tx, r *ent.Recipient, listings []string) error {
	listed := map[string]bool{}
	for _, l := range listings {
		listed[l] = true
	}
	bulk := []*ent.IdentityCheckCreate{tx.IdentityCheck.Create().SetRecipientID(r.ID).
		SetRegistry(identitycheck.RegistryDukcapil).SetOutcome(identitycheck.OutcomePass)}
	for _, name := range registry.ExclusionRegistries() {
		c := tx.IdentityCheck.Create().SetRecipientID(r.ID).SetRegistry(identitycheck.Registry(name)).
			SetOutcome(identitycheck.OutcomePass)
		if listed[name] {
			c.SetOutcome(identitycheck.OutcomeFail).SetReasonCode(name)
		}
		bulk = append(bulk, c)
	}
	if err := tx.IdentityCheck.CreateBulk(bulk...).Exec(ctx); err != nil {
		return fmt.Errorf("store identity checks: %w", err)
	}
	return nil
}

// saltedHash keeps the mother's maiden name only as salt || SHA-256(salt ||
// normalised name): enough to re-check a later answer, useless to read.
func saltedHash(name string) []byte {
	salt := make([]byte, 16)
	_, _ = rand.Read(salt)
	h := sha256.Sum256(append(append([]byte{}, salt...), registry.NormalizeName(name)...))
	return append(salt, h[:]...)
}

// Failures returns the stored explanation of a rejected recipient.
func Failures(r *ent.Recipient, locale string) []*Failure {
	out := []*Failure{}
	if r.Status != recipient.StatusRejected || r.RejectionReason == nil {
		return out
	}
	for _, rule := range strings.Split(*r.RejectionReason, ",") {
		f := explain(rule, locale)
		out = append(out, &f)
	}
	return out
}
