package certificate

import (
	"context"
	"fmt"
	"strings"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/audit"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// NeedRevoke: withdrawing a certificate (admin: a program decision, audited).
func NeedRevoke() rule.Need {
	return rule.Need{Action: "certificate.revoke", Roles: []viewer.Role{viewer.RoleAdmin}}
}

// maxReason bounds a revocation reason (it is shown on the public page).
const maxReason = 500

// Revoke withdraws a certificate for a reason shown to whoever verifies it;
// the decision is audited in the same transaction.
func (s *Service) Revoke(ctx context.Context, id pulid.ID, reason string) (*ent.Certificate, error) {
	if _, err := NeedRevoke().Check(ctx); err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	switch {
	case reason == "":
		return nil, apperr.Invalid("reason", msg.CertificateReasonRequired)
	case len([]rune(reason)) > maxReason:
		return nil, apperr.Invalid("reason", msg.ValueTooLong)
	}
	var out *ent.Certificate
	err := database.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		sys := rule.System(ctx, "certificate: revocation by an admin")
		c, err := tx.Certificate.Get(sys, id)
		if ent.IsNotFound(err) {
			return apperr.E(apperr.NotFound, msg.CertificateUnknown)
		}
		if err != nil {
			return fmt.Errorf("certificate: load %s: %w", id, err)
		}
		if c.RevokedAt != nil {
			return apperr.E(apperr.Conflict, msg.CertificateAlreadyRevoked)
		}
		if out, err = c.Update().SetRevokedAt(s.cfg.Now().UTC()).SetRevocationReason(reason).Save(sys); err != nil {
			return fmt.Errorf("certificate: revoke %s: %w", id, err)
		}
		return audit.Record(ctx, tx.Client(), audit.Entry{Action: NeedRevoke().Action, TargetType: "certificate",
			TargetID: id, Reason: reason, Detail: map[string]string{"number": c.Number}})
	})
	return out, err
}
