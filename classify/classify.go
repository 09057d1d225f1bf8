package classify

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/parcelwatch/parcelwatch/parcel"
)

//go:embed rules/*.rules codes/*.tsv
var builtin embed.FS

// Input is one raw carrier event.
type Input struct {
	// Carrier is the carrier id ("russianpost", "usps", "cainiao", "17track",
	// "aftership", …); empty when unknown.
	Carrier string
	// Code is the carrier's status code, if it sent one: "EMD", "8.2" (Russian
	// Post OperType.OperAttr), "GWMS_ACCEPT", "InTransit_PickedUp", …
	Code string
	// Text is the carrier's description, verbatim.
	Text string
	// Language of Text, as a hint (BCP 47); rules of every language are tried.
	Language string
	// Role is the leg's part in the journey; RoleUnknown (or "") when not
	// known, in which case the carrier's usual side is assumed.
	Role parcel.LegRole
	// Country is the ISO 3166-1 alpha-2 code of the event's location, and
	// DestinationCountry that of the parcel's destination, where known: an
	// export scan in the destination country is a return.
	Country            string
	DestinationCountry string
}

// Classifier holds the compiled code tables and text rules. It is immutable
// and safe for concurrent use.
type Classifier struct {
	fold   *folder
	terms  *termIndex
	loose  *looseIndex
	rules  []rule
	byTerm [][]int32 // rule indexes that need each term
	codes  map[string]codeTable
	// described finds a code by its carrier's own description, for
	// carriers that send the description without the code.
	described map[string][]describedCode
	pool      sync.Pool // *scratch
}

// describedCode is a code table row found by its description.
type describedCode struct {
	system, code string
	entry        codeEntry
}

type scratch struct {
	text   []byte
	found  matchSet
	counts map[int32]int
}

// builtinClassifier is built from the embedded files once, on first use.
var builtinClassifier = sync.OnceValues(func() (*Classifier, error) { return New(builtin) })

// Default returns the classifier built from the embedded tables and rules.
// The embedded files are checked by the tests, so an error here is a broken
// build, not bad input.
func Default() *Classifier {
	c, err := builtinClassifier()
	if err != nil {
		panic("classify: embedded rules: " + err.Error())
	}
	return c
}

// New builds a classifier from a file system holding rules/*.rules and
// codes/*.tsv, laid out as the embedded ones.
func New(fsys fs.FS) (*Classifier, error) {
	c := &Classifier{fold: newFolder(), terms: newTermIndex(), codes: map[string]codeTable{}}
	c.pool.New = func() any { return &scratch{text: make([]byte, 0, 256)} }
	ruleFiles, err := fs.Glob(fsys, "rules/*.rules")
	if err != nil {
		return nil, err
	}
	sort.Strings(ruleFiles)
	order := 0
	seen := map[string]string{}
	for _, name := range ruleFiles {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		rules, err := parseRules(name, data, c.fold, c.terms, &order)
		if err != nil {
			return nil, err
		}
		for _, r := range rules {
			if prev, dup := seen[r.id]; dup {
				return nil, fmt.Errorf("%s: rule id %s already used in %s", name, r.id, prev)
			}
			seen[r.id] = name
		}
		c.rules = append(c.rules, rules...)
	}
	c.terms.build()
	c.loose = newLooseIndex(c.terms.terms, c.rules)
	c.byTerm = make([][]int32, len(c.terms.terms))
	for i, r := range c.rules {
		for _, g := range r.groups {
			for _, id := range g {
				if l := c.byTerm[id]; len(l) == 0 || l[len(l)-1] != int32(i) {
					c.byTerm[id] = append(c.byTerm[id], int32(i))
				}
			}
		}
	}
	codeFiles, err := fs.Glob(fsys, "codes/*.tsv")
	if err != nil {
		return nil, err
	}
	for _, name := range codeFiles {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		t, err := parseCodes(name, data)
		if err != nil {
			return nil, err
		}
		c.codes[strings.TrimSuffix(path.Base(name), ".tsv")] = t
	}
	c.described = map[string][]describedCode{}
	systems := make([]string, 0, len(c.codes))
	for sys := range c.codes {
		systems = append(systems, sys)
	}
	sort.Strings(systems)
	for _, sys := range systems {
		for key, e := range c.codes[sys] {
			if key.role != "" || e.description == "" {
				continue
			}
			d := string(c.fold.normalize(nil, e.description))
			if len(strings.TrimSpace(d)) < 4 {
				continue
			}
			c.described[d] = append(c.described[d], describedCode{system: sys, code: key.code, entry: e})
		}
	}
	for _, list := range c.described {
		sort.Slice(list, func(i, j int) bool {
			if list[i].system != list[j].system {
				return list[i].system < list[j].system
			}
			return list[i].code < list[j].code
		})
	}
	return c, nil
}

