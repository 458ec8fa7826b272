package push

import (
	"context"
	"slices"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// MarkRead marks the viewer's notifications ids as read and returns them.
// Every id must be one of the viewer's own notifications (NOT_FOUND
// otherwise, as for an id that does not exist). The write runs as the
// viewer: the notification policy lets an owner set read_at on its own rows.
func (s *Service) MarkRead(ctx context.Context, ids []pulid.ID) ([]*ent.Notification, error) {
	v, err := rule.Require(ctx, "push.notifications.read")
	if err != nil {
		return nil, err
	}
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	if len(ids) == 0 {
		return []*ent.Notification{}, nil
	}
	if len(ids) > 500 {
		return nil, apperr.Invalid("ids", msg.TooManyNotifications, 500)
	}
	own := notification.And(notification.IDIn(ids...), notification.AccountID(v.AccountID))
	n, err := s.db.Client.Notification.Query().Where(own).Count(ctx)
	if err != nil {
		return nil, wrap(err, "find notifications")
	}
	if n != len(ids) {
		return nil, apperr.E(apperr.NotFound, msg.NotificationNotFound)
	}
	err = s.db.Client.Notification.Update().Where(own, notification.ReadAtIsNil()).
		SetReadAt(s.now()).Exec(ctx)
	if err != nil {
		return nil, wrap(err, "mark read")
	}
	out, err := s.db.Client.Notification.Query().Where(own).Order(notification.ByID()).All(ctx)
	return out, wrap(err, "reload notifications")
}

// MarkAllRead marks every unread notification of the viewer as read and
// returns how many there were.
func (s *Service) MarkAllRead(ctx context.Context) (int, error) {
	v, err := rule.Require(ctx, "push.notifications.read_all")
	if err != nil {
		return 0, err
	}
	n, err := s.db.Client.Notification.Update().
		Where(notification.AccountID(v.AccountID), notification.ReadAtIsNil()).
		SetReadAt(s.now()).Save(ctx) // the policy's own-row rule, as in MarkRead
	return n, wrap(err, "mark all read")
}

// Preferences are the viewer's delivery settings; nil fields stay as they
// are, and an empty MutedKinds unmutes everything.
type Preferences struct {
	MutedKinds       []notification.Kind
	QuietStartMinute *int
	QuietEndMinute   *int
	DailyPushCap     *int
}

// UpdatePreferences changes the viewer's delivery settings. Selection
// results and failed payouts cannot be muted (BAD_USER_INPUT).
func (s *Service) UpdatePreferences(ctx context.Context, in Preferences) (*ent.Account, error) {
	v, err := rule.Require(ctx, "push.preferences.update")
	if err != nil {
		return nil, err
	}
	if err := in.validate(); err != nil {
		return nil, err
	}
	u := s.db.Client.Account.UpdateOneID(v.AccountID).
		SetNillableQuietStartMinute(in.QuietStartMinute).
		SetNillableQuietEndMinute(in.QuietEndMinute).
		SetNillableDailyPushCap(in.DailyPushCap)
	if in.MutedKinds != nil {
		kinds := make([]string, 0, len(in.MutedKinds))
		for _, k := range in.MutedKinds {
			kinds = append(kinds, string(k))
		}
		slices.Sort(kinds)
		u.SetMutedKinds(slices.Compact(kinds))
	}
	a, err := u.Save(ctx) // the account policy lets a viewer update its own row
	return a, wrap(err, "update preferences")
}

func (in Preferences) validate() error {
	for _, k := range in.MutedKinds {
		if err := notification.KindValidator(k); err != nil {
			return apperr.Invalid("mutedKinds", msg.KindUnknown, string(k))
		}
		if Unmutable(k) {
			return apperr.Invalid("mutedKinds", msg.KindUnmutable)
		}
	}
	for field, m := range map[string]*int{"quietStartMinute": in.QuietStartMinute, "quietEndMinute": in.QuietEndMinute} {
		if m != nil && (*m < 0 || *m >= 24*60) {
			return apperr.Invalid(field, msg.QuietMinute)
		}
	}
	if in.DailyPushCap != nil && (*in.DailyPushCap < 1 || *in.DailyPushCap > 50) {
		return apperr.Invalid("dailyPushCap", msg.DailyCap)
	}
	return nil
}
