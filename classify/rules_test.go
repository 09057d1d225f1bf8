package classify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// nonLatin lists the rule files of languages not written in Latin script.
// Their terms must be in their own script: a Latin term there ("hub") fires
// on English text with another language's meaning.
var nonLatin = map[string]bool{"ru": true, "uk": true, "el": true, "zh": true, "ja": true, "ko": true, "th": true, "ar": true, "he": true, "hi": true, "bg": true, "sr": true, "mk": true}

// latinAllowed are Latin terms that non-Latin carriers really write.
var latinAllowed = map[string]bool{"ems": true, "sms": true, "cn": true}

func TestRulesStayInTheirScript(t *testing.T) {
	files, _ := filepath.Glob("rules/*.rules")
	f := newFolder()
	for _, name := range files {
		lang := strings.TrimSuffix(filepath.Base(name), ".rules")
		if !nonLatin[lang] {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			_, pattern, ok := strings.Cut(line, " : ")
			if !ok || strings.HasPrefix(strings.TrimSpace(line), "#") {
				continue
			}
			for _, g := range strings.Split(pattern, "&") {
				for _, term := range strings.Split(strings.TrimPrefix(strings.TrimSpace(g), "!"), "|") {
					folded := f.foldTerm(strings.TrimSuffix(strings.TrimSpace(term), "$"))
					if isASCIIWord(folded) && !latinAllowed[folded] {
						t.Errorf("%s:%d: Latin term %q in a %s rule; it would fire on other languages' text", name, i+1, folded, lang)
					}
				}
			}
		}
	}
}

func isASCIIWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}
