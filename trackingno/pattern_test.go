package trackingno

import (
	"math/rand"
	"strings"
	"testing"
)

// The expanded shapes accept exactly what Go's regexp accepts for the same
// pattern, and put the groups where regexp's leftmost-first match puts them.
func TestShapesAgreeWithRegexp(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	cat := defaultParser.cat
	var inputs []string
	for _, row := range readDataset(t, "tracking_numbers.tsv") {
		var buf [compactBufSize]byte
		n, _, _ := compact(buf[:], row.number)
		inputs = append(inputs, string(buf[:n]))
	}
	// Random members of every shape, and one-character mutations of them.
	for _, f := range cat.formats {
		for _, sh := range f.shapes {
			for k := 0; k < 3; k++ {
				b := make([]byte, len(sh.classes))
				for i, ci := range sh.classes {
					b[i] = randomMember(rng, &cat.classes[ci])
				}
				inputs = append(inputs, string(b))
				m := append([]byte(nil), b...)
				m[rng.Intn(len(m))] = alphabet[rng.Intn(len(alphabet))]
				inputs = append(inputs, string(m), string(b[1:]), string(b)+"7")
			}
		}
	}
	checked := 0
	for _, s := range inputs {
		for _, f := range cat.formats {
			re := formatRegexps()[f.id]
			want := re.MatchString(s)
			var first *shape
			for _, sh := range f.shapes {
				if len(sh.classes) == len(s) && matchShape(sh, cat.classes, s) {
					first = sh
					break
				}
			}
			if want != (first != nil) {
				t.Fatalf("%s on %q: regexp says %v, shapes say %v", f.id, s, want, first != nil)
			}
			checked++
			if first == nil {
				continue
			}
			for gi, name := range f.groupNames {
				text, start, ok := regexpGroup(re, s, name)
				sp := first.groups[gi]
				if ok != sp.ok() || ok && (start != int(sp.start) || text != s[sp.start:sp.end]) {
					t.Fatalf("%s on %q: group %s regexp=%q@%d, shape=%v", f.id, s, name, text, start, sp)
				}
			}
		}
	}
	t.Logf("%d (input, format) pairs agree", checked)
}

func randomMember(rng *rand.Rand, c *byteClass) byte {
	for {
		b := alphabet[rng.Intn(len(alphabet))]
		if c.has(b) {
			return b
		}
	}
}

// Patterns the expander cannot turn into finite shapes are refused at load.
func TestCompilePatternRejects(t *testing.T) {
	for _, p := range []string{`A+`, `\d*`, `.{3}`, `(?i)ab`, `^AB$`, `[a-z]{2}`, `(?:\d{1,9}){1,9}(?:\d{1,9}){1,9}`} {
		if _, _, err := compilePattern(p); err == nil {
			t.Errorf("pattern %q compiled, want an error", p)
		}
	}
	seqs, groups, err := compilePattern(`(?P<A>X|YZ)(?P<B>\d{1,2})?`)
	if err != nil {
		t.Fatal(err)
	}
	if len(seqs) != 6 || strings.Join(groups, ",") != "A,B" {
		t.Errorf("got %d sequences, groups %v; want 6 and A,B", len(seqs), groups)
	}
}

func TestLoadCatalogErrors(t *testing.T) {
	good := `{"couriers":{"x":"X"},"formats":[{"id":"f","name":"F","courier":"x","pattern":"A\\d","confidence":0.5}]}`
	if _, err := NewParserFromData([]byte(good), builtinOperatorsTSV); err != nil {
		t.Fatalf("minimal file: %v", err)
	}
	for name, bad := range map[string]string{
		"unknown key":       `{"couriers":{"x":"X"},"formats":[{"id":"f","courier":"x","pattern":"A","confidence":0.5,"colour":1}]}`,
		"unknown courier":   `{"couriers":{},"formats":[{"id":"f","courier":"x","pattern":"A","confidence":0.5}]}`,
		"no serial group":   `{"couriers":{"x":"X"},"formats":[{"id":"f","courier":"x","pattern":"A\\d","confidence":0.5,"checksum":{"algorithm":"luhn"}}]}`,
		"unknown algorithm": `{"couriers":{"x":"X"},"formats":[{"id":"f","courier":"x","pattern":"(?P<SerialNumber>A)(?P<CheckDigit>\\d)","confidence":0.5,"checksum":{"algorithm":"crc"}}]}`,
		"bad confidence":    `{"couriers":{"x":"X"},"formats":[{"id":"f","courier":"x","pattern":"A","confidence":2}]}`,
		"unbounded":         `{"couriers":{"x":"X"},"formats":[{"id":"f","courier":"x","pattern":"A+","confidence":0.5}]}`,
		"duplicate id":      `{"couriers":{"x":"X"},"formats":[{"id":"f","courier":"x","pattern":"A","confidence":0.5},{"id":"f","courier":"x","pattern":"B","confidence":0.5}]}`,
		"unknown rule":      `{"couriers":{"x":"X"},"formats":[{"id":"f","courier":"x","pattern":"A","confidence":0.5,"rules":["nope"]}]}`,
		"unknown lookup":    `{"couriers":{"x":"X"},"formats":[{"id":"f","courier":"x","pattern":"(?P<G>A)","confidence":0.5,"facts":[{"group":"G","name":"g","lookup":"nope"}]}]}`,
	} {
		if _, err := NewParserFromData([]byte(bad), builtinOperatorsTSV); err == nil {
			t.Errorf("%s: loaded, want an error", name)
		}
	}
}

// The operator table accepts exactly the dataset's 191 S10 country codes,
// plus the territories it marks as such.
func TestOperatorsCoverDatasetCountries(t *testing.T) {
	cat := defaultParser.cat
	members := 0
	for _, op := range cat.operators {
		if !op.territory {
			members++
		}
	}
	if members != 191 {
		t.Errorf("%d member codes, want the dataset's 191", members)
	}
	for _, code := range []string{"GB", "US", "CV", "CF", "HK", "RU", "CN"} {
		if _, ok := cat.operator(code); !ok {
			t.Errorf("%s missing", code)
		}
	}
	for _, code := range []string{"XX", "YQ", "EU", "UK"} {
		if _, ok := cat.operator(code); ok {
			t.Errorf("%s accepted as an S10 issuer", code)
		}
	}
}
