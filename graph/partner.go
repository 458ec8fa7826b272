package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/graph/model"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/partnerapi"
	"github.com/kartuprakerja/platform/internal/text"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// CallRecorder writes the call log of API-key requests (partnerapi.CallLog).
type CallRecorder interface {
	Record(ctx context.Context, v *viewer.Viewer, c partnerapi.Call)
}

// keyScopes refuses an API-key caller every root field its key's scopes do
// not grant, and node/nodes of a type they do not grant (partnerapi).
// Other callers pass: the privacy rules decide for them.
func keyScopes(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	v := viewer.FromContext(ctx)
	if fc == nil || !partnerapi.KeyCaller(v) || !isRoot(fc.Object) {
		return next(ctx)
	}
	if err := partnerapi.CheckField(v, fc.Field.Name); err != nil {
		return nil, err
	}
	for _, id := range nodeIDs(fc) {
		table, err := ent.IDToType(ctx, id)
		if err != nil {
			continue // node(id:) answers NOT_FOUND itself
		}
		if err := partnerapi.CheckNode(v, table); err != nil {
			return nil, err
		}
	}
	return next(ctx)
}

func isRoot(object string) bool {
	return object == "Query" || object == "Mutation" || object == "Subscription"
}

// nodeIDs are the IDs a node or nodes field asks for.
func nodeIDs(fc *graphql.FieldContext) []pulid.ID {
	switch fc.Field.Name {
	case "node":
		if id, ok := fc.Args["id"].(pulid.ID); ok {
			return []pulid.ID{id}
		}
	case "nodes":
		ids, _ := fc.Args["ids"].([]pulid.ID)
		return ids
	}
	return nil
}

// recordCalls writes one call-log row per API-key request once its response
// is known: the operation name (else the root fields, else the start of a
// document that did not parse or validate), "ok" or the first error's code
// and message, and the time since the request began. It wraps responses,
// not operations, so the requests refused before they run (a misspelt
// field, a document that does not parse) are in the log too: they are the
// errors a partner integrating most needs to see.
func recordCalls(rec CallRecorder) graphql.ResponseMiddleware {
	return func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		resp := next(ctx)
		v := viewer.FromContext(ctx)
		if resp == nil || !partnerapi.KeyCaller(v) || !graphql.HasOperationContext(ctx) {
			return resp
		}
		oc := graphql.GetOperationContext(ctx)
		c := partnerapi.Call{KeyPrefix: auth.KeyPrefixOf(oc.Headers.Get("Authorization")),
			Operation: operationName(oc), Status: "ok", Duration: graphql.Now().Sub(oc.Stats.OperationStart)}
		if len(resp.Errors) > 0 {
			c.Status, _ = resp.Errors[0].Extensions["code"].(string)
			c.ErrorMessage = resp.Errors[0].Message
		}
		rec.Record(ctx, v, c)
		return resp
	}
}

// operationName is the operation's name, else its root fields.
func operationName(oc *graphql.OperationContext) string {
	if oc.OperationName != "" {
		return oc.OperationName
	}
	if oc.Operation != nil && oc.Operation.Name != "" {
		return oc.Operation.Name
	}
	var fields []string
	if oc.Operation != nil {
		for _, f := range graphql.CollectFields(oc, oc.Operation.SelectionSet, nil) {
			fields = append(fields, f.Name)
		}
	}
	if len(fields) == 0 {
		return documentStart(oc.RawQuery)
	}
	return strings.Join(fields, ",")
}

// documentStart is the first line of a document that never ran, cut to 80
// characters, so the log still says which request it was.
func documentStart(doc string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(doc), "\n")
	return text.Clean(line, 80)
}

// kindOf maps the schema's PartnerKind to partnerapi's.
func kindOf(k *model.PartnerKind) *partnerapi.Kind {
	if k == nil {
		return nil
	}
	kind := partnerapi.Kind(strings.ToLower(string(*k)))
	return &kind
}

// keyPayload shapes an issued key.
func keyPayload(k auth.IssuedKey, err error) (*model.APIKeyPayload, error) {
	if err != nil {
		return nil, err
	}
	return &model.APIKeyPayload{Key: k.Key, Prefix: k.Prefix, Account: k.Account, APIKey: k.APIKey}, nil
}
