package classify

import (
	"os"
	"testing"
)

// TestMeanings pins wordings the team wrote for each state (testdata/
// meanings_*.tsv). They are not real carrier strings and are kept out of the
// accuracy figures; they guard the rules' intent against regressions.
func TestMeanings(t *testing.T) {
	f, err := os.Open("testdata/meanings_en.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := ReadLabelled(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range Default().Evaluate(rows) {
		if !o.Correct() {
			t.Errorf("%q: %s (rule %s), want %s", o.Text, Label(o.Got.State), o.Got.Rule, Label(o.Want))
		}
	}
}
