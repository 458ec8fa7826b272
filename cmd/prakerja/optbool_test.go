package main

import (
	"flag"
	"io"
	"strings"
	"testing"
)

func TestIntrospectionFollowsPlayground(t *testing.T) {
	for _, tt := range []struct {
		args, env string
		want      bool
	}{
		{"", "", true},
		{"-playground=false", "", false},
		{"-introspection=false", "", false},
		{"-playground=false -introspection", "", true},
		{"-playground=false", "true", true},
		{"", "false", false},
		{"-introspection", "false", true}, // the flag wins
	} {
		t.Setenv("PRAKERJA_INTROSPECTION", tt.env)
		var c config
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		c.register(fs)
		if err := fs.Parse(strings.Fields(tt.args)); err != nil {
			t.Fatal(err)
		}
		if got := c.Introspection.or(c.Playground); got != tt.want {
			t.Errorf("%q env %q: introspection %v, want %v", tt.args, tt.env, got, tt.want)
		}
	}
}
