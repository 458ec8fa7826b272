package journey

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/application"
	"github.com/kartuprakerja/platform/ent/schema"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/selectionresult"
	"github.com/kartuprakerja/platform/ent/wave"
	"github.com/kartuprakerja/platform/ent/wavequota"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/audit"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/lottery"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Summary is the published outcome of a wave's lottery.
type Summary struct {
	Wave                           *ent.Wave
	Applicants, Selected, Excluded int
}

// RunSelection draws a closed wave's lottery (package lottery), records
// every application's result, accepts the selected (card number, training
// balance) and announces the wave, all in one transaction: a crash rolls
// everything back and a rerun draws the identical result from the same
// seed. Running it on an announced wave returns that wave's result.
// Eligible applicants are those whose registration is still verified (not
// rejected, revoked, or already a recipient); the others are excluded with
// that status as the reason.
func (s *Service) RunSelection(ctx context.Context, id pulid.ID) (*Summary, error) {
	if err := staff(ctx, "journey.wave.select"); err != nil {
		return nil, err
	}
	w, err := s.client.Wave.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if w.Status == wave.StatusAnnounced {
		return s.Summary(ctx, id)
	}
	if w.Status != wave.StatusClosed {
		return nil, wrongState(w)
	}
	if w.Seed == nil || w.Commitment == nil {
		return nil, apperr.E(apperr.Conflict, msg.NoCommitment)
	}
	var committed time.Time
	err = withTx(ctx, s.client, func(tx *ent.Tx) error {
		defer func() { committed = time.Now() }()
		// The status change runs with the caller's context: the wave's
		// privacy policy lets only admins do it.
		n, err := tx.Wave.Update().Where(wave.ID(id), wave.StatusEQ(wave.StatusClosed)).
			SetStatus(wave.StatusAnnounced).SetSelectedAt(s.now()).SetAnnouncedAt(s.now()).Save(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return apperr.E(apperr.Conflict, msg.SelectionRunning)
		}
		return s.draw(rule.System(ctx, "selection by admin"), tx, w)
	})
	if err != nil {
		return nil, err
	}
	s.log.Info("selection committed", "wave", w.Number, "commit", time.Since(committed).Round(time.Millisecond))
	return s.Summary(ctx, id)
}

type applicant struct {
	lottery.Entry
	recipientID, recipientStatus string
}

func (s *Service) draw(ctx context.Context, tx *ent.Tx, w *ent.Wave) error {
	lap := newLaps()
	quotas, err := s.quotas(ctx, tx.Client(), w.ID)
	if err != nil {
		return err
	}
	apps, err := s.applicants(ctx, tx, w.ID)
	if err != nil {
		return err
	}
	lap.done("selection.applicants", len(apps))
	entries := make([]lottery.Entry, len(apps))
	for i, a := range apps {
		entries[i] = a.Entry
	}
	outcomes := lottery.Draw(*w.Seed, entries, quotas)
	lap.done("selection.draw", len(entries))
	if err := s.writeOutcomes(ctx, tx, apps, outcomes, w, lap); err != nil {
		return err
	}
	if err := s.notify.WaveAnnounced(ctx, tx, w.ID); err != nil {
		return fmt.Errorf("announce: %w", err)
	}
	err = audit.Record(ctx, tx.Client(), audit.Entry{Action: "wave.selection", TargetType: "Wave", TargetID: w.ID,
		Detail: map[string]string{"seed": *w.Seed, "applicants": fmt.Sprint(len(apps))}})
	if err != nil {
		return err
	}
	lap.done("selection.notify", len(apps)) // every applicant is told the result
	s.log.Info("selection drawn", append([]any{"wave", w.Number, "applicants", len(apps)}, lap.attrs()...)...)
	// The steps are the wave's phases (Phases): stored with the result they
	// describe, or not at all. The announcement is now, after them (the
	// commit makes it visible).
	if err := tx.Wave.UpdateOneID(w.ID).SetSelectionSteps(lap.steps).SetAnnouncedAt(s.now()).Exec(ctx); err != nil {
		return fmt.Errorf("record selection steps: %w", err)
	}
	return nil
}

// laps times the steps of a long operation, for its log line and the
// wave's phases.
type laps struct {
	last  time.Time
	steps []schema.SelectionStep
}

func newLaps() *laps { return &laps{last: time.Now()} }

