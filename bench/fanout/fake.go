package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"

	"github.com/kartuprakerja/platform/push/fcmfake"
)

// serveFake runs the fake FCM server and prints its URL (child process).
func serveFake(ctx context.Context) error {
	fake := fcmfake.NewWithOptions(fcmfake.Options{CountOnly: true})
	defer fake.Close()
	fmt.Println(fake.URL)
	<-ctx.Done()
	return nil
}

// fakeProc is the fake FCM server in a child process.
type fakeProc struct {
	URL string
	cmd *exec.Cmd
}

func startFake(ctx context.Context) (*fakeProc, error) {
	cmd := exec.CommandContext(ctx, os.Args[0], "-serve-fake")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start fake FCM: %w", err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("read fake FCM address: %w", err)
	}
	return &fakeProc{URL: strings.TrimSpace(line), cmd: cmd}, nil
}

func (f *fakeProc) stop() {
	if f.cmd.ProcessState != nil {
		return
	}
	_ = f.cmd.Process.Signal(os.Interrupt)
	_ = f.cmd.Wait()
}

func (f *fakeProc) stats() (fcmfake.Stats, error) {
	var st fcmfake.Stats
	resp, err := http.Get(f.URL + "/stats")
	if err != nil {
		return st, err
	}
	defer resp.Body.Close()
	return st, json.NewDecoder(resp.Body).Decode(&st)
}
