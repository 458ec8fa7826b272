package push

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/riverqueue/river"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
)

// insertChunk bounds the ids of one IN list (SQLite allows 32,766 bound
// values).
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
	if err := s.insert(ctx, tx, rows); err != nil {
		return err
	}
	ids := make([]pulid.ID, len(rows))
	for i, r := range rows {
		ids[i] = r.id
	}
	return s.enqueue(ctx, tx, ids)
}

// insert inserts rows in one bulk insert (a fan-out page is thousands of
// rows). Repeats of an (account, key) are skipped.
func (s *Service) insert(ctx context.Context, tx *ent.Tx, rows []row) error {
	data := make([]string, len(rows))
	for i, r := range rows {
		if r.text.Data == nil {
			continue // NULL
		}
		b, err := json.Marshal(r.text.Data)
		if err != nil {
			return fmt.Errorf("push: encode notification data: %w", err)
		}
		data[i] = string(b)
	}
	err := s.db.Store().Insert(ctx, tx, database.Insert{
		Into:   `notifications (id, account_id, kind, event_key, title, body, link, data, expires_at, created_at, updated_at)`,
		Values: `:id, :acc, :kind, :ekey, :title, :body, :link, :data, :exp, :now, :now`,
		Tail:   `ON CONFLICT (account_id, event_key) DO NOTHING`,
		Rows:   len(rows),
		Columns: []database.Column{
			database.Text("id", func(i int) string { return string(rows[i].id) }),
			database.Text("acc", func(i int) string { return string(rows[i].AccountID) }),
			database.Text("kind", func(i int) string { return string(rows[i].Kind) }),
			database.Text("ekey", func(i int) string { return rows[i].Key }),
			database.Text("title", func(i int) string { return rows[i].text.Title }),
			database.Text("body", func(i int) string { return rows[i].text.Body }),
			database.Text("link", func(i int) string { return rows[i].text.Link }),
			database.JSON("data", func(i int) string { return data[i] }),
			database.Time("exp", func(i int) time.Time { return rows[i].expiresAt }),
		},
		Consts: []database.Const{database.Value("now", s.now())},
	})
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
