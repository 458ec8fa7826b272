// Package checks holds the pure rules of a purchase (no store, fast tests,
// mutation-tested on their own): the client id, who may buy, which course
// can be bought, the balance, and the 30-day deadline.
package checks

import (
	"time"
	"unicode/utf8"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/msg"
)

// MaxClientID bounds the app's client id of a purchase.
const MaxClientID = 64

// CheckClientID refuses an empty or too long client id.
func CheckClientID(id string) error {
	if n := utf8.RuneCountInString(id); id == "" || n > MaxClientID {
		return apperr.Invalid("clientId", msg.PurchaseClientID, MaxClientID)
	}
	return nil
}

// IdempotencyKey scopes the client id to the recipient: two recipients'
// apps may pick the same id.
func IdempotencyKey(recipientID, clientID string) string { return recipientID + ":" + clientID }

// CheckBuyer refuses a recipient who may not buy, by status.
func CheckBuyer(status string) error {
	switch status {
	case "recipient":
		return nil
	case "revoked":
		return apperr.E(apperr.Forbidden, msg.PurchaseRevoked)
	default:
		return apperr.E(apperr.Forbidden, msg.PurchaseNotSelected)
	}
}

// CheckCourse refuses a course that cannot be bought: unpublished ones
// are not found (they are not in the catalogue), suspended ones conflict.
func CheckCourse(status string) error {
	switch status {
	case "published":
		return nil
	case "suspended":
		return apperr.E(apperr.Conflict, msg.PurchaseCourseSuspended).InField("courseId")
	default:
		return apperr.E(apperr.NotFound, msg.PurchaseCourseNotFound).InField("courseId")
	}
}

// CheckBalance refuses a price above the balance.
func CheckBalance(price, balance money.Rupiah) error {
	if price > balance {
		return BalanceShort(price, balance)
	}
	return nil
}

// BalanceShort is the refusal of a price the balance does not cover.
func BalanceShort(price, balance money.Rupiah) error {
	return apperr.E(apperr.Conflict, msg.PurchaseBalanceShort, price, balance)
}

// Deadline is the end of the 30-day first-purchase window: accepted +
// within while the recipient is active and bought nothing, else nil.
//
// A cancelled purchase does not reopen the window: first_purchase_at
// stays set once a purchase happened (journey.RecordFirstPurchase), so a
// recipient who buys and cancels is not revoked by the 30-day rule later.
// The rule's aim (the card is used, the balance not left idle) is met by
// the purchase; cancelling returns the money to a balance the recipient
// can spend whenever they like.
func Deadline(status string, accepted, firstPurchase *time.Time, within time.Duration) *time.Time {
	if status != "recipient" || accepted == nil || firstPurchase != nil {
		return nil
	}
	d := accepted.Add(within)
	return &d
}
