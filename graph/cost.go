package graph

import (
	"context"
	"log/slog"
	"reflect"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/curation"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/partnerapi"
)

// ListBounds is the most items each list field (a GraphQL list that is not a
// connection) may return. The complexity limit multiplies a list's child cost
// by its bound, and the field middleware refuses a list that comes back
// longer (checkListBound), so the cost computed before execution is an upper
// bound of the response. Every list field of the schema must be listed here:
// graph's tests enumerate the schema and fail on a missing one.
var ListBounds = map[string]int{
	"Query.nodes":                     maxNodes, // also len(ids), refused above maxNodes
	"Mutation.markNotificationsRead":  500,      // also len(ids), refused above 500 (push.MarkRead)
	"Query.mySurveys":                 10,       // the program's evaluation surveys (3 today)
	"Wave.quotas":                     34,       // one per province (unique wave, province)
	"Query.suggestWaveQuotas":         40,       // one per province (34; 38 since 2022)
	"Wave.phases":                     20,       // created, opened, closed, the selection's steps (5), announced
	"Course.platforms":                20,       // the program's digital platforms (7 in 2020-21)
	"Course.outline":                  40,       // modules (internal/curation bounds proposals)
	"Course.tags":                     10,       // topic tags (internal/curation bounds proposals)
	"CourseAssessment.scores":         52,       // one per indicator: 52 assessed, 40 monitored
	"CourseAssessment.reasons":        52,
	"CourseAssessment.reasonTexts":    52,
	"Query.curationIndicators":        52,
	"Survey.questions":                30,
	"SurveyAggregate.questions":       30, // as Survey.questions
	"SurveyQuestion.options":          11, // a 0-10 scale at most
	"SurveyQuestionAggregate.options": 11,
	"SurveyResponse.answers":          30, // one per question
	"SurveyAnswer.choices":            11, // chosen options
	"AbilityTest.questions":           50, // journey.Config.TestQuestions (20 by default)
	"TestQuestion.choices":            10,
	"Recipient.verificationFailures":  20, // one per registration rule at most
	"RegistrationResult.failures":     20,
	"Account.mutedKinds":              20, // notification kinds
	"Vacancy.skills":                  50,
	"Query.apiKeys":                   partnerapi.MaxKeys, // the newest, partnerapi.Keys
	"Account.apiKeys":                 partnerapi.MaxKeys,
	"APIKey.scopes":                   partnerapi.MaxScopes, // of the kind's catalogue, without repeats
	"Query.partnerScopes":             partnerapi.MaxScopes,
	"PartnerScope.operations":         partnerapi.MaxOperations,
	"Query.partnerAPIDocs":            partnerapi.MaxDocs,
	"TrainingInstitution.operators":   partnerapi.MaxOperators, // the first, partnerapi.Operators
	"DigitalPlatform.operators":       partnerapi.MaxOperators,
	"PaymentPartner.operators":        partnerapi.MaxOperators,
	"JobPortal.operators":             partnerapi.MaxOperators,
	"Query.consoleSections":           30, // the console's screens (12 in internal/console today)
	"Query.findRecipients":            2,  // exact matches of unique columns: a NIK and a card number equal to it
	"Course.assessments":              curation.MaxAssessmentsShown,
}

// listBound returns the bound of a list field: the length of an ids
// argument when there is one, else ListBounds (MaxPageSize for a field not
// listed, which the tests forbid).
func listBound(typeName, field string, args map[string]any) int {
	n, ok := ListBounds[typeName+"."+field]
	if !ok {
		n = MaxPageSize
	}
	if ids, ok := args["ids"]; ok {
		if v := reflect.ValueOf(ids); v.Kind() == reflect.Slice && v.Len() < n {
			n = v.Len()
		}
	}
	return n
}

// boundedComplexity counts every list's children once per item it may
// hold: a connection's per requested page (first/last, DefaultPageSize when
// neither is given), any other list's per its bound. Scalars count 1 each.
type boundedComplexity struct{ graphql.ExecutableSchema }

func (p boundedComplexity) Complexity(ctx context.Context, typeName, field string, child int, args map[string]any) (int, bool) {
	def := p.fieldDef(typeName, field)
	switch {
	case def == nil || strings.HasPrefix(typeName, "__"): // introspection: as large as the schema, no more
		return p.ExecutableSchema.Complexity(ctx, typeName, field, child, args)
	case isConnectionType(def.Type):
		return 1 + child*max(pageSize(args), 1), true
	case isEdgeList(typeName, field):
		return 1 + child, true // the connection above counted its page
	case def.Type.Elem != nil:
		return 1 + max(child, 1)*max(listBound(typeName, field, args), 1), true
	}
	return p.ExecutableSchema.Complexity(ctx, typeName, field, child, args)
}

func (p boundedComplexity) fieldDef(typeName, field string) *ast.FieldDefinition {
	def := p.Schema().Types[typeName]
	if def == nil {
		return nil
	}
	return def.Fields.ForName(field)
}

// pageSize is the number of items a connection field's arguments ask for.
func pageSize(args map[string]any) int {
	n, ok := pageArg(args["first"])
	if m, ok2 := pageArg(args["last"]); ok2 && (!ok || m > n) {
		n, ok = m, true
	}
	if !ok {
		n = DefaultPageSize
	}
	return n
}

// resolveBounded runs a field's resolver unless the request was abandoned
// (client gone, deadline passed: no more work is started), then refuses a
// resolved list longer than the bound its cost was computed with: the data
// outgrew ListBounds, and answering would break the promise the complexity
// limit makes. Connections are bounded by boundPage.
func resolveBounded(ctx context.Context, log *slog.Logger, next graphql.Resolver) (any, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res, err := next(ctx)
	if err != nil || res == nil {
		return res, err
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Definition == nil || fc.Field.Definition.Type.Elem == nil {
		return res, nil
	}
	v := reflect.ValueOf(res)
	if v.Kind() != reflect.Slice {
		return res, nil
	}
	bound := listBound(fc.Object, fc.Field.Name, fc.Args)
	if v.Len() <= bound || isEdgeList(fc.Object, fc.Field.Name) || strings.HasPrefix(fc.Object, "__") {
		return res, nil
	}
	log.WarnContext(ctx, "list longer than its bound in graph.ListBounds", "field", fc.Object+"."+fc.Field.Name,
		"items", v.Len(), "bound", bound)
	return nil, apperr.E(apperr.ResponseTooLarge, msg.ListTooLong, fc.Field.Name, bound)
}

// isEdgeList reports whether typeName.field is a connection's edges, which
// hold at most the page the connection field already multiplied by.
func isEdgeList(typeName, field string) bool {
	return field == "edges" && strings.HasSuffix(typeName, "Connection")
}

func isConnectionType(t *ast.Type) bool {
	return t.Elem == nil && strings.HasSuffix(t.Name(), "Connection")
}
