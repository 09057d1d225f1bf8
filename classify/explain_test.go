package classify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// explainSubject is one thing of the status model the catalogue explains.
type explainSubject struct {
	key     string
	explain func(c *Catalogue, lang string) (Explanation, bool)
}

// explainSubjects lists the whole status model: every milestone with none
// and unknown, every exception and every sub-status of each, and expired.
func explainSubjects() []explainSubject {
	var out []explainSubject
	for _, m := range append([]parcel.Milestone{parcel.MilestoneNone, parcel.MilestoneUnknown}, parcel.Milestones()...) {
		out = append(out, explainSubject{"milestone/" + explainMilestoneName(m), func(c *Catalogue, lang string) (Explanation, bool) {
			return c.Milestone(m, lang)
		}})
	}
	for _, e := range parcel.Exceptions() {
		out = append(out, explainSubject{"exception/" + string(e), func(c *Catalogue, lang string) (Explanation, bool) {
			return c.Exception(e, parcel.SubStatusNone, lang)
		}})
		for _, s := range parcel.SubStatusesOf(e) {
			out = append(out, explainSubject{"exception/" + string(e) + "/" + string(s), func(c *Catalogue, lang string) (Explanation, bool) {
				return c.Exception(e, s, lang)
			}})
		}
	}
	out = append(out, explainSubject{"expired", func(c *Catalogue, lang string) (Explanation, bool) {
		return c.Expired(lang), true
	}})
	return out
}

func TestExplainCoversTheModelInEveryLanguage(t *testing.T) {
	c := DefaultCatalogue()
	if got := c.Languages(); strings.Join(got, ",") != "en,ru,es" {
		t.Fatalf("Languages() = %v, want [en ru es]", got)
	}
	subjects := explainSubjects()
	// 1 none + 1 unknown + 14 milestones, 5 exceptions, 15 sub-statuses, expired.
	if len(subjects) != 37 {
		t.Fatalf("model has %d subjects, want 37", len(subjects))
	}
	for _, sub := range subjects {
		for _, lang := range c.Languages() {
			t.Run(sub.key+"/"+lang, func(t *testing.T) {
				x, ok := sub.explain(c, lang)
				if !ok {
					t.Fatal("no explanation")
				}
				if x.Key != sub.key || x.Lang != lang {
					t.Errorf("Key, Lang = %q, %q; want %q, %q", x.Key, x.Lang, sub.key, lang)
				}
				for field, text := range map[string]string{"meaning": x.Meaning, "typical": x.Typical, "action": x.Action} {
					if strings.TrimSpace(text) == "" {
						t.Errorf("%s is empty", field)
					}
					if text != strings.TrimSpace(text) || strings.Contains(text, "  ") {
						t.Errorf("%s has stray spaces: %q", field, text)
					}
					if r := []rune(text); len(r) > 0 && !unicode.IsUpper(r[0]) {
						t.Errorf("%s does not start with a capital letter: %q", field, text)
					}
					if !strings.HasSuffix(text, ".") {
						t.Errorf("%s does not end with a full stop: %q", field, text)
					}
					explainCheckScript(t, lang, field, text)
				}
			})
		}
	}
}

