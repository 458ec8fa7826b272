package journey

import (
	"context"

	"github.com/kartuprakerja/platform/ent"
)

// CarryOver runs the carry-over of OpenWave again for an open wave, so a
// test can check that a rerun adds nothing.
func (s *Service) CarryOver(ctx context.Context, tx *ent.Tx, w *ent.Wave) (int, error) {
	return s.carryOver(ctx, tx, w)
}
