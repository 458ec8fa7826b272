// Command prakerja is the Kartu Prakerja platform in one binary:
//
//	prakerja serve    the GraphQL API, the PWA, health and metrics
//	prakerja migrate  apply pending schema migrations
//	prakerja seed     load deterministic demo data
//	prakerja verify-selection  recompute a wave's lottery from published data
//	prakerja demo-identities   identities of the demo registry to try registration
//	prakerja verify-certificate  check a certificate's credential or QR text offline
//
// Every setting is a flag or a PRAKERJA_* environment variable; run
// `prakerja <command> -h` for the list.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "prakerja:", err)
		}
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usage()
	}
	switch args[0] {
	case "verify-selection":
		return verifySelection(ctx, args[1:])
	case "demo-identities":
		return demoIdentities(ctx, args[1:], os.Stdout)
	case "verify-certificate":
		return verifyCertificate(ctx, args[1:], os.Stdin, os.Stdout)
	}
	var cfg config
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	cfg.register(fs)
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	switch args[0] {
	case "serve":
		return serve(ctx, &cfg, os.Stdout)
	case "migrate":
		return migrateCmd(ctx, &cfg)
	case "seed":
		return seedCmd(ctx, &cfg)
	}
	return usage()
}

func usage() error {
	fmt.Fprintln(os.Stderr, `usage: prakerja <command> [flags]

commands:
  serve     run the GraphQL API and the PWA (add -demo to load demo data into an empty database)
  migrate   apply pending schema migrations
  seed      load deterministic demo data (-seed, -recipients)
  verify-selection  recompute a wave's lottery from its published data (-source URL|DIR, -wave N)
  demo-identities   print unregistered identities of the embedded registry, to try registration (-h for more)
  verify-certificate  check a certificate's credential or QR code text with no server (-did did.json)`)
	return errors.New("unknown or missing command")
}
