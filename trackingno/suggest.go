package trackingno

import (
	"sort"
	"strconv"
)

// DefaultSuggestionLimit is how many suggestions Suggest returns at most
// when no limit is given. Some typos leave many equally good fixes: a digit
// typed for the second S10 service letter has 26 (any letter fits), a wrong
// country letter up to 25. The limit is set above those so the intended
// number is not cut; callers showing a short list can pass a smaller limit.
const DefaultSuggestionLimit = 32

// suggestBudget caps how many edited strings one Suggest call checks. The
// longest format (41 characters) needs about 3,200, so the cap only matters
// for inputs that are not tracking numbers at all.
const suggestBudget = 8000

// EditKind is the kind of typo a suggestion undoes, in ranking order.
type EditKind uint8

// Edit kinds, most likely first.
const (
	EditLookAlike  EditKind = iota + 1 // O↔0, I↔1, S↔5, B↔8 … (possibly several at once)
	EditSwap                           // two neighbouring characters swapped
	EditSubstitute                     // one character replaced
	EditDelete                         // one extra character removed
	EditInsert                         // one missing character added
)

func (k EditKind) String() string {
	switch k {
	case EditLookAlike:
		return "look-alike"
	case EditSwap:
		return "swap"
	case EditSubstitute:
		return "substitute"
	case EditDelete:
		return "delete"
	case EditInsert:
		return "insert"
	}
	return "edit(" + strconv.Itoa(int(k)) + ")"
}

// Suggestion is a valid number one typo away from the input.
type Suggestion struct {
	Number string
	Edit   EditKind
	// Position is the 0-based index in the input's normalised number where
	// the edit applies (for a swap, the first of the two characters).
	Position    int
	Courier     string
	Format      string
	FormatName  string
	HasChecksum bool
	Confidence  float64
}

// lookAlikes lists characters commonly confused with each other when numbers
// are copied by hand or read by OCR.
var lookAlikes = map[byte]string{
	'O': "0", 'Q': "0", 'D': "0", 'I': "1", 'L': "1", 'Z': "2", 'S': "5", 'B': "8", 'G': "6", 'T': "7", 'A': "4",
	'0': "OD", '1': "IL", '2': "Z", '4': "A", '5': "S", '6': "G", '7': "T", '8': "B",
}

// Suggest returns corrections for s with the built-in formats. See
// Parser.Suggest.
func Suggest(s string) []Suggestion { return defaultParser.Suggest(s, 0) }

// Suggest returns valid numbers one typo away from s, best first: numbers
// of formats with a check digit before the others; then look-alike fixes,
// swapped neighbours, and one changed, extra or missing character, in that
// order. limit <= 0 means DefaultSuggestionLimit.
//
// A number that is valid under a format with a check digit gets no
// suggestions. Neither does one that fits only formats without a check
// digit. A number whose check digit fails gets suggestions even when a
// format without a check digit also accepts it: any 14 digits are a valid
// DHL E-Commerce (14) number, yet a failed Russian Post check digit is the
// stronger signal. Edits must reach a format with a check digit, except that
// look-alike and swap fixes of an input matching no format at all may reach
// any format.
func (p *Parser) Suggest(s string, limit int) []Suggestion {
	if limit <= 0 {
		limit = DefaultSuggestionLimit
	}
	r := p.Parse(s)
	num := r.Number
	cat := p.cat
	if num == "" || len(num) > cat.maxLen+1 {
		return nil
	}
	if r.n > 0 && !r.checksumFailed() {
		return nil
	}
	g := &suggester{cat: cat, allowPlain: r.n == 0, budget: suggestBudget, seen: map[string]bool{num: true}}
	g.generate(num)
	sort.SliceStable(g.out, func(i, j int) bool {
		a, b := &g.out[i], &g.out[j]
		if a.HasChecksum != b.HasChecksum {
			return a.HasChecksum
		}
		if a.Edit != b.Edit {
			return a.Edit < b.Edit
		}
		return a.Confidence > b.Confidence
	})
	if len(g.out) > limit {
		g.out = g.out[:limit]
	}
	return g.out
}

type suggester struct {
	cat        *catalog
	allowPlain bool
	budget     int
	seen       map[string]bool
	out        []Suggestion
	buf        [compactBufSize + 2]byte
}