// explainCheckScript checks that a text is written in its language's script
// and looks like that language.
func explainCheckScript(t *testing.T, lang, field, text string) {
	t.Helper()
	cyrillic := 0
	for _, r := range text {
		if unicode.Is(unicode.Cyrillic, r) {
			cyrillic++
		}
	}
	switch lang {
	case "en":
		for _, r := range text {
			if r > unicode.MaxASCII && !strings.ContainsRune("“”‘’–—…", r) {
				t.Errorf("%s: English text has %q: %q", field, r, text)
				break
			}
		}
	case "ru":
		if cyrillic == 0 {
			t.Errorf("%s: Russian text has no Cyrillic: %q", field, text)
		}
		if strings.ContainsAny(text, "“”") {
			t.Errorf("%s: Russian text uses English quotes; use «»: %q", field, text)
		}
	case "es":
		if cyrillic > 0 {
			t.Errorf("%s: Spanish text has Cyrillic: %q", field, text)
		}
		if strings.ContainsAny(text, "“”") {
			t.Errorf("%s: Spanish text uses English quotes; use «»: %q", field, text)
		}
		// English words that would betray an untranslated sentence outside
		// the quoted carrier wording.
		unquoted := explainStripQuoted(text)
		for _, w := range []string{" the ", " and ", " your ", " with ", " days"} {
			if strings.Contains(" "+strings.ToLower(unquoted)+" ", w) {
				t.Errorf("%s: Spanish text has English %q: %q", field, w, text)
			}
		}
	}
	if lang == "es" && (field == "meaning" || field == "action") {
		lower := " " + strings.ToLower(text) + " "
		spanish := false
		for _, w := range []string{" el ", " la ", " de ", " que ", " en ", " los ", " las ", " un ", " una ", " con ", " nada", " normalmente "} {
			if strings.Contains(lower, w) {
				spanish = true
				break
			}
		}
		if !spanish {
			t.Errorf("%s: text does not look Spanish: %q", field, text)
		}
	}
}

// explainStripQuoted removes «…» and (…) parts, where carriers' own English
// wording and terms are quoted.
func explainStripQuoted(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '«', '(':
			depth++
		case '»', ')':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

func TestExplainDayCountsAreConsistent(t *testing.T) {
	c := DefaultCatalogue()
	for _, sub := range explainSubjects() {
		en, _ := sub.explain(c, "en")
		t.Run(sub.key, func(t *testing.T) {
			if en.TypicalMinDays < 0 || en.TypicalMaxDays < 0 || en.WorryAfterDays < 0 {
				t.Fatalf("negative day count: %+v", en)
			}
			if en.TypicalMinDays > en.TypicalMaxDays {
				t.Errorf("typical min %g > max %g", en.TypicalMinDays, en.TypicalMaxDays)
			}
			if en.WorryAfterDays > 0 && en.WorryAfterDays < en.TypicalMinDays {
				t.Errorf("worry after %g < typical min %g", en.WorryAfterDays, en.TypicalMinDays)
			}
			if en.WorryAfterDays > 0 && en.WorryAfterDays < en.TypicalMaxDays {
				t.Errorf("worry after %g is inside the typical range (max %g)", en.WorryAfterDays, en.TypicalMaxDays)
			}
			for _, lang := range c.Languages() {
				x, _ := sub.explain(c, lang)
				if x.TypicalMinDays != en.TypicalMinDays || x.TypicalMaxDays != en.TypicalMaxDays || x.WorryAfterDays != en.WorryAfterDays {
					t.Errorf("%s day counts differ from en", lang)
				}
				// A stage with a duration says it in numbers, in every language.
				if x.TypicalMaxDays > 0 && !strings.ContainsAny(x.Typical, "0123456789") {
					t.Errorf("%s: typical has no number: %q", lang, x.Typical)
				}
			}
		})
	}
}

// TestExplainPriors pins the day counts to the priors of
// shared/spec/domain.md.
func TestExplainPriors(t *testing.T) {
	c := DefaultCatalogue()
	tests := []struct {
		name            string
		x               func() (Explanation, bool)
		min, max, worry float64
	}{
		{"no event yet: wrong number after ~10 days", func() (Explanation, bool) { return c.Milestone(parcel.MilestoneNone, "en") }, 5, 10, 10},
		{"accepted: worry after 7 days", func() (Explanation, bool) { return c.Milestone(parcel.MilestonePickedUp, "en") }, 1, 5, 7},
		{"export office dispatching 3-10 days", func() (Explanation, bool) { return c.Milestone(parcel.MilestoneExportCustoms, "en") }, 3, 10, 30},
		{"export 2 weeks to 1.5 months, search after 2 months", func() (Explanation, bool) { return c.Milestone(parcel.MilestoneDepartedOrigin, "en") }, 14, 45, 60},
		{"customs cleared -> delivered 1-7 days", func() (Explanation, bool) { return c.Milestone(parcel.MilestoneCustomsReleased, "en") }, 1, 7, 10},
		{"last mile -> delivered 1-7 days", func() (Explanation, bool) { return c.Milestone(parcel.MilestoneHandedToLastMile, "en") }, 1, 7, 10},
		{"sorting center -> office 1-2 days to a week", func() (Explanation, bool) { return c.Milestone(parcel.MilestoneDestinationFacility, "en") }, 1, 7, 10},
		{"at the office, returned after a month", func() (Explanation, bool) { return c.Milestone(parcel.MilestoneAvailableForPickup, "en") }, 1, 7, 21},
		{"delivered: nothing to wait for", func() (Explanation, bool) { return c.Milestone(parcel.MilestoneDelivered, "en") }, 0, 0, 0},
		{"returned: final", func() (Explanation, bool) { return c.Exception(parcel.ExceptionReturned, "", "en") }, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, ok := tt.x()
			if !ok {
				t.Fatal("no explanation")
			}
			if x.TypicalMinDays != tt.min || x.TypicalMaxDays != tt.max || x.WorryAfterDays != tt.worry {
				t.Errorf("%s: min, max, worry = %g, %g, %g; want %g, %g, %g", x.Key,
					x.TypicalMinDays, x.TypicalMaxDays, x.WorryAfterDays, tt.min, tt.max, tt.worry)
			}
		})
	}
}

