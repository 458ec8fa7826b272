//go:build ignore

// Command entc generates the ent client, the GraphQL schema (schema.graphql)
// and the gqlgen bindings from the schemas in ent/schema. Run through
// `go generate ./...` from the repository root.
package main

import (
	"log"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/entc"
	"entgo.io/ent/entc/gen"
)

func main() {
	ex, err := entgql.NewExtension(
		entgql.WithConfigPath("gqlgen.yml"),
		entgql.WithSchemaGenerator(),
		entgql.WithSchemaPath("schema.graphql"),
		entgql.WithWhereInputs(true),
		entgql.WithNodeDescriptor(false),
	)
	if err != nil {
		log.Fatalf("entgql extension: %v", err)
	}
	cfg := &gen.Config{
		Target:  "ent",
		Package: "github.com/kartuprakerja/platform/ent",
		Features: []gen.Feature{
			gen.FeaturePrivacy, gen.FeatureEntQL, gen.FeatureIntercept, gen.FeatureNamedEdges,
			gen.FeatureVersionedMigration, gen.FeatureUpsert, gen.FeatureLock,
			gen.FeatureModifier, gen.FeatureExecQuery,
		},
		Templates: []*gen.Template{
			gen.MustParse(gen.NewTemplate("pulid").ParseFiles("ent/template/pulid.tmpl")),
			gen.MustParse(gen.NewTemplate("wherescope").Funcs(entgql.TemplateFuncs).
				ParseFiles("ent/template/wherescope.tmpl")),
		},
	}
	if err := entc.Generate("./ent/schema", cfg, entc.Extensions(ex)); err != nil {
		log.Fatalf("ent codegen: %v", err)
	}
}
