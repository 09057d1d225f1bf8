package trackingno

import (
	"fmt"
	"regexp/syntax"
	"strings"
)

// This file turns a format's RE2 pattern into "shapes": fixed-length
// sequences of byte classes with group spans known in advance. A pattern
// without * or + accepts strings of finitely many lengths, so it can be
// expanded once at start-up; matching a number is then a length check and one
// table look-up per character, with no regexp engine and no allocation.

// alphabet is every character a normalised number can contain.
const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// maxShapesPerFormat bounds the expansion of one pattern, so that a careless
// pattern fails loudly at load time instead of eating memory.
const maxShapesPerFormat = 2048

// byteClass is a set of ASCII bytes.
type byteClass [2]uint64

func (c *byteClass) add(b byte) { c[b>>6] |= 1 << (b & 63) }

func (c *byteClass) has(b byte) bool { return b < 128 && c[b>>6]&(1<<(b&63)) != 0 }

func (c *byteClass) count() int {
	n := 0
	for i := 0; i < len(alphabet); i++ {
		if c.has(alphabet[i]) {
			n++
		}
	}
	return n
}

// describe names the class for explanations: "a digit", "a letter", "'Z'".
func (c *byteClass) describe() string {
	var digits, letters, members []byte
	for i := 0; i < len(alphabet); i++ {
		b := alphabet[i]
		if !c.has(b) {
			continue
		}
		members = append(members, b)
		if b <= '9' {
			digits = append(digits, b)
		} else {
			letters = append(letters, b)
		}
	}
	switch {
	case len(members) == 1:
		return "'" + string(members) + "'"
	case len(digits) == 10 && len(letters) == 26:
		return "a letter or digit"
	case len(digits) == 10 && len(letters) == 0:
		return "a digit"
	case len(letters) == 26 && len(digits) == 0:
		return "a letter"
	case len(members) <= 10:
		parts := make([]string, len(members))
		for i, b := range members {
			parts[i] = string(b)
		}
		return "one of " + strings.Join(parts, ", ")
	case len(letters) == 0:
		return "a digit " + string(digits[0]) + "-" + string(digits[len(digits)-1])
	default:
		return "one of " + string(members)
	}
}

// span is the [start, end) of a named group inside a shape; start < 0 when
// the group does not take part in that shape.
type span struct{ start, end int16 }

func (s span) ok() bool { return s.start >= 0 }

// shape is one fixed-length way a format can be written.
type shape struct {
	format  *format
	classes []uint8 // per position, an index into catalog.classes
	groups  []span  // per format group index
	// literals counts positions that allow one character only; more literals
	// means a more specific (more trustworthy) match.
	literals int
	order    int // expansion order inside the format: regexp preference
}

// token is one step of an expanded pattern: a character class, or the opening
// or closing of a named group.
type token struct {
	kind  tokenKind
	class byteClass
	group int
}

type tokenKind uint8

const (
	tokClass tokenKind = iota
	tokOpen
	tokClose
)

// expander walks a parsed pattern and lists every fixed sequence of tokens it
// accepts, in the order a backtracking regexp engine would prefer them.
type expander struct {
	groupIndex map[string]int
	groupNames []string
}

func (e *expander) group(name string) int {
	if i, ok := e.groupIndex[name]; ok {
		return i
	}
	e.groupIndex[name] = len(e.groupNames)
	e.groupNames = append(e.groupNames, name)
	return len(e.groupNames) - 1
}

