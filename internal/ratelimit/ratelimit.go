// Package ratelimit owns the rate limits that every server instance on one
// store shares: token buckets kept in the rate_limits table, keyed by a
// scope (what is limited: sign-in codes per network, failed registrations
// per NIK...) and a subject (whom: a network, an account, a NIK). Nothing is
// held in a process's memory, so N instances behind a load balancer enforce
// one limit, not N.
//
// A bucket is stored as one number, its theoretical arrival time (GCRA, the
// generic cell rate algorithm): the moment the bucket is full again. A Rate
// of Count per Per lets Count takes through at once, then one every
// Per/Count. Every take is a single conditional UPDATE (or an INSERT of a
// new bucket), so concurrent takers, on any instance, never get more than
// the bucket holds, on SQLite and PostgreSQL alike. Full buckets (tat in the
// past) are the same as no row and are deleted, a bounded batch each time a
// new bucket is created.
package ratelimit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"time"

	"github.com/kartuprakerja/platform/ent"
	bucket "github.com/kartuprakerja/platform/ent/ratelimit"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Rate is Count takes per Per, with as many at once. A Rate with a Count
// or Per of zero or less is off: every take is allowed.
type Rate struct {
	Count int
	Per   time.Duration
}

// Off reports whether r allows everything.
func (r Rate) Off() bool { return r.Count <= 0 || r.Per <= 0 }

// interval is the time one token takes to come back, in nanoseconds.
func (r Rate) interval() int64 { return max(int64(r.Per)/int64(r.Count), 1) }

// Decision is the outcome of a take.
type Decision struct {
	Allowed bool
	// Remaining is how many more takes the bucket allows now (when
	// allowed). It is exact when the bucket was full before this take
	// (Remaining == Count-1); concurrent takes may make it smaller.
	Remaining int
	// RetryAfter is the wait until the next take can pass (when refused).
	RetryAfter time.Duration
}

// Options tune a Limiter.
type Options struct {
	Now     func() time.Time // default time.Now
	Log     *slog.Logger     // default discards
	Cleanup int              // full buckets deleted per new bucket; default 100
}

// Limiter takes tokens from buckets in the store.
type Limiter struct {
	client  *ent.Client
	now     func() time.Time
	log     *slog.Logger
	cleanup int
}

// New returns a Limiter over client.
func New(client *ent.Client, o Options) *Limiter {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Cleanup <= 0 {
		o.Cleanup = 100
	}
	return &Limiter{client: client, now: o.Now, log: o.Log, cleanup: o.Cleanup}
}

// maxRounds bounds the retries of a take that keeps meeting concurrent
// takes of the same bucket; each lost round means another take went through.
const maxRounds = 8

// Take takes one token from the bucket of key in scope.
func (l *Limiter) Take(ctx context.Context, scope, key string, r Rate) (Decision, error) {
	if r.Off() {
		return Decision{Allowed: true, Remaining: max(r.Count, 1)}, nil
	}
	ctx = rule.System(ctx, "rate limit")
	subject := Subject(key)
	for range maxRounds {
		d, done, err := l.round(ctx, scope, subject, r, l.now().UnixNano())
		if err != nil || done {
			return d, err
		}
	}
	// Contended past maxRounds: refuse rather than let a flood through.
	return Decision{RetryAfter: time.Duration(r.interval())}, nil
}

// Peek reports whether a take from the bucket of key in scope would pass
// now, without taking: a read, no write. A caller that counts only some
// outcomes (failed verifications) peeks first and takes once it knows the
// outcome counts; concurrent callers may all pass a peek, so the take's
// decision is the one that binds.
func (l *Limiter) Peek(ctx context.Context, scope, key string, r Rate) (Decision, error) {
	if r.Off() {
		return Decision{Allowed: true, Remaining: max(r.Count, 1)}, nil
	}
	ctx = rule.System(ctx, "rate limit")
	b, err := l.client.RateLimit.Query().
		Where(bucket.Scope(scope), bucket.Subject(Subject(key))).Only(ctx)
	if ent.IsNotFound(err) {
		return Decision{Allowed: true, Remaining: r.Count}, nil
	}
	if err != nil {
		return Decision{}, fmt.Errorf("read rate limit %s: %w", scope, err)
	}
	now, tolerance := l.now().UnixNano(), int64(r.Count-1)*r.interval()
	if b.Tat > now+tolerance {
		return Decision{RetryAfter: time.Duration(b.Tat - tolerance - now)}, nil
	}
	return Decision{Allowed: true, Remaining: remaining(r, now, max(b.Tat, now))}, nil
}