func (g *suggester) generate(num string) {
	n, cat := len(num), g.cat
	b := g.buf[:]

	// Look-alikes, one character at a time.
	for i := 0; i < n; i++ {
		for _, alt := range []byte(lookAlikes[num[i]]) {
			copy(b, num)
			b[i] = alt
			g.try(b[:n], EditLookAlike, i)
		}
	}
	// Look-alikes, all at once, steered by each shape of the same length:
	// "RBI2345678SGB" has two confusions no single edit fixes. Only formats
	// with a check digit, which can confirm a multi-character guess.
	if n <= cat.maxLen {
		for _, sh := range cat.byLength[n] {
			if !sh.format.hasChecksum() {
				continue
			}
			copy(b, num)
			changed, first := 0, -1
			for i, ci := range sh.classes {
				cls := &cat.classes[ci]
				if cls.has(b[i]) {
					continue
				}
				fixed := false
				for _, alt := range []byte(lookAlikes[b[i]]) {
					if cls.has(alt) {
						b[i], fixed = alt, true
						break
					}
				}
				if !fixed {
					changed = -1
					break
				}
				if changed++; first < 0 {
					first = i
				}
			}
			// Two at most: more would let a look-alike table turn letters
			// into digits until some check digit happens to pass.
			if changed == 2 {
				g.try(b[:n], EditLookAlike, first)
			}
		}
	}
	// Swapped neighbours.
	for i := 0; i+1 < n; i++ {
		if num[i] == num[i+1] {
			continue
		}
		copy(b, num)
		b[i], b[i+1] = b[i+1], b[i]
		g.try(b[:n], EditSwap, i)
	}
	// One character replaced.
	if g.lengthExists(n) {
		for i := 0; i < n; i++ {
			copy(b, num)
			for k := 0; k < len(alphabet); k++ {
				if alphabet[k] == num[i] {
					continue
				}
				b[i] = alphabet[k]
				g.try(b[:n], EditSubstitute, i)
			}
		}
	}
	// One extra character.
	if g.lengthExists(n - 1) {
		for i := 0; i < n; i++ {
			if i+1 < n && num[i] == num[i+1] {
				continue // deleting either of a pair gives the same string
			}
			copy(b, num[:i])
			copy(b[i:], num[i+1:])
			g.try(b[:n-1], EditDelete, i)
		}
	}
	// One missing character.
	if g.lengthExists(n + 1) {
		for i := 0; i <= n; i++ {
			copy(b, num[:i])
			copy(b[i+1:], num[i:])
			for k := 0; k < len(alphabet); k++ {
				if i < n && alphabet[k] == num[i] {
					continue // same as inserting after num[i]
				}
				b[i] = alphabet[k]
				g.try(b[:n+1], EditInsert, i)
			}
		}
	}
}

func (g *suggester) lengthExists(n int) bool {
	return n >= 1 && n <= g.cat.maxLen && len(g.cat.byLength[n]) > 0
}

func (g *suggester) try(cand []byte, kind EditKind, pos int) {
	if g.budget <= 0 {
		return
	}
	g.budget--
	f := bestValidFormat(g.cat, cand)
	if f == nil {
		return
	}
	if !f.hasChecksum() && !(g.allowPlain && (kind == EditLookAlike || kind == EditSwap)) {
		return
	}
	if g.seen[string(cand)] { // no allocation: the compiler converts for the look-up only
		return
	}
	s := string(cand)
	g.seen[s] = true
	g.out = append(g.out, Suggestion{
		Number: s, Edit: kind, Position: pos, Courier: f.courier, Format: f.id, FormatName: f.name,
		HasChecksum: f.hasChecksum(), Confidence: f.confidence,
	})
}

// bestValidFormat returns the best format under which s is valid, or nil. It
// is Parse without the bookkeeping, for checking thousands of edits.
func bestValidFormat[T text](cat *catalog, s T) *format {
	n := len(s)
	if n == 0 || n > cat.maxLen {
		return nil
	}
	first := alnumIndex(s[0])
	if first < 0 {
		return nil
	}
	var best *shape
	for _, sh := range cat.buckets[n*len(alphabet)+first] {
		if best != nil && !betterGuess(sh, best) {
			continue
		}
		if matchShape(sh, cat.classes, s) && judge(cat, sh, s).valid {
			best = sh
		}
	}
	if best == nil {
		return nil
	}
	return best.format
}
