// Package audit owns the audit trail: an append-only record of who did what
// to personal data, money, wave seats and memberships.
package audit

import (
	"context"
	"fmt"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Entry is one audited action.
type Entry struct {
	Action     string // e.g. "recipient.nik.read"
	TargetType string
	TargetID   pulid.ID
	Reason     string
	Detail     map[string]string
}

// Record writes e with the viewer in ctx as the actor (the system when there
// is none). An entry without a reason made in a system context gets the
// reason given to rule.System. Pass a transactional client to make the
// entry part of the change it records.
func Record(ctx context.Context, client *ent.Client, e Entry) error {
	if e.Reason == "" {
		e.Reason, _ = rule.SystemReason(ctx)
	}
	c := client.AuditLog.Create().
		SetCreatedAt(time.Now().UTC()).
		SetAction(e.Action).
		SetTargetType(e.TargetType).
		SetTargetID(e.TargetID).
		SetReason(e.Reason).
		SetDetail(e.Detail)
	if v := viewer.FromContext(ctx); v != nil {
		c.SetActorID(v.AccountID).SetActorRole(string(v.Role))
	}
	if err := c.Exec(rule.System(ctx, "audit append")); err != nil {
		return fmt.Errorf("audit %s: %w", e.Action, err)
	}
	return nil
}
