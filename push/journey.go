package push

import (
	"context"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

// The journey's events (internal/journey.Notifier): the Service is the
// notifier the app hands to the journey. Each call writes in the journey's
// own transaction.

// WaveAnnounced queues the fan-out of a wave's results to every applicant.
func (s *Service) WaveAnnounced(ctx context.Context, tx *ent.Tx, waveID pulid.ID) error {
	return s.FanOutWaveResultsTx(ctx, tx, waveID)
}

// RevocationWarning tells a recipient to buy a first training before the
// deadline.
func (s *Service) RevocationWarning(ctx context.Context, tx *ent.Tx, r *ent.Recipient, deadline time.Time) error {
	_, err := s.Notify(ctx, tx, RevocationWarning(r.AccountID, r.ID, deadline))
	return err
}

// Revoked tells a recipient the membership was revoked.
func (s *Service) Revoked(ctx context.Context, tx *ent.Tx, r *ent.Recipient) error {
	_, err := s.Notify(ctx, tx, Revoked(r.AccountID, r.ID))
	return err
}

// NotifyNow is Notify in a transaction of its own, for producers that have
// none (schedulers such as the survey openings).
func (s *Service) NotifyNow(ctx context.Context, events ...Event) (int, error) {
	var n int
	err := s.inTx(ctx, "notify", func(ctx context.Context, tx *ent.Tx) error {
		var err error
		n, err = s.Notify(ctx, tx, events...)
		return err
	})
	return n, err
}
