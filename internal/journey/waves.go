package journey

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"entgo.io/ent/dialect/sql"
	"fmt"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/application"
	"github.com/kartuprakerja/platform/ent/predicate"
	"github.com/kartuprakerja/platform/ent/province"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/regency"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/selectionresult"
	"github.com/kartuprakerja/platform/ent/wave"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/audit"
	"github.com/kartuprakerja/platform/internal/checked"
	"github.com/kartuprakerja/platform/internal/lottery"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// NewWave describes a wave to create.
type NewWave struct {
	Number          int
	Name            string
	OpensAt         time.Time
	ClosesAt        time.Time
	Quota           int
	TrainingBalance *money.Rupiah
	ProvinceQuotas  map[string]int // province code -> seats
}

// staff checks rule.NeedWaveAdmin (an admin: the wave policies agree, and
// the console shows its waves actions to whoever meets it) for one action,
// named in the denial, before any input is looked at.
func staff(ctx context.Context, action string) error {
	n := rule.NeedWaveAdmin()
	n.Action = action
	_, err := n.Check(ctx)
	return err
}

// CreateWave creates a draft wave with its province quotas. Only admins may.
func (s *Service) CreateWave(ctx context.Context, in NewWave) (*ent.Wave, error) {
	if err := staff(ctx, "journey.wave.create"); err != nil {
		return nil, err
	}
	if err := validateWave(in); err != nil {
		return nil, err
	}
	provs, err := s.client.Province.Query().Where(province.CodeIn(keys(in.ProvinceQuotas)...)).All(ctx)
	if err != nil {
		return nil, err
	}
	if len(provs) != len(in.ProvinceQuotas) {
		return nil, apperr.Invalid("provinceQuotas", msg.ProvinceUnknown)
	}
	var w *ent.Wave
	err = withTx(ctx, s.client, func(tx *ent.Tx) error {
		c := tx.Wave.Create().SetNumber(in.Number).SetName(in.Name).SetOpensAt(in.OpensAt).
			SetClosesAt(in.ClosesAt).SetQuota(in.Quota)
		if in.TrainingBalance != nil {
			c.SetTrainingBalance(*in.TrainingBalance)
		}
		if w, err = c.Save(ctx); err != nil {
			if ent.IsConstraintError(err) {
				return apperr.Wrap(apperr.Conflict, err, msg.WaveExists, in.Number)
			}
			return err
		}
		var bulk []*ent.WaveQuotaCreate
		for _, p := range provs {
			bulk = append(bulk, tx.WaveQuota.Create().SetWaveID(w.ID).SetProvinceID(p.ID).
				SetQuota(in.ProvinceQuotas[p.Code]))
		}
		if err := tx.WaveQuota.CreateBulk(bulk...).Exec(ctx); err != nil {
			return err
		}
		return audit.Record(ctx, tx.Client(), audit.Entry{Action: "wave.created", TargetType: "Wave", TargetID: w.ID})
	})
	return w, err
}

func validateWave(in NewWave) error {
	sum := 0
	for _, q := range in.ProvinceQuotas {
		if q < 0 {
			return apperr.Invalid("provinceQuotas", msg.QuotaNegative)
		}
		var err error
		if sum, err = checked.Add(sum, q); err != nil {
			return apperr.Invalid("provinceQuotas", msg.QuotaTooLarge)
		}
	}
	switch {
	case in.Quota < 0:
		return apperr.Invalid("quota", msg.QuotaNegative)
	case in.Number <= 0:
		return apperr.Invalid("number", msg.WaveNumberPositive)
	case !in.ClosesAt.After(in.OpensAt):
		return apperr.Invalid("closesAt", msg.ClosesAfterOpens)
	case sum != in.Quota:
		return apperr.Invalid("provinceQuotas", msg.QuotaSumMismatch, sum, in.Quota)
	case in.TrainingBalance != nil && *in.TrainingBalance <= 0:
		return apperr.Invalid("trainingBalance", msg.BalancePositive)
	}
	return nil
}

// OpenWave opens a draft wave: it draws the secret lottery seed, publishes
// its commitment, and carries the applicants not selected in the last
// announced wave over into this one.
func (s *Service) OpenWave(ctx context.Context, id pulid.ID) (*ent.Wave, error) {
	if err := staff(ctx, "journey.wave.open"); err != nil {
		return nil, err
	}
	seed, err := newSeed()
	if err != nil {
		return nil, err
	}
	var w *ent.Wave
	err = withTx(ctx, s.client, func(tx *ent.Tx) error {
		n, err := tx.Wave.Update().Where(wave.ID(id), wave.StatusEQ(wave.StatusDraft)).
			SetStatus(wave.StatusOpen).SetSeed(seed).SetCommitment(lottery.Commitment(seed)).SetOpenedAt(s.now()).Save(ctx)
		if err != nil {
			return err
		}
		if w, err = tx.Wave.Get(ctx, id); err != nil {
			return err
		}
		if n == 0 {
			return wrongState(w)
		}
		carried, err := s.carryOver(ctx, tx, w)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx.Client(), audit.Entry{Action: "wave.opened", TargetType: "Wave", TargetID: id,
			Detail: map[string]string{"commitment": *w.Commitment, "carried_over": fmt.Sprint(carried)}})
	})
	return w, err
}

