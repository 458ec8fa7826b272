package seed

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Fixed demo phones. Generated recipients' phones never start with 0 after
// the operator prefix, so they cannot collide with these.
const (
	phoneAdmin          = "+6281100000001"
	phoneAnalyst        = "+6281100000002"
	phoneSupport        = "+6281100000003"
	phoneAssessor       = "+6281100000004"
	phoneFinanceMaker   = "+6281100000005"
	phoneFinanceChecker = "+6281100000006"
	phoneInstitution    = "+6281100000011"
	phonePlatform       = "+6281100000012"
	phonePaymentPartner = "+6281100000013"
	phoneJobPortal      = "+6281100000014"
	phoneOtherPlatform  = "+6281100000015" // a second platform: partners see only their own
	phoneDemoRecipient  = "+6281200000001"
)

// DemoPhones lists the fixed demo phones, in the local form people type
// (08…), with the kind of account each signs in to.
func DemoPhones() []DemoAccount {
	local := func(p string) string { return "0" + p[3:] }
	return []DemoAccount{
		{Phone: local(phoneDemoRecipient), Role: viewer.RoleRecipient, Name: "penerima / recipient"},
		{Phone: local(phoneAdmin), Role: viewer.RoleAdmin, Name: "admin"},
		{Phone: local(phoneAnalyst), Role: viewer.RoleAnalyst, Name: "analis / analyst"},
		{Phone: local(phoneSupport), Role: viewer.RoleSupport, Name: "layanan / support"},
		{Phone: local(phoneAssessor), Role: viewer.RoleAssessor, Name: "asesor / assessor"},
		{Phone: local(phoneFinanceMaker), Role: viewer.RoleFinanceMaker, Name: "keuangan pembuat / finance maker"},
		{Phone: local(phoneFinanceChecker), Role: viewer.RoleFinanceChecker, Name: "keuangan pemeriksa / finance checker"},
	}
}

// writeStaffAndPartners writes the program staff accounts and one service
// account per kind of partner organisation.
func (w *world) writeStaffAndPartners(ctx context.Context, tx *ent.Tx, r *rand.Rand, sum *Summary) error {
	type spec struct {
		phone, name string
		role        viewer.Role
		org         orgRef
		set         func(*ent.AccountCreate, pulid.ID) *ent.AccountCreate
		own         bool // its ID from its own random stream, so adding it moved no other seeded value
	}
	specs := []spec{
		{phone: phoneAdmin, name: "Admin MPPKP (Demo)", role: viewer.RoleAdmin},
		{phone: phoneAnalyst, name: "Analis Data MPPKP (Demo)", role: viewer.RoleAnalyst},
		{phone: phoneSupport, name: "Petugas Layanan (Demo)", role: viewer.RoleSupport},
		{phone: phoneAssessor, name: "Asesor Pelatihan (Demo)", role: viewer.RoleAssessor},
		{phone: phoneFinanceMaker, name: "Keuangan, Pembuat (Demo)", role: viewer.RoleFinanceMaker},
		{phone: phoneFinanceChecker, name: "Keuangan, Pemeriksa (Demo)", role: viewer.RoleFinanceChecker},
		{phone: phoneInstitution, role: viewer.RoleInstitution, org: w.institutions[0],
			set: (*ent.AccountCreate).SetTrainingInstitutionID},
		{phone: phonePlatform, role: viewer.RolePlatform, org: w.platforms[0],
			set: (*ent.AccountCreate).SetDigitalPlatformID},
		{phone: phonePaymentPartner, role: viewer.RolePaymentPartner, org: w.partners[0],
			set: (*ent.AccountCreate).SetPaymentPartnerID},
		{phone: phoneJobPortal, role: viewer.RoleJobPortal, org: w.portals[0],
			set: (*ent.AccountCreate).SetJobPortalID},
		{phone: phoneOtherPlatform, role: viewer.RolePlatform, org: w.platforms[2], // Pintaria
			set: (*ent.AccountCreate).SetDigitalPlatformID, own: true},
	}
	var builders []*ent.AccountCreate
	for _, s := range specs {
		if s.set != nil {
			s.name = "Operator " + s.org.name + " (Demo)"
		}
		ids := r
		if s.own {
			ids = rand.New(rand.NewPCG(15, 15))
		}
		b := tx.Account.Create().SetID(pulid.Deterministic("ac", catalogueEpoch, ids)).
			SetPhone(s.phone).SetRole(s.role).SetDisplayName(s.name).
			SetCreatedAt(catalogueEpoch).SetUpdatedAt(catalogueEpoch)
		if s.set != nil {
			b = s.set(b, s.org.id)
		}
		builders = append(builders, b)
		sum.DemoAccounts = append(sum.DemoAccounts, DemoAccount{Phone: s.phone, Role: s.role, Name: s.name, Org: s.org.name})
	}
	if err := bulk(ctx, builders, 1000, tx.Account.CreateBulk); err != nil {
		return fmt.Errorf("staff and partner accounts: %w", err)
	}
	sum.Accounts += len(builders)
	return nil
}
