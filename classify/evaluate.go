package classify

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// LabelledString is one row of a labelled corpus: a real carrier string and
// the state a person read in it.
type LabelledString struct {
	Text     string
	Language string
	Carrier  string
	Source   string
	Want     parcel.State
	Line     int
}

// Split names the half of a corpus a string falls in. Rules are written
// from the "train" half (and the development set); the "test" half, a
// third of the strings chosen by a hash of their text, is only measured.
func Split(text string) string {
	h := fnv.New32a()
	h.Write([]byte(text))
	if h.Sum32()%3 == 0 {
		return "test"
	}
	return "train"
}

// InSplit keeps the rows of one split ("train" or "test"); "all" keeps
// every row.
func InSplit(rows []LabelledString, split string) []LabelledString {
	if split == "all" {
		return rows
	}
	var keep []LabelledString
	for _, r := range rows {
		if Split(r.Text) == split {
			keep = append(keep, r)
		}
	}
	return keep
}

// ReadLabelled reads a labelled TSV with a header naming at least raw_text
// and milestone; language, carrier, source, exception and substatus are used
// when present. A milestone column holding an exception name (the
// development set's convention for pure exceptions) is read as that
// exception with an unknown milestone.
func ReadLabelled(r io.Reader) ([]LabelledString, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var (
		col  map[string]int
		rows []LabelledString
		line int
	)
	for sc.Scan() {
		line++
		cells := strings.Split(sc.Text(), "\t")
		if col == nil {
			col = map[string]int{}
			for i, c := range cells {
				col[strings.TrimSpace(c)] = i
			}
			if _, ok := col["raw_text"]; !ok {
				return nil, fmt.Errorf("line 1: no raw_text column")
			}
			if _, ok := col["milestone"]; !ok {
				return nil, fmt.Errorf("line 1: no milestone column")
			}
			continue
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(cells) {
				return strings.TrimSpace(cells[i])
			}
			return ""
		}
		row := LabelledString{Text: get("raw_text"), Language: get("language"), Carrier: get("carrier"), Source: get("source"), Line: line}
		ms := get("milestone")
		if e, err := parcel.ParseException(ms); err == nil && e != parcel.ExceptionNone {
			row.Want = parcel.State{Milestone: parcel.MilestoneUnknown, Exception: e}
		} else {
			m, err := parcel.ParseMilestone(ms)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			row.Want.Milestone = m
		}
		if e := get("exception"); e != "" {
			exc, err := parcel.ParseException(e)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			row.Want.Exception = exc
		}
		if s := get("substatus"); s != "" {
			row.Want.SubStatus = parcel.SubStatus(s)
		}
		rows = append(rows, row)
	}
	return rows, sc.Err()
}

// Outcome is one labelled string with what the classifier made of it.
type Outcome struct {
	LabelledString
	Got parcel.Classification
}

// Label is the single name a string is scored on: its exception when it
// has one, else its milestone. This is how the development set labels its
// rows, and what a person reads first.
func Label(s parcel.State) string {
	if s.Exception != parcel.ExceptionNone {
		return string(s.Exception)
	}
	if s.Milestone == parcel.MilestoneNone {
		return string(parcel.MilestoneUnknown)
	}
	return string(s.Milestone)
}

// Correct reports whether the classifier read the string's label.
func (o Outcome) Correct() bool { return Label(o.Got.State) == Label(o.Want) }

// Evaluate classifies every labelled string from its carrier and text only,
// as "parcelwatch classify" reads them: the language column is for the
// report, not a hint.
func (c *Classifier) Evaluate(rows []LabelledString) []Outcome {
	out := make([]Outcome, len(rows))
	for i, r := range rows {
		out[i] = Outcome{LabelledString: r, Got: c.Classify(Input{Carrier: r.Carrier, Text: r.Text})}
	}
	return out
}

// WriteReport writes accuracy overall, per language and per label, and the
// confusion matrix of labels (rows: wanted, columns: got).
func WriteReport(w io.Writer, title string, outs []Outcome) {
	correct := 0
	byLang := map[string][2]int{}
	byLabel := map[string][2]int{}
	confusion := map[[2]string]int{}
	labels := map[string]bool{}
	for _, o := range outs {
		want, got := Label(o.Want), Label(o.Got.State)
		ok := 0
		if want == got {
			ok = 1
			correct++
		}
		l := byLang[o.Language]
		byLang[o.Language] = [2]int{l[0] + ok, l[1] + 1}
		b := byLabel[want]
		byLabel[want] = [2]int{b[0] + ok, b[1] + 1}
		confusion[[2]string{want, got}]++
		labels[want], labels[got] = true, true
	}
	fmt.Fprintf(w, "== %s: %d of %d correct (%s)\n", title, correct, len(outs), pct(correct, len(outs)))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "language\tcorrect\ttotal\taccuracy\t")
	for _, k := range sortedKeys(byLang) {
		v := byLang[k]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t\n", k, v[0], v[1], pct(v[0], v[1]))
	}
	tw.Flush()
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "label\tcorrect\ttotal\taccuracy\t")
	for _, k := range sortedKeys(byLabel) {
		v := byLabel[k]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t\n", k, v[0], v[1], pct(v[0], v[1]))
	}
	tw.Flush()
	order := orderedLabels(labels)
	fmt.Fprintln(w, "confusion (rows: labelled, columns: classified; abbreviations in the header)")
	tw = tabwriter.NewWriter(w, 0, 4, 1, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "\t")
	for _, g := range order {
		fmt.Fprintf(tw, "%s\t", abbrev(g))
	}
	fmt.Fprintln(tw)
	for _, want := range order {
		fmt.Fprintf(tw, "%s\t", want)
		for _, got := range order {
			if n := confusion[[2]string{want, got}]; n > 0 {
				fmt.Fprintf(tw, "%d\t", n)
			} else {
				fmt.Fprint(tw, ".\t")
			}
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}

// orderedLabels lists labels in journey order, then exceptions, then unknown.
func orderedLabels(present map[string]bool) []string {
	var out []string
	for _, m := range parcel.Milestones() {
		if present[string(m)] {
			out = append(out, string(m))
		}
	}
	for _, e := range parcel.Exceptions() {
		if present[string(e)] {
			out = append(out, string(e))
		}
	}
	if present["unknown"] {
		out = append(out, "unknown")
	}
	return out
}

func abbrev(label string) string {
	parts := strings.Split(label, "_")
	var b strings.Builder
	for _, p := range parts {
		if p != "" {
			b.WriteString(p[:min(3, len(p))])
		}
	}
	return b.String()
}

func pct(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
