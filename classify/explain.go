package classify

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// The explanations catalogue tells a person, in their language, what a state
// of the status model means ("Left MMPO" is customs_released: the parcel has
// left the inward office of exchange), how long that stage usually lasts,
// when to start worrying and what to do now. The texts live in
// explanations.json, embedded in the binary, with one entry per milestone
// (plus "none" for a number with no event yet), exception, sub-status of an
// exception, and "expired"; each entry holds the day counts once and the texts
// in every language of the catalogue.

//go:embed explanations.json
var explanationsJSON []byte

// Explanation says what a state means, how long it usually lasts and what to
// do. Day counts are measured from the moment the parcel entered the state
// and are the priors of shared/spec/domain.md; they are language-neutral.
type Explanation struct {
	// Key names the catalogue entry: "milestone/picked_up",
	// "milestone/none", "exception/customs_held",
	// "exception/customs_held/duties_due" or "expired".
	Key string `json:"key"`
	// Lang is the language of the texts: the one asked for, or the
	// catalogue's fallback (English) when that one is not available.
	Lang string `json:"lang"`
	// Meaning is what the state means for the buyer, in one or two
	// sentences, naming the carriers' jargon.
	Meaning string `json:"meaning"`
	// Typical says in words how long the stage usually lasts.
	Typical string `json:"typical"`
	// TypicalMinDays and TypicalMaxDays bound the usual duration of the
	// stage; both are 0 when no duration applies (a final state, or one
	// whose length depends entirely on the problem).
	TypicalMinDays float64 `json:"typical_min_days"`
	TypicalMaxDays float64 `json:"typical_max_days"`
	// WorryAfterDays is how long without change is still normal; after it
	// the parcel deserves attention. It is 0 when waiting is not the point:
	// the state is final, or it calls for action now.
	WorryAfterDays float64 `json:"worry_after_days"`
	// Action is what the person should do now, concretely.
	Action string `json:"action"`
}

// Catalogue holds the parsed explanations. It is immutable once built and safe
// for concurrent use.
type Catalogue struct {
	langs      []string // langs[0] is the fallback
	milestones map[parcel.Milestone][]Explanation
	exceptions map[parcel.Exception][]Explanation
	subs       map[explainSubKey][]Explanation
	expired    []Explanation
}

// Each []Explanation above is indexed like Catalogue.langs.

type explainSubKey struct {
	e parcel.Exception
	s parcel.SubStatus
}

// explainNoneKey is the catalogue's name for parcel.MilestoneNone.
const explainNoneKey = "none"

// The layout of explanations.json.
type explainFile struct {
	// Languages lists the languages every entry has; the first is the
	// fallback for languages the catalogue does not have.
	Languages   []string                `json:"languages"`
	Milestones  map[string]explainEntry `json:"milestones"`
	Exceptions  map[string]explainEntry `json:"exceptions"`
	SubStatuses map[string]explainEntry `json:"substatuses"` // "exception/sub_status"
	Expired     *explainEntry           `json:"expired"`
}

type explainEntry struct {
	TypicalMinDays *float64               `json:"typical_min_days"`
	TypicalMaxDays *float64               `json:"typical_max_days"`
	WorryAfterDays *float64               `json:"worry_after_days"`
	Text           map[string]explainText `json:"text"`
}

type explainText struct {
	Meaning string `json:"meaning"`
	Typical string `json:"typical"`
	Action  string `json:"action"`
}

var defaultCatalogue = sync.OnceValue(func() *Catalogue {
	c, err := NewCatalogue(explanationsJSON)
	if err != nil {
		panic("classify: embedded explanations.json: " + err.Error())
	}
	return c
})

// DefaultCatalogue returns the catalogue of the embedded explanations.json,
// parsed once on first use.
func DefaultCatalogue() *Catalogue { return defaultCatalogue() }