func (e *expander) expand(re *syntax.Regexp) ([][]token, error) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return [][]token{nil}, nil
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, fmt.Errorf("case-insensitive literal %q: write patterns in upper case", string(re.Rune))
		}
		seq := make([]token, 0, len(re.Rune))
		for _, r := range re.Rune {
			if r >= 128 {
				return nil, fmt.Errorf("non-ASCII literal %q", r)
			}
			var c byteClass
			c.add(byte(r))
			seq = append(seq, token{kind: tokClass, class: c})
		}
		return [][]token{seq}, nil
	case syntax.OpCharClass:
		var c byteClass
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1] && r < 128; r++ {
				if strings.IndexByte(alphabet, byte(r)) >= 0 {
					c.add(byte(r))
				}
			}
		}
		if c == (byteClass{}) {
			return nil, fmt.Errorf("character class %s has no letter or digit", re)
		}
		return [][]token{{{kind: tokClass, class: c}}}, nil
	case syntax.OpCapture:
		subs, err := e.expand(re.Sub[0])
		if err != nil || re.Name == "" {
			return subs, err
		}
		g := e.group(re.Name)
		out := make([][]token, 0, len(subs))
		for _, s := range subs {
			seq := make([]token, 0, len(s)+2)
			seq = append(seq, token{kind: tokOpen, group: g})
			seq = append(seq, s...)
			seq = append(seq, token{kind: tokClose, group: g})
			out = append(out, seq)
		}
		return out, nil
	case syntax.OpConcat:
		acc := [][]token{nil}
		for _, sub := range re.Sub {
			next, err := e.expand(sub)
			if err != nil {
				return nil, err
			}
			if acc, err = product(acc, next); err != nil {
				return nil, err
			}
		}
		return acc, nil
	case syntax.OpAlternate:
		var out [][]token
		for _, sub := range re.Sub {
			alts, err := e.expand(sub)
			if err != nil {
				return nil, err
			}
			out = append(out, alts...)
			if len(out) > maxShapesPerFormat {
				return nil, fmt.Errorf("pattern expands to more than %d shapes", maxShapesPerFormat)
			}
		}
		return out, nil
	case syntax.OpQuest:
		alts, err := e.expand(re.Sub[0])
		if err != nil {
			return nil, err
		}
		if re.Flags&syntax.NonGreedy != 0 {
			return append([][]token{nil}, alts...), nil
		}
		return append(alts, nil), nil
	case syntax.OpRepeat:
		if re.Max < 0 {
			return nil, fmt.Errorf("unbounded repeat %s", re)
		}
		one, err := e.expand(re.Sub[0])
		if err != nil {
			return nil, err
		}
		var out [][]token
		for n := re.Max; n >= re.Min; n-- { // greedy: longest first
			acc := [][]token{nil}
			for i := 0; i < n; i++ {
				if acc, err = product(acc, one); err != nil {
					return nil, err
				}
			}
			out = append(out, acc...)
			if len(out) > maxShapesPerFormat {
				return nil, fmt.Errorf("pattern expands to more than %d shapes", maxShapesPerFormat)
			}
		}
		if re.Flags&syntax.NonGreedy != 0 {
			for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
				out[i], out[j] = out[j], out[i]
			}
		}
		return out, nil
	default:
		return nil, fmt.Errorf("unsupported pattern element %s (%v): use literals, classes, {n,m}, ?, | and groups", re, re.Op)
	}
}

func product(left, right [][]token) ([][]token, error) {
	if len(left)*len(right) > maxShapesPerFormat {
		return nil, fmt.Errorf("pattern expands to more than %d shapes", maxShapesPerFormat)
	}
	out := make([][]token, 0, len(left)*len(right))
	for _, l := range left {
		for _, r := range right {
			seq := make([]token, 0, len(l)+len(r))
			seq = append(seq, l...)
			seq = append(seq, r...)
			out = append(out, seq)
		}
	}
	return out, nil
}

// compilePattern parses pattern and returns its token sequences and group names.
func compilePattern(pattern string) ([][]token, []string, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, nil, err
	}
	e := &expander{groupIndex: map[string]int{}}
	seqs, err := e.expand(re)
	if err != nil {
		return nil, nil, err
	}
	return seqs, e.groupNames, nil
}

// matches reports whether s has this shape. The caller has checked the length.
func matchShape[T text](sh *shape, classes []byteClass, s T) bool {
	for i, ci := range sh.classes {
		if !classes[ci].has(s[i]) {
			return false
		}
	}
	return true
}
