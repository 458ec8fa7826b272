// Command nodeload measures node(id:) reads of a recipient by that recipient
// under concurrent load, through the whole stack (HTTP, auth, GraphQL,
// privacy, store), on SQLite or PostgreSQL. It seeds a store (or reuses
// one), signs recipients in through the real one-time-code flow, then runs
// concurrent clients on loopback for a fixed duration.
//
//	go run ./bench/nodeload -recipients 100000 -duration 20s
//	go run ./bench/nodeload -database-url postgres://postgres@127.0.0.1:5432/bench -recipients 100000
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"log"
	"time"

	"github.com/kartuprakerja/platform/bench/internal/loadtest"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

const nodeQuery = `query($id: ID!) { node(id: $id) { id ... on Recipient { fullName status trainingBalance } } }`

func main() {
	dbURL := flag.String("database-url", "", "store; default a new SQLite file in a temp dir")
	recipients := flag.Int("recipients", 100_000, "recipients to seed into an empty store")
	users := flag.Int("users", 200, "distinct recipients signed in and reading")
	conc := flag.Int("concurrency", 32, "concurrent clients")
	d := flag.Duration("duration", 20*time.Second, "how long to load")
	flag.Parse()
	if err := run(context.Background(), *dbURL, *recipients, *users, *conc, *d); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, dbURL string, n, users, conc int, d time.Duration) error {
	db, closeDB, err := loadtest.Open(ctx, dbURL, n)
	if err != nil {
		return err
	}
	defer closeDB()
	srv, err := loadtest.Start(db)
	if err != nil {
		return err
	}
	defer srv.Stop()
	accts, err := db.Client.Account.Query().Where(account.RoleEQ(viewer.RoleRecipient), account.HasRecipient()).
		WithRecipient().Limit(users).All(rule.System(ctx, "load test"))
	if err != nil {
		return err
	}
	tokens := make([]string, len(accts))
	for i, a := range accts {
		if tokens[i], err = srv.SignIn(a.Phone); err != nil {
			return err
		}
	}
	res := loadtest.Run(conc, 1<<62, d, func(i int) bool {
		a := accts[i%len(accts)]
		body, err := loadtest.Post(srv.URL, tokens[i%len(accts)], nodeQuery, map[string]any{"id": a.Edges.Recipient.ID})
		return err == nil && bytes.Contains(body, []byte(a.Edges.Recipient.ID))
	})
	fmt.Printf("node(id:) store=%s users=%d concurrency=%d %s\n", db.Dialect, len(accts), conc, res)
	return nil
}
