package sms_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/internal/sms"
	"github.com/kartuprakerja/platform/internal/sms/smstest"
)

func TestTwilio(t *testing.T) {
	tests := []struct {
		name      string
		fail      []int
		delay     time.Duration
		cfg       func(*sms.TwilioConfig)
		wantErr   bool
		wantCalls int
	}{
		{"sent", nil, 0, nil, false, 1},
		{"throttled, then sent", []int{429}, 0, nil, false, 2},
		{"server errors, then sent", []int{500, 503}, 0, nil, false, 3},
		{"down", []int{500, 500, 500}, 0, nil, true, 3},
		{"refused for good", []int{400}, 0, nil, true, 1},
		{"wrong token", nil, 0, func(c *sms.TwilioConfig) { c.AuthToken = "wrong" }, true, 1},
		{"slow", nil, 300 * time.Millisecond, func(c *sms.TwilioConfig) { c.AttemptTimeout = 50 * time.Millisecond }, true, 3},
		{"messaging service", nil, 0, func(c *sms.TwilioConfig) { c.From, c.MessagingServiceSID = "", "MG0001" }, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := &smstest.Twilio{Fail: tt.fail, Delay: tt.delay}
			srv := httptest.NewServer(fake)
			defer srv.Close()
			cfg := sms.TwilioConfig{BaseURL: srv.URL, AccountSID: smstest.AccountSID, AuthToken: smstest.AuthToken, From: "PRAKERJA"}
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			tw, err := sms.NewTwilio(cfg)
			if err != nil {
				t.Fatal(err)
			}
			err = tw.Send(context.Background(), "+6281234567890", "Kode masuk: 123456")
			if (err != nil) != tt.wantErr {
				t.Fatalf("Send: %v, wantErr %v", err, tt.wantErr)
			}
			sent := fake.Sent()
			if calls := fake.Calls(); calls != tt.wantCalls {
				t.Errorf("%d requests, want %d", calls, tt.wantCalls)
			}
			if tt.delay > 0 {
				return // the fake accepted what the client gave up on: the documented double send
			}
			if tt.wantErr {
				if len(sent) != 0 {
					t.Errorf("sent %v after an error", sent)
				}
				return
			}
			if len(sent) != 1 {
				t.Fatalf("%d messages accepted, want 1", len(sent))
			}
			got := sent[0]
			if got.Get("To") != "+6281234567890" || got.Get("Body") != "Kode masuk: 123456" ||
				got.Get("From") != cfg.From || got.Get("MessagingServiceSid") != cfg.MessagingServiceSID {
				t.Errorf("form %v", got)
			}
		})
	}
}

func TestTwilioStopsWithTheContext(t *testing.T) {
	srv := httptest.NewServer(&smstest.Twilio{Delay: time.Second})
	defer srv.Close()
	tw, err := sms.NewTwilio(sms.TwilioConfig{BaseURL: srv.URL, AccountSID: smstest.AccountSID, AuthToken: smstest.AuthToken, From: "X"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := tw.Send(ctx, "+6281234567890", "x"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Send with a cancelled context: %v", err)
	}
	if d := time.Since(start); d > 900*time.Millisecond {
		t.Errorf("Send returned after %s", d)
	}
}

func TestNewTwilioChecksConfig(t *testing.T) {
	for _, cfg := range []sms.TwilioConfig{
		{AuthToken: "t", From: "X"},
		{AccountSID: "AC1", From: "X"},
		{AccountSID: "AC1", AuthToken: "t"},
	} {
		if _, err := sms.NewTwilio(cfg); err == nil {
			t.Errorf("NewTwilio(%+v) accepted", cfg)
		}
	}
}
