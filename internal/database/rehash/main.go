// Command rehash rewrites atlas.sum of migration directories after a
// hand-written migration file was added (see internal/database/migrations):
// go run ./internal/database/rehash internal/database/migrations/sqlite …
package main

import (
	"log"
	"os"

	"ariga.io/atlas/sql/migrate"
)

func main() {
	for _, p := range os.Args[1:] {
		d, err := migrate.NewLocalDir(p)
		if err != nil {
			log.Fatal(err)
		}
		sum, err := d.Checksum()
		if err != nil {
			log.Fatal(err)
		}
		if err := migrate.WriteSumFile(d, sum); err != nil {
			log.Fatal(err)
		}
	}
}
