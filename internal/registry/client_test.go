package registry_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/internal/registry"
	"github.com/kartuprakerja/platform/internal/registry/registrytest"
)

var budi = registrytest.Person{
	Identity: registry.Identity{NIK: "3273011001900001", KKNumber: "3273010000000001",
		FullName: "Budi Santoso", MotherMaidenName: "Sri Wahyuni"},
	BirthDate:  "1990-01-10",
	Exclusions: []string{"bsu"},
}

func identity(mod func(*registry.Identity)) registry.Identity {
	id := budi.Identity
	id.BirthDate = time.Date(1990, 1, 10, 0, 0, 0, 0, time.UTC)
	if mod != nil {
		mod(&id)
	}
	return id
}

func fastClient(url string) *registry.Client {
	return registry.NewClient(registry.ClientConfig{BaseURL: url, AttemptTimeout: 200 * time.Millisecond,
		MaxElapsed: 2 * time.Second, MaxTries: 3, BreakAfter: 3, OpenFor: time.Minute})
}

func TestClientVerdicts(t *testing.T) {
	fake := registrytest.New(budi)
	defer fake.Close()
	c := fastClient(fake.URL)
	tests := []struct {
		name   string
		id     registry.Identity
		match  bool
		reason string
	}{
		{"match", identity(nil), true, ""},
		{"mother case-insensitive", identity(func(i *registry.Identity) { i.MotherMaidenName = " sri  WAHYUNI " }), true, ""},
		{"unknown nik", identity(func(i *registry.Identity) { i.NIK = "3273011001900002" }), false, registry.NIKNotFound},
		{"kk mismatch", identity(func(i *registry.Identity) { i.KKNumber = "3273010000000009" }), false, registry.KKMismatch},
		{"birth date", identity(func(i *registry.Identity) { i.BirthDate = i.BirthDate.AddDate(0, 0, 1) }), false, registry.BirthDateMismatch},
		{"mother", identity(func(i *registry.Identity) { i.MotherMaidenName = "Siti" }), false, registry.MotherMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := c.Verify(context.Background(), tt.id)
			if err != nil || v.Match != tt.match || v.Reason != tt.reason {
				t.Errorf("Verify = %+v, %v; want match=%v reason=%q", v, err, tt.match, tt.reason)
			}
		})
	}
	l, err := c.Listings(context.Background(), budi.NIK)
	if err != nil || len(l) != 1 || l[0] != "bsu" {
		t.Errorf("Listings = %v, %v", l, err)
	}
}

func TestClientFaults(t *testing.T) {
	tests := []struct {
		name     string
		setup    func(*registrytest.Server)
		wantErr  bool
		maxTries int64 // requests the fake may see
	}{
		{"retries through a blip", func(s *registrytest.Server) { s.FailNext(2) }, false, 3},
		{"down", func(s *registrytest.Server) { s.SetMode(registrytest.Down) }, true, 3},
		{"slow beyond the attempt timeout", func(s *registrytest.Server) {
			s.Delay = time.Second
			s.SetMode(registrytest.Slow)
		}, true, 3},
		{"malformed answer", func(s *registrytest.Server) { s.SetMode(registrytest.Malformed) }, true, 1},
		{"throttled", func(s *registrytest.Server) { s.SetMode(registrytest.Throttled) }, true, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := registrytest.New(budi)
			defer fake.Close()
			tt.setup(fake)
			_, err := fastClient(fake.URL).Verify(context.Background(), identity(nil))
			if tt.wantErr != (err != nil) || (err != nil && !errors.Is(err, registry.ErrUnavailable)) {
				t.Errorf("err = %v, wantErr %v (must wrap ErrUnavailable)", err, tt.wantErr)
			}
			if n := fake.Requests.Load(); n > tt.maxTries {
				t.Errorf("%d requests, want at most %d", n, tt.maxTries)
			}
		})
	}
}

func TestCircuitOpensAfterRepeatedFailures(t *testing.T) {
	fake := registrytest.New(budi)
	defer fake.Close()
	fake.SetMode(registrytest.Down)
	c := registry.NewClient(registry.ClientConfig{BaseURL: fake.URL, MaxTries: 1, BreakAfter: 3, OpenFor: time.Minute})
	for range 3 {
		if _, err := c.Verify(context.Background(), identity(nil)); err == nil {
			t.Fatal("down registry answered")
		}
	}
	before := fake.Requests.Load()
	fake.SetMode(registrytest.OK)
	if _, err := c.Verify(context.Background(), identity(nil)); !errors.Is(err, registry.ErrUnavailable) {
		t.Errorf("open circuit: err = %v", err)
	}
	if fake.Requests.Load() != before {
		t.Errorf("open circuit still called the registry")
	}
}