// NewCatalogue parses a catalogue laid out as the embedded explanations.json
// and checks that it is complete: every milestone (with "none" and
// "unknown"), every exception, every sub-status of each exception and
// "expired", in every listed language, with meaning, typical and action set
// and day counts that agree (min <= max; worry, when set, >= max). Unknown
// fields and names outside the status model are errors.
func NewCatalogue(data []byte) (*Catalogue, error) {
	var f explainFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("explanations: %w", err)
	}
	if dec.More() {
		return nil, errors.New("explanations: data after the top-level object")
	}
	if err := explainCheckLanguages(f.Languages); err != nil {
		return nil, err
	}
	c := &Catalogue{
		langs:      append([]string(nil), f.Languages...),
		milestones: map[parcel.Milestone][]Explanation{},
		exceptions: map[parcel.Exception][]Explanation{},
		subs:       map[explainSubKey][]Explanation{},
	}

	for name, e := range f.Milestones {
		m := parcel.Milestone(name)
		switch {
		case name == explainNoneKey:
			m = parcel.MilestoneNone
		case !m.Valid():
			return nil, fmt.Errorf("explanations: milestones: %q is not a milestone (use none, unknown or label_created … delivered)", name)
		}
		x, err := c.build("milestone/"+name, e)
		if err != nil {
			return nil, err
		}
		c.milestones[m] = x
	}
	for name, e := range f.Exceptions {
		ex, err := parcel.ParseException(name)
		if err != nil || ex == parcel.ExceptionNone {
			return nil, fmt.Errorf("explanations: exceptions: %q is not an exception", name)
		}
		x, err := c.build("exception/"+name, e)
		if err != nil {
			return nil, err
		}
		c.exceptions[ex] = x
	}
	for name, e := range f.SubStatuses {
		exName, subName, _ := strings.Cut(name, "/")
		ex, err1 := parcel.ParseException(exName)
		sub, err2 := parcel.ParseSubStatus(subName)
		if err1 != nil || err2 != nil || ex == parcel.ExceptionNone || sub == parcel.SubStatusNone || !sub.Fits(ex) {
			return nil, fmt.Errorf("explanations: substatuses: %q is not exception/sub_status of the status model", name)
		}
		x, err := c.build("exception/"+name, e)
		if err != nil {
			return nil, err
		}
		c.subs[explainSubKey{ex, sub}] = x
	}
	if f.Expired == nil {
		return nil, errors.New("explanations: expired: missing")
	}
	x, err := c.build("expired", *f.Expired)
	if err != nil {
		return nil, err
	}
	c.expired = x

	// Completeness: the whole status model is explained.
	for _, m := range append([]parcel.Milestone{parcel.MilestoneNone, parcel.MilestoneUnknown}, parcel.Milestones()...) {
		if _, ok := c.milestones[m]; !ok {
			return nil, fmt.Errorf("explanations: milestones: %q missing", explainMilestoneName(m))
		}
	}
	for _, ex := range parcel.Exceptions() {
		if _, ok := c.exceptions[ex]; !ok {
			return nil, fmt.Errorf("explanations: exceptions: %q missing", ex)
		}
		for _, sub := range parcel.SubStatusesOf(ex) {
			if _, ok := c.subs[explainSubKey{ex, sub}]; !ok {
				return nil, fmt.Errorf("explanations: substatuses: %q missing", string(ex)+"/"+string(sub))
			}
		}
	}
	return c, nil
}

func explainCheckLanguages(langs []string) error {
	if len(langs) == 0 {
		return errors.New("explanations: languages: none listed")
	}
	seen := map[string]bool{}
	for _, l := range langs {
		if len(l) < 2 || len(l) > 3 || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz") != "" {
			return fmt.Errorf("explanations: languages: %q is not a lower-case ISO 639 code", l)
		}
		if seen[l] {
			return fmt.Errorf("explanations: languages: %q listed twice", l)
		}
		seen[l] = true
	}
	return nil
}

