package main

import (
	"bytes"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// result is what the load measured.
type result struct {
	latencies  []time.Duration
	errors     int
	firstError string
	elapsed    time.Duration
	cpu        time.Duration // process CPU time (server and clients) during the load
}

var client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}}

// load runs the jobs on conc concurrent clients, each taking the next job.
func load(url string, jobs []job, conc int) result {
	var next atomic.Int64
	var mu sync.Mutex
	var out result
	var wg sync.WaitGroup
	start, cpu0 := time.Now(), cpuTime()
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			bad, first := 0, ""
			for i := next.Add(1) - 1; i < int64(len(jobs)); i = next.Add(1) - 1 {
				t := time.Now()
				body, err := post(url, jobs[i])
				lat = append(lat, time.Since(t))
				if err != nil || !accepted(body) {
					bad++
					if first == "" {
						first = describe(body, err)
					}
				}
			}
			mu.Lock()
			out.latencies, out.errors = append(out.latencies, lat...), out.errors+bad
			if out.firstError == "" {
				out.firstError = first
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	out.elapsed, out.cpu = time.Since(start), cpuTime()-cpu0
	return out
}

func post(url string, j job) ([]byte, error) {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(j.body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+j.token)
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func accepted(body []byte) bool {
	return bytes.Contains(body, []byte(`"submitSurveyResponse":{"id":"sr`)) && !bytes.Contains(body, []byte(`"errors"`))
}

func describe(body []byte, err error) string {
	if err != nil {
		return err.Error()
	}
	return string(body)
}

// cpuTime is the CPU time (user and system) the process used so far: on a
// shared machine it measures the cost of a response better than the clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
