package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/registryperson"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/nik"
	"github.com/kartuprakerja/platform/internal/regions"
	"github.com/kartuprakerja/platform/internal/rule"
)

const identitiesHelp = `usage: prakerja demo-identities [flags]

Prints people of the embedded synthetic registry who have not registered,
are adults, alive and on no exclusion list: identities that verify, to try
registration in the demo (sign in with any 08… phone that is not a demo
phone, then fill the form with one of them). They are taken from as many
provinces as there are identities, with the province and regency names to
choose in the form. Read the demo database with the same -data-dir (or
-database-url) as serve.

Menampilkan identitas dari registri sintetis yang belum mendaftar, untuk
mencoba pendaftaran di demo.

flags:
`

// identity is one printed person of the registry.
type identity struct {
	NIK              string `json:"nik"`
	KKNumber         string `json:"kkNumber"`
	FullName         string `json:"fullName"`
	BirthDate        string `json:"birthDate"`
	BirthPlace       string `json:"birthPlace"`
	Gender           string `json:"gender"`
	MotherMaidenName string `json:"motherMaidenName"`
	RegencyCode      string `json:"regencyCode"`
	Regency          string `json:"regency"`
	Province         string `json:"province"`
}

// demoIdentities prints people of the embedded synthetic registry who have
// not registered and are on no exclusion list, so a demo (or a browser
// test) can walk through registration with an identity that verifies.
func demoIdentities(ctx context.Context, args []string, out io.Writer) error {
	var cfg config
	fs := flag.NewFlagSet("demo-identities", flag.ContinueOnError)
	fs.SetOutput(out)
	cfg.register(fs)
	n := fs.Int("n", 20, "how many identities")
	asJSON := fs.Bool("json", false, "one JSON object a line (for scripts and tests) instead of a table")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), identitiesHelp)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := openMigrated(ctx, &cfg, cfg.logger())
	if err != nil {
		return err
	}
	defer db.Close()
	set, err := regions.Load()
	if err != nil {
		return err
	}
	ids, err := findIdentities(rule.System(ctx, "demo identities"), db.Client, set, *n)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return fmt.Errorf("no unregistered identities left; seed more demo data")
	}
	if *asJSON {
		return printJSON(out, ids)
	}
	return printTable(out, ids)
}

// findIdentities takes up to n people, one province after another in turn
// (so n of 34 provinces or more give every province), each the first by NIK
// in that province not yet taken.
func findIdentities(ctx context.Context, c *ent.Client, set *regions.Set, n int) ([]identity, error) {
	registered, err := c.Recipient.Query().Select(recipient.FieldNik).Strings(ctx)
	if err != nil {
		return nil, fmt.Errorf("registered NIKs: %w", err)
	}
	perProvince := n/len(set.Provinces()) + 1
	var pools [][]*ent.RegistryPerson
	for _, p := range set.Provinces() {
		people, err := c.RegistryPerson.Query().
			Where(registryperson.NikHasPrefix(p.Code), registryperson.NikNotIn(registered...), registryperson.Deceased(false)).
			Order(registryperson.ByNik()).Limit(perProvince * 20).All(ctx)
		if err != nil {
			return nil, fmt.Errorf("registry people of province %s: %w", p.Code, err)
		}
		pools = append(pools, usable(people, perProvince))
	}
	var out []identity
	for round := 0; round < perProvince && len(out) < n; round++ {
		for _, pool := range pools {
			if round < len(pool) && len(out) < n {
				out = append(out, describe(pool[round], set))
			}
		}
	}
	return out, nil
}

// usable keeps up to n adults whom no exclusion registry lists.
func usable(people []*ent.RegistryPerson, n int) []*ent.RegistryPerson {
	var out []*ent.RegistryPerson
	now := time.Now()
	for _, p := range people {
		if len(p.Exclusions) == 0 && nik.Age(p.BirthDate, now) >= journey.DefaultConfig().MinAge && len(out) < n {
			out = append(out, p)
		}
	}
	return out
}

func describe(p *ent.RegistryPerson, set *regions.Set) identity {
	id := identity{NIK: p.Nik, KKNumber: p.KkNumber, FullName: p.FullName,
		BirthDate: p.BirthDate.Format(time.DateOnly), BirthPlace: p.BirthPlace, Gender: string(p.Gender),
		MotherMaidenName: p.MotherMaidenName, RegencyCode: p.Nik[:4]}
	if rg, ok := set.Regency(id.RegencyCode); ok {
		id.Regency = rg.Name
	}
	if pv, ok := set.Province(id.RegencyCode[:2]); ok {
		id.Province = pv.Name
	}
	return id
}

func printJSON(w io.Writer, ids []identity) error {
	enc := json.NewEncoder(w)
	for _, id := range ids {
		if err := enc.Encode(id); err != nil {
			return err
		}
	}
	return nil
}

func printTable(w io.Writer, ids []identity) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NIK\tKK\tNAME\tBORN\tGENDER\tMOTHER'S MAIDEN NAME\tPROVINCE\tREGENCY")
	for _, id := range ids {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s, %s\t%s\t%s\t%s\t%s\n", id.NIK, id.KKNumber, id.FullName,
			id.BirthPlace, id.BirthDate, id.Gender, id.MotherMaidenName, title(id.Province), title(id.Regency))
	}
	return tw.Flush()
}

// title writes an upper-case region name as it is read: "KOTA BANDUNG" →
// "Kota Bandung".
func title(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}
