package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// folder maps a rune to its folded form: lower case without accents, so
// "Entregué", "ENTREGUE" and "entregue" read alike, as do "ё" and "е", and
// Traditional Chinese characters to Simplified ones, so "簽收" reads as "签收".
// Scripts whose marks carry meaning (Hangul, Indic) are only lower-cased.
type folder struct {
	table map[rune]string
}

// foldRanges are the blocks whose letters lose their diacritics.
var foldRanges = [][2]rune{
	{0x00C0, 0x024F}, // Latin-1 Supplement, Latin Extended-A and -B
	{0x1E00, 0x1EFF}, // Latin Extended Additional (Vietnamese)
	{0x0370, 0x03FF}, // Greek
	{0x0400, 0x04FF}, // Cyrillic
}

func newFolder() *folder {
	f := &folder{table: map[rune]string{}}
	for _, rg := range foldRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if !unicode.IsLetter(r) {
				continue
			}
			var b strings.Builder
			for _, d := range norm.NFD.String(string(r)) {
				if unicode.Is(unicode.Mn, d) {
					continue
				}
				b.WriteRune(unicode.ToLower(d))
			}
			if s := b.String(); s != "" && s != string(r) {
				f.table[r] = s
			}
		}
	}
	// Letters that do not decompose but are written without their mark
	// often enough.
	for r, s := range map[rune]string{
		'ß': "ss", 'ẞ': "ss", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ø': "o", 'Ø': "o",
		'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ı': "i", 'İ': "i", 'ħ': "h",
	} {
		f.table[r] = s
	}
	for pair := range strings.FieldsSeq(traditionalHan) {
		traditional, size := utf8.DecodeRuneInString(pair)
		f.table[traditional] = pair[size:]
	}
	return f
}

func (f *folder) appendFolded(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	}
	if s, ok := f.table[r]; ok {
		return append(dst, s...)
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// spaceless reports scripts written without spaces between words, where
// every character may start a term.
func spaceless(r rune) bool {
	if r < 0x0E00 { // below Thai: Latin, Greek, Cyrillic, Hebrew, Arabic, Indic
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// normalize folds text for matching: letters folded, everything else (digits,
// punctuation, dates, office numbers) a single space, text inside square
// brackets (carriers' "[Shenzhen]" location prefixes) dropped. Lenticular
// brackets (【上海市国际互换局】) are kept: Chinese posts name the kind of
// office there. The result starts and ends with a space, so " term" matches
// at a word start and "term " at a word end.
func (f *folder) normalize(dst []byte, s string) []byte {
	dst = append(dst[:0], ' ')
	depth := 0
	prev := rune(' ')
	for _, r := range s {
		switch r {
		case '[', '［':
			depth++
			continue
		case ']', '］':
			if depth > 0 {
				depth--
			}
			dst = appendSpace(dst)
			prev = ' '
			continue
		}
		if depth > 0 {
			continue
		}
		switch {
		case unicode.IsLetter(r):
			dst = f.appendFolded(dst, r)
		case unicode.Is(unicode.Mn, r) && prev < 0x0530:
			// an accent on a Latin, Greek or Cyrillic letter: folded away
		case unicode.In(r, unicode.Mn, unicode.Mc):
			// a vowel sign or other mark of Thai, Devanagari, …: part of
			// the word, and it changes the word
			dst = utf8.AppendRune(dst, r)
		default:
			dst = appendSpace(dst)
			prev = ' '
			continue
		}
		prev = r
	}
	return appendSpace(dst)
}

func appendSpace(b []byte) []byte {
	if len(b) > 0 && b[len(b)-1] == ' ' {
		return b
	}
	return append(b, ' ')
}

// foldTerm normalises a rule term the same way as text, without the padding.
func (f *folder) foldTerm(s string) string {
	return strings.TrimSpace(string(f.normalize(nil, s)))
}