// build checks one entry and returns its explanations indexed like c.langs.
func (c *Catalogue) build(key string, e explainEntry) ([]Explanation, error) {
	if e.TypicalMinDays == nil || e.TypicalMaxDays == nil || e.WorryAfterDays == nil {
		return nil, fmt.Errorf("explanations: %s: typical_min_days, typical_max_days and worry_after_days are required (0 when not applicable)", key)
	}
	lo, hi, worry := *e.TypicalMinDays, *e.TypicalMaxDays, *e.WorryAfterDays
	for _, v := range [...]float64{lo, hi, worry} {
		if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("explanations: %s: day counts must be finite and not negative", key)
		}
	}
	switch {
	case lo > hi:
		return nil, fmt.Errorf("explanations: %s: typical_min_days %g is above typical_max_days %g", key, lo, hi)
	case worry > 0 && worry < hi:
		return nil, fmt.Errorf("explanations: %s: worry_after_days %g is inside the typical range (max %g)", key, worry, hi)
	}
	for l := range e.Text {
		if !slices.Contains(c.langs, l) {
			return nil, fmt.Errorf("explanations: %s: language %q is not in the languages list", key, l)
		}
	}
	out := make([]Explanation, len(c.langs))
	for i, l := range c.langs {
		t, ok := e.Text[l]
		if !ok {
			return nil, fmt.Errorf("explanations: %s: no %s text", key, l)
		}
		x := Explanation{
			Key:            key,
			Lang:           l,
			Meaning:        strings.TrimSpace(t.Meaning),
			Typical:        strings.TrimSpace(t.Typical),
			TypicalMinDays: lo,
			TypicalMaxDays: hi,
			WorryAfterDays: worry,
			Action:         strings.TrimSpace(t.Action),
		}
		if x.Meaning == "" || x.Typical == "" || x.Action == "" {
			return nil, fmt.Errorf("explanations: %s: %s: meaning, typical and action must all be set", key, l)
		}
		out[i] = x
	}
	return out, nil
}

func explainMilestoneName(m parcel.Milestone) string {
	if m == parcel.MilestoneNone {
		return explainNoneKey
	}
	return string(m)
}

// Languages returns the catalogue's languages; the first ("en") is the
// fallback.
func (c *Catalogue) Languages() []string { return append([]string(nil), c.langs...) }

// MatchLanguage returns the catalogue language that best serves lang, or the
// fallback (English) when none does. lang may be a bare code ("ru"), a
// BCP 47 tag ("ru-RU", "es-419"), a POSIX locale ("es_ES.UTF-8"), an
// ISO 639-2 code ("rus") or an HTTP Accept-Language value
// ("de-CH, ru;q=0.8, en;q=0.5"); case does not matter.
func (c *Catalogue) MatchLanguage(lang string) string { return c.langs[c.langIndex(lang)] }

// langIndex is MatchLanguage as an index into c.langs. It does not allocate.
func (c *Catalogue) langIndex(lang string) int {
	for i, l := range c.langs {
		if lang == l {
			return i
		}
	}
	best, bestQ := 0, 0.0
	for rest := lang; rest != ""; {
		var part string
		part, rest, _ = strings.Cut(rest, ",")
		tag, params, _ := strings.Cut(part, ";")
		q, ok := explainQuality(params)
		if !ok || q <= bestQ {
			continue
		}
		if i := c.primaryIndex(strings.TrimSpace(tag)); i >= 0 {
			best, bestQ = i, q
		}
	}
	return best
}

// explainQuality reads the q parameter of one Accept-Language item; it is 1
// when absent, and not ok when malformed.
func explainQuality(params string) (float64, bool) {
	q := 1.0
	for rest := params; rest != ""; {
		var p string
		p, rest, _ = strings.Cut(rest, ";")
		name, value, _ := strings.Cut(strings.TrimSpace(p), "=")
		if !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || v < 0 || v > 1 {
			return 0, false
		}
		q = v
	}
	return q, true
}

