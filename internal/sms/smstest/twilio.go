// Package smstest is a fake of the Twilio Messages API for tests: it checks
// the credentials and the form like Twilio does, records what it accepted,
// and can answer errors or answer slowly.
package smstest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// The credentials the fake accepts.
const (
	AccountSID = "AC00000000000000000000000000000001"
	AuthToken  = "secrettoken"
)

// Twilio serves POST /2010-04-01/Accounts/{AccountSID}/Messages.json. It
// answers the statuses in Fail, one a request, before it accepts (429 with
// Retry-After: 0), and waits Delay before every answer.
type Twilio struct {
	Fail  []int
	Delay time.Duration

	mu    sync.Mutex
	calls int
	sent  []url.Values
}

// Calls is how many requests arrived.
func (f *Twilio) Calls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

// Sent returns the forms of the accepted messages, in order.
func (f *Twilio) Sent() []url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]url.Values(nil), f.sent...)
}

// ServeHTTP implements http.Handler.
func (f *Twilio) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.calls++
	var status int
	if len(f.Fail) > 0 {
		status, f.Fail = f.Fail[0], f.Fail[1:]
	}
	f.mu.Unlock()
	time.Sleep(f.Delay)
	w.Header().Set("Content-Type", "application/json")
	user, pass, ok := r.BasicAuth()
	switch {
	case r.Method != http.MethodPost || r.URL.Path != "/2010-04-01/Accounts/"+AccountSID+"/Messages.json":
		answer(w, http.StatusNotFound, 20404, "The requested resource was not found")
		return
	case !ok || user != AccountSID || pass != AuthToken:
		answer(w, http.StatusUnauthorized, 20003, "Authenticate")
		return
	case status != 0:
		if status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "0")
		}
		answer(w, status, 20000+status, "injected")
		return
	}
	if err := r.ParseForm(); err != nil || r.PostForm.Get("To") == "" || r.PostForm.Get("Body") == "" ||
		(r.PostForm.Get("From") == "") == (r.PostForm.Get("MessagingServiceSid") == "") {
		answer(w, http.StatusBadRequest, 21604, "A 'To' phone number, a 'Body' and one sender are required.")
		return
	}
	f.mu.Lock()
	f.sent = append(f.sent, r.PostForm)
	n := len(f.sent)
	f.mu.Unlock()
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(map[string]any{"sid": fmt.Sprintf("SM%032d", n), "status": "queued",
		"to": r.PostForm.Get("To"), "body": r.PostForm.Get("Body")})
}

// answer writes a Twilio error body.
func answer(w http.ResponseWriter, status, code int, msg string) {
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"code": code, "message": msg, "status": status})
}
