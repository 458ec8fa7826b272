package journey

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/wave"
	"github.com/kartuprakerja/platform/internal/lottery"
	"github.com/kartuprakerja/platform/internal/rule"
)

// PublicationHandler serves the published data of announced waves, from
// which anyone can recompute the draw (prakerja verify-selection):
//
//	GET /publication/waves/{number}/selection.json  commitment, seed, quotas
//	GET /publication/waves/{number}/applicants.csv  id,province,eligible (by id)
//	GET /publication/waves/{number}/results.csv     id,province,status,rank
func (s *Service) PublicationHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /publication/waves/{number}/{file}", func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(r.PathValue("number"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		ctx := rule.System(r.Context(), "publication of an announced wave")
		wv, err := s.client.Wave.Query().Where(wave.Number(n), wave.StatusEQ(wave.StatusAnnounced)).Only(ctx)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		switch r.PathValue("file") {
		case "selection.json":
			err = s.writeSelection(w, r, wv)
		case "applicants.csv":
			err = s.writeRows(w, r, wv, lottery.ApplicantsHeader(), func(id, prov, status string, _ *int) []string {
				return []string{id, prov, strconv.FormatBool(status != string(lottery.Excluded))}
			})
		case "results.csv":
			err = s.writeRows(w, r, wv, lottery.ResultsHeader(), func(id, prov, status string, rank *int) []string {
				rk := ""
				if rank != nil {
					rk = strconv.Itoa(*rank)
				}
				return []string{id, prov, status, rk}
			})
		default:
			http.NotFound(w, r)
			return
		}
		if err != nil {
			http.Error(w, "publication unavailable", http.StatusInternalServerError)
		}
	})
	return mux
}

func (s *Service) writeSelection(w http.ResponseWriter, r *http.Request, wv *ent.Wave) error {
	ctx := rule.System(r.Context(), "publication")
	quotas, err := s.quotas(ctx, s.client, wv.ID)
	if err != nil {
		return err
	}
	sum, err := s.Summary(ctx, wv.ID)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	return json.NewEncoder(w).Encode(lottery.Publication{Wave: wv.Number, Commitment: deref(wv.Commitment),
		Seed: deref(wv.Seed), Quotas: quotas, Applicants: sum.Applicants, Selected: sum.Selected})
}

// writeRows streams the wave's applications ordered by id.
func (s *Service) writeRows(w http.ResponseWriter, r *http.Request, wv *ent.Wave, header []string,
	row func(id, prov, status string, rank *int) []string) error {
	rows, err := s.client.QueryContext(r.Context(), s.rebind(`
		SELECT a.id, p.code, COALESCE(r.status, 'pending'), r.rank
		FROM applications a JOIN provinces p ON p.id = a.province_id
		LEFT JOIN selection_results r ON r.id = 'se' || substr(a.id, 3) -- a result's id is its application's
		WHERE a.wave_id = ? ORDER BY `+s.byteOrder("a.id")), string(wv.ID))
	if err != nil {
		return err
	}
	defer rows.Close()
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for rows.Next() {
		var id, prov, status string
		var rank *int
		if err := rows.Scan(&id, &prov, &status, &rank); err != nil {
			return fmt.Errorf("scan: %w", err)
		}
		if err := cw.Write(row(id, prov, status, rank)); err != nil {
			return err
		}
	}
	cw.Flush()
	return rows.Err()
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