// done ends the step called name, which handled rows rows.
func (l *laps) done(name string, rows int) {
	now := time.Now()
	l.steps = append(l.steps, schema.SelectionStep{Name: name, At: now.UTC(),
		DurationMs: now.Sub(l.last).Milliseconds(), Rows: rows})
	l.last = now
}

// attrs are the steps' durations as log attributes.
func (l *laps) attrs() []any {
	var out []any
	for _, st := range l.steps {
		out = append(out, st.Name, time.Duration(st.DurationMs)*time.Millisecond)
	}
	return out
}

func (s *Service) quotas(ctx context.Context, c *ent.Client, waveID pulid.ID) (map[string]int, error) {
	qs, err := c.WaveQuota.Query().Where(wavequota.WaveID(waveID)).WithProvince().All(ctx)
	if err != nil {
		return nil, fmt.Errorf("load quotas: %w", err)
	}
	out := map[string]int{}
	for _, q := range qs {
		out[q.Edges.Province.Code] = q.Quota
	}
	return out, nil
}

// applicants reads the wave's applications with province code and
// eligibility, ordered by id (the published order). A closed wave has no
// results yet: the draw records them all at once.
func (s *Service) applicants(ctx context.Context, tx *ent.Tx, waveID pulid.ID) ([]applicant, error) {
	rows, err := tx.QueryContext(ctx, s.rebind(`
		SELECT a.id, p.code, a.recipient_id, r.status
		FROM applications a
		JOIN provinces p ON p.id = a.province_id
		JOIN recipients r ON r.id = a.recipient_id
		WHERE a.wave_id = ?
		ORDER BY `+s.byteOrder("a.id")), string(waveID))
	if err != nil {
		return nil, fmt.Errorf("load applicants: %w", err)
	}
	defer rows.Close()
	var out []applicant
	for rows.Next() {
		var a applicant
		if err := rows.Scan(&a.ID, &a.Province, &a.recipientID, &a.recipientStatus); err != nil {
			return nil, err
		}
		a.Eligible = a.recipientStatus == "verified"
		out = append(out, a)
	}
	return out, rows.Err()
}

// writeOutcomes appends every application's result and accepts the
// selected recipients.
func (s *Service) writeOutcomes(ctx context.Context, tx *ent.Tx, apps []applicant, outs []lottery.Outcome, w *ent.Wave, lap *laps) error {
	now := s.now().UTC()
	results := make([]result, len(outs))
	var accepted []acceptance
	seq := 0
	for i, o := range outs {
		results[i] = result{application: o.ID, recipient: apps[i].recipientID, status: string(o.Status)}
		switch o.Status {
		case lottery.Selected:
			seq++
			results[i].rank = int64(o.Rank)
			accepted = append(accepted, acceptance{apps[i].recipientID, fmt.Sprintf("%04d%012d", w.Number, seq)})
		case lottery.Excluded:
			results[i].reason = apps[i].recipientStatus
		}
	}
	// In recipient order: each page of the recipients table and its primary
	// key is visited once.
	slices.SortFunc(accepted, func(a, b acceptance) int { return strings.Compare(a.recipient, b.recipient) })
	if err := s.insertResults(ctx, tx, results, w.ID, now); err != nil {
		return fmt.Errorf("record results: %w", err)
	}
	lap.done("selection.results", len(results))
	err := s.dialect.Update(ctx, tx, database.Update{
		Table: "recipients",
		Set: `status = 'recipient', card_number = :card, training_balance = :balance,
			accepted_at = :now, updated_at = :now`,
		Key:     database.Text("id", func(i int) string { return accepted[i].recipient }),
		Rows:    len(accepted),
		Columns: []database.Column{database.Text("card", func(i int) string { return accepted[i].card })},
		Consts:  []database.Const{database.Value("balance", int64(w.TrainingBalance)), database.Value("now", now)},
	})
	if err != nil {
		return fmt.Errorf("accept recipients: %w", err)
	}
	if err := s.grantBalances(ctx, tx, accepted, w.TrainingBalance, now); err != nil {
		return err
	}
	lap.done("selection.accept", len(accepted))
	return nil
}

