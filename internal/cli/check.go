package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parcelwatch/parcelwatch/trackingno"
)

// checkReport is one checked input in the JSON form of parcelwatch check.
type checkReport struct {
	Input       string            `json:"input"`
	Number      string            `json:"number"`
	Valid       bool              `json:"valid"`
	Courier     string            `json:"courier"`
	Format      string            `json:"format"`
	Problem     string            `json:"problem,omitempty"`
	ProblemCode string            `json:"problem_code,omitempty"`
	Candidates  []checkCandidate  `json:"candidates"`
	Suggestions []checkSuggestion `json:"suggestions"`
}

type checkCandidate struct {
	Courier      string            `json:"courier"`
	CourierName  string            `json:"courier_name"`
	Format       string            `json:"format"`
	FormatName   string            `json:"format_name"`
	Valid        bool              `json:"valid"`
	Checksum     string            `json:"checksum,omitempty"`
	CheckDigitOK bool              `json:"check_digit_ok"`
	Confidence   float64           `json:"confidence"`
	Facts        []trackingno.Fact `json:"facts,omitempty"`
	Problems     []string          `json:"problems,omitempty"`
}

type checkSuggestion struct {
	Number     string  `json:"number"`
	Edit       string  `json:"edit"`
	Position   int     `json:"position"`
	Courier    string  `json:"courier"`
	Format     string  `json:"format"`
	Confidence float64 `json:"confidence"`
}

func runCheck(_ context.Context, env Env, args []string) error {
	fs := flags(env, "check")
	format := fs.String("format", "text", "output `format`: text (for people), tsv or json (one JSON object per line)")
	limit := fs.Int("suggestions", trackingno.DefaultSuggestionLimit, "at most `N` corrections per invalid number")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: parcelwatch check [--format text|tsv|json] [NUMBER...]\n\nWith no NUMBER, reads one number per line from standard input.")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	var write func(w *bufio.Writer, r checkReport)
	switch *format {
	case "text":
		write = writeCheckText
	case "tsv":
		write = writeCheckTSV
	case "json":
		write = writeCheckJSON
	default:
		return usageError{fmt.Sprintf("--format %q: use text, tsv or json", *format)}
	}
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	parser := trackingno.NewParser()
	check := func(input string) {
		write(out, checkOne(parser, input, *limit))
	}
	if fs.NArg() > 0 {
		for _, a := range fs.Args() {
			check(a)
		}
		return out.Flush()
	}
	in := bufio.NewReader(env.Stdin)
	for {
		line, err := in.ReadString('\n')
		if line != "" {
			check(strings.TrimRight(line, "\r\n"))
		}
		if err == io.EOF {
			return out.Flush()
		}
		if err != nil {
			return fmt.Errorf("reading standard input: %w", err)
		}
	}
}

func checkOne(p *trackingno.Parser, input string, limit int) checkReport {
	var r trackingno.Result
	p.ParseInto(&r, input)
	rep := checkReport{Input: input, Number: r.Number, Valid: r.Valid, Candidates: []checkCandidate{}, Suggestions: []checkSuggestion{}}
	if best, ok := r.Best(); ok {
		rep.Courier, rep.Format = best.Courier, best.Format
	}
	if !r.Valid && r.Reason.Code != trackingno.ReasonNone {
		rep.Problem, rep.ProblemCode = r.Reason.String(), r.Reason.Code.String()
	}
	for _, c := range r.Candidates() {
		cc := checkCandidate{Courier: c.Courier, CourierName: c.CourierName, Format: c.Format, FormatName: c.FormatName,
			Valid: c.Valid, Checksum: c.Checksum, CheckDigitOK: c.CheckDigitOK, Confidence: c.Confidence, Facts: c.Facts()}
		for _, why := range c.Reasons() {
			cc.Problems = append(cc.Problems, why.Message())
		}
		rep.Candidates = append(rep.Candidates, cc)
	}
	if r.Number != "" {
		for _, s := range p.Suggest(r.Number, limit) {
			rep.Suggestions = append(rep.Suggestions, checkSuggestion{Number: s.Number, Edit: s.Edit.String(),
				Position: s.Position, Courier: s.Courier, Format: s.Format, Confidence: s.Confidence})
		}
	}
	return rep
}

// writeCheckTSV writes the stable script form:
// input, valid, courier, format, suggestions (comma-separated).
func writeCheckTSV(w *bufio.Writer, r checkReport) {
	nums := make([]string, len(r.Suggestions))
	for i, s := range r.Suggestions {
		nums[i] = s.Number
	}
	// A tab inside the echoed input would shift every column after it.
	fmt.Fprintf(w, "%s\t%t\t%s\t%s\t%s\n", strings.ReplaceAll(r.Input, "\t", " "), r.Valid, r.Courier, r.Format, strings.Join(nums, ","))
}

func writeCheckJSON(w *bufio.Writer, r checkReport) {
	b, _ := json.Marshal(r) // a checkReport always encodes
	w.Write(b)
	w.WriteByte('\n')
}

func writeCheckText(w *bufio.Writer, r checkReport) {
	switch {
	case r.Number == "":
		fmt.Fprintf(w, "%q: no tracking number found\n", r.Input)
	case r.Valid:
		fmt.Fprintf(w, "%s: valid\n", r.Number)
	default:
		fmt.Fprintf(w, "%s: not valid: %s\n", r.Number, r.Problem)
	}
	for i, c := range r.Candidates {
		mark := "  "
		if i == 0 {
			mark = "* "
		}
		state := "valid"
		if !c.Valid {
			state = "not valid: " + strings.Join(c.Problems, "; ")
		} else if c.Checksum == "" {
			state = "valid shape, no check digit"
		}
		fmt.Fprintf(w, "  %s%s (%s), %s, confidence %s\n", mark, c.FormatName, c.CourierName, state, strconv.FormatFloat(c.Confidence, 'f', 2, 64))
		if i == 0 {
			for _, f := range c.Facts {
				line := fmt.Sprintf("      %s: %s", f.Label, f.Value)
				if f.Meaning != "" {
					line += " (" + f.Meaning + ")"
				}
				fmt.Fprintln(w, line)
			}
		}
	}
	if len(r.Suggestions) > 0 {
		fmt.Fprintln(w, "  did you mean:")
		for i, s := range r.Suggestions {
			if i == 5 {
				fmt.Fprintf(w, "    … and %d more (--format json lists them all)\n", len(r.Suggestions)-5)
				break
			}
			fmt.Fprintf(w, "    %s  (%s, %s)\n", s.Number, s.Format, s.Edit)
		}
	}
}
