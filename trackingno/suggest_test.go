package trackingno

import (
	"math/rand"
	"sort"
	"testing"
)

func TestSuggestions(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string   // must be among the suggestions
		edit  EditKind // with this kind of edit
		first bool     // and ranked first
	}{
		{"wrong check digit", "RB123456783GB", "RB123456785GB", EditSubstitute, false},
		{"B typed for 8", "RB1234567B5GB", "RB123456785GB", EditLookAlike, true},
		{"O typed for 0", "EE471IO8151FR", "EE471108151FR", EditLookAlike, true},
		{"letter O in a UPS number", "1Z5R8939O357567127", "1Z5R89390357567127", EditLookAlike, true},
		{"letter I in a UPS number", "1Z5R89390357567I27", "1Z5R89390357567127", EditLookAlike, true},
		{"digit 8 for B in the country", "RB123456785G8", "RB123456785GB", EditLookAlike, true},
		{"two look-alikes at once", "RBI2345678SGB", "RB123456785GB", EditLookAlike, true},
		{"swapped neighbours", "RB123456758GB", "RB123456785GB", EditSwap, false},
		{"swapped in UPS", "1Z5R89390357576127", "1Z5R89390357567127", EditSwap, false},
		{"missing digit", "RB12345685GB", "RB123456785GB", EditInsert, false},
		{"extra digit", "RB1234567785GB", "RB123456785GB", EditDelete, false},
		{"Russian Post check digit", "42382396002055", "42382396002056", EditSubstitute, false},
		{"Russian Post swap", "42382396000256", "42382396002056", EditSwap, false},
		{"reserved service letter", "JB123456785GB", "RB123456785GB", EditSubstitute, false},
		{"unknown country", "RB123456785GX", "RB123456785GB", EditSubstitute, false},
		{"lower case and spaces", "rb 1234 5678 3gb", "RB123456785GB", EditSubstitute, false},
		{"no check digit, look-alike", "TBA5O2887274000", "TBA502887274000", EditLookAlike, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sugs := Suggest(tc.input)
			found := -1
			for i, s := range sugs {
				r := Parse(s.Number)
				if !r.Valid {
					t.Fatalf("suggestion %s is not valid", s.Number)
				}
				if best, _ := r.Best(); best.Format != s.Format {
					t.Errorf("suggestion %s labelled %s, parses as %s", s.Number, s.Format, best.Format)
				}
				if s.Number == tc.want {
					found = i
					if s.Edit != tc.edit {
						t.Errorf("%s suggested by %v, want %v", s.Number, s.Edit, tc.edit)
					}
				}
			}
			if found < 0 {
				t.Fatalf("%s not among %d suggestions %v", tc.want, len(sugs), numbersOf(sugs))
			}
			if tc.first && found != 0 {
				t.Errorf("%s ranked %d, want first; got %v", tc.want, found, numbersOf(sugs))
			}
		})
	}
}

func numbersOf(sugs []Suggestion) []string {
	var out []string
	for _, s := range sugs {
		out = append(out, s.Number+"/"+s.Edit.String())
	}
	return out
}

func TestNoSuggestionsForValidNumbers(t *testing.T) {
	for _, s := range []string{
		"RB123456785GB", "1Z5R89390357567127", "9400111206206406260787", "42382396002056",
		"TBA000000000000", // valid, no check digit, no checksummed reading
		"LP00724622449605",
	} {
		if got := Suggest(s); len(got) != 0 {
			t.Errorf("Suggest(%s) = %v, want none", s, numbersOf(got))
		}
	}
}

// Suggestions are ranked: check-digit formats first, then by edit kind.
func TestSuggestionOrder(t *testing.T) {
	for _, input := range []string{"RB123456783GB", "RB12345678GB", "JB123456785GB", "1234567890123", "1Z5R8939O35756712"} {
		sugs := Suggest(input)
		ok := sort.SliceIsSorted(sugs, func(i, j int) bool {
			a, b := sugs[i], sugs[j]
			if a.HasChecksum != b.HasChecksum {
				return a.HasChecksum
			}
			return a.Edit < b.Edit
		})
		if !ok {
			t.Errorf("%s: suggestions out of order: %v", input, numbersOf(sugs))
		}
		if len(sugs) > DefaultSuggestionLimit {
			t.Errorf("%s: %d suggestions, limit %d", input, len(sugs), DefaultSuggestionLimit)
		}
	}
	if got := defaultParser.Suggest("RB123456783GB", 3); len(got) != 3 {
		t.Errorf("limit 3 gave %d", len(got))
	}
}

// Missing or extra characters in S10 and Russian Post numbers are recovered
// as well (not required by the brief; recorded for information).
func TestInsertDeleteRecovery(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	var countries []string
	for code := range refOperators() {
		countries = append(countries, code)
	}
	sort.Strings(countries)
	total, recovered := 0, 0
	for i := 0; i < 40; i++ {
		for _, original := range []string{randomS10(rng, countries), randomRussianPost(rng)} {
			var variants []string
			for k := 0; k < len(original); k++ {
				variants = append(variants, original[:k]+original[k+1:]) // missing
				extra := string(alphabet[rng.Intn(10)])
				variants = append(variants, original[:k]+extra+original[k:]) // extra
			}
			for _, v := range variants {
				if r := Parse(v); r.Valid && !r.checksumFailed() {
					continue
				}
				total++
				for _, s := range Suggest(v) {
					if s.Number == original {
						recovered++
						break
					}
				}
			}
		}
	}
	rate := float64(recovered) / float64(total)
	t.Logf("missing/extra character: original suggested for %d of %d (%.1f%%)", recovered, total, 100*rate)
	if rate < 0.9 {
		t.Errorf("recovery %.1f%%", 100*rate)
	}
}
