package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/internal/lottery"
)

// verifySelection recomputes a wave's lottery from its published data alone
// and compares it with the published results:
//
//	prakerja verify-selection -source http://localhost:8080 -wave 23
//	prakerja verify-selection -source ./downloaded-wave-23/
func verifySelection(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("verify-selection", flag.ContinueOnError)
	source := fs.String("source", "http://localhost:8080", "server base URL, or a directory with selection.json, applicants.csv, results.csv")
	wave := fs.Int("wave", 0, "wave number (with a server URL)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	open := opener(ctx, *source, *wave)
	var pub lottery.Publication
	if err := readWith(open, "selection.json", func(r io.Reader) error { return json.NewDecoder(r).Decode(&pub) }); err != nil {
		return err
	}
	var applicants []lottery.Entry
	var results []lottery.Outcome
	err := readWith(open, "applicants.csv", func(r io.Reader) (err error) { applicants, err = lottery.ReadApplicants(r); return })
	if err != nil {
		return err
	}
	err = readWith(open, "results.csv", func(r io.Reader) (err error) { results, err = lottery.ReadResults(r); return })
	if err != nil {
		return err
	}
	start := time.Now()
	n, err := lottery.Verify(pub, applicants, results)
	if err != nil {
		return fmt.Errorf("wave %d: NOT VERIFIED: %w", pub.Wave, err)
	}
	fmt.Printf("wave %d: VERIFIED: %d applicants, %d selected; seed matches commitment %s; recomputed in %s\n",
		pub.Wave, n, pub.Selected, pub.Commitment, time.Since(start).Round(time.Millisecond))
	return nil
}

type openFunc func(name string) (io.ReadCloser, error)

func opener(ctx context.Context, source string, wave int) openFunc {
	if strings.HasPrefix(source, "http://") || strings.HasPrefix(source, "https://") {
		return func(name string) (io.ReadCloser, error) {
			u := fmt.Sprintf("%s/publication/waves/%d/%s", strings.TrimSuffix(source, "/"), wave, name)
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
			if err != nil {
				return nil, err
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return nil, err
			}
			if resp.StatusCode != http.StatusOK {
				resp.Body.Close()
				return nil, fmt.Errorf("GET %s: %s (is the wave announced?)", u, resp.Status)
			}
			return resp.Body, nil
		}
	}
	return func(name string) (io.ReadCloser, error) { return os.Open(filepath.Join(source, name)) }
}

func readWith(open openFunc, name string, read func(io.Reader) error) error {
	rc, err := open(name)
	if err != nil {
		return fmt.Errorf("open %s: %w", name, err)
	}
	defer rc.Close()
	if err := read(rc); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}