// codeSystems maps a (lower-case) carrier id to the code tables to try, in
// order. Postal operators speak UPU EMSEVT codes too.
func (c *Classifier) codeSystems(carrier string) []string {
	switch carrier {
	case "17track", "track17", "aftership":
		return nil
	}
	var out []string
	if _, ok := c.codes[carrier]; ok {
		out = append(out, carrier)
	}
	if carrier != "ups" && carrier != "fedex" && carrier != "dhl" && carrier != "upu" {
		out = append(out, "upu")
	}
	return out
}

// Classify reads one raw event.
func (c *Classifier) Classify(in Input) parcel.Classification {
	carrier := canonicalCarrier(in.Carrier)
	side, settled := carrierSide(carrier, in.Role)
	if side == parcel.RoleUnknown && hasHan(in.Text) {
		// Chinese text about a marketplace parcel is written in China.
		side, settled = parcel.RoleOrigin, true
	}
	if !settled {
		side = languageSide(in.Language)
		settled = side != parcel.RoleUnknown
	}
	code, codeOK := c.classifyCode(in, carrier, side)
	text, textOK := c.classifyText(in.Text, carrier, side, settled)
	var best parcel.Classification
	switch {
	case codeOK && textOK:
		best = code
		// A generic code ("in transit", a type-level fallback) yields to a
		// text that says more.
		if text.Confidence > code.Confidence && (code.Exception == parcel.ExceptionNone || text.Exception != parcel.ExceptionNone) {
			best = text
		}
	case codeOK:
		best = code
	case textOK:
		best = text
	default:
		return parcel.Classification{State: parcel.State{Milestone: parcel.MilestoneUnknown}, Confidence: 0, Rule: "none"}
	}
	return returnContext(lastMileContext(best, in), in)
}

// lastMileContext reads a carrier's own words on a leg known to be the last
// mile: its "origin" facility and its acceptance scan are in the destination
// country (DHL's "parcel center of origin" on an import), where the parcel
// is a destination-facility scan and a handover to the last mile. Only an
// explicit leg role counts: a carrier's usual side is not proof enough.
func lastMileContext(cl parcel.Classification, in Input) parcel.Classification {
	if in.Role != parcel.RoleLastMile || cl.Exception != parcel.ExceptionNone {
		return cl
	}
	switch cl.Milestone {
	case parcel.MilestoneOriginFacility:
		cl.Milestone = parcel.MilestoneDestinationFacility
		cl.Rule += "+last_mile_leg"
	case parcel.MilestonePickedUp:
		cl.Milestone = parcel.MilestoneHandedToLastMile
		cl.Rule += "+last_mile_leg"
	}
	return cl
}

// returnContext turns an export-side event located in the destination
// country into a return: the parcel is leaving the buyer's country again.
func returnContext(cl parcel.Classification, in Input) parcel.Classification {
	if in.Country == "" || in.DestinationCountry == "" || !strings.EqualFold(in.Country, in.DestinationCountry) {
		return cl
	}
	switch cl.Milestone {
	case parcel.MilestoneExportCustoms, parcel.MilestoneDepartedOrigin:
		if cl.Exception == parcel.ExceptionNone {
			cl.Milestone = parcel.MilestoneUnknown
			cl.Exception = parcel.ExceptionReturning
			cl.Rule += "+export_from_destination"
		}
	}
	return cl
}

func (c *Classifier) classifyCode(in Input, carrier string, side parcel.LegRole) (parcel.Classification, bool) {
	code := normalizeCode(in.Code)
	if code == "" {
		return parcel.Classification{}, false
	}
	switch carrier {
	case "17track", "track17":
		if st, err := parcel.From17Track(parcel.Track17{Status: mainOf(in.Code), SubStatus: strings.TrimSpace(in.Code)}); err == nil {
			return fromPeer(st, "17track.code."+strings.TrimSpace(in.Code)), true
		}
		return parcel.Classification{}, false
	case "aftership":
		if st, err := parcel.FromAfterShip(parcel.AfterShip{Tag: mainOf(in.Code), Subtag: strings.TrimSpace(in.Code)}); err == nil {
			return fromPeer(st, "aftership.code."+strings.TrimSpace(in.Code)), true
		}
		return parcel.Classification{}, false
	}
	for _, sys := range c.codeSystems(carrier) {
		if e, ok := c.codes[sys].lookup(code, side); ok {
			st := resolve(e.out, side)
			conf := e.confidence
			if st.Milestone == parcel.MilestoneUnknown && e.out.rel != absolute {
				conf *= 0.5
			}
			return parcel.Classification{State: st, Confidence: conf, Rule: e.rule}, true
		}
	}
	return parcel.Classification{}, false
}

// mainOf reads the main status out of a 17TRACK sub-status or AfterShip
// subtag ("InTransit_PickedUp" -> "InTransit").
func mainOf(code string) string {
	code = strings.TrimSpace(code)
	if i := strings.IndexByte(code, '_'); i > 0 {
		return code[:i]
	}
	return code
}

func fromPeer(st parcel.State, ruleID string) parcel.Classification {
	st.Expired = false // a time fact, not an event's meaning
	if st.Milestone == parcel.MilestoneNone {
		st.Milestone = parcel.MilestoneUnknown
	}
	return parcel.Classification{State: st, Confidence: 0.9, Rule: ruleID}
}

