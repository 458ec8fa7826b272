package journey

import (
	"context"
	"fmt"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/wave"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Phase is one step of a wave's life or of its selection run.
type Phase struct {
	Name       string // created, opened, closed, selection.*, announced
	Label      string // in the reader's language
	At         *time.Time
	DurationMs *int // selection steps only
	Rows       *int // selection steps only
}

// Phases returns w's steps so far, oldest first, labelled in locale: its
// creation, opening and closing, the timed steps of its selection run
// (stored by the run's transaction) and its announcement. Callers outside
// rule.NeedWaves (the console's waves section: admin and analyst) are
// refused; the wave itself stays public.
func (s *Service) Phases(ctx context.Context, w *ent.Wave, locale string) ([]Phase, error) {
	n := rule.NeedWaves()
	n.Action = "journey.wave.phases"
	if _, err := n.Check(ctx); err != nil {
		return nil, err
	}
	out := []Phase{phaseAt("created", &w.CreatedAt, locale)}
	for _, p := range []struct {
		name string
		at   *time.Time
	}{{"opened", w.OpenedAt}, {"closed", w.ClosedAt}} {
		if p.at != nil {
			out = append(out, phaseAt(p.name, p.at, locale))
		}
	}
	for _, st := range w.SelectionSteps {
		ph := phaseAt(st.Name, &st.At, locale)
		ms, rows := int(st.DurationMs), st.Rows
		ph.DurationMs, ph.Rows = &ms, &rows
		out = append(out, ph)
	}
	if w.AnnouncedAt != nil {
		out = append(out, phaseAt("announced", w.AnnouncedAt, locale))
	}
	return out, nil
}

func phaseAt(name string, at *time.Time, locale string) Phase {
	t := at.UTC()
	return Phase{Name: name, Label: msg.Render(locale, msg.WavePhase(name)), At: &t}
}

// VerifyCommand is the command line that recomputes and checks w's
// published selection from the public base URL (cmd/prakerja
// verify-selection); "" before the selection is announced.
func (s *Service) VerifyCommand(w *ent.Wave) string {
	if w.Status != wave.StatusAnnounced {
		return ""
	}
	return fmt.Sprintf("prakerja verify-selection -source %s -wave %d", s.cfg.PublicURL, w.Number)
}
