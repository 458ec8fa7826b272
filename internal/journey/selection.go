package journey

import (
	"context"
	"fmt"
	"strings"

	"entgo.io/ent/dialect"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/application"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/wave"
	"github.com/kartuprakerja/platform/ent/wavequota"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/audit"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/lottery"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Summary is the published outcome of a wave's lottery.
type Summary struct {
	Wave                           *ent.Wave
	Applicants, Selected, Excluded int
}

// RunSelection draws a closed wave's lottery (package lottery), records
// every applicant's result, accepts the selected (card number, training
// balance) and announces the wave, all in one transaction: a crash rolls
// everything back and a rerun draws the identical result from the same
// seed. Running it on an announced wave returns that wave's result.
// Eligible applicants are those whose registration is still verified (not
// rejected, revoked, or already a recipient).
func (s *Service) RunSelection(ctx context.Context, id pulid.ID) (*Summary, error) {
	w, err := s.client.Wave.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if w.Status == wave.StatusAnnounced {
		return s.Summary(ctx, id)
	}
	if w.Status != wave.StatusClosed {
		return nil, apperr.New(apperr.Conflict, "Tutup gelombang sebelum menjalankan seleksi.")
	}
	if w.Seed == nil || w.Commitment == nil {
		return nil, apperr.New(apperr.Conflict, "Gelombang ini dibuka tanpa komitmen undian; seleksi tidak dapat diaudit.")
	}
	err = withTx(ctx, s.client, func(tx *ent.Tx) error {
		// The status change runs with the caller's context: the wave's
		// privacy policy lets only admins do it.
		n, err := tx.Wave.Update().Where(wave.ID(id), wave.StatusEQ(wave.StatusClosed)).
			SetStatus(wave.StatusAnnounced).SetSelectedAt(s.now()).SetAnnouncedAt(s.now()).Save(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.Conflict, "Seleksi gelombang ini sedang atau sudah berjalan.")
		}
		return s.draw(rule.System(ctx, "selection by admin"), tx, w)
	})
	if err != nil {
		return nil, err
	}
	return s.Summary(ctx, id)
}

type applicant struct {
	lottery.Entry
	recipientID string
}