// grantBalances appends the grant of each accepted recipient's training
// balance to the ledger (kind grant, key "grant:<recipientID>"), in one bulk
// insert: the ledger's sum stays the balance. The entry's id is the
// recipient's ULID under the "be" prefix (one grant per recipient).
func (s *Service) grantBalances(ctx context.Context, tx *ent.Tx, accepted []acceptance, balance money.Rupiah, now time.Time) error {
	err := s.dialect.Insert(ctx, tx, database.Insert{
		Into:    `balance_entries (id, recipient_id, kind, amount, balance_after, key, created_at)`,
		Values:  `'be' || substr(:rc, 3), :rc, 'grant', :amount, :amount, 'grant:' || :rc, :now`,
		Rows:    len(accepted),
		Columns: []database.Column{database.Text("rc", func(i int) string { return accepted[i].recipient })},
		Consts:  []database.Const{database.Value("amount", int64(balance)), database.Value("now", now)},
	})
	if err != nil {
		return fmt.Errorf("grant balances: %w", err)
	}
	return nil
}

// acceptance is a selected recipient and its new card number.
type acceptance struct{ recipient, card string }

// result is one selection_results row; its id is the application's ULID
// under the "se" prefix (the draw appends results in application order, so
// the primary key grows at its end). Rank 0 and reason "" are stored as NULL.
type result struct {
	application, recipient, status, reason string
	rank                                   int64
}

// insertResults appends the wave's results in one bulk insert (on
// PostgreSQL over arrays, in large chunks; on SQLite a prepared INSERT per
// row).
func (s *Service) insertResults(ctx context.Context, tx *ent.Tx, rs []result, waveID pulid.ID, now time.Time) error {
	return s.dialect.Insert(ctx, tx, database.Insert{
		Into: `selection_results (id, application_id, recipient_id, status, rank,
			exclusion_reason, wave_id, decided_at, created_at, updated_at)`,
		Values: `'se' || substr(:app, 3), :app, :rc, :st, NULLIF(:rk, 0), NULLIF(:rs, ''), :wave, :now, :now, :now`,
		Rows:   len(rs),
		Columns: []database.Column{
			database.Text("app", func(i int) string { return rs[i].application }),
			database.Text("rc", func(i int) string { return rs[i].recipient }),
			database.Text("st", func(i int) string { return rs[i].status }),
			database.Int("rk", func(i int) int64 { return rs[i].rank }),
			database.Text("rs", func(i int) string { return rs[i].reason }),
		},
		Consts: []database.Const{database.Value("wave", string(waveID)), database.Value("now", now)},
	})
}

// byteOrder orders by a text column byte by byte on every store.
func (s *Service) byteOrder(col string) string { return s.dialect.ByteOrder(col) }

// rebind adapts a hand-written statement's placeholders to the store.
func (s *Service) rebind(q string) string { return s.dialect.Rebind(q) }

// Results returns the results of applications, in their order: nil where
// the wave is not drawn yet (or the viewer may not read the result). One
// query for all of them, so a list of applications batches through it; a
// failed query is the one error for every application.
func (s *Service) Results(ctx context.Context, applicationIDs []pulid.ID) ([]*ent.SelectionResult, []error) {
	ids := make([]pulid.ID, len(applicationIDs))
	for i, id := range applicationIDs {
		ids[i] = id.Sibling("se")
	}
	rs, err := s.client.SelectionResult.Query().Where(selectionresult.IDIn(ids...)).All(ctx)
	if err != nil {
		return nil, []error{fmt.Errorf("load results: %w", err)}
	}
	byApp := make(map[pulid.ID]*ent.SelectionResult, len(rs))
	for _, r := range rs {
		byApp[r.ApplicationID] = r
	}
	out := make([]*ent.SelectionResult, len(applicationIDs))
	for i, id := range applicationIDs {
		out[i] = byApp[id]
	}
	return out, nil
}

// Summary counts a wave's applicants and, once drawn, its results (grouped
// counts on indexes).
func (s *Service) Summary(ctx context.Context, id pulid.ID) (*Summary, error) {
	w, err := s.client.Wave.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	out := &Summary{Wave: w}
	rows, err := s.client.QueryContext(ctx, s.rebind(
		`SELECT status, COUNT(*) FROM selection_results WHERE wave_id = ? GROUP BY status`), string(id))
	if err != nil {
		return nil, fmt.Errorf("count results: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return nil, err
		}
		out.Applicants += n
		switch selectionresult.Status(status) {
		case selectionresult.StatusSelected:
			out.Selected = n
		case selectionresult.StatusExcluded:
			out.Excluded = n
		}
	}
	if err := rows.Err(); err != nil || out.Applicants > 0 {
		return out, err
	}
	// Not drawn yet: count the entries.
	if out.Applicants, err = s.client.Application.Query().Where(application.WaveID(id)).Count(rule.System(ctx, "wave summary")); err != nil {
		return nil, fmt.Errorf("count applications: %w", err)
	}
	return out, nil
}
