package trackingno_test

import (
	"testing"

	"github.com/parcelwatch/parcelwatch/trackingno"
	"github.com/parcelwatch/parcelwatch/trackingno/sample"
)

// The hot path: a valid, already normalised S10 number allocates nothing,
// through Parse (result returned by value) or ParseInto (reused result).
func TestParseS10DoesNotAllocate(t *testing.T) {
	p := trackingno.NewParser()
	var dst trackingno.Result
	for _, s := range []string{"RB123456785GB", "EE471108151FR", "LX123456785CN"} {
		if n := testing.AllocsPerRun(1000, func() { p.ParseInto(&dst, s) }); n != 0 {
			t.Errorf("ParseInto(%s): %v allocations, want 0", s, n)
		}
		if n := testing.AllocsPerRun(1000, func() {
			r := trackingno.Parse(s)
			if !r.Valid {
				t.Fatal("invalid")
			}
		}); n != 0 {
			t.Errorf("Parse(%s): %v allocations, want 0", s, n)
		}
	}
	// Other normalised numbers of every kind do not allocate either, valid
	// or not.
	for _, s := range []string{"1Z5R89390357567127", "9400111206206406260787", "42382396002056", "986578788855", "RB123456786GB", "LP00724622449605"} {
		if n := testing.AllocsPerRun(1000, func() { p.ParseInto(&dst, s) }); n != 0 {
			t.Errorf("ParseInto(%s): %v allocations, want 0", s, n)
		}
	}
}

var sinkValid int

func BenchmarkParseS10(b *testing.B) {
	p := trackingno.NewParser()
	var r trackingno.Result
	b.ReportAllocs()
	for b.Loop() {
		p.ParseInto(&r, "RB123456785GB")
	}
	if !r.Valid {
		b.Fatal("invalid")
	}
}

// BenchmarkParseS10Value is Parse returning the Result by value.
func BenchmarkParseS10Value(b *testing.B) {
	b.ReportAllocs()
	valid := 0
	for b.Loop() {
		if r := trackingno.Parse("RB123456785GB"); r.Valid {
			valid++
		}
	}
	sinkValid = valid
}

// BenchmarkParse runs the realistic mix of package sample: 55% S10, UPS,
// USPS, FedEx, Russian Post and marketplace numbers, one in ten typed with
// spaces or in lower case, and 10% invalid.
func BenchmarkParse(b *testing.B) {
	numbers := sample.Mix(1, 10000)
	p := trackingno.NewParser()
	var r trackingno.Result
	b.ReportAllocs()
	i, valid := 0, 0
	for b.Loop() {
		p.ParseInto(&r, numbers[i])
		if r.Valid {
			valid++
		}
		if i++; i == len(numbers) {
			i = 0
		}
	}
	sinkValid = valid
}

func BenchmarkParseText(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		trackingno.Parse("Your parcel RB123456785GB has been dispatched, see https://example.com/t?n=RB123456785GB")
	}
}

// BenchmarkSuggest corrects typical typos: wrong check digit, swapped
// digits, a missing digit, and a Russian Post typo.
func BenchmarkSuggest(b *testing.B) {
	inputs := []string{"RB123456783GB", "RB123456758GB", "RB12345685GB", "42382396002055", "1Z5R89390357567128"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if len(trackingno.Suggest(inputs[i])) == 0 {
			b.Fatal("no suggestions for", inputs[i])
		}
		if i++; i == len(inputs) {
			i = 0
		}
	}
}
