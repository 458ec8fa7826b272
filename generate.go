// Package platform is the root of the Kartu Prakerja platform module. It holds
// only the code-generation steps; `go generate ./...` reproduces every
// generated file in order: the ent client and schema.graphql, then the
// gqlgen executable schema, then the versioned SQL migrations.
package platform

//go:generate go run ./ent/entc.go
//go:generate go tool gqlgen
//go:generate go run ./internal/database/migrategen
