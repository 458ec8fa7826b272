package survey

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/payout"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
)

// Status is where a recipient stands with one survey.
type Status string

// Statuses, as the GraphQL enum SurveyAssignmentStatus names them.
const (
	StatusUpcoming Status = "upcoming"
	StatusOpen     Status = "open"
	StatusAnswered Status = "answered"
	StatusClosed   Status = "closed"
)

// MarshalGQL implements graphql.Marshaler.
func (s Status) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(s))) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (s *Status) UnmarshalGQL(v any) error {
	str, ok := v.(string)
	if !ok {
		return fmt.Errorf("status must be a string")
	}
	switch Status(str) {
	case StatusUpcoming, StatusOpen, StatusAnswered, StatusClosed:
		*s = Status(str)
		return nil
	}
	return fmt.Errorf("%q is not a survey assignment status", str)
}

// Window is when one survey is open for one recipient: from the first
// incentive payment plus the survey's opens_after_days, for window_days.
type Window struct {
	Opens, Closes time.Time
}

// windowOf returns the survey's window for a recipient whose first incentive
// was sent at first.
func windowOf(sv *ent.Survey, first time.Time) Window {
	opens := first.Add(time.Duration(sv.OpensAfterDays) * day)
	return Window{Opens: opens, Closes: opens.Add(time.Duration(sv.WindowDays) * day)}
}

// status is the window's state at now (answered is decided by the caller).
func (w Window) status(now time.Time) Status {
	switch {
	case now.Before(w.Opens):
		return StatusUpcoming
	case now.Before(w.Closes):
		return StatusOpen
	}
	return StatusClosed
}

// firstIncentive returns when the recipient's first incentive payment was
// sent: the earliest sent_at of their incentive payouts with status sent.
// ok is false when none was sent yet. The query names only the recipient
// and the kind, so every store uses the (recipient_id, kind, installment)
// index (with status in the filter SQLite's planner picks the status index
// and scans every sent payout); the status is checked here on at most four
// rows.
func (s *Service) firstIncentive(ctx context.Context, rid pulid.ID) (t time.Time, ok bool, err error) {
	ps, err := s.client.Payout.Query().
		Where(payout.RecipientID(rid), payout.KindEQ(payout.KindIncentive)).
		Select(payout.FieldStatus, payout.FieldSentAt).All(ctx)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("first incentive: %w", err)
	}
	for _, p := range ps {
		if p.Status == payout.StatusSent && p.SentAt != nil && (!ok || p.SentAt.Before(t)) {
			t, ok = *p.SentAt, true
		}
	}
	return t, ok, nil
}

// revokedAt is when the recipient's membership was revoked, or nil.
func (s *Service) revokedAt(ctx context.Context, rid pulid.ID) (*time.Time, error) {
	r, err := s.client.Recipient.Query().Where(recipient.ID(rid)).Select(recipient.FieldRevokedAt).Only(ctx)
	if err != nil {
		return nil, fmt.Errorf("recipient status: %w", err)
	}
	return r.RevokedAt, nil
}

// admit applies the timing rule to an answer made at answered (the phone's
// clock) and received at now (the server's):
//
//  1. answered may be at most ClockSkew after now (a phone clock ahead);
//  2. the survey must have opened by now (less ClockSkew);
//  3. answered must lie in [Opens-ClockSkew, Closes+ClockSkew];
//  4. now must be at most Grace after Closes: an answer made offline inside
//     the window is accepted late, but not forever.
func (s *Service) admit(w Window, answered, now time.Time) error {
	k := s.cfg.ClockSkew
	refuse := func(code apperr.Code, key msg.Key, args ...any) error {
		return apperr.E(code, key, args...).InField("answeredAt")
	}
	switch {
	case answered.After(now.Add(k)):
		return refuse(apperr.BadUserInput, msg.SurveyAnsweredFuture)
	case now.Before(w.Opens.Add(-k)):
		return refuse(apperr.Forbidden, msg.SurveyNotOpenYet, w.Opens)
	case answered.Before(w.Opens.Add(-k)):
		return refuse(apperr.Forbidden, msg.SurveyAnsweredBeforeOpen, w.Opens)
	case answered.After(w.Closes.Add(k)):
		return refuse(apperr.Forbidden, msg.SurveyClosed, w.Closes)
	case now.After(w.Closes.Add(s.cfg.Grace)):
		return refuse(apperr.Forbidden, msg.SurveyTooLate, w.Closes)
	}
	return nil
}

// wib is western Indonesian time, the program's reference zone for dates
// (Indonesia has no daylight saving).
func wib() *time.Location { return time.FixedZone("WIB", 7*60*60) }

// dateOf returns the calendar date of t in WIB as midnight UTC (how date
// columns are stored).
func dateOf(t time.Time) time.Time {
	y, m, d := t.In(wib()).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
