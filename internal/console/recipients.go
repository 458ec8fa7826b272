package console

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/predicate"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/audit"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/nik"
	"github.com/kartuprakerja/platform/internal/phone"
	"github.com/kartuprakerja/platform/internal/rule"
)

// MinReason is the shortest reason a NIK search or an identity reveal takes.
const MinReason = 10

// Audit actions of the look-ups.
const (
	ActionSearch       = "recipient.search"
	ActionIdentityRead = "recipient.identity.read"
)

// Service answers the staff's look-ups of recipients.
type Service struct{ client *ent.Client }

// New returns the service over client.
func New(client *ent.Client) *Service { return &Service{client: client} }

// Identity is a recipient's NIK and family card number.
type Identity struct{ Nik, KkNumber string }

// Query kinds, as written to the audit log.
const (
	KindPhone = "phone"
	KindCard  = "card"
	KindNIK   = "nik"
)

// FindRecipients returns the recipients whose phone, card number or NIK is
// query, exactly. A query of 16 digits that is a well-formed NIK is a NIK
// search (it also matches a card number equal to it) and needs a reason;
// other 16-digit queries are card numbers; anything else must be a phone
// number. Every search is audited in the transaction of its read, with the
// kind, the reason and the matched recipients' ids, never the query.
func (s *Service) FindRecipients(ctx context.Context, query string, reason *string) ([]*ent.Recipient, error) {
	if _, err := rule.NeedRecipientLookup().Check(ctx); err != nil {
		return nil, err
	}
	kind, where, err := classify(strings.TrimSpace(query))
	if err != nil {
		return nil, err
	}
	why := ""
	if reason != nil {
		why = strings.TrimSpace(*reason)
	}
	if kind == KindNIK && utf8.RuneCountInString(why) < MinReason {
		return nil, apperr.Invalid("reason", msg.SearchReason)
	}
	var found []*ent.Recipient
	err = database.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		found, err = tx.Recipient.Query().Where(where).Order(recipient.ByID()).All(ctx)
		if err != nil {
			return fmt.Errorf("find recipients by %s: %w", kind, err)
		}
		ids := make([]string, len(found))
		for i, r := range found {
			ids[i] = string(r.ID)
		}
		e := audit.Entry{Action: ActionSearch, TargetType: "Recipient", Reason: why,
			Detail: map[string]string{"kind": kind, "matches": strings.Join(ids, ",")}}
		if len(found) == 1 {
			e.TargetID = found[0].ID
		}
		return audit.Record(ctx, tx.Client(), e)
	})
	if err != nil {
		return nil, err
	}
	// Read in the audited transaction, the rows load their edges (account,
	// regency) with the root client once it has committed.
	for i, r := range found {
		found[i] = r.Unwrap()
	}
	return found, nil
}

// classify tells what query is and the predicate that matches it.
func classify(query string) (string, predicate.Recipient, error) {
	if len(query) == 16 && strings.Trim(query, "0123456789") == "" {
		if _, err := nik.Parse(query); err == nil {
			return KindNIK, recipient.Or(recipient.Nik(query), recipient.CardNumber(query)), nil
		}
		return KindCard, recipient.CardNumber(query), nil
	}
	p, err := phone.Normalize(query)
	if err != nil {
		return "", nil, apperr.Invalid("query", msg.SearchQuery)
	}
	return KindPhone, recipient.HasAccountWith(account.Phone(p)), nil
}

// RevealIdentity returns a recipient's NIK and KK number to a staff member
// who states why (at least MinReason characters); the read and its audit
// entry (ActionIdentityRead, with the reason) share one transaction.
func (s *Service) RevealIdentity(ctx context.Context, id pulid.ID, reason string) (Identity, error) {
	if _, err := rule.NeedRecipientLookup().Check(ctx); err != nil {
		return Identity{}, err
	}
	reason = strings.TrimSpace(reason)
	if utf8.RuneCountInString(reason) < MinReason {
		return Identity{}, apperr.Invalid("reason", msg.IdentityReason)
	}
	var out Identity
	err := database.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		r, err := tx.Recipient.Get(ctx, id)
		if err != nil {
			return fmt.Errorf("reveal identity of %s: %w", id, err)
		}
		out = Identity{Nik: r.Nik, KkNumber: r.KkNumber}
		return audit.Record(ctx, tx.Client(), audit.Entry{Action: ActionIdentityRead, TargetType: "Recipient",
			TargetID: id, Reason: reason})
	})
	if err != nil {
		return Identity{}, err
	}
	return out, nil
}

// MaskNIK hides a NIK's middle digits: its region (4) and serial (4) stay.
func MaskNIK(n string) string {
	if len(n) != 16 {
		return strings.Repeat("•", utf8.RuneCountInString(n))
	}
	return n[:4] + strings.Repeat("•", 8) + n[12:]
}
