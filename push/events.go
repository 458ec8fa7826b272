package push

import (
	"fmt"
	"strconv"
	"time"

	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/money"
)

// Event is something an account must hear about. Producers build one with
// the constructors below and hand it to Service.Notify inside the
// transaction that made it happen.
type Event struct {
	AccountID pulid.ID
	Kind      notification.Kind
	// Key identifies the event for this account: a second event with the
	// same key is the same notification and is dropped (at most 128 bytes).
	Key string
	// Params fill the kind's template and travel in the data payload.
	Params map[string]string
	// ExpiresAt ends delivery (the inbox keeps the notification); zero
	// means the kind's default time to live.
	ExpiresAt time.Time
}

// validate checks what the schema cannot.
func (e Event) validate() error {
	switch {
	case e.AccountID == "":
		return fmt.Errorf("push: %s event %q has no account", e.Kind, e.Key)
	case e.Key == "" || len(e.Key) > 128:
		return fmt.Errorf("push: %s event key %q must be 1-128 bytes", e.Kind, e.Key)
	}
	if _, ok := templates[e.Kind]; !ok {
		return fmt.Errorf("push: unknown kind %q", e.Kind)
	}
	return nil
}

// SelectionResult tells an applicant the outcome of a wave: status is the
// application status (selected, not_selected or excluded).
func SelectionResult(accountID, waveID pulid.ID, waveNumber int, status string, balance money.Rupiah) Event {
	return Event{AccountID: accountID, Kind: notification.KindSelectionResult,
		Key: "selection:" + string(waveID),
		Params: map[string]string{"wave": strconv.Itoa(waveNumber), "wave_id": string(waveID),
			"result": status, "balance": strconv.FormatInt(int64(balance), 10)}}
}

// RevocationWarning reminds a recipient who has bought no training that
// membership ends at deadline (30 days after acceptance).
func RevocationWarning(accountID, recipientID pulid.ID, deadline time.Time) Event {
	return Event{AccountID: accountID, Kind: notification.KindRevocationWarning,
		Key:       "revocation-warning:" + string(recipientID),
		Params:    map[string]string{"deadline": dateIn(deadline, WIB)},
		ExpiresAt: deadline}
}

// Revoked tells a recipient the membership was revoked.
func Revoked(accountID, recipientID pulid.ID) Event {
	return Event{AccountID: accountID, Kind: notification.KindRevoked,
		Key: "revoked:" + string(recipientID), Params: map[string]string{}}
}

// Payout describes one incentive transfer for the payout events.
type Payout struct {
	ID          pulid.ID
	Installment int
	Amount      money.Rupiah
	Partner     string // the bank or e-wallet's name, e.g. GoPay
}

func (p Payout) params() map[string]string {
	return map[string]string{"payout_id": string(p.ID), "installment": strconv.Itoa(p.Installment),
		"amount": strconv.FormatInt(int64(p.Amount), 10), "partner": p.Partner}
}

// PayoutScheduled is the reminder before a payout date; it is not delivered
// after that date (Indonesian western time).
func PayoutScheduled(accountID pulid.ID, p Payout, date time.Time) Event {
	params := p.params()
	params["date"] = dateIn(date, WIB)
	day := date.In(WIB)
	return Event{AccountID: accountID, Kind: notification.KindPayoutScheduled,
		Key: "payout-scheduled:" + string(p.ID), Params: params,
		ExpiresAt: time.Date(day.Year(), day.Month(), day.Day()+1, 0, 0, 0, 0, WIB)}
}

// PayoutSent tells a recipient the transfer left.
func PayoutSent(accountID pulid.ID, p Payout) Event {
	return Event{AccountID: accountID, Kind: notification.KindPayoutSent,
		Key: "payout-sent:" + string(p.ID), Params: p.params()}
}

// PayoutFailed tells a recipient the transfer failed (cannot be muted).
func PayoutFailed(accountID pulid.ID, p Payout) Event {
	return Event{AccountID: accountID, Kind: notification.KindPayoutFailed,
		Key: "payout-failed:" + string(p.ID), Params: p.params()}
}

// SurveyAvailable announces an evaluation survey with its incentive; it is
// not delivered after closesAt (zero: the kind's default). The title is
// shown in English to English readers when titleEN is set.
func SurveyAvailable(accountID, surveyID pulid.ID, titleID, titleEN string, incentive money.Rupiah, closesAt time.Time) Event {
	return Event{AccountID: accountID, Kind: notification.KindSurveyAvailable,
		Key: "survey-available:" + string(surveyID),
		Params: map[string]string{"survey_id": string(surveyID), "survey": titleID, "survey_en": titleEN,
			"amount": strconv.FormatInt(int64(incentive), 10)},
		ExpiresAt: closesAt}
}

// JobMatchDigest is the day's job recommendations: at most one per account
// and day (the key is the date in western Indonesian time).
func JobMatchDigest(accountID pulid.ID, day time.Time, count int, topTitle string) Event {
	return Event{AccountID: accountID, Kind: notification.KindJobMatch,
		Key:    "job-match:" + dateIn(day, WIB),
		Params: map[string]string{"count": strconv.Itoa(count), "title": topTitle}}
}

// ComplaintReply tells an account that support answered its complaint.
func ComplaintReply(accountID, complaintID, messageID pulid.ID, subject string) Event {
	return Event{AccountID: accountID, Kind: notification.KindComplaintReply,
		Key:    "complaint-reply:" + string(messageID),
		Params: map[string]string{"complaint_id": string(complaintID), "subject": subject}}
}

func dateIn(t time.Time, loc *time.Location) string { return t.In(loc).Format(time.DateOnly) }
