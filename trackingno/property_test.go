package trackingno

import (
	"math/rand"
	"sort"
	"testing"
)

// randomS10 builds a valid S10 number with the reference rules only.
func randomS10(rng *rand.Rand, countries []string) string {
	const usable = "ABCDEFGHILMNOPQRUVXYZ" // not the reserved J, K, S, T, W
	b := []byte{usable[rng.Intn(len(usable))], byte('A' + rng.Intn(26))}
	for i := 0; i < 8; i++ {
		b = append(b, byte('0'+rng.Intn(10)))
	}
	check, _ := refS10(string(b[2:10]))
	b = append(b, check...)
	b = append(b, countries[rng.Intn(len(countries))]...)
	return string(b)
}

// randomRussianPost builds a valid 14-digit Russian Post number.
func randomRussianPost(rng *rand.Rand) string {
	b := make([]byte, 0, 14)
	b = append(b, byte('1'+rng.Intn(9))) // postcodes do not start with 0
	for i := 1; i < 13; i++ {
		b = append(b, byte('0'+rng.Intn(10)))
	}
	check, _ := refMod10(string(b), 3, 1, false)
	return string(append(b, check...))
}

// typos lists every single-character substitution (any letter or digit) and
// every swap of two different neighbours.
func typos(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		for k := 0; k < len(alphabet); k++ {
			if alphabet[k] != s[i] {
				b := []byte(s)
				b[i] = alphabet[k]
				out = append(out, string(b))
			}
		}
	}
	for i := 0; i+1 < len(s); i++ {
		if s[i] != s[i+1] {
			b := []byte(s)
			b[i], b[i+1] = b[i+1], b[i]
			out = append(out, string(b))
		}
	}
	return out
}

type typoStats struct{ typos, stillValid, invalid, recovered int }

// checkTypos asserts, for every typo of a valid number of formatID:
//   - if the reference rules say the typo is itself a valid number of that
//     format, Parse says so too;
//   - otherwise Parse does not call it a valid number of that format, and if
//     Parse calls it valid at all, only a format without a check digit accepts
//     it (e.g. DHL E-Commerce takes any 14 digits, or "LX"+digits);
//
// and counts how often the original is among the suggestions for the typos
// that are invalid for the format.
func checkTypos(t *testing.T, formatID, original string, refValid func(string) bool, st *typoStats) {
	t.Helper()
	for _, typo := range typos(original) {
		st.typos++
		r := Parse(typo)
		c, matched := r.Candidate(formatID)
		if refValid(typo) {
			st.stillValid++
			if !matched || !c.Valid {
				t.Fatalf("%s: typo %s of %s is a valid %s, Parse says %v", formatID, typo, original, formatID, r.Reason)
			}
			continue
		}
		st.invalid++
		if matched && c.Valid {
			t.Fatalf("%s: typo %s of %s reported valid", formatID, typo, original)
		}
		if r.Valid {
			best, _ := r.Best()
			if best.Checksum != "" || len(best.shape.format.rules) > 0 {
				t.Fatalf("%s: typo %s of %s reported valid as %s", formatID, typo, original, best.Format)
			}
		}
		for _, sg := range Suggest(typo) {
			if sg.Number == original {
				st.recovered++
				break
			}
		}
	}
}

func TestS10TyposAreCaughtAndRecovered(t *testing.T) {
	rng := rand.New(rand.NewSource(10))
	var countries []string
	for code := range refOperators() {
		countries = append(countries, code)
	}
	sort.Strings(countries)
	var st typoStats
	for i := 0; i < 40; i++ {
		checkTypos(t, "s10", randomS10(rng, countries), refS10Valid, &st)
	}
	reportRate(t, "S10", st)
}

func TestRussianPostTyposAreCaughtAndRecovered(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	var st typoStats
	for i := 0; i < 40; i++ {
		checkTypos(t, "russianpost", randomRussianPost(rng), refRussianPostValid, &st)
	}
	reportRate(t, "Russian Post", st)
}

func reportRate(t *testing.T, name string, st typoStats) {
	t.Helper()
	rate := float64(st.recovered) / float64(st.invalid)
	t.Logf("%s: %d typos, %d still valid (undetectable by the format), %d invalid, original suggested for %d (%.2f%%)",
		name, st.typos, st.stillValid, st.invalid, st.recovered, 100*rate)
	if rate < 0.99 {
		t.Fatalf("%s: original suggested for %.2f%% of typos, want at least 99%%", name, 100*rate)
	}
}

// Parse and Suggest agree with the reference rules on random strings that
// look like S10 and Russian Post numbers (valid and not).
func TestRandomNumbersAgreeWithReference(t *testing.T) {
	rng := rand.New(rand.NewSource(99))
	for i := 0; i < 20000; i++ {
		b := []byte{byte('A' + rng.Intn(26)), byte('A' + rng.Intn(26))}
		for k := 0; k < 9; k++ {
			b = append(b, byte('0'+rng.Intn(10)))
		}
		b = append(b, byte('A'+rng.Intn(26)), byte('A'+rng.Intn(26)))
		s := string(b)
		c, ok := func() (Candidate, bool) { r := Parse(s); return r.Candidate("s10") }()
		if !ok || c.Valid != refS10Valid(s) {
			t.Fatalf("%s: Parse s10 valid=%v (matched %v), reference %v", s, c.Valid, ok, refS10Valid(s))
		}
		d := make([]byte, 14)
		for k := range d {
			d[k] = byte('0' + rng.Intn(10))
		}
		r := Parse(string(d))
		rp, ok := r.Candidate("russianpost")
		if !ok || rp.Valid != refRussianPostValid(string(d)) {
			t.Fatalf("%s: Parse russianpost valid=%v, reference %v", d, rp.Valid, refRussianPostValid(string(d)))
		}
	}
}
