package classify

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Carriers word one state in many ways: "returned to sender" is also
// "returned to the original sender", "customs clearance completed" also
// "clearance of customs has been completed". When no rule reads a text as
// written, the phrases of the rules are tried loosely: a phrase of two or
// more content words matches when each of its content words starts a word
// of the text, in any order and with other words between. What is read so
// is said with less confidence.

// looseConfidence scales the confidence of a rule matched loosely.
const looseConfidence = 0.7

// looseIndex finds the rule phrases whose content words all occur in a text.
type looseIndex struct {
	words *termIndex // content words of the phrases, as prefix terms
	// phrases lists, for each content word, the phrases (term ids of the
	// rule index) that contain it; need is how many distinct content words
	// each of those phrases has.
	phrases [][]int32
	need    []int // by term id; 0 for a term not loosened
}

// negators are words whose place in a phrase is its meaning ("not
// delivered" is not "delivered, not signed"): phrases holding one are only
// matched as written.
var negators = map[string]bool{
	"not": true, "no": true, "non": true, "never": true, "without": true, "unable": true, "cannot": true,
	"nicht": true, "kein": true, "keine": true, "keinen": true, "ohne": true, "nie": true, "bez": true,
	"не": true, "нет": true, "без": true, "ни": true, "nao": true, "sem": true, "sin": true, "ne": true,
	"pas": true, "niet": true, "geen": true, "zonder": true, "ej": true, "inte": true, "ikke": true,
	"ei": true, "nem": true, "nu": true, "ni": true, "yok": true, "degil": true, "khong": true,
	"tidak": true, "belum": true, "bukan": true, "chua": true, "οχι": true, "δεν": true, "μη": true,
	"לא": true, "لا": true, "لم": true, "غير": true, "नहीं": true, "nicio": true, "neni": true, "nebyla": true,
	"nebylo": true, "nebyl": true, "nezastihli": true,
}

// minContentRunes is the shortest word that carries meaning in a phrase;
// shorter ones ("to", "at", "de", "в") are left to the exact match.
const minContentRunes = 3

// syllabic languages write a space between syllables, not words: their
// phrases fall apart when loosened.
var syllabic = map[string]bool{"vi": true}

// newLooseIndex indexes the content words of every multi-word phrase of
// the rules, except phrases of syllabic languages, in scripts without
// spaces, or with a negation.
func newLooseIndex(terms []term, rules []rule) *looseIndex {
	x := &looseIndex{words: newTermIndex(), need: make([]int, len(terms))}
	loosen := make([]bool, len(terms))
	for i := range rules {
		if syllabic[rules[i].lang()] {
			continue
		}
		for _, groups := range [2][][]int32{rules[i].groups, rules[i].not} {
			for _, g := range groups {
				for _, id := range g {
					loosen[id] = true
				}
			}
		}
	}
	for id, t := range terms {
		if !loosen[id] {
			continue
		}
		words := strings.Fields(t.text)
		if len(words) < 2 || hasSpaceless(t.text) {
			continue
		}
		var content []string
		negated := false
		for i, w := range words {
			if negators[w] {
				negated = true
				break
			}
			if utf8.RuneCountInString(w) < minContentRunes {
				continue
			}
			if t.whole && i == len(words)-1 {
				w += "$"
			}
			if !slices.Contains(content, w) {
				content = append(content, w)
			}
		}
		if negated || len(content) < 2 {
			continue
		}
		for _, w := range content {
			wt := term{text: strings.TrimSuffix(w, "$"), whole: strings.HasSuffix(w, "$")}
			wid := x.words.add(wt)
			for int(wid) >= len(x.phrases) {
				x.phrases = append(x.phrases, nil)
			}
			x.phrases[wid] = append(x.phrases[wid], int32(id))
		}
		x.need[id] = len(content)
	}
	x.words.build()
	return x
}

// match adds to found the phrases whose content words all occur in text, a
// normalised string as scan takes it. counts is scratch space, returned for
// reuse.
func (x *looseIndex) match(text string, found *matchSet, counts map[int32]int) map[int32]int {
	var words matchSet
	x.words.scan(text, &words)
	if words.n < 2 {
		return counts
	}
	if counts == nil {
		counts = map[int32]int{}
	}
	clear(counts)
	for _, wid := range words.ids[:words.n] {
		for _, pid := range x.phrases[wid] {
			counts[pid]++
			if counts[pid] == x.need[pid] {
				found.add(pid)
			}
		}
	}
	return counts
}

func hasSpaceless(s string) bool {
	for _, r := range s {
		if spaceless(r) {
			return true
		}
	}
	return false
}
