package graph

import (
	"context"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/text"
)

// multilineInputs are the String inputs of mutations that may hold line
// breaks and tabs ("InputType.field", or "Mutation.field.argument"). Every
// other String a mutation takes is single-line: a new field is safe by
// default. The String scalar (graph/scalars) has already refused NUL,
// invalid UTF-8 and the other control characters everywhere.
var multilineInputs = map[string]bool{
	"SubmitComplaintInput.body":       true,
	"SurveyAnswerInput.text":          true,
	"Mutation.revokeRecipient.reason": true,
	"CourseProposalInput.description": true,
	"Mutation.writeReview.body":       true,
	"Mutation.hideReview.reason":      true,
	"Mutation.assessCourse.notes":     true,
	"Mutation.monitorCourse.notes":    true,
}

// singleLineText refuses line breaks and tabs in the single-line String
// inputs of mutations, naming the field, before the resolver runs.
func singleLineText(schema *ast.Schema) graphql.FieldMiddleware {
	return func(ctx context.Context, next graphql.Resolver) (any, error) {
		fc := graphql.GetFieldContext(ctx)
		if fc == nil || fc.Object != "Mutation" || fc.Field.Field == nil || fc.Field.Definition == nil {
			return next(ctx)
		}
		args := fc.Field.ArgumentMap(graphql.GetOperationContext(ctx).Variables)
		for _, a := range fc.Field.Definition.Arguments {
			key := "Mutation." + fc.Field.Name + "." + a.Name
			if err := checkLines(schema, key, a.Type, args[a.Name], a.Name); err != nil {
				return nil, err
			}
		}
		return next(ctx)
	}
}

// checkLines walks one argument value along its type. key names the value's
// place in the schema (for multilineInputs), path its place in the request
// (for extensions.fields: "input" left out, as services name fields).
func checkLines(schema *ast.Schema, key string, t *ast.Type, v any, path string) error {
	if v == nil {
		return nil
	}
	if t.Elem != nil {
		list, _ := v.([]any)
		for i, x := range list {
			if err := checkLines(schema, key, t.Elem, x, path+"."+strconv.Itoa(i)); err != nil {
				return err
			}
		}
		return nil
	}
	def := schema.Types[t.NamedType]
	switch {
	case def != nil && def.Kind == ast.InputObject:
		obj, _ := v.(map[string]any)
		for _, f := range def.Fields {
			p := f.Name
			if path != "input" {
				p = path + "." + f.Name
			}
			if err := checkLines(schema, def.Name+"."+f.Name, f.Type, obj[f.Name], p); err != nil {
				return err
			}
		}
	case t.NamedType == "String" && !multilineInputs[key]:
		if s, ok := v.(string); ok && text.Check(s, text.SingleLine) != nil {
			return apperr.Invalid(path, msg.TextOneLine)
		}
	}
	return nil
}
