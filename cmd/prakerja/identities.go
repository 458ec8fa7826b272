package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/registryperson"
	"github.com/kartuprakerja/platform/internal/rule"
)

// demoIdentities prints people of the embedded synthetic registry who have
// not registered and are on no exclusion list, so a demo (or a browser
// test) can walk through registration with an identity that verifies.
func demoIdentities(ctx context.Context, args []string) error {
	var cfg config
	fs := flag.NewFlagSet("demo-identities", flag.ContinueOnError)
	cfg.register(fs)
	n := fs.Int("n", 3, "how many identities")
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := cfg.logger()
	db, err := openMigrated(ctx, &cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	sys := rule.System(ctx, "demo identities")
	registered, err := db.Client.Recipient.Query().Select(recipient.FieldNik).Strings(sys)
	if err != nil {
		return err
	}
	people, err := db.Client.RegistryPerson.Query().
		Where(registryperson.NikNotIn(registered...), registryperson.Deceased(false)).
		Order(registryperson.ByNik()).Limit(*n * 20).All(sys)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(os.Stdout)
	printed := 0
	for _, p := range people {
		if len(p.Exclusions) > 0 || printed == *n {
			continue
		}
		printed++
		if err := enc.Encode(map[string]string{
			"nik": p.Nik, "kkNumber": p.KkNumber, "fullName": p.FullName,
			"birthDate": p.BirthDate.Format(time.DateOnly), "birthPlace": p.BirthPlace,
			"gender": string(p.Gender), "motherMaidenName": p.MotherMaidenName, "regencyCode": p.Nik[:4],
		}); err != nil {
			return err
		}
	}
	if printed == 0 {
		return fmt.Errorf("no unregistered identities left; seed more demo data")
	}
	return nil
}
