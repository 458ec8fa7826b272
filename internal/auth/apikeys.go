package auth

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/apikey"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/audit"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/partnerapi"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/text"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// keyManagers may issue, rotate and revoke keys: admins for every partner
// account, partner operators (signed in, not with a key) for their own
// organisation's accounts.
var keyManagers = []viewer.Role{viewer.RoleAdmin, viewer.RoleInstitution, viewer.RolePlatform,
	viewer.RolePaymentPartner, viewer.RoleJobPortal}

// IssuedKey is a new API key; Key is shown once.
type IssuedKey struct {
	Key, Prefix string
	Account     *ent.Account
	APIKey      *ent.APIKey
}

// CreateAPIKey issues a key with scopes for a partner account: by an admin
// for any, by a signed-in operator for one of its own organisation. The
// scopes must be of the account's kind of partner (partnerapi.Scopes).
func (s *Service) CreateAPIKey(ctx context.Context, accountID pulid.ID, label string, scopes []string) (IssuedKey, error) {
	v, err := keyManager(ctx, "auth.api_key.create")
	if err != nil {
		return IssuedKey{}, err
	}
	a, err := s.client.Account.Get(ctx, accountID) // privacy: admins all, operators their organisation's
	if ent.IsNotFound(err) || err == nil && v.Role != viewer.RoleAdmin && orgOf(a) != v.OrgID {
		return IssuedKey{}, apperr.E(apperr.NotFound, msg.AccountNotFound).InField("accountId")
	}
	if err != nil {
		return IssuedKey{}, fmt.Errorf("load account: %w", err)
	}
	kind, ok := partnerapi.KindOf(a.Role)
	if !ok {
		return IssuedKey{}, apperr.Invalid("accountId", msg.KeysForPartners)
	}
	scopes, err = validScopes(kind, scopes)
	if err != nil {
		return IssuedKey{}, err
	}
	return s.issue(ctx, a, text.Truncate(label, 120), scopes, nil)
}

// RotateAPIKey replaces the active key with prefix by a new one with the
// same account, label and scopes; the old one is revoked in the same
// transaction.
func (s *Service) RotateAPIKey(ctx context.Context, prefix string) (IssuedKey, error) {
	old, err := s.managedKey(ctx, "auth.api_key.rotate", prefix)
	if err != nil {
		return IssuedKey{}, err
	}
	return s.issue(ctx, old.Edges.Account, old.Label, old.Scopes, old)
}

// RevokeAPIKey revokes the active key with prefix (admins, or operators of
// the key's organisation).
func (s *Service) RevokeAPIKey(ctx context.Context, prefix string) error {
	k, err := s.managedKey(ctx, "auth.api_key.revoke", prefix)
	if err != nil {
		return err
	}
	return s.inTx(ctx, "api key revoked after checks", func(sys context.Context, tx *ent.Tx) error {
		if err := revoke(sys, tx, k, s.now()); err != nil {
			return err
		}
		return audit.Record(sys, tx.Client(), keyEntry("api_key.revoke", k))
	})
}

// keyManager returns the viewer if it may manage keys at all.
func keyManager(ctx context.Context, action string) (*viewer.Viewer, error) {
	v, err := rule.Require(ctx, action, keyManagers...)
	if err != nil {
		return nil, err
	}
	if v.Role != viewer.RoleAdmin && v.SessionID == "" {
		return nil, rule.Forbid(action, msg.KeySessionOnly)
	}
	return v, nil
}

// managedKey finds the viewer's active key by prefix: privacy lets admins
// see every key and operators their organisation's.
func (s *Service) managedKey(ctx context.Context, action, prefix string) (*ent.APIKey, error) {
	if _, err := keyManager(ctx, action); err != nil {
		return nil, err
	}
	k, err := s.client.APIKey.Query().Where(apikey.Prefix(prefix), apikey.RevokedAtIsNil()).
		WithAccount().Only(ctx)
	if ent.IsNotFound(err) {
		return nil, apperr.E(apperr.NotFound, msg.KeyNotFound).InField("prefix")
	}
	if err != nil {
		return nil, fmt.Errorf("load api key: %w", err)
	}
	return k, nil
}

// validScopes checks scopes against kind's catalogue and returns them
// sorted without repeats.
func validScopes(kind partnerapi.Kind, scopes []string) ([]string, error) {
	if len(scopes) == 0 {
		return nil, apperr.Invalid("scopes", msg.ScopesRequired)
	}
	for _, name := range scopes {
		if _, ok := partnerapi.ScopeNamed(kind, name); !ok {
			return nil, apperr.Invalid("scopes", msg.ScopeUnknown, name)
		}
	}
	out := slices.Clone(scopes)
	slices.Sort(out)
	return slices.Compact(out), nil
}

// issue writes a new key for a (revoking replaced in the same transaction
// when it is not nil) with an audit entry naming the viewer.
func (s *Service) issue(ctx context.Context, a *ent.Account, label string, scopes []string, replaced *ent.APIKey) (IssuedKey, error) {
	prefix, _, err := newToken()
	if err != nil {
		return IssuedKey{}, err
	}
	prefix = strings.NewReplacer("-", "", "_", "").Replace(prefix)[:12]
	secret, hash, err := newToken()
	if err != nil {
		return IssuedKey{}, err
	}
	var k *ent.APIKey
	err = s.inTx(ctx, "api key issued after checks", func(sys context.Context, tx *ent.Tx) error {
		action := "api_key.create"
		if replaced != nil {
			action = "api_key.rotate"
			if err := revoke(sys, tx, replaced, s.now()); err != nil {
				return err
			}
		}
		k, err = tx.APIKey.Create().SetAccountID(a.ID).SetPrefix(prefix).SetSecretHash(hash).
			SetLabel(label).SetScopes(scopes).Save(sys)
		if err != nil {
			return fmt.Errorf("create api key: %w", err)
		}
		e := keyEntry(action, k)
		if replaced != nil {
			e.Detail["replaces"] = replaced.Prefix
		}
		return audit.Record(sys, tx.Client(), e)
	})
	if err != nil {
		return IssuedKey{}, err
	}
	k.Edges.Account = a
	return IssuedKey{Key: keyPrefix + prefix + "_" + secret, Prefix: prefix, Account: a, APIKey: k}, nil
}

// revoke revokes k unless it was revoked meanwhile (then NOT_FOUND).
func revoke(ctx context.Context, tx *ent.Tx, k *ent.APIKey, now time.Time) error {
	n, err := tx.APIKey.Update().Where(apikey.ID(k.ID), apikey.RevokedAtIsNil()).SetRevokedAt(now).Save(ctx)
	if err != nil {
		return fmt.Errorf("revoke api key: %w", err)
	}
	if n == 0 {
		return apperr.E(apperr.NotFound, msg.KeyNotFound).InField("prefix")
	}
	return nil
}

func keyEntry(action string, k *ent.APIKey) audit.Entry {
	return audit.Entry{Action: action, TargetType: "APIKey", TargetID: k.ID, Detail: map[string]string{
		"prefix": k.Prefix, "account": string(k.AccountID), "scopes": strings.Join(k.Scopes, " "),
	}}
}

// inTx runs fn in a transaction under the system context with reason (the
// viewer stays in the context, so audit entries name it).
func (s *Service) inTx(ctx context.Context, reason string, fn func(context.Context, *ent.Tx) error) error {
	tx, err := s.client.Tx(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // no-op after commit
	if err := fn(rule.System(ctx, reason), tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
