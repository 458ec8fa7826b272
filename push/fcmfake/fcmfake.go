// Package fcmfake is a local stand-in for the Firebase Cloud Messaging HTTP v1
// API, for tests and benchmarks that drive the real Firebase Admin SDK
// (firebase.google.com/go/v4/messaging) without Google:
//
//	fake := fcmfake.New()
//	defer fake.Close()
//	app, _ := firebase.NewApp(ctx, &firebase.Config{ProjectID: "demo"},
//		option.WithoutAuthentication(), option.WithEndpoint(fake.URL+"/v1"))
//
// It implements POST /v1/projects/{project}/messages:send, records every
// accepted message (a count per token, the distinct notification ids per
// token and the last message), and can inject the faults FCM produces: 429
// with Retry-After, 500, 503, and UNREGISTERED or INVALID_ARGUMENT for chosen
// tokens, plus latency. GET /stats returns the counters as JSON, for a test
// whose sender runs in another process.
package fcmfake

import (
	"bytes"
	"encoding/json"
	"hash/fnv"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Message is the part of an FCM v1 message the fake records.
type Message struct {
	Token        string            `json:"token"`
	Notification *Notification     `json:"notification,omitempty"`
	Data         map[string]string `json:"data,omitempty"`
	Android      *Android          `json:"android,omitempty"`
	Webpush      *Webpush          `json:"webpush,omitempty"`
}

// Notification is the display part of a message.
type Notification struct {
	Title string `json:"title"`
	Body  string `json:"body"`
}

// Android holds the Android options the sender sets.
type Android struct {
	CollapseKey string `json:"collapse_key,omitempty"`
	Priority    string `json:"priority,omitempty"`
	TTL         string `json:"ttl,omitempty"`
}

// Webpush holds the Web Push options the sender sets through FCM.
type Webpush struct {
	Headers    map[string]string `json:"headers,omitempty"`
	FCMOptions *struct {
		Link string `json:"link,omitempty"`
	} `json:"fcm_options,omitempty"`
}

// Stats are the fake's counters.
type Stats struct {
	Accepted   int64 `json:"accepted"`   // messages answered 200
	Rejected   int64 `json:"rejected"`   // messages answered with an error
	Tokens     int   `json:"tokens"`     // distinct tokens that received a message
	Duplicates int   `json:"duplicates"` // messages beyond the first per token
	// RepeatedNotifications counts tokens that received the same
	// notification id more than once (a client that dedupes by id shows it
	// once; see push's package doc).
	RepeatedNotifications int `json:"repeated_notifications"`
}

// Options tune what the fake keeps.
type Options struct {
	// CountOnly keeps only a count per token, keyed by a 64-bit hash of
	// the token (no message bodies, no ids, nothing for the garbage
	// collector to scan): for million-message benchmarks. Counts is then
	// empty; Count and Stats work.
	CountOnly bool
}

type record struct {
	count int32
	ids   []string // distinct notification ids, in arrival order
	last  *Message
}

// Server is a running fake.
type Server struct {
	URL  string
	srv  *httptest.Server
	opts Options

	accepted, rejected atomic.Int64
	latency            atomic.Int64 // nanoseconds

	mu         sync.Mutex
	tokens     map[string]*record
	hashed     map[uint64]uint32 // CountOnly: counts by token hash, nothing for the GC to scan
	faults     map[string]string // token -> FCM error code
	throttle   int               // next requests to answer 429
	retryAfter time.Duration
	failures   int // next requests to answer failStatus
	failStatus int
	onAccept   func(total int64)
}

// New starts a fake on a loopback port.
func New() *Server { return NewWithOptions(Options{}) }

// NewWithOptions starts a fake with options.
func NewWithOptions(opts Options) *Server {
	s := &Server{opts: opts, tokens: map[string]*record{}, hashed: map[uint64]uint32{}, faults: map[string]string{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/projects/{project}/messages:send", s.send)
	mux.HandleFunc("GET /stats", s.stats)
	s.srv = httptest.NewServer(mux)
	s.URL = s.srv.URL
	return s
}

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// SetLatency delays every answer by d.
func (s *Server) SetLatency(d time.Duration) { s.latency.Store(int64(d)) }

// Unregister makes every later message to tokens fail with UNREGISTERED
// (404), as FCM answers for an app that was uninstalled.
func (s *Server) Unregister(tokens ...string) { s.setFault("UNREGISTERED", tokens) }

// Invalidate makes every later message to tokens fail with
// INVALID_ARGUMENT (400), as FCM answers for a malformed token.
func (s *Server) Invalidate(tokens ...string) { s.setFault("INVALID_ARGUMENT", tokens) }

func (s *Server) setFault(code string, tokens []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, t := range tokens {
		s.faults[t] = code
	}
}

// Throttle answers the next n messages with 429 QUOTA_EXCEEDED and a
// Retry-After header of retryAfter (whole seconds, at least 1).
func (s *Server) Throttle(n int, retryAfter time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.throttle, s.retryAfter = n, retryAfter
}

// Fail answers the next n messages with status (500 INTERNAL or 503
// UNAVAILABLE).
func (s *Server) Fail(n, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures, s.failStatus = n, status
}

// OnAccept calls fn with the running total after each accepted message (the
// kill test stops a sender from it). fn runs on the request's goroutine
// before the answer is written.
func (s *Server) OnAccept(fn func(total int64)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onAccept = fn
}

// Count returns how many messages token received.
func (s *Server) Count(token string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.opts.CountOnly {
		return int(s.hashed[hash(token)])
	}
	if r := s.tokens[token]; r != nil {
		return int(r.count)
	}
	return 0
}

// NotificationIDs returns the distinct notification ids token received.
func (s *Server) NotificationIDs(token string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.tokens[token]; r != nil {
		return append([]string(nil), r.ids...)
	}
	return nil
}

// Last returns the last message token received, or nil.
func (s *Server) Last(token string) *Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.tokens[token]; r != nil {
		return r.last
	}
	return nil
}

// Counts returns a copy of the count per token (empty for CountOnly).
func (s *Server) Counts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.tokens))
	for t, r := range s.tokens {
		out[t] = int(r.count)
	}
	return out
}

