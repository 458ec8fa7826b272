package main

import (
	"bufio"
	"context"
	"flag"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

func TestBrowseHost(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"[::]:8080", "localhost:8080"},
		{"0.0.0.0:9000", "localhost:9000"},
		{"127.0.0.1:8081", "127.0.0.1:8081"},
		{"[::1]:80", "[::1]:80"},
	}
	for _, tt := range tests {
		addr, err := net.ResolveTCPAddr("tcp", tt.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := browseHost(addr); got != tt.want {
			t.Errorf("browseHost(%s) = %s, want %s", tt.addr, got, tt.want)
		}
	}
}

// TestServePrintsWhereToOpen runs serve -demo on an empty store and reads
// its output: the URLs are printed once it answers (after migrations and
// seeding), and they work.
func TestServePrintsWhereToOpen(t *testing.T) {
	if testing.Short() {
		t.Skip("seeds a demo store and serves it")
	}
	ctx, cancel := context.WithCancel(context.Background())
	var cfg config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	cfg.register(fs)
	if err := fs.Parse([]string{"-demo", "-recipients", "0", "-addr", "127.0.0.1:0", "-data-dir", t.TempDir(),
		"-log-level", "error"}); err != nil {
		t.Fatal(err)
	}
	r, w := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- serve(ctx, &cfg, w); w.Close() }()
	t.Cleanup(func() {
		cancel()
		go io.Copy(io.Discard, r) //nolint:errcheck // drain until serve returns
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	urls := map[string]string{}
	sc := bufio.NewScanner(r)
	line := regexp.MustCompile(`^\s+(app|playground):\s+(http://\S+)$`)
	var phones string
	for sc.Scan() {
		if m := line.FindStringSubmatch(sc.Text()); m != nil {
			urls[m[1]] = m[2]
			// The URL is printed when the server answers: no waiting here.
			res, err := http.Get(m[2])
			if err != nil || res.StatusCode != http.StatusOK {
				t.Fatalf("%s printed but GET %s: %v %v", m[1], m[2], res, err)
			}
			res.Body.Close()
		}
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "demo phones:"); ok {
			phones = rest
			break
		}
	}
	if urls["app"] == "" || urls["playground"] == "" || !strings.Contains(phones, "081200000001") {
		t.Fatalf("printed app %q, playground %q, phones %q", urls["app"], urls["playground"], phones)
	}
}
