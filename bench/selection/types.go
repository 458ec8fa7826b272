package main

import (
	"github.com/kartuprakerja/platform/ent/province"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/regency"
)

func provinceTZ(s string) province.TimeZone     { return province.TimeZone(s) }
func regencyKind(s string) regency.Kind         { return regency.Kind(s) }
func recipientStatus(s string) recipient.Status { return recipient.Status(s) }
