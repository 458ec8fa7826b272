package push

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/device"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// DeviceInput is a push endpoint the app or the PWA registers.
type DeviceInput struct {
	Kind   device.Kind
	Token  string // FCM registration token, or the Web Push endpoint URL
	P256dh string // Web Push only: the subscription's public key
	Auth   string // Web Push only: the subscription's auth secret
	Label  string // e.g. "Chrome di Android"
}

// RegisterDevice records the viewer's push endpoint. It is idempotent by
// token: registering a known token refreshes it (and enables it again); a
// token registered by another account (a shared or resold phone) moves to
// the viewer.
func (s *Service) RegisterDevice(ctx context.Context, in DeviceInput) (*ent.Device, error) {
	v, err := rule.Require(ctx, "push.device.register")
	if err != nil {
		return nil, err
	}
	if err := in.validate(); err != nil {
		return nil, err
	}
	var out *ent.Device
	err = s.inTx(ctx, "register device", func(sys context.Context, tx *ent.Tx) error {
		old, err := tx.Device.Query().Where(device.Token(in.Token)).Only(sys)
		switch {
		case ent.IsNotFound(err):
		case err != nil:
			return wrap(err, "find device")
		case old.AccountID == v.AccountID:
			out, err = refresh(ctx, tx, old, in, s.now()) // the viewer's own row, as the viewer
			return err
		default: // account_id is immutable: the row moves by delete (another's row: the system) and create
			if err := tx.Device.DeleteOne(old).Exec(sys); err != nil {
				return wrap(err, "release device")
			}
		}
		out, err = tx.Device.Create().SetAccountID(v.AccountID).SetKind(in.Kind).SetToken(in.Token).
			SetP256dh(in.P256dh).SetAuthSecret(in.Auth).SetLabel(in.Label).SetLastSeenAt(s.now()).
			Save(ctx) // the viewer's own write, checked by the policy
		return wrap(err, "create device")
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// refresh updates a known device: new keys and label, seen now, enabled.
func refresh(ctx context.Context, tx *ent.Tx, d *ent.Device, in DeviceInput, now time.Time) (*ent.Device, error) {
	u := tx.Device.UpdateOne(d).SetKind(in.Kind).SetP256dh(in.P256dh).SetAuthSecret(in.Auth).
		SetLastSeenAt(now).ClearDisabledAt().ClearDisabledReason()
	if in.Label != "" {
		u.SetLabel(in.Label)
	}
	d, err := u.Save(ctx)
	return d, wrap(err, "refresh device")
}

// UnregisterDevice removes one of the viewer's devices (the app signs out
// or the browser unsubscribes).
func (s *Service) UnregisterDevice(ctx context.Context, id pulid.ID) error {
	v, err := rule.Require(ctx, "push.device.unregister")
	if err != nil {
		return err
	}
	n, err := s.db.Client.Device.Delete().Where(device.ID(id), device.AccountID(v.AccountID)).Exec(ctx)
	if err != nil {
		return wrap(err, "delete device")
	}
	if n == 0 {
		return apperr.E(apperr.NotFound, msg.DeviceNotFound)
	}
	return nil
}

func (in *DeviceInput) validate() error {
	in.Token, in.Label = strings.TrimSpace(in.Token), strings.TrimSpace(in.Label)
	switch {
	case in.Token == "" || len(in.Token) > 1024:
		return apperr.Invalid("token", msg.DeviceToken)
	case len(in.Label) > 120:
		return apperr.Invalid("label", msg.DeviceLabel)
	}
	switch in.Kind {
	case device.KindFcm:
		in.P256dh, in.Auth = "", ""
		return nil
	case device.KindWebpush:
		u, err := url.Parse(in.Token)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			return apperr.Invalid("token", msg.WebPushHTTPS)
		}
		if err := checkSubscriptionKeys(in.P256dh, in.Auth); err != nil {
			return apperr.Wrap(apperr.BadUserInput, err, msg.WebPushKey).InField("p256dh")
		}
		return nil
	}
	return apperr.Invalid("kind", msg.DeviceKind, string(in.Kind))
}
