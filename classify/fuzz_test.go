package classify

import (
	"testing"
	"unicode/utf8"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// FuzzClassify feeds arbitrary carrier events: the classifier must never
// panic, must return a consistent state with a confidence in 0..1, and must
// never look sure about an event it can't read.
func FuzzClassify(f *testing.F) {
	for _, seed := range []struct{ carrier, code, text string }{
		{"usps", "01", "Delivered, In/At Mailbox"},
		{"russianpost", "8.2", "Прибыло в место вручения"},
		{"", "", "[深圳市] 快件已揽收"},
		{"17track", "Exception_Lost", ""},
		{"", "", "【】[[]]"},
		{"x", "8//2", "\xff\xfe"},
	} {
		f.Add(seed.carrier, seed.code, seed.text)
	}
	c := Default()
	f.Fuzz(func(t *testing.T, carrier, code, text string) {
		got := c.Classify(Input{Carrier: carrier, Code: code, Text: text, Country: "RU", DestinationCountry: "RU"})
		if err := got.State.Validate(); err != nil {
			t.Fatalf("invalid state %+v: %v", got.State, err)
		}
		if got.Milestone == parcel.MilestoneNone {
			t.Fatalf("empty milestone for %q", text)
		}
		if got.Confidence < 0 || got.Confidence > 1 {
			t.Fatalf("confidence %v", got.Confidence)
		}
		if got.Milestone == parcel.MilestoneUnknown && got.Exception == parcel.ExceptionNone && got.Confidence > 0.5 {
			t.Fatalf("unknown with confidence %v (rule %s) for %q", got.Confidence, got.Rule, text)
		}
		if got.Rule == "" || !utf8.ValidString(got.Rule) {
			t.Fatalf("no rule named for %q", text)
		}
	})
}
