package trackingno

import (
	"strings"
	"testing"
)

// FuzzParse: Parse never panics, its result is self-consistent, and every
// candidate it calls valid is re-verified independently: Go's regexp must
// match the format's pattern, and the reference check-digit code (not the
// package's) must agree with the check digit. Suggestions are re-verified
// the same way.
func FuzzParse(f *testing.F) {
	for _, file := range []string{"tracking_numbers.tsv", "tracking_numbers_extra.tsv"} {
		for _, row := range readDataset(f, file) {
			f.Add(row.number)
		}
	}
	for _, s := range []string{
		"", " ", "-", "RB12345678GB", "42382396002055", "Your parcel RB123456785GB has shipped.",
		"https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260787",
		"ＲＢ１２３４５６７８５ＧＢ", "RВ123456785GВ", "\xff\xfe", strings.Repeat("9", 200), strings.Repeat("A1 ", 300),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := Parse(s)
		cands := r.Candidates()
		if r.Valid != (len(cands) > 0 && cands[0].Valid) {
			t.Fatalf("Valid=%v disagrees with the best candidate", r.Valid)
		}
		if !r.Valid && r.Reason.Code == ReasonNone {
			t.Fatalf("invalid without a reason")
		}
		if r.Valid && r.Reason.Code != ReasonNone {
			t.Fatalf("valid with reason %v", r.Reason)
		}
		_ = r.Reason.String()
		for i, c := range cands {
			if i > 0 && c.Valid && !cands[i-1].Valid {
				t.Fatalf("valid candidate ranked after an invalid one")
			}
			if c.Valid {
				reverifyCandidate(t, c)
			} else if len(c.Reasons()) == 0 {
				t.Fatalf("invalid candidate %s without reasons", c.Format)
			}
			for _, fact := range c.Facts() {
				_ = fact.Value
			}
		}
		if len(s) <= 40 {
			for _, sg := range Suggest(s) {
				rs := Parse(sg.Number)
				if !rs.Valid {
					t.Fatalf("suggestion %s for %q is not valid", sg.Number, s)
				}
				best, _ := rs.Best()
				reverifyCandidate(t, best)
			}
		}
	})
}