// TestExplainAnchors checks that the advice says the thing that matters most,
// in every language.
func TestExplainAnchors(t *testing.T) {
	c := DefaultCatalogue()
	type want map[string][]string // lang -> any of these, in Action (lower case)
	tests := []struct {
		name  string
		state parcel.State
		want  want
	}{
		{"duties due: pay", parcel.State{Milestone: parcel.MilestoneImportCustoms, Exception: parcel.ExceptionCustomsHeld, SubStatus: parcel.SubStatusDutiesDue},
			want{"en": {"pay"}, "ru": {"оплатите"}, "es": {"paga"}}},
		{"documents required: send the invoice", parcel.State{Milestone: parcel.MilestoneImportCustoms, Exception: parcel.ExceptionCustomsHeld, SubStatus: parcel.SubStatusDocumentsRequired},
			want{"en": {"invoice"}, "ru": {"инвойс"}, "es": {"factura"}}},
		{"pickup: bring an ID", parcel.State{Milestone: parcel.MilestoneAvailableForPickup},
			want{"en": {"identity", " id "}, "ru": {"паспорт", "удостоверяющий личность"}, "es": {"documento de identidad"}}},
		{"pickup: bring the tracking number", parcel.State{Milestone: parcel.MilestoneAvailableForPickup},
			want{"en": {"tracking number"}, "ru": {"трек-номер"}, "es": {"número de seguimiento"}}},
		{"delivered: confirm receipt", parcel.State{Milestone: parcel.MilestoneDelivered},
			want{"en": {"confirm receipt"}, "ru": {"подтвердите получение"}, "es": {"confirma la recepción"}}},
		{"no event: check the number with the seller", parcel.State{},
			want{"en": {"seller"}, "ru": {"продавц"}, "es": {"vendedor"}}},
		{"export: extend buyer protection", parcel.State{Milestone: parcel.MilestoneDepartedOrigin},
			want{"en": {"extend"}, "ru": {"продлить"}, "es": {"amplíe"}}},
		{"export: ask for a search", parcel.State{Milestone: parcel.MilestoneDepartedOrigin},
			want{"en": {"search"}, "ru": {"розыск"}, "es": {"busque"}}},
		{"last mile: contact the local carrier", parcel.State{Milestone: parcel.MilestoneHandedToLastMile},
			want{"en": {"local carrier"}, "ru": {"местн"}, "es": {"transportista local"}}},
		{"returned: dispute", parcel.State{Milestone: parcel.MilestoneInTransit, Exception: parcel.ExceptionReturned},
			want{"en": {"dispute"}, "ru": {"спор"}, "es": {"disputa"}}},
		{"lost: dispute", parcel.State{Milestone: parcel.MilestoneInTransit, Exception: parcel.ExceptionOther, SubStatus: parcel.SubStatusLost},
			want{"en": {"dispute"}, "ru": {"спор"}, "es": {"disputa"}}},
		{"no one home: ID at the office", parcel.State{Milestone: parcel.MilestoneOutForDelivery, Exception: parcel.ExceptionDeliveryFailed, SubStatus: parcel.SubStatusNoOneHome},
			want{"en": {" id "}, "ru": {"паспорт"}, "es": {"documento de identidad"}}},
	}
	for _, tt := range tests {
		for lang, words := range tt.want {
			t.Run(tt.name+"/"+lang, func(t *testing.T) {
				x := c.State(tt.state, lang)
				action := " " + strings.ToLower(x.Action) + " "
				for _, w := range words {
					if strings.Contains(action, w) {
						return
					}
				}
				t.Errorf("%s action mentions none of %q: %q", x.Key, words, x.Action)
			})
		}
	}

	// The jargon is named where people meet it.
	for _, tt := range []struct {
		m     parcel.Milestone
		lang  string
		words []string
	}{
		{parcel.MilestoneExportCustoms, "en", []string{"outward office of exchange"}},
		{parcel.MilestoneArrivedDestination, "en", []string{"inward office of exchange", "MMPO"}},
		{parcel.MilestoneArrivedDestination, "ru", []string{"ММПО", "место международного почтового обмена"}},
		{parcel.MilestoneCustomsReleased, "en", []string{"Left MMPO"}},
		{parcel.MilestoneHandedToLastMile, "en", []string{"last-mile carrier"}},
		{parcel.MilestoneHandedToLastMile, "es", []string{"última milla"}},
	} {
		x, _ := c.Milestone(tt.m, tt.lang)
		for _, w := range tt.words {
			if !strings.Contains(x.Meaning, w) {
				t.Errorf("%s/%s meaning lacks %q: %q", x.Key, tt.lang, w, x.Meaning)
			}
		}
	}
}

