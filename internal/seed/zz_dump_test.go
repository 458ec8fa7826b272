package seed

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestZZDump(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	client := openClient(t, path)
	sum, err := Run(context.Background(), client, Options{Seed: 7, Recipients: 2000, Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(sum)
	client.Close()
	db, _ := sql.Open("sqlite", "file:"+path)
	defer db.Close()
	for _, q := range []string{
		`SELECT r.full_name, r.nik, r.kk_number, r.birth_date, r.birth_place, r.gender, g.name, r.status, coalesce(r.card_number,''), a.phone, r.area, r.education FROM recipients r JOIN regencies g ON g.id=r.regency_id JOIN accounts a ON a.id=r.account_id ORDER BY random() LIMIT 12`,
		`SELECT full_name, nik, exclusions, deceased FROM registry_persons WHERE exclusions IS NOT NULL LIMIT 5`,
		`SELECT title, category, method, price, duration_hours, rating_average, rating_count, purchase_count FROM courses ORDER BY purchase_count DESC LIMIT 8`,
		`SELECT title, category, method, price FROM courses ORDER BY random() LIMIT 8`,
		`SELECT code, name, city FROM training_institutions LIMIT 5`,
		`SELECT v.title, v.company, g.name, v.education_min, v.job_type, coalesce(v.salary_min,''), coalesce(v.salary_max,''), v.posted_at FROM vacancies v JOIN regencies g ON g.id=v.regency_id LIMIT 5`,
		`SELECT number, name, opens_at, closes_at, status, quota, coalesce(announced_at,'') FROM waves ORDER BY number`,
		`SELECT kind, title, body, link FROM notifications`,
		`SELECT kind, installment, amount, scheduled_for, status, coalesce(sent_at,'') FROM payouts WHERE recipient_id IN (SELECT r.id FROM recipients r JOIN accounts a ON a.id=r.account_id WHERE a.phone='+6281200000001')`,
		`SELECT topic, prompt_id, choices_id, answer FROM questions ORDER BY random() LIMIT 6`,
		`SELECT s.code, q.key, q.kind, q.prompt_en FROM survey_questions q JOIN surveys s ON s.id=q.survey_id ORDER BY s.code, q.position`,
		`SELECT phone, role, display_name, coalesce(training_institution_id,''), coalesce(digital_platform_id,''), coalesce(payment_partner_id,''), coalesce(job_portal_id,'') FROM accounts WHERE role != 'recipient'`,
		`SELECT status, count(*) FROM recipients GROUP BY 1`,
		`SELECT w.number, count(*), min(rank), max(rank) FROM applications a JOIN waves w ON w.id=a.wave_id GROUP BY 1`,
		`SELECT p.name, count(*) FROM recipients r JOIN regencies g ON g.id=r.regency_id JOIN provinces p ON p.id=g.province_id GROUP BY 1 ORDER BY 2 DESC LIMIT 6`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		fmt.Println("==", q[:min(60, len(q))])
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			var parts []string
			for _, v := range vals {
				parts = append(parts, fmt.Sprint(v))
			}
			fmt.Println("  ", strings.Join(parts, " | "))
		}
	}
}
