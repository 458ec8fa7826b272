// Command pushpayload prints the Web Push payload the server sends for one
// event, rendered by the server's templates (push.Render) and encoded by its
// Web Push sender (push.WebPayload), for the browser test of the service
// worker: the test delivers what the server would, not a copy of it.
//
//	go run ./e2e/pushpayload -kind selection_result
//	go run ./e2e/pushpayload -kind payout_scheduled
package main

import (
	"flag"
	"log"
	"os"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/push"
)

func main() {
	kind := flag.String("kind", "selection_result", "selection_result or payout_scheduled")
	flag.Parse()
	acc := pulid.New("ac")
	var ev push.Event
	switch *kind {
	case "selection_result":
		ev = push.SelectionResult(acc, pulid.New("wv"), 23, "selected", 1_000_000)
	case "payout_scheduled":
		ev = push.PayoutScheduled(acc, push.Payout{ID: pulid.New("po"), Installment: 3, Amount: money.Rupiah(600_000),
			Partner: "GoPay"}, time.Now().AddDate(0, 0, 3))
	default:
		log.Fatalf("pushpayload: unknown kind %q", *kind)
	}
	text, err := push.Render(ev, account.LocaleID)
	if err != nil {
		log.Fatal(err)
	}
	n := &ent.Notification{ID: pulid.New("nt"), AccountID: acc, Kind: ev.Kind, EventKey: ev.Key,
		Title: text.Title, Body: text.Body, Link: text.Link, Data: text.Data}
	body, err := push.WebPayload(n)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := os.Stdout.Write(append(body, '\n')); err != nil {
		log.Fatal(err)
	}
}
