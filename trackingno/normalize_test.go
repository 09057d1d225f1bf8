package trackingno

import (
	"strings"
	"testing"
)

func TestNormalisation(t *testing.T) {
	tests := []struct {
		input     string
		number    string
		courier   string
		extracted bool
	}{
		{"RB123456785GB", "RB123456785GB", "s10", false},
		{"rb123456785gb", "RB123456785GB", "s10", false},
		{"  RB 123 456 785 GB  ", "RB123456785GB", "s10", false},
		{"RB-123-456-785-GB", "RB123456785GB", "s10", false},
		{"RB.123.456.785.GB", "RB123456785GB", "s10", false},
		{"#RB123456785GB!", "RB123456785GB", "s10", false},
		{`"RB123456785GB",`, "RB123456785GB", "s10", false},
		{"(1Z 5R8 939 03 5756 712 7)", "1Z5R89390357567127", "ups", false},
		{"ＲＢ１２３４５６７８５ＧＢ", "RB123456785GB", "s10", false},                // fullwidth
		{"RВ123456785GВ", "RB123456785GB", "s10", false},                // Cyrillic В
		{"ЕЕ471108151FR", "EE471108151FR", "s10", false},                // Cyrillic Е
		{"1LS7119013618127-1", "1LS71190136181271", "lasership", false}, // the hyphen is part of the printed form
		{"9400 1112 0108 0805 4830 16", "9400111201080805483016", "usps", false},
		{"Your parcel RB123456785GB has shipped.", "RB123456785GB", "s10", true},
		{"Tracking number: 9400 1112 0108 0805 4830 16 (USPS)", "9400111201080805483016", "usps", true},
		{"https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260787", "9400111206206406260787", "usps", true},
		{"https://www.ups.com/track?loc=en_US&tracknum=1Z5R89390357567127&requester=ST/", "1Z5R89390357567127", "ups", true},
		{"https://www.pochta.ru/tracking#42382396002056", "42382396002056", "russianpost", true},
		{"Заказ отправлен, трек-номер RB123456785GB, спасибо!", "RB123456785GB", "s10", true},
		{"Order 12345 shipped: LP00724622449605 (Cainiao)", "LP00724622449605", "cainiao", true},
		{strings.Repeat("lorem ipsum dolor sit amet ", 20) + "EE471108151FR", "EE471108151FR", "s10", true},
	}
	for _, tc := range tests {
		t.Run(tc.input, func(t *testing.T) {
			r := Parse(tc.input)
			if r.Number != tc.number || r.Courier() != tc.courier || r.Extracted != tc.extracted || r.Input != tc.input {
				t.Errorf("got number %q courier %q extracted %v; want %q %q %v (reason %v)",
					r.Number, r.Courier(), r.Extracted, tc.number, tc.courier, tc.extracted, r.Reason)
			}
		})
	}
}

// A spaced number that fits a known shape but fails its check is reported
// as that number, not searched for a shorter valid number inside it.
func TestSpacedInvalidNumberIsNotSplit(t *testing.T) {
	for _, s := range []string{"5682 8361 0012 732", "0307 1790 0005 2348 3742", "RB 123 456 786 GB"} {
		r := Parse(s)
		if r.Valid || r.Extracted || r.Reason.Code != ReasonCheckDigit {
			t.Errorf("%s: valid=%v extracted=%v reason=%v", s, r.Valid, r.Extracted, r.Reason)
		}
	}
}

// In text, the number with a check digit wins over one without.
func TestExtractionPrefersCheckedNumbers(t *testing.T) {
	r := Parse("ref 60120172242323, post RB123456785GB")
	if r.Number != "RB123456785GB" {
		t.Errorf("got %s", r.Number)
	}
	// An invalid number in text is still found and explained.
	r = Parse("my number is RB123456786GB thanks")
	if r.Valid || r.Number != "RB123456786GB" || r.Reason.Code != ReasonCheckDigit {
		t.Errorf("got %s valid=%v reason=%v", r.Number, r.Valid, r.Reason)
	}
}

func TestParseIntoReusesResult(t *testing.T) {
	p := NewParser()
	var r Result
	p.ParseInto(&r, "42382396002056")
	p.ParseInto(&r, "RB123456785GB")
	if len(r.Candidates()) != 1 || r.Courier() != "s10" {
		t.Fatalf("stale candidates: %v", r.Candidates())
	}
	p.ParseInto(&r, "nothing here")
	if r.Valid || len(r.Candidates()) != 0 || r.Reason.Code == ReasonNone {
		t.Fatalf("stale state: %+v", r.Reason)
	}
}
