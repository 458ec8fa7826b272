// Command dbfixture adjusts a demo SQLite database for the browser tests.
//
//	go run ./e2e/dbfixture -db DIR/prakerja.db -recent-incentive +6281200000001 -days 3
//
// -recent-incentive moves the sent incentive payments of the account with
// that phone to `days` days ago, so that its evaluation surveys, whose
// windows count from the first incentive payment, are open now. The demo
// data's own recipients were paid in 2021, when all windows closed.
//
//	go run ./e2e/dbfixture -db DIR/prakerja.db -age-codes +6281100000001
//
// -age-codes makes the sign-in codes sent to that phone two minutes old, so
// a test may sign the same account in again at once (the resend interval
// is a minute).
package main

import (
	"database/sql"
	"flag"
	"fmt"
	"log"
	"time"

	_ "modernc.org/sqlite"
)

func main() {
	db := flag.String("db", "", "SQLite file of the server under test")
	phone := flag.String("recent-incentive", "", "phone of the account whose incentives become recent")
	days := flag.Int("days", 3, "how many days ago the first incentive was sent")
	codes := flag.String("age-codes", "", "phone whose sign-in codes become two minutes old")
	flag.Parse()
	if *db == "" || *phone == "" && *codes == "" {
		log.Fatal("usage: dbfixture -db FILE (-recent-incentive PHONE [-days N] | -age-codes PHONE)")
	}
	conn, err := sql.Open("sqlite", "file:"+*db+"?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)")
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	if *codes != "" {
		if _, err := conn.Exec(`UPDATE otp_challenges SET created_at = ? WHERE phone = ?`,
			time.Now().UTC().Add(-2*time.Minute), *codes); err != nil {
			log.Fatal(err)
		}
		return
	}
	sent := time.Now().UTC().AddDate(0, 0, -*days).Truncate(time.Second)
	// Each sent incentive keeps its month: installment n was sent n-1 months
	// after the first, which is now `days` days ago (later ones in the
	// future are left as they are).
	res, err := conn.Exec(`UPDATE payouts SET sent_at = ?, scheduled_for = ? WHERE kind = 'incentive' AND status = 'sent' AND installment = 1
		AND recipient_id = (SELECT r.id FROM recipients r JOIN accounts a ON a.id = r.account_id WHERE a.phone = ?)`,
		sent, sent, *phone)
	if err != nil {
		log.Fatal(err)
	}
	n, _ := res.RowsAffected()
	if n != 1 {
		log.Fatalf("no sent first incentive for %s", *phone)
	}
	// Later sent installments may not predate the first.
	if _, err := conn.Exec(`UPDATE payouts SET sent_at = ?, scheduled_for = ? WHERE kind = 'incentive' AND status = 'sent' AND installment > 1
		AND recipient_id = (SELECT r.id FROM recipients r JOIN accounts a ON a.id = r.account_id WHERE a.phone = ?)`,
		sent.Add(time.Hour), sent, *phone); err != nil {
		log.Fatal(err)
	}
	fmt.Println("first incentive of", *phone, "sent", sent.Format(time.RFC3339))
}