// carryOver enters the still-eligible applicants not selected in the last
// announced wave into w.
func (s *Service) carryOver(ctx context.Context, tx *ent.Tx, w *ent.Wave) (int, error) {
	sys := rule.System(ctx, "carry over applicants")
	prev, err := tx.Wave.Query().Where(wave.StatusEQ(wave.StatusAnnounced), wave.NumberLT(w.Number)).
		Order(ent.Desc(wave.FieldNumber)).First(sys)
	if ent.IsNotFound(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	apps, err := tx.Application.Query().
		Where(application.WaveID(prev.ID), drawnAs(prev.ID, selectionresult.StatusNotSelected),
			application.HasRecipientWith(recipient.StatusEQ(recipient.StatusVerified))).All(sys)
	if err != nil {
		return 0, err
	}
	for chunk := range chunks(apps, 2000) {
		bulk := make([]*ent.ApplicationCreate, len(chunk))
		for i, a := range chunk {
			bulk[i] = tx.Application.Create().SetRecipientID(a.RecipientID).SetWaveID(w.ID).SetProvinceID(a.ProvinceID)
		}
		if err := tx.Application.CreateBulk(bulk...).OnConflict().DoNothing().Exec(sys); err != nil {
			return 0, fmt.Errorf("carry over: %w", err)
		}
	}
	return len(apps), nil
}

// drawnAs matches the applications of a wave whose result is status (a
// subquery: results have no edge, see ent/schema/selectionresult.go).
func drawnAs(waveID pulid.ID, status selectionresult.Status) predicate.Application {
	return func(s *sql.Selector) {
		t := sql.Table(selectionresult.Table)
		s.Where(sql.In(s.C(application.FieldID), sql.Select(t.C(selectionresult.FieldApplicationID)).From(t).
			Where(sql.And(sql.EQ(t.C(selectionresult.FieldWaveID), string(waveID)),
				sql.EQ(t.C(selectionresult.FieldStatus), string(status))))))
	}
}

// CloseWave stops new applications.
func (s *Service) CloseWave(ctx context.Context, id pulid.ID) (*ent.Wave, error) {
	if err := staff(ctx, "journey.wave.close"); err != nil {
		return nil, err
	}
	n, err := s.client.Wave.Update().Where(wave.ID(id), wave.StatusEQ(wave.StatusOpen)).
		SetStatus(wave.StatusClosed).SetClosedAt(s.now()).Save(ctx)
	if err != nil {
		return nil, err
	}
	w, err := s.client.Wave.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		if w.Status == wave.StatusClosed {
			return w, nil // closing twice: the first close stands, audited once
		}
		return nil, wrongState(w)
	}
	return w, audit.Record(ctx, s.client, audit.Entry{Action: "wave.closed", TargetType: "Wave", TargetID: id})
}

// wrongState refuses an action on w in its current state, saying the state
// and what can be done with the wave now.
func wrongState(w *ent.Wave) error {
	return apperr.E(apperr.Conflict, msg.WaveStateConflict, w.Number,
		msg.WaveStatus(string(w.Status)), msg.WaveNext(string(w.Status)))
}

// CurrentWave returns the open wave, if any.
func (s *Service) CurrentWave(ctx context.Context) (*ent.Wave, error) {
	w, err := s.client.Wave.Query().Where(wave.StatusEQ(wave.StatusOpen)).Order(ent.Desc(wave.FieldNumber)).First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return w, err
}

// JoinWave enters the viewer into an open wave; joining twice returns the
// same application.
func (s *Service) JoinWave(ctx context.Context, waveID pulid.ID) (*ent.Application, error) {
	r, err := s.verifiedApplicant(ctx, "journey.wave.join")
	if err != nil {
		return nil, err
	}
	sys := rule.System(ctx, "join wave after checks")
	if ok, err := s.passedAbilityTest(sys, r.ID); err != nil || !ok {
		if err == nil {
			err = apperr.E(apperr.Forbidden, msg.PassTestFirst)
		}
		return nil, err
	}
	w, err := s.client.Wave.Get(ctx, waveID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	if w.Status != wave.StatusOpen || now.Before(w.OpensAt) || !now.Before(w.ClosesAt) {
		return nil, apperr.E(apperr.Conflict, msg.WaveNotOpen, w.Number)
	}
	provID, err := s.client.Regency.Query().Where(regency.ID(r.RegencyID)).QueryProvince().OnlyID(sys)
	if err != nil {
		return nil, err
	}
	err = s.client.Application.Create().SetRecipientID(r.ID).SetWaveID(w.ID).SetProvinceID(provID).
		OnConflict().DoNothing().Exec(ctx) // as the viewer: the policy's own-row rule
	if err != nil && !isNoRows(err) {
		return nil, fmt.Errorf("join wave: %w", err)
	}
	return s.client.Application.Query().
		Where(application.RecipientID(r.ID), application.WaveID(w.ID)).Only(ctx)
}

func newSeed() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("lottery seed: %w", err)
	}
	return hex.EncodeToString(b), nil
}

func keys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// chunks yields consecutive slices of at most n elements.
func chunks[T any](s []T, n int) func(func([]T) bool) {
	return func(yield func([]T) bool) {
		for i := 0; i < len(s); i += n {
			if !yield(s[i:min(i+n, len(s))]) {
				return
			}
		}
	}
}
