// Command registration measures a registration burst: applicants who have
// signed in submit the registration form concurrently, each verified
// against the embedded registry (Dukcapil and exclusion checks) and stored
// with its identity checks and audit entry, through the whole HTTP stack.
//
//	go run ./bench/registration -recipients 50000 -registrations 8000
//	go run ./bench/registration -database-url postgres://postgres@127.0.0.1:5432/bench_reg
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"log"
	"time"

	"github.com/kartuprakerja/platform/bench/internal/loadtest"
	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/registryperson"
	"github.com/kartuprakerja/platform/internal/rule"
)

const register = `mutation($in: RegistrationInput!) { register(input: $in) { recipient { id status } failures { rule } } }`

func main() {
	dbURL := flag.String("database-url", "", "store; default a new SQLite file in a temp dir")
	recipients := flag.Int("recipients", 50_000, "recipients to seed into an empty store (20% more unregistered people)")
	n := flag.Int("registrations", 8000, "registrations in the burst")
	conc := flag.Int("concurrency", 32, "concurrent clients")
	flag.Parse()
	if err := run(context.Background(), *dbURL, *recipients, *n, *conc); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, dbURL string, seedN, n, conc int) error {
	db, closeDB, err := loadtest.Open(ctx, dbURL, seedN)
	if err != nil {
		return err
	}
	defer closeDB()
	srv, err := loadtest.Start(db)
	if err != nil {
		return err
	}
	defer srv.Stop()
	people, err := unregistered(ctx, db.Client, n)
	if err != nil {
		return err
	}
	tokens := make([]string, len(people))
	start := time.Now()
	signIn := loadtest.Run(conc, len(people), 0, func(i int) bool {
		tokens[i], err = srv.SignIn(fmt.Sprintf("+62857%08d", i))
		return err == nil
	})
	fmt.Printf("signed in %d applicants in %s (%d errors)\n", len(people), time.Since(start).Round(time.Millisecond), signIn.Errors)
	res := loadtest.Run(conc, len(people), 0, func(i int) bool {
		p := people[i]
		body, err := loadtest.Post(srv.URL, tokens[i], register, map[string]any{"in": map[string]any{
			"nik": p.Nik, "kkNumber": p.KkNumber, "fullName": p.FullName,
			"birthDate": p.BirthDate.Format(time.RFC3339), "birthPlace": p.BirthPlace, "gender": p.Gender,
			"motherMaidenName": p.MotherMaidenName, "regencyCode": p.Nik[:4], "area": "rural",
			"education": "senior_secondary", "employment": "not_working",
		}})
		return err == nil && bytes.Contains(body, []byte(`"status":"verified"`))
	})
	fmt.Printf("registrations store=%s concurrency=%d %s\n", db.Dialect, conc, res)
	return nil
}

// unregistered returns up to n registry people who have not registered and
// are on no exclusion list.
func unregistered(ctx context.Context, c *ent.Client, n int) ([]*ent.RegistryPerson, error) {
	ctx = rule.System(ctx, "load test")
	taken, err := c.Recipient.Query().Select(recipient.FieldNik).Strings(ctx)
	if err != nil {
		return nil, err
	}
	isTaken := make(map[string]bool, len(taken))
	for _, t := range taken {
		isTaken[t] = true
	}
	all, err := c.RegistryPerson.Query().Where(registryperson.Deceased(false)).All(ctx)
	if err != nil {
		return nil, err
	}
	var out []*ent.RegistryPerson
	for _, p := range all {
		if !isTaken[p.Nik] && len(p.Exclusions) == 0 && len(out) < n {
			out = append(out, p)
		}
	}
	if len(out) < n {
		return nil, fmt.Errorf("only %d unregistered identities; seed more recipients", len(out))
	}
	return out, nil
}