func TestExplainLanguageMatching(t *testing.T) {
	c := DefaultCatalogue()
	tests := []struct{ in, want string }{
		{"en", "en"},
		{"ru", "ru"},
		{"es", "es"},
		{"", "en"},
		{"de", "en"},
		{"zh-Hans-CN", "en"},
		{"xx", "en"},
		{"ru-RU", "ru"},
		{"RU", "ru"},
		{"Ru-ru", "ru"},
		{"es_ES", "es"},
		{"es-419", "es"},
		{"es_MX.UTF-8", "es"},
		{"ru_RU.UTF-8@cyrillic", "ru"},
		{"en-GB", "en"},
		{"C", "en"},
		{"C.UTF-8", "en"},
		{"rus", "ru"},
		{"spa", "es"},
		{" ru ", "ru"},
		{"de-CH, ru;q=0.8, en;q=0.5", "ru"},
		{"en;q=0.3, es-ES;q=0.9", "es"},
		{"fr, es, ru", "es"},
		{"ru;q=0, es;q=0.1", "es"},
		{"ru;q=abc, es;q=0.2", "es"},
		{"ru;q=2", "en"},
		{"*", "en"},
		{"de, fr;q=0.9", "en"},
		{",,;", "en"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.in), func(t *testing.T) {
			if got := c.MatchLanguage(tt.in); got != tt.want {
				t.Errorf("MatchLanguage(%q) = %q, want %q", tt.in, got, tt.want)
			}
			x := c.State(parcel.State{Milestone: parcel.MilestoneCustomsReleased}, tt.in)
			if x.Lang != tt.want {
				t.Errorf("State(…, %q).Lang = %q, want %q", tt.in, x.Lang, tt.want)
			}
			want, _ := c.Milestone(parcel.MilestoneCustomsReleased, tt.want)
			if x != want {
				t.Errorf("State(…, %q) = %+v, want the %s text", tt.in, x, tt.want)
			}
		})
	}
}

