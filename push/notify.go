package push

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/riverqueue/river"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

// insertChunk bounds the rows of one INSERT (SQLite allows 32,766 bound
// values; a notification row has 15 columns).
const insertChunk = 1_000

// Notify records events as notifications in tx, the caller's transaction,
// and queues their delivery in the same transaction (a transactional
// outbox: if tx rolls back, nothing is notified; if it commits, delivery
// will happen even if the process dies right after). An event whose
// (account, key) already has a notification is skipped: an account hears
// of an event once. Texts are rendered in each account's language. It
// returns how many notifications were created.
func (s *Service) Notify(ctx context.Context, tx *ent.Tx, events ...Event) (int, error) {
	ctx = system(ctx, "notify")
	rows, err := s.prepare(ctx, tx.Client(), events)
	if err != nil || len(rows) == 0 {
		return 0, err
	}
	return len(rows), s.write(ctx, tx, rows)
}

// row is a notification ready to insert.
type row struct {
	Event
	id        pulid.ID
	text      Rendered
	expiresAt time.Time
}

// prepare validates and renders the events that are new for their
// accounts. It only reads, so a caller may run it before its transaction.
func (s *Service) prepare(ctx context.Context, c *ent.Client, events []Event) ([]row, error) {
	if len(events) == 0 {
		return nil, nil
	}
	events, err := uniqueEvents(events)
	if err != nil {
		return nil, err
	}
	if events, err = unseen(ctx, c, events); err != nil || len(events) == 0 {
		return nil, err
	}
	return s.render(ctx, c, events)
}

// write inserts prepared rows and their delivery jobs in tx. A row whose
// (account, key) a concurrent transaction inserted first is skipped by the
// store; its delivery job then finds nothing to send.
func (s *Service) write(ctx context.Context, tx *ent.Tx, rows []row) error {
	insert := s.insertBulk
	if s.db.Dialect == dialect.Postgres {
		insert = s.insertArrays
	}
	if err := insert(ctx, tx, rows); err != nil {
		return err
	}
	ids := make([]pulid.ID, len(rows))
	for i, r := range rows {
		ids[i] = r.id
	}
	return s.enqueue(ctx, tx, ids)
}

// insertBulk inserts rows with ent's multi-row statements (SQLite).
func (s *Service) insertBulk(ctx context.Context, tx *ent.Tx, rows []row) error {
	for chunk := range slices.Chunk(rows, insertChunk) {
		builders := make([]*ent.NotificationCreate, len(chunk))
		for i, r := range chunk {
			builders[i] = tx.Notification.Create().SetID(r.id).SetAccountID(r.AccountID).SetKind(r.Kind).
				SetEventKey(r.Key).SetTitle(r.text.Title).SetBody(r.text.Body).SetLink(r.text.Link).
				SetData(r.text.Data).SetExpiresAt(r.expiresAt).SetCreatedAt(s.now()).SetUpdatedAt(s.now())
		}
		err := tx.Notification.CreateBulk(builders...).
			OnConflict(entsql.ConflictColumns(notification.FieldAccountID, notification.FieldEventKey)).
			DoNothing().Exec(ctx)
		if err != nil {
			return fmt.Errorf("push: insert notifications: %w", err)
		}
	}
	return nil
}

