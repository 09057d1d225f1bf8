package trackingno

// diagnose explains a normalised number that matches no format: it looks for
// the format the number misses by one edit (one character of the wrong kind,
// one too few, one too many) and says what is wrong in that format's terms.
func (cat *catalog) diagnose(s string) Reason {
	n := len(s)
	if n == 0 {
		return Reason{Code: ReasonEmpty, Position: -1}
	}
	unknown := Reason{Code: ReasonUnknownFormat, Position: -1, FoundLen: n}

	var best Reason
	var bestShape *shape
	consider := func(sh *shape, r Reason) {
		if bestShape == nil || betterGuess(sh, bestShape) {
			best, bestShape = r, sh
		}
	}
	for _, target := range [...]int{n, n + 1, n - 1} {
		if target < 1 || target > cat.maxLen {
			continue
		}
		for _, sh := range cat.byLength[target] {
			switch target {
			case n:
				pos, mismatches := -1, 0
				for i, ci := range sh.classes {
					if !cat.classes[ci].has(s[i]) {
						if mismatches++; mismatches > 1 {
							break
						}
						pos = i
					}
				}
				if mismatches == 1 {
					consider(sh, Reason{Code: ReasonCharacter, Position: pos,
						Expected: cat.classText[sh.classes[pos]], Found: s[pos : pos+1], format: sh.format})
				}
			default:
				if cat.oneEditAway(sh, s) {
					consider(sh, Reason{Code: ReasonLength, Position: -1,
						ExpectedLen: target, FoundLen: n, format: sh.format})
				}
			}
		}
	}
	if bestShape == nil {
		return unknown
	}
	// An all-digit number one digit off several unrelated all-digit formats
	// says nothing about which was meant; do not guess.
	if bestShape.literals == 0 && allDigits(s) && cat.ambiguousDigitGuess(s, bestShape) {
		return unknown
	}
	return best
}

// betterGuess prefers formats with a check digit, then more confident
// formats, then more specific shapes, then catalog order.
func betterGuess(a, b *shape) bool {
	af, bf := a.format, b.format
	if af.hasChecksum() != bf.hasChecksum() {
		return af.hasChecksum()
	}
	if af.confidence != bf.confidence {
		return af.confidence > bf.confidence
	}
	if a.literals != b.literals {
		return a.literals > b.literals
	}
	return af.order < bf.order
}

// oneEditAway reports whether inserting or deleting one character turns s
// into a string of shape sh (len(sh) is len(s)±1).
func (cat *catalog) oneEditAway(sh *shape, s string) bool {
	m, n := len(sh.classes), len(s)
	p := 0 // longest prefix of s that fits the start of sh
	for p < n && p < m && cat.classes[sh.classes[p]].has(s[p]) {
		p++
	}
	q := 0 // longest suffix of s that fits the end of sh
	for q < n && q < m && cat.classes[sh.classes[m-1-q]].has(s[n-1-q]) {
		q++
	}
	if m == n+1 { // one character missing: s = prefix + suffix
		return p+q >= n
	}
	return p+q >= n-1 // one character extra: drop it
}

// ambiguousDigitGuess reports whether a pure-digit input is one edit from
// all-digit formats of different lengths, so that no single length is right.
func (cat *catalog) ambiguousDigitGuess(s string, chosen *shape) bool {
	for _, target := range [...]int{len(s) + 1, len(s) - 1} {
		if target < 1 || target > cat.maxLen || target == len(chosen.classes) {
			continue
		}
		for _, sh := range cat.byLength[target] {
			if sh.literals == 0 && sh.format.hasChecksum() == chosen.format.hasChecksum() && cat.oneEditAway(sh, s) {
				return true
			}
		}
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
