package classify

import (
	"strings"
	"unicode/utf8"
)

// A term is one word or phrase of a rule, matched at a word start (or at
// any character in scripts written without spaces). By default it matches
// as a prefix, so "deliver" finds "delivered" and "delivery"; whole marks a
// term that must also end at a word end ("ems" must not find "emsland").
type term struct {
	text  string
	whole bool
}

// termIndex finds every term in a normalised text in one pass.
type termIndex struct {
	terms []term
	ids   map[term]int32
	// byKey lists term ids by their first two characters (one for a term
	// that starts in a spaceless script).
	byKey map[string][]int32
}

func newTermIndex() *termIndex {
	return &termIndex{ids: map[term]int32{}, byKey: map[string][]int32{}}
}

// add registers a folded term and returns its id.
func (x *termIndex) add(t term) int32 {
	if id, ok := x.ids[t]; ok {
		return id
	}
	id := int32(len(x.terms))
	x.terms = append(x.terms, t)
	x.ids[t] = id
	k := keyOf(t.text)
	x.byKey[k] = append(x.byKey[k], id)
	return id
}

// keyRunes is how many leading characters index a term: enough that a
// bucket holds a handful of terms even with rules for dozens of languages.
// Terms in scripts written without spaces, where every character starts a
// lookup, use spacelessKeyRunes.
const (
	keyRunes          = 5
	spacelessKeyRunes = 2
)

// keyOf is the index key of a term: its first few characters (all of them
// if it is shorter).
func keyOf(s string) string {
	limit := keyRunes
	n := 0
	for i, r := range s {
		if n == 0 && spaceless(r) {
			limit = spacelessKeyRunes
		}
		if n == limit {
			return s[:i]
		}
		n++
	}
	return s
}

// maxMatches bounds the terms recorded per text; texts are short and the
// rest would only repeat what is known.
const maxMatches = 64

// matchSet is the set of term ids found in one text.
type matchSet struct {
	ids [maxMatches]int32
	n   int
}

func (m *matchSet) has(id int32) bool {
	for _, x := range m.ids[:m.n] {
		if x == id {
			return true
		}
	}
	return false
}

func (m *matchSet) add(id int32) {
	if m.n < maxMatches && !m.has(id) {
		m.ids[m.n] = id
		m.n++
	}
}

// scan records every term that occurs in text, a normalised string that
// begins and ends with a space.
func (x *termIndex) scan(text string, found *matchSet) {
	wordStart := true
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == ' ' {
			wordStart = true
			i += size
			continue
		}
		if wordStart || spaceless(r) {
			x.scanAt(text, i, found)
		}
		wordStart = false
		i += size
	}
}

func (x *termIndex) scanAt(text string, i int, found *matchSet) {
	rest := text[i:]
	// Look the position up under each key length a term can have: one to
	// keyRunes characters (a term shorter than that is its own key).
	limit, end := keyRunes, 0
	for n := 1; n <= limit && end < len(rest); n++ {
		r, size := utf8.DecodeRuneInString(rest[end:])
		if n == 1 && spaceless(r) {
			limit = spacelessKeyRunes
		}
		end += size
		x.matchBucket(rest, rest[:end], found)
	}
}

func (x *termIndex) matchBucket(rest, key string, found *matchSet) {
	for _, id := range x.byKey[key] {
		t := &x.terms[id]
		if !strings.HasPrefix(rest, t.text) {
			continue
		}
		if t.whole {
			next := len(t.text)
			if next < len(rest) && rest[next] != ' ' {
				continue
			}
		}
		found.add(id)
	}
}
