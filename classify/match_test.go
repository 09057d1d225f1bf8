package classify

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTermIndexAgreesWithNaiveSearch checks the trie against the plain
// definition of a match: the term starts at a word start (or at any
// character of a script written without spaces), the text goes on with
// it, and a whole term ends at a word end.
func TestTermIndexAgreesWithNaiveSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "k", "l", "m", "n", " ", " ", "é", "签", "收", "ж"}
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return strings.TrimSpace(b.String())
	}
	for round := range 200 {
		x := newTermIndex()
		var terms []term
		for range 1 + rng.IntN(300) {
			tm := term{text: word(1 + rng.IntN(6)), whole: rng.IntN(3) == 0}
			if tm.text == "" {
				continue
			}
			x.add(tm)
			terms = append(terms, tm)
		}
		x.build()
		for range 20 {
			text := " " + word(rng.IntN(30)) + " "
			var found matchSet
			x.scan(text, &found)
			if found.n == maxMatches {
				continue // capped: the rest are dropped by design
			}
			got := slices.Sorted(slices.Values(found.ids[:found.n]))
			want := naiveMatches(x, text)
			if !slices.Equal(got, want) {
				t.Fatalf("round %d: text %q, terms %v: trie found %v, naive %v", round, text, terms, got, want)
			}
		}
	}
}

func naiveMatches(x *termIndex, text string) []int32 {
	var ids []int32
	for id, tm := range x.terms {
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			start := r != ' ' && (i == 0 || text[i-1] == ' ' || spaceless(r))
			if start && strings.HasPrefix(text[i:], tm.text) {
				next := i + len(tm.text)
				if !tm.whole || next == len(text) || text[next] == ' ' {
					ids = append(ids, int32(id))
					break
				}
			}
			i += size
		}
	}
	slices.Sort(ids)
	return ids
}
