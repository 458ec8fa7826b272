package push

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	entsql "entgo.io/ent/dialect/sql"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/device"
	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/ent/province"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/regency"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

// batchRow is one pending notification of a batch joined with its account's
// preferences, the time zone of its recipient's province, the pushes the
// account got since its local midnight, and one active device (none: the
// device columns are null).
type batchRow struct {
	ID         pulid.ID       `sql:"id"`
	AccountID  pulid.ID       `sql:"account_id"`
	Kind       string         `sql:"kind"`
	Title      string         `sql:"title"`
	Body       string         `sql:"body"`
	Link       string         `sql:"link"`
	Data       sql.NullString `sql:"data"`
	ExpiresAt  sql.NullTime   `sql:"expires_at"`
	PushedAt   sql.NullTime   `sql:"pushed_at"`
	Muted      sql.NullString `sql:"muted_kinds"`
	QuietStart int            `sql:"quiet_start_minute"`
	QuietEnd   int            `sql:"quiet_end_minute"`
	DailyCap   int            `sql:"daily_push_cap"`
	TimeZone   sql.NullString `sql:"time_zone"`
	SentToday  int            `sql:"sent_today"`
	DeviceID   sql.NullString `sql:"device_id"`
	DeviceKind sql.NullString `sql:"device_kind"`
	Token      sql.NullString `sql:"token"`
	P256dh     sql.NullString `sql:"p256dh"`
	AuthSecret sql.NullString `sql:"auth_secret"`
}

// batchItem is a pending notification with what delivery needs to know.
type batchItem struct {
	n         *ent.Notification
	account   *ent.Account // preferences only
	zone      *time.Location
	sentToday int
	devices   []*ent.Device
}

// loadBatch reads the pending notifications of ids in id order, in one
// query (a join: per batch of 500 it replaces five queries, and its lookups
// go through primary keys and the account_id index whatever the planner's
// statistics say).
func loadBatch(ctx context.Context, c *ent.Client, ids []pulid.ID, now time.Time) ([]*batchItem, error) {
	var rows []batchRow
	err := c.Notification.Query().
		Where(notification.IDIn(ids...), notification.PushStatusEQ(notification.PushStatusPending)).
		Modify(joinBatch(now)).Scan(ctx, &rows)
	if err != nil {
		return nil, wrap(err, "load batch")
	}
	var items []*batchItem
	for _, r := range rows {
		if len(items) == 0 || items[len(items)-1].n.ID != r.ID {
			it, err := r.item()
			if err != nil {
				return nil, err
			}
			items = append(items, it)
		}
		if r.DeviceID.Valid {
			it := items[len(items)-1]
			it.devices = append(it.devices, r.device())
		}
	}
	return items, nil
}

// joinBatch selects batchRow's columns.
func joinBatch(now time.Time) func(*entsql.Selector) {
	return func(s *entsql.Selector) {
		a, r, d := entsql.Table(account.Table), entsql.Table(recipient.Table), entsql.Table(device.Table)
		g, p := entsql.Table(regency.Table), entsql.Table(province.Table)
		s.Join(a).On(s.C(notification.FieldAccountID), a.C(account.FieldID)).
			LeftJoin(r).On(s.C(notification.FieldAccountID), r.C(recipient.FieldAccountID)).
			LeftJoin(g).On(r.C(recipient.FieldRegencyID), g.C(regency.FieldID)).
			LeftJoin(p).On(g.C(regency.FieldProvinceID), p.C(province.FieldID)).
			LeftJoin(d).OnP(entsql.And(
			entsql.ColumnsEQ(s.C(notification.FieldAccountID), d.C(device.FieldAccountID)),
			entsql.IsNull(d.C(device.FieldDisabledAt))))
		s.Select(s.C(notification.FieldID), s.C(notification.FieldAccountID), s.C(notification.FieldKind),
			s.C(notification.FieldTitle), s.C(notification.FieldBody), s.C(notification.FieldLink),
			s.C(notification.FieldData), s.C(notification.FieldExpiresAt), s.C(notification.FieldPushedAt),
			a.C(account.FieldMutedKinds), a.C(account.FieldQuietStartMinute), a.C(account.FieldQuietEndMinute),
			a.C(account.FieldDailyPushCap), p.C(province.FieldTimeZone),
			entsql.As(d.C(device.FieldID), "device_id"), entsql.As(d.C(device.FieldKind), "device_kind"),
			d.C(device.FieldToken), d.C(device.FieldP256dh), d.C(device.FieldAuthSecret)).
			AppendSelectExprAs(sentSince(s.C(notification.FieldAccountID), p.C(province.FieldTimeZone), now), "sent_today").
			OrderBy(s.C(notification.FieldID), d.C(device.FieldID))
	}
}

// sentSince counts the account's pushes since midnight in its zone. The
// easternmost midnight (WIT) comes first, so: since WIT midnight, and since
// WITA midnight unless in WIT, and since WIB midnight unless in WIT or WITA
// (no zone: WIB). Parameters only meet typed columns, so both stores know
// their types.
func sentSince(accountCol, zoneCol string, now time.Time) entsql.Querier {
	return entsql.ExprFunc(func(b *entsql.Builder) {
		at := "sent." + b.Quote(notification.FieldPushedAt)
		b.WriteString("(SELECT COUNT(*) FROM ").Ident(notification.Table).WriteString(" AS sent WHERE sent.").
			Ident(notification.FieldAccountID).WriteString(" = " + accountCol + " AND sent.").
			Ident(notification.FieldPushStatus).WriteString(" = ").Arg(string(notification.PushStatusSent)).
			WriteString(" AND " + at + " >= ").Arg(localMidnight(now, WIT).UTC()).
			WriteString(" AND (" + zoneCol + " = 'WIT' OR " + at + " >= ").Arg(localMidnight(now, WITA).UTC()).
			WriteString(") AND (" + zoneCol + " IN ('WIT', 'WITA') OR " + at + " >= ").Arg(localMidnight(now, WIB).UTC()).
			WriteString("))")
	})
}

func (r batchRow) item() (*batchItem, error) {
	n := &ent.Notification{ID: r.ID, AccountID: r.AccountID, Kind: notification.Kind(r.Kind),
		Title: r.Title, Body: r.Body, Link: r.Link, ExpiresAt: nullTime(r.ExpiresAt), PushedAt: nullTime(r.PushedAt)}
	if r.Data.Valid && r.Data.String != "" {
		if err := json.Unmarshal([]byte(r.Data.String), &n.Data); err != nil {
			return nil, wrap(err, "decode notification data")
		}
	}
	acc := &ent.Account{ID: r.AccountID, QuietStartMinute: r.QuietStart, QuietEndMinute: r.QuietEnd,
		DailyPushCap: r.DailyCap}
	if r.Muted.Valid && r.Muted.String != "" {
		if err := json.Unmarshal([]byte(r.Muted.String), &acc.MutedKinds); err != nil {
			return nil, wrap(err, "decode muted kinds")
		}
	}
	return &batchItem{n: n, account: acc, zone: Zone(r.TimeZone.String), sentToday: r.SentToday}, nil
}

func (r batchRow) device() *ent.Device {
	return &ent.Device{ID: pulid.ID(r.DeviceID.String), AccountID: r.AccountID,
		Kind: device.Kind(r.DeviceKind.String), Token: r.Token.String, P256dh: r.P256dh.String,
		AuthSecret: r.AuthSecret.String}
}

func nullTime(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	v := t.Time
	return &v
}
