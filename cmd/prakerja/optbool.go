package main

import (
	"strconv"
)

// optionalBool is a boolean flag that knows whether it was given (by flag
// or environment variable), for settings whose default follows another.
type optionalBool struct{ v *bool }

// envOptionalBool reads PRAKERJA_<name>; unset or unparsable is "not given".
func envOptionalBool(name string) optionalBool {
	if b, err := strconv.ParseBool(env(name, "")); err == nil {
		return optionalBool{&b}
	}
	return optionalBool{}
}

func (o *optionalBool) String() string {
	if o == nil || o.v == nil {
		return ""
	}
	return strconv.FormatBool(*o.v)
}

func (o *optionalBool) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	o.v = &b
	return nil
}

func (o *optionalBool) IsBoolFlag() bool { return true }

// or returns the value given, else def.
func (o optionalBool) or(def bool) bool {
	if o.v == nil {
		return def
	}
	return *o.v
}