// Stats returns the counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := Stats{Accepted: s.accepted.Load(), Rejected: s.rejected.Load(), Tokens: len(s.tokens) + len(s.hashed)}
	for _, n := range s.hashed {
		st.Duplicates += int(n) - 1
	}
	for _, r := range s.tokens {
		st.Duplicates += int(r.count) - 1
		if int(r.count) > len(r.ids) {
			st.RepeatedNotifications++
		}
	}
	return st
}

func (s *Server) stats(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(s.Stats())
}

func (s *Server) send(w http.ResponseWriter, r *http.Request) {
	if d := time.Duration(s.latency.Load()); d > 0 {
		time.Sleep(d)
	}
	req, err := s.decode(r)
	if err != nil || req.Message.Token == "" {
		s.fail(w, http.StatusBadRequest, "INVALID_ARGUMENT", "", 0)
		return
	}
	if status, code, retry := s.fault(req.Message.Token); status != 0 {
		s.fail(w, status, code, statusName(status), retry)
		return
	}
	total, hook := s.accept(&req.Message)
	if hook != nil {
		hook(total)
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"name":"projects/` + r.PathValue("project") + `/messages/` +
		strconv.FormatInt(total, 10) + `"}`))
}

type request struct {
	Message Message `json:"message"`
}

// decode reads a send request. CountOnly fakes read only the token, so that
// a benchmark measures the sender rather than the fake.
func (s *Server) decode(r *http.Request) (*request, error) {
	var req request
	if !s.opts.CountOnly {
		return &req, json.NewDecoder(r.Body).Decode(&req)
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	const key = `"token":"`
	i := bytes.Index(body, []byte(key))
	if i < 0 {
		return &req, nil
	}
	rest := body[i+len(key):]
	if j := bytes.IndexByte(rest, '"'); j >= 0 {
		req.Message.Token = string(rest[:j])
	}
	return &req, nil
}

// fault returns the injected failure for a message to token, if any.
func (s *Server) fault(token string) (status int, code string, retry time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.throttle > 0:
		s.throttle--
		return http.StatusTooManyRequests, "QUOTA_EXCEEDED", s.retryAfter
	case s.failures > 0:
		s.failures--
		code := "INTERNAL"
		if s.failStatus == http.StatusServiceUnavailable {
			code = "UNAVAILABLE"
		}
		return s.failStatus, code, 0
	}
	switch c := s.faults[token]; c {
	case "UNREGISTERED":
		return http.StatusNotFound, c, 0
	case "INVALID_ARGUMENT":
		return http.StatusBadRequest, c, 0
	}
	return 0, "", 0
}

// accept records a message and returns the new total and the hook to call.
func (s *Server) accept(m *Message) (int64, func(int64)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	total := s.accepted.Add(1)
	if s.opts.CountOnly {
		s.hashed[hash(m.Token)]++
		return total, s.onAccept
	}
	r := s.tokens[m.Token]
	if r == nil {
		r = &record{}
		s.tokens[m.Token] = r
	}
	r.count++
	r.last = m
	if id := m.Data["notification_id"]; id != "" && !contains(r.ids, id) {
		r.ids = append(r.ids, id)
	}
	return total, s.onAccept
}

func (s *Server) fail(w http.ResponseWriter, status int, code, name string, retry time.Duration) {
	s.rejected.Add(1)
	if retry > 0 {
		secs := int64((retry + time.Second - 1) / time.Second)
		w.Header().Set("Retry-After", strconv.FormatInt(secs, 10))
	}
	if name == "" {
		name = statusName(status)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{
		"code": status, "message": code, "status": name,
		"details": []map[string]string{{
			"@type":     "type.googleapis.com/google.firebase.fcm.v1.FcmError",
			"errorCode": code,
		}},
	}})
}

func statusName(status int) string {
	switch status {
	case http.StatusBadRequest:
		return "INVALID_ARGUMENT"
	case http.StatusNotFound:
		return "NOT_FOUND"
	case http.StatusTooManyRequests:
		return "RESOURCE_EXHAUSTED"
	case http.StatusServiceUnavailable:
		return "UNAVAILABLE"
	}
	return "INTERNAL"
}

// hash is FNV-1a of a token (CountOnly fakes key their counts by it).
func hash(token string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(token))
	return h.Sum64()
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