func TestExplainLanguageMatchingDoesNotAllocate(t *testing.T) {
	c := DefaultCatalogue()
	st := parcel.State{Milestone: parcel.MilestoneImportCustoms, Exception: parcel.ExceptionCustomsHeld, SubStatus: parcel.SubStatusInspection}
	for _, lang := range []string{"ru", "es_ES.UTF-8", "de-CH, ru;q=0.8, en;q=0.5"} {
		if n := testing.AllocsPerRun(100, func() { _ = c.State(st, lang) }); n != 0 {
			t.Errorf("State(…, %q) allocates %v times", lang, n)
		}
	}
}

func TestExplainState(t *testing.T) {
	c := DefaultCatalogue()
	tests := []struct {
		name  string
		state parcel.State
		key   string
	}{
		{"no event yet", parcel.State{}, "milestone/none"},
		{"milestone", parcel.State{Milestone: parcel.MilestoneCustomsReleased}, "milestone/customs_released"},
		{"unknown", parcel.State{Milestone: parcel.MilestoneUnknown}, "milestone/unknown"},
		{"milestone outside the model", parcel.State{Milestone: "teleported"}, "milestone/unknown"},
		{"exception without detail", parcel.State{Milestone: parcel.MilestoneImportCustoms, Exception: parcel.ExceptionCustomsHeld}, "exception/customs_held"},
		{"exception with detail", parcel.State{Milestone: parcel.MilestoneImportCustoms, Exception: parcel.ExceptionCustomsHeld, SubStatus: parcel.SubStatusDutiesDue}, "exception/customs_held/duties_due"},
		{"other, a shared sub-status name", parcel.State{Milestone: parcel.MilestoneOutForDelivery, Exception: parcel.ExceptionDeliveryFailed, SubStatus: parcel.SubStatusOther}, "exception/delivery_failed/other"},
		{"sub-status of another exception", parcel.State{Milestone: parcel.MilestoneOutForDelivery, Exception: parcel.ExceptionDeliveryFailed, SubStatus: parcel.SubStatusDutiesDue}, "exception/delivery_failed"},
		{"exception without sub-statuses", parcel.State{Milestone: parcel.MilestoneAvailableForPickup, Exception: parcel.ExceptionReturning}, "exception/returning"},
		{"exception outside the model", parcel.State{Milestone: parcel.MilestoneInTransit, Exception: "abducted"}, "milestone/in_transit"},
		{"expired", parcel.State{Milestone: parcel.MilestoneDepartedOrigin, Expired: true}, "expired"},
		{"expired before any event", parcel.State{Expired: true}, "expired"},
		{"exception beats expired", parcel.State{Milestone: parcel.MilestoneImportCustoms, Exception: parcel.ExceptionCustomsHeld, SubStatus: parcel.SubStatusInspection, Expired: true}, "exception/customs_held/inspection"},
		{"delivered beats expired", parcel.State{Milestone: parcel.MilestoneDelivered, Expired: true}, "milestone/delivered"},
		{"delivered beats an earlier failed attempt", parcel.State{Milestone: parcel.MilestoneDelivered, Exception: parcel.ExceptionDeliveryFailed, SubStatus: parcel.SubStatusNoOneHome}, "milestone/delivered"},
		{"returning beats delivered", parcel.State{Milestone: parcel.MilestoneDelivered, Exception: parcel.ExceptionReturning}, "exception/returning"},
		{"returned beats delivered", parcel.State{Milestone: parcel.MilestoneDelivered, Exception: parcel.ExceptionReturned}, "exception/returned"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, lang := range c.Languages() {
				x := c.State(tt.state, lang)
				if x.Key != tt.key || x.Lang != lang {
					t.Errorf("State(%+v, %s): Key, Lang = %q, %q; want %q, %q", tt.state, lang, x.Key, x.Lang, tt.key, lang)
				}
			}
		})
	}
}

