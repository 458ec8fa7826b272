package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/kartuprakerja/platform/internal/certificate"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/seed"
)

func migrateCmd(ctx context.Context, cfg *config) error {
	log := cfg.logger()
	db, err := database.Open(ctx, cfg.databaseURL(), database.Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := db.Migrate(ctx, log)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	log.Info("migrations done", "applied", n)
	return nil
}

func seedCmd(ctx context.Context, cfg *config) error {
	log := cfg.logger()
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	addr, err := net.ResolveTCPAddr("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("addr: %w", err)
	}
	return runSeed(ctx, db, cfg, log, publicURL(cfg.PublicURL, addr))
}

// seedIfEmpty loads demo data unless the database already has data; its
// certificates are signed for the server at publicURL.
func seedIfEmpty(ctx context.Context, db *database.DB, cfg *config, log *slog.Logger, publicURL string) error {
	has, err := db.Client.Province.Query().Exist(rule.System(ctx, "check for demo data"))
	if err != nil {
		return fmt.Errorf("check for demo data: %w", err)
	}
	if has {
		log.Info("demo data present; not seeding")
		return nil
	}
	return runSeed(ctx, db, cfg, log, publicURL)
}

func runSeed(ctx context.Context, db *database.DB, cfg *config, log *slog.Logger, publicURL string) error {
	start := time.Now()
	keys, err := cfg.certificateKeys()
	if err != nil {
		return err
	}
	signer, err := certificate.New(nil, certificate.Config{PublicURL: publicURL, Keys: keys})
	if err != nil {
		return err
	}
	sum, err := seed.Run(ctx, db.Client, seed.Options{
		Seed: cfg.Seed, Recipients: cfg.Recipients, Now: time.Now(), Logger: log,
		Parallel: db.Store().InterleavesStatements(), Certificates: signer,
	})
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	log.Info("demo data loaded", "took", time.Since(start).Round(time.Millisecond), "summary", fmt.Sprintf("%+v", sum))
	return nil
}
