package partnerapi

import (
	"context"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/apikey"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Bounds of the partner API's lists (graph.ListBounds); tests hold the
// catalogue to them.
const (
	MaxKeys       = 100 // keys listed, newest first
	MaxOperators  = 50  // accounts of one organisation listed, oldest first
	MaxScopes     = 10  // scopes of one kind
	MaxOperations = 10  // root fields of one scope
	MaxDocs       = 20  // documented operations of one kind
)

// KindFor is the kind whose scopes and docs the viewer reads: a partner's
// own kind (asked is ignored), the asked kind for staff (required).
func KindFor(ctx context.Context, asked *Kind) (Kind, error) {
	v, err := rule.NeedPartnerDocs().Check(ctx)
	if err != nil {
		return "", err
	}
	if k, ok := KindOf(v.Role); ok {
		return k, nil
	}
	if asked == nil {
		return "", apperr.Invalid("kind", msg.PartnerKindRequired)
	}
	return *asked, nil
}

// Keys runs q (API keys) for the viewer, newest first, active ones only
// unless includeRevoked; other staff and recipients are refused
// (rule.NeedPartnerKeys, the rule of the console's keys section).
func Keys(ctx context.Context, q *ent.APIKeyQuery, includeRevoked bool) ([]*ent.APIKey, error) {
	if _, err := rule.NeedPartnerKeys().Check(ctx); err != nil {
		return nil, err
	}
	if !includeRevoked {
		q = q.Where(apikey.RevokedAtIsNil())
	}
	return q.Order(ent.Desc(apikey.FieldCreatedAt)).Limit(MaxKeys).All(ctx)
}

// Operators runs q (an organisation's accounts) for admins and for
// operators of the organisation org; everyone else reads none.
func Operators(ctx context.Context, q *ent.AccountQuery, org pulid.ID) ([]*ent.Account, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.Role != viewer.RoleAdmin && (!v.Role.IsPartner() || v.OrgID != org) {
		return []*ent.Account{}, nil
	}
	return q.Order(ent.Asc(account.FieldCreatedAt)).Limit(MaxOperators).All(ctx)
}
