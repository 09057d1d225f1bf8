package classify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readLabelledFile reads a labelled TSV for a test.
func readLabelledFile(t *testing.T, name string) []LabelledString {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := ReadLabelled(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}

// TestMeanings pins wordings the team wrote for each state (testdata/
// meanings_*.tsv, one file per language). They are not real carrier strings
// and are kept out of the accuracy figures; they guard the rules' intent
// against regressions.
func TestMeanings(t *testing.T) {
	files, _ := filepath.Glob("testdata/meanings_*.tsv")
	if len(files) == 0 {
		t.Fatal("no meanings files")
	}
	for _, name := range files {
		for _, o := range Default().Evaluate(readLabelledFile(t, name)) {
			if !o.Correct() {
				t.Errorf("%s: %q: %s (rule %s), want %s", filepath.Base(name), o.Text, Label(o.Got.State), o.Got.Rule, Label(o.Want))
			}
		}
	}
}

// TestEnglishIsReadByEnglishRules: the team's English wordings must be
// decided by English rules or code tables, never by another language's
// rule that happens to contain an English-looking word.
func TestEnglishIsReadByEnglishRules(t *testing.T) {
	for _, o := range Default().Evaluate(readLabelledFile(t, "testdata/meanings_en.tsv")) {
		rule := o.Got.Rule
		if i := strings.IndexByte(rule, '.'); i == 2 && rule[:i] != "en" {
			t.Errorf("%q was decided by %s", o.Text, rule)
		}
	}
}
