package trackingno

import "unicode/utf8"

// compactBufSize bounds the characters kept when normalising one input;
// longer inputs are treated as free text.
const compactBufSize = 96

// Free-text extraction limits: enough for an e-mail paragraph or a URL,
// small enough that a pasted page cannot make Parse slow.
const (
	maxExtractTokens  = 256
	maxExtractWindows = 4096
)

// isNormalised reports whether s is already upper-case letters and digits
// only, of a length some format can have: the zero-allocation fast path.
func isNormalised(s string, maxLen int) bool {
	if len(s) == 0 || len(s) > maxLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

// foldRune maps a character to the ASCII letter or digit it stands for:
// itself for ASCII letters and digits (upper-cased), fullwidth forms to
// their ASCII twins, and Cyrillic letters that look like Latin ones (a
// Russian keyboard layout produces them in S10 numbers). ok is false for
// everything else, which separates tokens.
func foldRune(r rune) (byte, bool) {
	switch {
	case r >= '0' && r <= '9', r >= 'A' && r <= 'Z':
		return byte(r), true
	case r >= 'a' && r <= 'z':
		return byte(r - 'a' + 'A'), true
	case r >= 0xFF10 && r <= 0xFF19: // fullwidth digits
		return byte(r-0xFF10) + '0', true
	case r >= 0xFF21 && r <= 0xFF3A: // fullwidth capitals
		return byte(r-0xFF21) + 'A', true
	case r >= 0xFF41 && r <= 0xFF5A: // fullwidth small letters
		return byte(r-0xFF41) + 'A', true
	}
	switch r {
	case 'А', 'а':
		return 'A', true
	case 'В', 'в':
		return 'B', true
	case 'Е', 'е':
		return 'E', true
	case 'К', 'к':
		return 'K', true
	case 'М', 'м':
		return 'M', true
	case 'Н', 'н':
		return 'H', true
	case 'О', 'о':
		return 'O', true
	case 'Р', 'р':
		return 'P', true
	case 'С', 'с':
		return 'C', true
	case 'Т', 'т':
		return 'T', true
	case 'У', 'у':
		return 'Y', true
	case 'Х', 'х':
		return 'X', true
	}
	return 0, false
}

// compact writes the letters and digits of s into buf, upper-cased and
// folded, dropping everything else. It returns how many were written, how
// many separate runs (tokens) they formed, and whether buf overflowed.
func compact(buf []byte, s string) (n, tokens int, overflow bool) {
	inToken := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		c, ok := foldRune(r)
		if !ok {
			inToken = false
			continue
		}
		if !inToken {
			tokens++
			inToken = true
		}
		if n == len(buf) {
			overflow = true
			continue
		}
		buf[n] = c
		n++
	}
	return n, tokens, overflow
}

// joinsTokens reports whether a separator may sit inside one printed number
// ("RB 123 456 785 GB", "1LS7…-1"): spaces, dashes and dots. Anything else
// (slashes, '=', '?', commas, words) ends a number.
func joinsTokens(r rune) bool {
	switch r {
	case ' ', '\t', '-', '.', '\u00a0', '\u2009', '\u202f', '\u2010', '\u2011', '\u2013':
		return true
	}
	return false
}

// extract looks for the best number inside free text or a URL: every run of
// consecutive tokens joined only by spaces, dashes or dots is tried, and the
// best is kept: valid with a check digit, then valid without one, then a
// known shape that fails its checks; longer before shorter. It reports
// whether any window matched a format.
func (cat *catalog) extract(dst *Result, s string) bool {
	var all [2048]byte
	var starts, ends [maxExtractTokens]int
	var joined [maxExtractTokens]bool // token i joins token i-1
	var hasDigit [maxExtractTokens]bool
	n, tokens := 0, 0
	inToken, joinable := false, false
	for i := 0; i < len(s) && n < len(all); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		c, ok := foldRune(r)
		if !ok {
			if inToken {
				ends[tokens-1] = n
				inToken = false
				joinable = true
			}
			if !joinsTokens(r) {
				joinable = false
			}
			continue
		}
		if !inToken {
			if tokens == maxExtractTokens {
				break
			}
			starts[tokens] = n
			joined[tokens] = tokens > 0 && joinable
			tokens++
			inToken = true
		}
		if c <= '9' {
			hasDigit[tokens-1] = true
		}
		all[n] = c
		n++
	}
	if inToken {
		ends[tokens-1] = n
	}

	var scratch Result
	bestTier, bestLen, windows := 0, 0, 0
	for i := 0; i < tokens; i++ {
		digits := false
		for j := i; j < tokens; j++ {
			if j > i && !joined[j] {
				break
			}
			size := ends[j] - starts[i]
			if size > cat.maxLen {
				break
			}
			digits = digits || hasDigit[j]
			if !digits || size < bestLen && bestTier == 3 {
				continue
			}
			if windows++; windows > maxExtractWindows {
				return bestTier > 0
			}
			if !cat.hasShapeOfLength(size, all[starts[i]]) {
				continue
			}
			scratch.reset(s)
			scratch.Number = string(all[starts[i]:ends[j]])
			cat.evaluate(&scratch, scratch.Number)
			tier := 0
			if scratch.n > 0 {
				best := &scratch.cands[0]
				switch {
				case best.Valid && best.shape.format.hasChecksum():
					tier = 3
				case best.Valid:
					tier = 2
				default:
					tier = 1
				}
			}
			if tier > bestTier || tier == bestTier && tier > 0 && size > bestLen {
				bestTier, bestLen = tier, size
				*dst = scratch
			}
		}
	}
	return bestTier > 0
}

// hasShapeOfLength is a cheap test before building a window's string.
func (cat *catalog) hasShapeOfLength(n int, first byte) bool {
	k := alnumIndex(first)
	return n > 0 && n <= cat.maxLen && k >= 0 && len(cat.buckets[n*len(alphabet)+k]) > 0
}