func TestExplainLookupsOutsideTheModel(t *testing.T) {
	c := DefaultCatalogue()
	if _, ok := c.Milestone("teleported", "en"); ok {
		t.Error("Milestone(teleported) reported ok")
	}
	if _, ok := c.Exception(parcel.ExceptionNone, parcel.SubStatusNone, "en"); ok {
		t.Error("Exception(none) reported ok")
	}
	if _, ok := c.Exception(parcel.ExceptionNone, parcel.SubStatusLost, "en"); ok {
		t.Error("Exception(none, lost) reported ok")
	}
	if _, ok := c.Exception("abducted", parcel.SubStatusOther, "en"); ok {
		t.Error("Exception(abducted) reported ok")
	}
	if x, ok := c.Milestone(parcel.MilestonePickedUp, "de"); !ok || x.Lang != "en" {
		t.Errorf("Milestone(picked_up, de) = %q, %v; want the English text", x.Lang, ok)
	}
}

func TestExplainAll(t *testing.T) {
	c := DefaultCatalogue()
	subjects := explainSubjects()
	for _, lang := range append(c.Languages(), "de") {
		all := c.All(lang)
		if len(all) != len(subjects) {
			t.Fatalf("All(%s) has %d entries, want %d", lang, len(all), len(subjects))
		}
		for i, x := range all {
			want, _ := subjects[i].explain(c, lang)
			if x != want {
				t.Errorf("All(%s)[%d] = %s, want %s", lang, i, x.Key, want.Key)
			}
		}
	}
}

func TestExplainConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := DefaultCatalogue()
			for _, lang := range []string{"en", "ru-RU", "es_ES"} {
				for _, x := range c.All(lang) {
					if x.Meaning == "" {
						t.Errorf("goroutine %d: empty meaning for %s", i, x.Key)
					}
				}
			}
		}()
	}
	wg.Wait()
	if DefaultCatalogue() != DefaultCatalogue() {
		t.Error("DefaultCatalogue is parsed more than once")
	}
}

// TestExplainFileHasNoDuplicateKeys guards against a hand edit that repeats
// an entry or a language: encoding/json would silently keep the last one.
func TestExplainFileHasNoDuplicateKeys(t *testing.T) {
	if dups, err := explainDuplicateKeys(explanationsJSON); err != nil || len(dups) > 0 {
		t.Errorf("explanations.json: duplicate keys %q (err %v)", dups, err)
	}
	dups, err := explainDuplicateKeys([]byte(`{"a":[{"x":1,"y":{"x":2}}],"b":{"en":{},"ru":{},"en":{}}}`))
	if err != nil || strings.Join(dups, " ") != "$.b.en" {
		t.Errorf("explainDuplicateKeys found %q (err %v), want [$.b.en]", dups, err)
	}
}

// explainDuplicateKeys returns the paths of the keys that repeat within one
// JSON object.
func explainDuplicateKeys(data []byte) ([]string, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var dups []string
	var walk func(path string) error
	walk = func(path string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			seen := map[string]bool{}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return err
				}
				key := k.(string)
				if seen[key] {
					dups = append(dups, path+"."+key)
				}
				seen[key] = true
				if err := walk(path + "." + key); err != nil {
					return err
				}
			}
			_, err = dec.Token() // }
		case json.Delim('['):
			for dec.More() {
				if err := walk(path + "[]"); err != nil {
					return err
				}
			}
			_, err = dec.Token() // ]
		}
		return err
	}
	return dups, walk("$")
}

