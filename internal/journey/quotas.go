package journey

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/kartuprakerja/platform/ent/province"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// MaxWaveSize bounds the size a quota suggestion is asked for: ten times
// the largest wave the program ran (about a million seats in 2020).
const MaxWaveSize = 10_000_000

// ProvinceShare is a province's waiting applicants and its seats.
type ProvinceShare struct {
	Code, Name string
	Applicants int
	Quota      int
}

// SuggestWaveQuotas shares size seats among all provinces in proportion to
// their applicants: verified registrations not yet selected (recipient
// status verified), counted by the province of their regency. Apportion
// makes the quotas add up exactly. With no applicants anywhere there is
// nothing to be proportional to: CONFLICT with msg.NoApplicants (the
// console then leaves the quotas to be typed). Admins only, like the wave
// actions it prepares.
func (s *Service) SuggestWaveQuotas(ctx context.Context, size int) ([]ProvinceShare, error) {
	if err := staff(ctx, "journey.wave.suggest_quotas"); err != nil {
		return nil, err
	}
	if size <= 0 || size > MaxWaveSize {
		return nil, apperr.Invalid("size", msg.QuotaSizeRange, MaxWaveSize)
	}
	shares, err := s.waitingByProvince(ctx)
	if err != nil {
		return nil, err
	}
	if err := Apportion(shares, size); err != nil {
		return nil, err
	}
	return shares, nil
}

// waitingByProvince counts the verified applicants of every province (zero
// included), by province code.
func (s *Service) waitingByProvince(ctx context.Context) ([]ProvinceShare, error) {
	rows, err := s.client.QueryContext(ctx, s.rebind(`
		SELECT p.code, p.name, COUNT(r.id)
		FROM provinces p
		LEFT JOIN regencies g ON g.province_id = p.id
		LEFT JOIN recipients r ON r.regency_id = g.id AND r.status = ?
		GROUP BY p.code, p.name
		ORDER BY `+s.byteOrder("p.code")), "verified")
	if err != nil {
		return nil, fmt.Errorf("count applicants by province: %w", err)
	}
	defer rows.Close()
	var out []ProvinceShare
	for rows.Next() {
		var p ProvinceShare
		if err := rows.Scan(&p.Code, &p.Name, &p.Applicants); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Apportion sets the quotas of shares to size seats in proportion to their
// applicants by the largest remainder (Hamilton) method: each gets the
// whole part of its exact share, and the seats left go one each to the
// largest remainders, equal remainders to the lower province code. The
// quotas add up to size exactly and the result does not depend on the
// order of shares. With no applicants at all it returns CONFLICT
// (msg.NoApplicants) and leaves shares alone.
func Apportion(shares []ProvinceShare, size int) error {
	total := 0
	for _, p := range shares {
		total += p.Applicants
	}
	if total == 0 {
		return apperr.E(apperr.Conflict, msg.NoApplicants)
	}
	// Exact arithmetic: share = size*applicants/total, remainder kept as
	// the numerator mod total (size <= MaxWaveSize and applicants <= total
	// keep the product within int64).
	rem := make([]int64, len(shares))
	left := size
	for i := range shares {
		n := int64(size) * int64(shares[i].Applicants)
		shares[i].Quota = int(n / int64(total))
		rem[i] = n % int64(total)
		left -= shares[i].Quota
	}
	order := make([]int, len(shares))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(rem[b], rem[a]), cmp.Compare(shares[a].Code, shares[b].Code))
	})
	for _, i := range order[:left] {
		shares[i].Quota++
	}
	return nil
}

// ProvinceQuota is one row of a wave's quota table as the client sent it.
type ProvinceQuota struct {
	ProvinceCode string
	Quota        int
}

// ProvinceQuotas checks a wave's quota rows and returns them by province
// code. Every wrong row is named by its place, so a form can mark the
// cell: provinceQuotas.<i>.quota for a negative quota,
// provinceQuotas.<i>.provinceCode for a province listed twice or a code no
// province has. The message is the first wrong row's. Admins only: the
// caller is checked before the input.
func (s *Service) ProvinceQuotas(ctx context.Context, rows []ProvinceQuota) (map[string]int, error) {
	if err := staff(ctx, "journey.wave.create"); err != nil {
		return nil, err
	}
	known, err := s.client.Province.Query().Select(province.FieldCode).Strings(rule.System(ctx, "province codes"))
	if err != nil {
		return nil, fmt.Errorf("province codes: %w", err)
	}
	var first *apperr.Error
	bad := func(field string, key msg.Key, args ...any) {
		e := apperr.Invalid(field, key, args...)
		if first == nil {
			first = e
		} else {
			first.Fields[field] = e.Fields[field]
		}
	}
	out := make(map[string]int, len(rows))
	for i, r := range rows {
		at := "provinceQuotas." + strconv.Itoa(i) + "."
		_, twice := out[r.ProvinceCode]
		switch {
		case !slices.Contains(known, r.ProvinceCode):
			bad(at+"provinceCode", msg.ProvinceCodeUnknown, r.ProvinceCode)
		case twice:
			bad(at+"provinceCode", msg.ProvinceTwice, r.ProvinceCode)
		}
		if r.Quota < 0 {
			bad(at+"quota", msg.QuotaNegative)
		}
		out[r.ProvinceCode] = r.Quota
	}
	if first != nil {
		return nil, first
	}
	return out, nil
}
