// Package sms owns the sending of text messages (sign-in codes) behind
// Sender: Twilio (a client of its Messages API) in a real deployment, and
// LogSender, which writes the message to the log, for a demo or a
// developer. Another gateway plugs in as another Sender.
package sms

import (
	"context"
	"log/slog"
	"sync"
)

// Sender delivers one text message.
type Sender interface {
	Send(ctx context.Context, phone, text string) error
}

// LogSender logs every message instead of sending it.
type LogSender struct{ Log *slog.Logger }

// Send implements Sender.
func (s LogSender) Send(_ context.Context, phone, text string) error {
	s.Log.Info("sms (not sent: log sender)", "to", phone, "text", text)
	return nil
}

// Recorder keeps messages in memory; tests read the codes from it.
type Recorder struct {
	mu   sync.Mutex
	last map[string]string
}

// Send implements Sender.
func (r *Recorder) Send(_ context.Context, phone, text string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.last == nil {
		r.last = map[string]string{}
	}
	r.last[phone] = text
	return nil
}

// Last returns the last message sent to phone.
func (r *Recorder) Last(phone string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.last[phone]
}