func TestNewCatalogueRejectsBadData(t *testing.T) {
	type doc = map[string]any
	entry := func(d doc, path ...string) doc {
		for _, p := range path {
			d = d[p].(doc)
		}
		return d
	}
	tests := []struct {
		name   string
		mutate func(d doc)
		errHas string
	}{
		{"missing milestone", func(d doc) { delete(entry(d, "milestones"), "in_transit") }, `"in_transit" missing`},
		{"missing none", func(d doc) { delete(entry(d, "milestones"), "none") }, `"none" missing`},
		{"missing sub-status", func(d doc) { delete(entry(d, "substatuses"), "exception/lost") }, `"exception/lost" missing`},
		{"missing exception", func(d doc) { delete(entry(d, "exceptions"), "returned") }, `"returned" missing`},
		{"missing expired", func(d doc) { delete(d, "expired") }, "expired: missing"},
		{"unknown milestone", func(d doc) { entry(d, "milestones")["teleported"] = entry(d, "milestones", "in_transit") }, `"teleported" is not a milestone`},
		{"empty milestone name", func(d doc) { entry(d, "milestones")[""] = entry(d, "milestones", "in_transit") }, `"" is not a milestone`},
		{"sub-status of the wrong exception", func(d doc) {
			entry(d, "substatuses")["delivery_failed/lost"] = entry(d, "substatuses", "exception/lost")
		}, `"delivery_failed/lost" is not exception/sub_status`},
		{"missing language", func(d doc) { delete(entry(d, "milestones", "delivered", "text"), "es") }, "milestone/delivered: no es text"},
		{"unlisted language", func(d doc) {
			entry(d, "milestones", "delivered", "text")["de"] = entry(d, "milestones", "delivered", "text", "en")
		}, `language "de" is not in the languages list`},
		{"empty action", func(d doc) { entry(d, "exceptions", "returned", "text", "ru")["action"] = " " }, "exception/returned: ru: meaning, typical and action"},
		{"min above max", func(d doc) { entry(d, "milestones", "picked_up")["typical_min_days"] = 9 }, "typical_min_days 9 is above"},
		{"worry inside the range", func(d doc) { entry(d, "milestones", "picked_up")["worry_after_days"] = 3 }, "worry_after_days 3 is inside"},
		{"negative days", func(d doc) { entry(d, "milestones", "picked_up")["typical_min_days"] = -1 }, "not negative"},
		{"day count missing", func(d doc) { delete(entry(d, "milestones", "picked_up"), "worry_after_days") }, "are required"},
		{"unknown field", func(d doc) { entry(d, "milestones", "picked_up", "text", "en")["advice"] = "x" }, `unknown field "advice"`},
		{"no languages", func(d doc) { d["languages"] = []any{} }, "none listed"},
		{"bad language code", func(d doc) { d["languages"] = []any{"en", "RU", "es"} }, `"RU" is not a lower-case`},
		{"language listed twice", func(d doc) { d["languages"] = []any{"en", "ru", "es", "ru"} }, `"ru" listed twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			if err := json.Unmarshal(explanationsJSON, &d); err != nil {
				t.Fatal(err)
			}
			tt.mutate(d)
			data, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			_, err = NewCatalogue(data)
			if err == nil || !strings.Contains(err.Error(), tt.errHas) {
				t.Errorf("NewCatalogue: error %v, want one containing %q", err, tt.errHas)
			}
		})
	}

	if _, err := NewCatalogue([]byte(`{"languages":["en"]} {}`)); err == nil {
		t.Error("NewCatalogue accepted trailing data")
	}
	if _, err := NewCatalogue(explanationsJSON); err != nil {
		t.Errorf("NewCatalogue(embedded) = %v", err)
	}
}

func ExampleCatalogue_State() {
	c := DefaultCatalogue()
	x := c.State(parcel.State{Milestone: parcel.MilestoneCustomsReleased}, "ru-RU")
	fmt.Println(x.Key, x.Lang, x.TypicalMinDays, x.TypicalMaxDays, x.WorryAfterDays)
	fmt.Println(x.Meaning)
	// Output:
	// milestone/customs_released ru 1 7 10
	// Таможня выпустила посылку, и она покидает место международного почтового обмена, уходя во внутреннюю сеть доставки («Таможенное оформление завершено», «Покинуло место международного обмена», «Left MMPO»).
}
