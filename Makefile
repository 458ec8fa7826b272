# Developer shortcuts. The README's two commands need none of this.
.PHONY: serve test race generate generate-check mutation bench

serve:          ## run the server with demo data on SQLite
	go run ./cmd/prakerja serve -demo

test:           ## the whole suite (what CI runs after generate-check)
	scripts/test

race:           ## Go tests with the race detector (slower)
	go test -race -count=1 ./...

generate:       ## regenerate ent, schema.graphql, gqlgen and migrations
	go generate ./...

generate-check: ## fail if generated code is stale
	scripts/check-generated

mutation:       ## mutation testing of the rule packages (gremlins; goal per package, see README)
	scripts/mutation

bench:          ## the load generator for node(id:) on SQLite
	go run ./bench/nodeload -recipients 100000 -duration 20s
