package auth

import (
	"context"
	"crypto/subtle"
	"fmt"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/apikey"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/session"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/phone"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// ErrInvalidCredentials is returned for a token or key that is unknown,
// expired, revoked, or belongs to a disabled account.
var ErrInvalidCredentials = apperr.E(apperr.Unauthenticated, msg.SessionInvalid)

// Authenticate turns an Authorization header value into a viewer:
// "Bearer <session token>" or "ApiKey <key>". An empty header is an
// anonymous caller (nil viewer, nil error).
func (s *Service) Authenticate(ctx context.Context, header string) (*viewer.Viewer, error) {
	scheme, cred, _ := strings.Cut(strings.TrimSpace(header), " ")
	cred = strings.TrimSpace(cred)
	sys := rule.System(ctx, "authenticate")
	switch {
	case header == "":
		return nil, nil
	case strings.EqualFold(scheme, "Bearer") && cred != "":
		return s.sessionViewer(sys, cred)
	case strings.EqualFold(scheme, "ApiKey") && cred != "":
		return s.apiKeyViewer(sys, cred)
	}
	return nil, ErrInvalidCredentials
}

func (s *Service) sessionViewer(ctx context.Context, token string) (*viewer.Viewer, error) {
	hash := sha(token)
	if s.sessions != nil {
		if c, ok := s.sessions.Get(string(hash)); ok && s.now().Before(c.expiresAt) {
			v := c.viewer
			return &v, nil
		}
	}
	sess, err := s.client.Session.Query().Where(session.TokenHash(hash)).
		WithAccount().Only(ctx)
	if ent.IsNotFound(err) {
		return nil, ErrInvalidCredentials
	}
	if err != nil {
		return nil, fmt.Errorf("load session: %w", err)
	}
	if sess.RevokedAt != nil || !s.now().Before(sess.ExpiresAt) {
		return nil, ErrInvalidCredentials
	}
	v, err := s.viewerOf(ctx, sess.Edges.Account)
	if err != nil {
		return nil, err
	}
	v.SessionID = sess.ID
	// An applicant who has not registered yet is about to get a recipient:
	// only viewers that cannot change that way are cached.
	if s.sessions != nil && (v.Role != viewer.RoleRecipient || v.RecipientID != "") {
		s.sessions.Add(string(hash), cachedSession{viewer: *v, expiresAt: sess.ExpiresAt})
	}
	return v, nil
}

// API keys look like pk_<prefix>_<secret>; the prefix finds the row.
const keyPrefix = "pk_"

func (s *Service) apiKeyViewer(ctx context.Context, key string) (*viewer.Viewer, error) {
	prefix, secret, ok := splitKey(key)
	if !ok {
		return nil, ErrInvalidCredentials
	}
	k, err := s.client.APIKey.Query().Where(apikey.Prefix(prefix)).WithAccount().Only(ctx)
	if ent.IsNotFound(err) {
		return nil, ErrInvalidCredentials
	}
	if err != nil {
		return nil, fmt.Errorf("load api key: %w", err)
	}
	if k.RevokedAt != nil || subtle.ConstantTimeCompare(k.SecretHash, sha(secret)) != 1 {
		return nil, ErrInvalidCredentials
	}
	if k.LastUsedAt == nil || s.now().Sub(*k.LastUsedAt) > time.Minute {
		// Best effort and at most once a minute: not a write per request.
		_ = s.client.APIKey.UpdateOneID(k.ID).SetLastUsedAt(s.now()).Exec(ctx)
	}
	v, err := s.viewerOf(ctx, k.Edges.Account)
	if err != nil {
		return nil, err
	}
	v.Scopes = k.Scopes
	return v, nil
}

func splitKey(key string) (prefix, secret string, ok bool) {
	rest, ok := strings.CutPrefix(key, keyPrefix)
	if !ok {
		return "", "", false
	}
	prefix, secret, ok = strings.Cut(rest, "_")
	return prefix, secret, ok && prefix != "" && secret != ""
}

// viewerOf builds the viewer of an account: its recipient or organisation.
func (s *Service) viewerOf(ctx context.Context, a *ent.Account) (*viewer.Viewer, error) {
	if a == nil || a.DisabledAt != nil {
		return nil, ErrInvalidCredentials
	}
	v := &viewer.Viewer{AccountID: a.ID, Role: a.Role, OrgID: orgOf(a), Locale: string(a.Locale)}
	if a.Role == viewer.RoleRecipient {
		id, err := s.client.Recipient.Query().Where(recipient.AccountID(a.ID)).OnlyID(ctx)
		switch {
		case err == nil:
			v.RecipientID = id
		case !ent.IsNotFound(err):
			return nil, fmt.Errorf("load recipient: %w", err)
		}
	}
	return v, nil
}

func orgOf(a *ent.Account) pulid.ID {
	for _, id := range []*pulid.ID{a.TrainingInstitutionID, a.DigitalPlatformID, a.PaymentPartnerID, a.JobPortalID} {
		if id != nil {
			return *id
		}
	}
	return ""
}

// PartnerAccount describes a partner's service account to create.
type PartnerAccount struct {
	Phone, DisplayName string
	Role               viewer.Role
	OrganizationID     pulid.ID
}

// CreatePartnerAccount creates a service account bound to one partner
// organisation; the organisation's type must match the role.
func (s *Service) CreatePartnerAccount(ctx context.Context, in PartnerAccount) (*ent.Account, error) {
	if _, err := rule.Require(ctx, "auth.partner_account.create", viewer.RoleAdmin); err != nil {
		return nil, err
	}
	if !in.Role.IsPartner() {
		return nil, apperr.Invalid("role", msg.PartnerRoleRequired)
	}
	p, err := phone.Normalize(in.Phone)
	if err != nil {
		return nil, apperr.Invalid("phone", msg.PhoneInvalid)
	}
	c := s.client.Account.Create().SetPhone(p).SetDisplayName(in.DisplayName).SetRole(in.Role)
	want := map[viewer.Role]string{
		viewer.RoleInstitution: "ti", viewer.RolePlatform: "dp",
		viewer.RolePaymentPartner: "pp", viewer.RoleJobPortal: "jp",
	}[in.Role]
	if in.OrganizationID.Prefix() != want || !in.OrganizationID.Valid() {
		return nil, apperr.Invalid("organizationId", msg.OrgRoleMismatch)
	}
	switch in.Role {
	case viewer.RoleInstitution:
		c.SetTrainingInstitutionID(in.OrganizationID)
	case viewer.RolePlatform:
		c.SetDigitalPlatformID(in.OrganizationID)
	case viewer.RolePaymentPartner:
		c.SetPaymentPartnerID(in.OrganizationID)
	case viewer.RoleJobPortal:
		c.SetJobPortalID(in.OrganizationID)
	}
	a, err := c.Save(ctx) // privacy: admins only
	if ent.IsConstraintError(err) {
		return nil, apperr.Wrap(apperr.Conflict, err, msg.PartnerConflict)
	}
	return a, err
}

// KeyPrefixOf returns the prefix of the API key in an Authorization header
// value ("ApiKey pk_<prefix>_<secret>"), or "".
func KeyPrefixOf(header string) string {
	scheme, cred, _ := strings.Cut(strings.TrimSpace(header), " ")
	if !strings.EqualFold(scheme, "ApiKey") {
		return ""
	}
	prefix, _, _ := splitKey(strings.TrimSpace(cred))
	return prefix
}