func (s *Service) draw(ctx context.Context, tx *ent.Tx, w *ent.Wave) error {
	quotas, err := s.quotas(ctx, tx.Client(), w.ID)
	if err != nil {
		return err
	}
	apps, err := s.applicants(ctx, tx, w.ID)
	if err != nil {
		return err
	}
	entries := make([]lottery.Entry, len(apps))
	for i, a := range apps {
		entries[i] = a.Entry
	}
	outcomes := lottery.Draw(*w.Seed, entries, quotas)
	if err := s.writeOutcomes(ctx, tx, apps, outcomes, w); err != nil {
		return err
	}
	if err := s.notify.WaveAnnounced(ctx, tx, w.ID); err != nil {
		return fmt.Errorf("announce: %w", err)
	}
	return audit.Record(ctx, tx.Client(), audit.Entry{Action: "wave.selection", TargetType: "Wave", TargetID: w.ID,
		Detail: map[string]string{"seed": *w.Seed, "applicants": fmt.Sprint(len(apps))}})
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

// applicants streams the wave's applications with province code and
// eligibility, ordered by id (the published order).
func (s *Service) applicants(ctx context.Context, tx *ent.Tx, waveID pulid.ID) ([]applicant, error) {
	rows, err := tx.QueryContext(ctx, s.rebind(`
		SELECT a.id, p.code, a.recipient_id, r.status
		FROM applications a
		JOIN provinces p ON p.id = a.province_id
		JOIN recipients r ON r.id = a.recipient_id
		WHERE a.wave_id = ? AND a.status = 'pending'
		ORDER BY `+s.byteOrder("a.id")), string(waveID))
	if err != nil {
		return nil, fmt.Errorf("load applicants: %w", err)
	}
	defer rows.Close()
	var out []applicant
	for rows.Next() {
		var a applicant
		var status string
		if err := rows.Scan(&a.ID, &a.Province, &a.recipientID, &status); err != nil {
			return nil, err
		}
		a.Eligible = status == "verified"
		out = append(out, a)
	}
	return out, rows.Err()
}

// writeOutcomes records statuses (ranks for the selected) and accepts the
// selected recipients.
func (s *Service) writeOutcomes(ctx context.Context, tx *ent.Tx, apps []applicant, outs []lottery.Outcome, w *ent.Wave) error {
	now := s.now().UTC()
	var decided, accepted [][]any
	seq := 0
	for i, o := range outs {
		switch o.Status {
		case lottery.Selected:
			seq++
			decided = append(decided, []any{o.ID, string(o.Status), fmt.Sprint(o.Rank)})
			accepted = append(accepted, []any{apps[i].recipientID, fmt.Sprintf("%04d%012d", w.Number, seq)})
		case lottery.Excluded:
			decided = append(decided, []any{o.ID, string(o.Status), ""})
		}
	}
	// Per row (the selected and the excluded): id, status, rank ("" unless
	// selected). Constant: decided_at, updated_at.
	err := s.updateRows(ctx, tx, decided, bulkUpdate{
		cte: "v(id, st, rk)",
		pg: `UPDATE applications SET status = v.st,
			rank = CASE WHEN v.rk = '' THEN NULL ELSE CAST(v.rk AS INTEGER) END, decided_at = ?, updated_at = ?
			FROM v WHERE applications.id = v.id`,
		lite: `UPDATE applications SET status = ?2, rank = CASE WHEN ?3 = '' THEN NULL ELSE CAST(?3 AS INTEGER) END,
			decided_at = ?4, updated_at = ?5 WHERE id = ?1`,
		args: []any{now, now},
	})
	if err != nil {
		return fmt.Errorf("record results: %w", err)
	}
	// Everyone still pending was drawn and not selected: one statement.
	if _, err := tx.ExecContext(ctx, s.rebind(`UPDATE applications SET status = 'not_selected', decided_at = ?, updated_at = ?
		WHERE wave_id = ? AND status = 'pending'`), now, now, string(w.ID)); err != nil {
		return fmt.Errorf("record results: %w", err)
	}
	// Per row: recipient id, card number. Constant: balance, accepted_at, updated_at.
	err = s.updateRows(ctx, tx, accepted, bulkUpdate{
		cte: "v(id, card)",
		pg: `UPDATE recipients SET status = 'recipient', card_number = v.card, training_balance = ?,
			accepted_at = ?, updated_at = ? FROM v WHERE recipients.id = v.id`,
		lite: `UPDATE recipients SET status = 'recipient', card_number = ?2, training_balance = ?3,
			accepted_at = ?4, updated_at = ?5 WHERE id = ?1`,
		args: []any{int64(w.TrainingBalance), now, now},
	})
	if err != nil {
		return fmt.Errorf("accept recipients: %w", err)
	}
	return nil
}

// bulkUpdate updates many rows by id, each with its own values, in the
// statement form that is fast on each store.
type bulkUpdate struct {
	cte  string // PostgreSQL: the VALUES list's name and columns, e.g. v(id, st)
	pg   string // PostgreSQL: UPDATE … FROM v, with ? for the constant args
	lite string // SQLite: one row's UPDATE, ?1… the row's values then the constant args
	args []any  // the constant values
}

// updateRows applies u to rows. PostgreSQL joins the table with a VALUES
// list (4,000 rows a statement, a hash join); SQLite, whose planner scans
// the table for such a join, runs one prepared statement per row instead
// (a primary-key lookup each, microseconds inside one transaction).
func (s *Service) updateRows(ctx context.Context, tx *ent.Tx, rows [][]any, u bulkUpdate) error {
	if len(rows) == 0 {
		return nil
	}
	if s.dialect == dialect.Postgres {
		for c := range chunks(rows, 4000) {
			if err := s.execValues(ctx, tx, u.pg, u.cte, c, u.args...); err != nil {
				return err
			}
		}
		return nil
	}
	st := tx.SQLTx()
	if st == nil {
		return fmt.Errorf("no database/sql transaction")
	}
	stmt, err := st.PrepareContext(ctx, u.lite)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, r := range rows {
		if _, err := stmt.ExecContext(ctx, append(append([]any{}, r...), u.args...)...); err != nil {
			return err
		}
	}
	return nil
}

// execValues runs "WITH <cte> AS (VALUES …) <stmt>" with rows as the
// VALUES list followed by the statement's own arguments.
func (s *Service) execValues(ctx context.Context, tx *ent.Tx, stmt, cte string, rows [][]any, args ...any) error {
	var b strings.Builder
	b.WriteString("WITH " + cte + " AS (VALUES ")
	all := make([]any, 0, len(rows)*len(rows[0])+len(args))
	for i, r := range rows {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("(" + strings.TrimSuffix(strings.Repeat("?,", len(r)), ",") + ")")
		all = append(all, r...)
	}
	b.WriteString(") " + stmt)
	_, err := tx.ExecContext(ctx, s.rebind(b.String()), append(all, args...)...)
	return err
}

// byteOrder orders by a text column byte by byte on every store (PostgreSQL
// would otherwise use the database's locale collation).
func (s *Service) byteOrder(col string) string {
	if s.dialect == dialect.Postgres {
		return col + ` COLLATE "C"`
	}
	return col
}

// rebind adapts a hand-written statement's placeholders to the store.
func (s *Service) rebind(q string) string { return database.Rebind(s.dialect, q) }

// Summary counts a wave's outcome (one grouped, index-only query).
func (s *Service) Summary(ctx context.Context, id pulid.ID) (*Summary, error) {
	w, err := s.client.Wave.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	rows, err := s.client.QueryContext(ctx, s.rebind(
		`SELECT status, COUNT(*) FROM applications WHERE wave_id = ? GROUP BY status`), string(id))
	if err != nil {
		return nil, fmt.Errorf("count applications: %w", err)
	}
	defer rows.Close()
	out := &Summary{Wave: w}
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return nil, err
		}
		out.Applicants += n
		switch application.Status(status) {
		case application.StatusSelected:
			out.Selected = n
		case application.StatusExcluded:
			out.Excluded = n
		}
	}
	return out, rows.Err()
}
