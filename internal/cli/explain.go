package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/parcelwatch/parcelwatch/classify"
	"github.com/parcelwatch/parcelwatch/parcel"
)

func runExplain(_ context.Context, env Env, args []string) error {
	fs := flags(env, "explain")
	carrier := fs.String("carrier", "", "carrier `id` the status came from (russianpost, usps, cainiao, …)")
	code := fs.String("code", "", "the carrier's status `code`, if known (EMD, 8.2, GWMS_ACCEPT, …)")
	role := fs.String("role", "", "the leg's `role`: origin, transit or last_mile")
	lang := fs.String("lang", "en", "`language` of the explanation: en, ru or es")
	asJSON := fs.Bool("json", false, "write JSON instead of text")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, `Usage: parcelwatch explain [--carrier ID] [--lang en|ru|es] "raw status text"`)
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	text := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(text) == "" && *code == "" {
		return usageError{`give the status text to explain, as in: parcelwatch explain "Left MMPO"`}
	}
	legRole, err := parcel.ParseLegRole(*role)
	if err != nil {
		return usageError{err.Error()}
	}
	cat := classify.DefaultCatalogue()
	if got := cat.MatchLanguage(*lang); !strings.EqualFold(got, *lang) && !strings.HasPrefix(strings.ToLower(*lang), got) {
		return usageError{fmt.Sprintf("--lang %q: explanations exist in %s", *lang, strings.Join(cat.Languages(), ", "))}
	}
	cl := classify.Default().Classify(classify.Input{Carrier: *carrier, Code: *code, Text: text, Role: legRole})
	ex := cat.State(cl.State, *lang)
	if *asJSON {
		b, _ := json.MarshalIndent(struct {
			Text           string `json:"text"`
			Classification parcel.Classification
			Status         parcel.Status        `json:"status"`
			Explanation    classify.Explanation `json:"explanation"`
		}{text, cl, cl.Status(), ex}, "", "  ")
		fmt.Fprintln(env.Stdout, string(b))
		return nil
	}
	w := env.Stdout
	fmt.Fprintf(w, "%q\n\n", text)
	state := string(cl.Milestone)
	if cl.Exception != parcel.ExceptionNone {
		state = string(cl.Exception)
		if cl.SubStatus != parcel.SubStatusNone {
			state += " (" + string(cl.SubStatus) + ")"
		}
		if cl.Milestone != parcel.MilestoneUnknown {
			state += " at " + string(cl.Milestone)
		}
	}
	fmt.Fprintf(w, "  status:     %s, %s\n", cl.Status(), state)
	fmt.Fprintf(w, "  confidence: %.2f (rule %s)\n", cl.Confidence, cl.Rule)
	if strings.Contains(cl.Rule, "~loose") {
		fmt.Fprintln(w, "  (read loosely: the rule's words are all there, in another order or with other words between)")
	}
	if cl.Milestone == parcel.MilestoneUnknown && cl.Exception == parcel.ExceptionNone {
		fmt.Fprintln(w, "  (parcelwatch can't tell what this status means; it is kept as it came and does not move the parcel)")
	}
	fmt.Fprintf(w, "\n  what it means: %s\n", ex.Meaning)
	if ex.Typical != "" {
		fmt.Fprintf(w, "  how long:      %s\n", ex.Typical)
	}
	fmt.Fprintf(w, "  what to do:    %s\n", ex.Action)
	return nil
}