// explainISO639_2 maps the three-letter codes of the catalogue's languages to
// the two-letter ones.
var explainISO639_2 = map[string]string{"eng": "en", "rus": "ru", "spa": "es"}

// primaryIndex finds the catalogue language of a tag's primary subtag, or -1.
func (c *Catalogue) primaryIndex(tag string) int {
	if i := strings.IndexAny(tag, "-_.@"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 {
		return -1
	}
	var buf [3]byte
	for i := 0; i < len(tag); i++ {
		b := tag[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf[i] = b
	}
	primary := string(buf[:len(tag)])
	for i, l := range c.langs {
		if l == primary {
			return i
		}
	}
	if two, ok := explainISO639_2[primary]; ok {
		for i, l := range c.langs {
			if l == two {
				return i
			}
		}
	}
	return -1
}

// Milestone explains milestone m (parcel.MilestoneNone, a number with no
// event yet, included) in lang; see MatchLanguage for the accepted forms of
// lang and the fallback. It reports false for a name outside the model.
func (c *Catalogue) Milestone(m parcel.Milestone, lang string) (Explanation, bool) {
	x, ok := c.milestones[m]
	if !ok {
		return Explanation{}, false
	}
	return x[c.langIndex(lang)], true
}

// Exception explains exception e in lang: the entry of sub-status s when s
// details e, else the exception's own entry. It reports false for
// parcel.ExceptionNone and names outside the model.
func (c *Catalogue) Exception(e parcel.Exception, s parcel.SubStatus, lang string) (Explanation, bool) {
	if s != parcel.SubStatusNone {
		if x, ok := c.subs[explainSubKey{e, s}]; ok {
			return x[c.langIndex(lang)], true
		}
	}
	x, ok := c.exceptions[e]
	if !ok {
		return Explanation{}, false
	}
	return x[c.langIndex(lang)], true
}

// Expired explains a parcel with no event for longer than its carrier's
// tracking horizon.
func (c *Catalogue) Expired(lang string) Explanation { return c.expired[c.langIndex(lang)] }

// State explains where a parcel stands, choosing the entry that matches the
// coarse status the state shows (parcel.State.Status): the exception, with
// its sub-status, when there is one; "expired" for an expired parcel; else
// the milestone. As in Status, a delivered parcel is explained as delivered
// unless it is returning or returned (the delivered advice covers a parcel
// that arrived damaged or never reached the person). A milestone outside the
// model is explained as unknown. lang falls back to English; see
// MatchLanguage.
func (c *Catalogue) State(st parcel.State, lang string) Explanation {
	switch st.Status() {
	case parcel.StatusDeliveryFailure, parcel.StatusException:
		if x, ok := c.Exception(st.Exception, st.SubStatus, lang); ok {
			return x
		}
	case parcel.StatusExpired:
		return c.Expired(lang)
	}
	if x, ok := c.Milestone(st.Milestone, lang); ok {
		return x
	}
	x, _ := c.Milestone(parcel.MilestoneUnknown, lang)
	return x
}

// All returns every explanation in lang, in a stable order: the milestones
// ("none", "unknown", then journey order), each exception followed by its
// sub-statuses, then "expired". It suits a glossary page.
func (c *Catalogue) All(lang string) []Explanation {
	i := c.langIndex(lang)
	var out []Explanation
	for _, m := range append([]parcel.Milestone{parcel.MilestoneNone, parcel.MilestoneUnknown}, parcel.Milestones()...) {
		out = append(out, c.milestones[m][i])
	}
	for _, e := range parcel.Exceptions() {
		out = append(out, c.exceptions[e][i])
		for _, s := range parcel.SubStatusesOf(e) {
			out = append(out, c.subs[explainSubKey{e, s}][i])
		}
	}
	return append(out, c.expired[i])
}
