package apperr

// Codes of the GraphQL endpoint's limits (graph/limits.go, README "Limits").
const (
	// ResponseTooLarge: the answer would exceed the response ceiling, or a
	// list outgrew the bound its cost was computed with. Ask for less.
	ResponseTooLarge Code = "RESPONSE_TOO_LARGE"
	// QueryTooLarge: the document has more tokens or fields than the parser
	// accepts, or nests deeper than the depth limit.
	QueryTooLarge Code = "QUERY_TOO_LARGE"
	// MethodNotAllowed: /graphql answers GET (queries) and POST only.
	MethodNotAllowed Code = "METHOD_NOT_ALLOWED"
	// UnsupportedMediaType: a POST body that is not application/json.
	UnsupportedMediaType Code = "UNSUPPORTED_MEDIA_TYPE"
)
