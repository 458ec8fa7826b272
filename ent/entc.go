//go:build ignore

// Command entc generates the ent client, the GraphQL schema (schema.graphql)
// and the gqlgen bindings from the schemas in ent/schema. Run through
// `go generate ./...` from the repository root.
package main

import (
	"log"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"

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
		entgql.WithSchemaHook(nullableRootLists),
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

// nullableRootLists makes every top-level connection of Query nullable, so
// a list the viewer may not read fails alone: its field is null with a
// FORBIDDEN error at its path, and the other fields of the same query keep
// their data (a non-null field's error would empty the whole answer).
func nullableRootLists(_ *gen.Graph, s *ast.Schema) error {
	q := s.Types["Query"]
	if q == nil {
		return nil
	}
	for _, f := range q.Fields {
		if f.Type.NonNull && f.Type.Elem == nil && strings.HasSuffix(f.Type.NamedType, "Connection") {
			f.Type = ast.NamedType(f.Type.NamedType, f.Type.Position)
		}
	}
	return nil
}