// insertArrays inserts rows on PostgreSQL as one statement over arrays
// (a fan-out page of thousands of rows: ent's multi-row VALUES would bind
// 11 parameters a row). Repeats of an (account, key) are skipped, as in
// insertBulk.
func (s *Service) insertArrays(ctx context.Context, tx *ent.Tx, rows []row) error {
	n := len(rows)
	ids, accounts, kinds, keys := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	titles, bodies, links, data := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	expires := make([]time.Time, n)
	for i, r := range rows {
		ids[i], accounts[i], kinds[i], keys[i] = string(r.id), string(r.AccountID), string(r.Kind), r.Key
		titles[i], bodies[i], links[i], expires[i] = r.text.Title, r.text.Body, r.text.Link, r.expiresAt
		if r.text.Data != nil {
			b, err := json.Marshal(r.text.Data)
			if err != nil {
				return fmt.Errorf("push: encode notification data: %w", err)
			}
			data[i] = string(b)
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO notifications
			(id, account_id, kind, event_key, title, body, link, data, expires_at, created_at, updated_at)
		SELECT id, acc, kind, ekey, title, body, link, NULLIF(data, '')::jsonb, exp, $10, $10
		FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
			$8::text[], $9::timestamptz[]) AS t(id, acc, kind, ekey, title, body, link, data, exp)
		ON CONFLICT (account_id, event_key) DO NOTHING`,
		ids, accounts, kinds, keys, titles, bodies, links, data, expires, s.now())
	if err != nil {
		return fmt.Errorf("push: insert notifications: %w", err)
	}
	return nil
}

// uniqueEvents validates events and drops repeats of one (account, key).
func uniqueEvents(events []Event) ([]Event, error) {
	seen := make(map[[2]string]bool, len(events))
	out := events[:0:0]
	for _, e := range events {
		if err := e.validate(); err != nil {
			return nil, err
		}
		k := [2]string{string(e.AccountID), e.Key}
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out, nil
}

// unseen drops events the account was already notified of.
func unseen(ctx context.Context, c *ent.Client, events []Event) ([]Event, error) {
	byKey := map[string][]pulid.ID{}
	for _, e := range events {
		byKey[e.Key] = append(byKey[e.Key], e.AccountID)
	}
	done := map[[2]string]bool{}
	for key, accounts := range byKey {
		for chunk := range slices.Chunk(accounts, insertChunk) {
			got, err := c.Notification.Query().
				Where(notification.EventKey(key), notification.AccountIDIn(chunk...)).
				Select(notification.FieldAccountID).Strings(ctx)
			if err != nil {
				return nil, fmt.Errorf("push: check earlier notifications: %w", err)
			}
			for _, a := range got {
				done[[2]string{a, key}] = true
			}
		}
	}
	out := events[:0:0]
	for _, e := range events {
		if !done[[2]string{string(e.AccountID), e.Key}] {
			out = append(out, e)
		}
	}
	return out, nil
}

// render writes each event in its account's language.
func (s *Service) render(ctx context.Context, c *ent.Client, events []Event) ([]row, error) {
	locales, err := localesOf(ctx, c, events)
	if err != nil {
		return nil, err
	}
	now := s.now()
	rows := make([]row, 0, len(events))
	for _, e := range events {
		loc, ok := locales[e.AccountID]
		if !ok {
			return nil, fmt.Errorf("push: %s event %q: account %s not found", e.Kind, e.Key, e.AccountID)
		}
		r := row{Event: e, id: pulid.New("nt"), expiresAt: e.ExpiresAt}
		if r.text, err = Render(e, loc); err != nil {
			return nil, err
		}
		if r.expiresAt.IsZero() {
			r.expiresAt = now.Add(templates[e.Kind].ttl)
		}
		r.expiresAt = r.expiresAt.UTC()
		rows = append(rows, r)
	}
	return rows, nil
}

func localesOf(ctx context.Context, c *ent.Client, events []Event) (map[pulid.ID]account.Locale, error) {
	ids := make([]pulid.ID, 0, len(events))
	seen := make(map[pulid.ID]bool, len(events))
	for _, e := range events {
		if !seen[e.AccountID] {
			seen[e.AccountID] = true
			ids = append(ids, e.AccountID)
		}
	}
	out := make(map[pulid.ID]account.Locale, len(ids))
	for chunk := range slices.Chunk(ids, insertChunk) {
		accs, err := c.Account.Query().Where(account.IDIn(chunk...)).Select(account.FieldLocale).All(ctx)
		if err != nil {
			return nil, fmt.Errorf("push: load locales: %w", err)
		}
		for _, a := range accs {
			out[a.ID] = a.Locale
		}
	}
	return out, nil
}

// enqueue inserts one delivery job per batch of ids in tx.
func (s *Service) enqueue(ctx context.Context, tx *ent.Tx, ids []pulid.ID) error {
	params := make([]river.InsertManyParams, 0, len(ids)/s.cfg.BatchSize+1)
	for chunk := range slices.Chunk(ids, s.cfg.BatchSize) {
		params = append(params, river.InsertManyParams{Args: DeliverArgs{IDs: chunk}})
	}
	return s.insertJobs(ctx, tx, params)
}

// insertJobs inserts river jobs in an ent transaction.
func (s *Service) insertJobs(ctx context.Context, tx *ent.Tx, params []river.InsertManyParams) error {
	if len(params) == 0 {
		return nil
	}
	st, err := sqlTx(tx)
	if err != nil {
		return err
	}
	if _, err := s.river.InsertManyTx(ctx, st, params); err != nil {
		return fmt.Errorf("push: queue %d jobs: %w", len(params), err)
	}
	return nil
}