// resolve turns an outcome into a state for a leg on the given side.
func resolve(o outcome, side parcel.LegRole) parcel.State {
	st := parcel.State{Milestone: o.milestone, Exception: o.exception, SubStatus: o.sub}
	switch o.rel {
	case relFacility:
		switch side {
		case parcel.RoleOrigin:
			st.Milestone = parcel.MilestoneOriginFacility
		case parcel.RoleTransit:
			st.Milestone = parcel.MilestoneInTransit
		case parcel.RoleLastMile:
			st.Milestone = parcel.MilestoneDestinationFacility
		default:
			st.Milestone = parcel.MilestoneUnknown
		}
	case relCustoms:
		st.Milestone = parcel.MilestoneImportCustoms
		if side == parcel.RoleOrigin {
			st.Milestone = parcel.MilestoneExportCustoms
		}
	case relCleared:
		st.Milestone = parcel.MilestoneCustomsReleased
		if side == parcel.RoleOrigin {
			st.Milestone = parcel.MilestoneExportCustoms
		}
	}
	return st
}

// classifyText reads the text; when the side is not settled, the language of
// the winning rule may settle it.
func (c *Classifier) classifyText(text, carrier string, side parcel.LegRole, settled bool) (parcel.Classification, bool) {
	if strings.TrimSpace(text) == "" {
		return parcel.Classification{}, false
	}
	s := c.pool.Get().(*scratch)
	defer c.pool.Put(s)
	s.text = c.fold.normalize(s.text, text)
	s.found.n = 0
	c.terms.scan(string(s.text), &s.found) // no copy: the compiler elides it for a read-only use
	best := c.bestRule(&s.found, side)
	if d, ok := c.byDescription(string(s.text), carrier); ok {
		dside := side
		if !settled {
			dside = sideOf(d.system, parcel.RoleUnknown) // the row's own carrier
		}
		st := resolve(d.entry.out, dside)
		conf := d.entry.confidence
		// The carrier's own row wins; another carrier's row only when no
		// rule is surer of the words.
		if best == nil || d.system == carrier || conf >= best.confidence {
			return parcel.Classification{State: st, Confidence: conf, Rule: d.system + ".text." + d.code}, true
		}
	}
	loose := false
	if best == nil {
		// Nothing reads the text as written: try the rules' phrases with
		// their words in any order.
		s.counts = c.loose.match(string(s.text), &s.found, s.counts)
		if best = c.bestRule(&s.found, side); best == nil {
			return parcel.Classification{}, false
		}
		loose = true
	}
	if !settled {
		// The language of the words that matched tells the side when
		// nothing else did.
		side = languageSide(best.lang())
	}
	st := resolve(best.out, side)
	conf := best.confidence
	if st.Milestone == parcel.MilestoneUnknown && best.out.rel != absolute && st.Exception == parcel.ExceptionNone {
		conf *= 0.5 // a facility scan whose side can't be told
	}
	id := best.id
	if loose {
		conf *= looseConfidence
		id += "~loose"
	}
	return parcel.Classification{State: st, Confidence: conf, Rule: id}, true
}

// bestRule is the highest-ranked rule that the found terms satisfy on a
// leg of the given side, or nil.
func (c *Classifier) bestRule(found *matchSet, side parcel.LegRole) *rule {
	var (
		best    *rule
		checked [maxMatches * 4]int32
		nc      int
	)
	for _, id := range found.ids[:found.n] {
		for _, ri := range c.byTerm[id] {
			if slices.Contains(checked[:nc], ri) {
				continue
			}
			if nc < len(checked) {
				checked[nc] = ri
				nc++
			}
			r := &c.rules[ri]
			if r.role != "" && r.role != side {
				continue
			}
			if r.matches(found) && better(r, best) {
				best = r
			}
		}
	}
	return best
}

// hasHan reports Chinese characters in text (Japanese kana excluded: a
// Japanese text is about the Japanese leg).
func hasHan(text string) bool {
	han := false
	for _, r := range text {
		if r < 0x2E80 {
			continue
		}
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			return false
		case unicode.Is(unicode.Han, r):
			han = true
		}
	}
	return han
}

// byDescription finds a code table row whose description is the whole
// text: the carrier's own row first, then any system's when all rows that
// share the description agree.
func (c *Classifier) byDescription(text, carrier string) (describedCode, bool) {
	list := c.described[text]
	if len(list) == 0 {
		return describedCode{}, false
	}
	for _, d := range list {
		if d.system == carrier {
			return d, true
		}
	}
	for _, d := range list[1:] {
		if d.entry.out != list[0].entry.out {
			return describedCode{}, false
		}
	}
	return list[0], true
}

// better reports whether r outranks the current best: higher priority, then
// more specific, then written earlier.
func better(r, best *rule) bool {
	if best == nil {
		return true
	}
	if r.priority != best.priority {
		return r.priority > best.priority
	}
	if r.specificity() != best.specificity() {
		return r.specificity() > best.specificity()
	}
	return r.order < best.order
}
