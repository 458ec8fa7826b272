package registry

import (
	"context"
	"fmt"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/registryperson"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Embedded answers from the synthetic population seeded into the store.
type Embedded struct{ Client *ent.Client }

// Verify implements Population.
func (e Embedded) Verify(ctx context.Context, id Identity) (Verdict, error) {
	p, err := e.person(ctx, id.NIK)
	if ent.IsNotFound(err) {
		return Verdict{Reason: NIKNotFound}, nil
	}
	if err != nil {
		return Verdict{}, err
	}
	return compare(p, id), nil
}

// Check implements Checker: the verdict and, for a match, the listings.
func (e Embedded) Check(ctx context.Context, id Identity) (Verdict, []string, error) {
	p, err := e.person(ctx, id.NIK)
	if ent.IsNotFound(err) {
		return Verdict{Reason: NIKNotFound}, nil, nil
	}
	if err != nil {
		return Verdict{}, nil, err
	}
	v := compare(p, id)
	if !v.Match {
		return v, nil, nil
	}
	return v, p.Exclusions, nil
}

// Listings implements Exclusions.
func (e Embedded) Listings(ctx context.Context, nik string) ([]string, error) {
	p, err := e.person(ctx, nik)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return p.Exclusions, nil
}

func (e Embedded) person(ctx context.Context, nik string) (*ent.RegistryPerson, error) {
	p, err := e.Client.RegistryPerson.Query().Where(registryperson.Nik(nik)).
		Only(rule.System(ctx, "embedded registry"))
	if err != nil && !ent.IsNotFound(err) {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	return p, err
}

func compare(p *ent.RegistryPerson, id Identity) Verdict {
	switch {
	case p.Deceased:
		return Verdict{Reason: Deceased}
	case p.KkNumber != id.KKNumber:
		return Verdict{Reason: KKMismatch}
	case !p.BirthDate.Equal(id.BirthDate) && p.BirthDate.Format(time.DateOnly) != id.BirthDate.Format(time.DateOnly):
		return Verdict{Reason: BirthDateMismatch}
	case NormalizeName(p.MotherMaidenName) != NormalizeName(id.MotherMaidenName):
		return Verdict{Reason: MotherMismatch}
	case NormalizeName(p.FullName) != NormalizeName(id.FullName):
		return Verdict{Reason: NameMismatch}
	}
	return Verdict{Match: true}
}
