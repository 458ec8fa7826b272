package database

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"time"
)

// Scratch creates a new, empty PostgreSQL database on the server of
// baseURL, named prefix + a random suffix, and returns its URL and a
// function that drops it. Tests, benchmarks and the migration generator use
// it so that runs never collide.
func Scratch(ctx context.Context, baseURL, prefix string) (dbURL string, drop func(), err error) {
	admin, err := sql.Open("pgx", baseURL)
	if err == nil {
		pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		err = admin.PingContext(pctx)
		cancel()
	}
	if err != nil {
		if admin != nil {
			admin.Close()
		}
		return "", nil, fmt.Errorf("connect to PostgreSQL at %s: %w", baseURL, err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := prefix + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close()
		return "", nil, fmt.Errorf("create database %s: %w", name, err)
	}
	u, err := url.Parse(baseURL)
	if err != nil {
		admin.Close()
		return "", nil, err
	}
	u.Path = "/" + name
	return u.String(), func() {
		_, _ = admin.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		admin.Close()
	}, nil
}
