package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kartuprakerja/platform/internal/certificate"
	"github.com/kartuprakerja/platform/internal/certificate/vc"
	"github.com/kartuprakerja/platform/internal/msg"
)

// verifyCertificate checks a certificate's credential (a VC-JWT or the QR
// code's text) with no server, against the keys of a saved DID document:
//
//	prakerja verify-certificate -did did.json 'PKJ1:…'
//	prakerja verify-certificate -did did.json -file credential.txt
//	echo 'eyJ…' | prakerja verify-certificate -did did.json
//
// It prints the verdict in Indonesian and English and fails when refused.
// A revocation is known only to the register: the output names the page.
func verifyCertificate(_ context.Context, args []string, stdin io.Reader, out io.Writer) error {
	fs := flag.NewFlagSet("verify-certificate", flag.ContinueOnError)
	didFile := fs.String("did", "", "the issuer's DID document (a saved copy of <server>/.well-known/did.json)")
	file := fs.String("file", "", "read the credential from this file (default: the argument, else standard input)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: prakerja verify-certificate -did did.json [-file F | CREDENTIAL | < F]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *didFile == "" {
		fs.Usage()
		return errors.New("verify-certificate: -did is required")
	}
	doc, err := os.ReadFile(*didFile)
	if err != nil {
		return fmt.Errorf("verify-certificate: %w", err)
	}
	keys, err := vc.ParseDocument(doc)
	if err != nil {
		return fmt.Errorf("verify-certificate: %w", err)
	}
	input, err := credentialInput(fs.Args(), *file, stdin)
	if err != nil {
		return err
	}
	v := vc.Verify(keys, input)
	printVerdict(out, certificate.Result{Code: v.Code, Fields: v.Fields})
	if !v.Valid() {
		return fmt.Errorf("certificate refused: %s", v.Code)
	}
	return nil
}

func credentialInput(args []string, file string, stdin io.Reader) (string, error) {
	switch {
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("verify-certificate: %w", err)
		}
		return string(b), nil
	case len(args) > 0 && args[0] != "-":
		return strings.Join(args, " "), nil // a QR payload may hold spaces
	}
	b, err := io.ReadAll(io.LimitReader(stdin, 1<<20))
	if err != nil {
		return "", fmt.Errorf("verify-certificate: read standard input: %w", err)
	}
	return string(b), nil
}

func printVerdict(out io.Writer, r certificate.Result) {
	word := "DITOLAK / REFUSED"
	if r.Valid() {
		word = "SAH / VALID"
	}
	fmt.Fprintf(out, "%s (%s)\n  %s\n  %s\n", word, r.Code, r.Message(msg.ID), r.Message(msg.EN))
	f := r.Fields
	for _, row := range [][2]string{{"Nomor / Number", f.Number}, {"Pemilik / Holder", f.HolderName},
		{"Pelatihan / Training", f.CourseTitle}, {"Lembaga / Institution", f.InstitutionName},
		{"Nilai / Score", f.Score}, {"Penerbit / Issuer", f.Issuer}} {
		if row[1] != "" {
			fmt.Fprintf(out, "  %-22s %s\n", row[0]+":", row[1])
		}
	}
	if !f.IssuedAt.IsZero() {
		fmt.Fprintf(out, "  %-22s %s / %s\n", "Terbit / Issued:", msg.Date(msg.ID, f.IssuedAt), msg.Date(msg.EN, f.IssuedAt))
	}
	if r.Valid() {
		fmt.Fprintf(out, "  Pencabutan tidak bisa dicek tanpa internet: lihat halaman %s%s\n  Revocation cannot be checked offline: see the page %s%s\n",
			vc.CertificatePath, f.Number, vc.CertificatePath, f.Number)
	}
}