// round makes one attempt at a take at time now; done is false when a
// concurrent take changed the bucket in between and the round must rerun.
func (l *Limiter) round(ctx context.Context, scope, subject string, r Rate, now int64) (Decision, bool, error) {
	t, tolerance := r.interval(), int64(r.Count-1)*r.interval()
	b, err := l.client.RateLimit.Query().
		Where(bucket.Scope(scope), bucket.Subject(subject)).Only(ctx)
	if ent.IsNotFound(err) {
		return l.create(ctx, scope, subject, r, now)
	}
	if err != nil {
		return Decision{}, false, fmt.Errorf("read rate limit %s: %w", scope, err)
	}
	if b.Tat > now+tolerance { // empty: the tat only grows (but for refunds)
		return Decision{RetryAfter: time.Duration(b.Tat - tolerance - now)}, true, nil
	}
	upd := l.client.RateLimit.Update().Where(bucket.ID(b.ID))
	tat := b.Tat + t
	if b.Tat > now { // partly used: one more token, if still within the burst
		upd.Where(bucket.TatGT(now), bucket.TatLTE(now+tolerance)).AddTat(t)
	} else { // full: start again from now
		tat = now + t
		upd.Where(bucket.TatLTE(now)).SetTat(tat)
	}
	n, err := upd.Save(ctx)
	if err != nil {
		return Decision{}, false, fmt.Errorf("take rate limit %s: %w", scope, err)
	}
	if n == 0 {
		return Decision{}, false, nil
	}
	return Decision{Allowed: true, Remaining: remaining(r, now, tat)}, true, nil
}

// remaining is the tokens left in a bucket of rate r with tat at now.
func remaining(r Rate, now, tat int64) int {
	return int((now + int64(r.Count)*r.interval() - tat) / r.interval())
}

// create makes the bucket of a first take; a concurrent first take of the
// same bucket makes the round rerun.
func (l *Limiter) create(ctx context.Context, scope, subject string, r Rate, now int64) (Decision, bool, error) {
	err := l.client.RateLimit.Create().SetScope(scope).SetSubject(subject).
		SetTat(now + r.interval()).Exec(ctx)
	if ent.IsConstraintError(err) {
		return Decision{}, false, nil
	}
	if err != nil {
		return Decision{}, false, fmt.Errorf("create rate limit %s: %w", scope, err)
	}
	if err := l.deleteFull(ctx, now); err != nil {
		l.log.Warn("rate limit cleanup", "err", err)
	}
	return Decision{Allowed: true, Remaining: r.Count - 1}, true, nil
}

// deleteFull deletes up to l.cleanup buckets that are full at now (the
// same as no row). The delete re-checks the tat, so a bucket taken from
// between the two statements stays.
func (l *Limiter) deleteFull(ctx context.Context, now int64) error {
	ids, err := l.client.RateLimit.Query().Where(bucket.TatLT(now)).Limit(l.cleanup).IDs(ctx)
	if err != nil || len(ids) == 0 {
		return err
	}
	_, err = l.client.RateLimit.Delete().Where(bucket.IDIn(ids...), bucket.TatLT(now)).Exec(ctx)
	return err
}

// Subject is how key is stored: its hex SHA-256, so the table holds no
// phone, NIK or address as typed (and every subject has one length). It
// is a plain hash, not a secret: the table's privacy policy lets only the
// system context read it.
func Subject(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:])
}
