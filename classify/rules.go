package classify

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// relative is a milestone that depends on the leg's side of the border.
type relative uint8

const (
	absolute relative = iota
	// relFacility: a sorting centre or hub; origin_facility on the origin
	// leg, in_transit on a transit leg, destination_facility on the last
	// mile, unknown when the side can't be told.
	relFacility
	// relCustoms: customs at work; export_customs at origin, otherwise
	// import_customs (most customs events people track are imports).
	relCustoms
	// relCleared: customs done; export_customs at origin (still waiting to
	// leave), otherwise customs_released.
	relCleared
)

var relativeNames = map[string]relative{"@facility": relFacility, "@customs": relCustoms, "@cleared": relCleared}

// outcome is what a rule or a code concludes.
type outcome struct {
	milestone parcel.Milestone
	rel       relative
	exception parcel.Exception
	sub       parcel.SubStatus
}

// parseOutcome reads "milestone[+exception[/substatus]]", where milestone
// may be a role-relative name such as @facility, or unknown.
func parseOutcome(s string) (outcome, error) {
	var o outcome
	ms, exc, _ := strings.Cut(s, "+")
	if rel, ok := relativeNames[ms]; ok {
		o.rel = rel
	} else {
		m, err := parcel.ParseMilestone(ms)
		if err != nil || m == parcel.MilestoneNone {
			return o, fmt.Errorf("outcome %q: bad milestone %q", s, ms)
		}
		o.milestone = m
	}
	if exc != "" {
		e, sub, _ := strings.Cut(exc, "/")
		var err error
		if o.exception, err = parcel.ParseException(e); err != nil {
			return o, fmt.Errorf("outcome %q: %w", s, err)
		}
		if o.sub, err = parcel.ParseSubStatus(sub); err != nil {
			return o, fmt.Errorf("outcome %q: %w", s, err)
		}
		if !o.sub.Fits(o.exception) {
			return o, fmt.Errorf("outcome %q: sub-status %s does not detail %s", s, o.sub, o.exception)
		}
	}
	return o, nil
}

// rule is one text rule: all its groups must match (a group matches when
// any of its terms occurs), and none of its negated groups.
type rule struct {
	id         string
	out        outcome
	priority   int
	confidence float64
	role       parcel.LegRole // only on legs of this role; "" for any
	groups     [][]int32
	not        [][]int32
	order      int
}

// lang is the language of the rule's file, the first part of its id.
func (r *rule) lang() string {
	if i := strings.IndexByte(r.id, '.'); i > 0 {
		return r.id[:i]
	}
	return ""
}

// specificity ranks rules of equal priority: more conditions, more specific.
func (r *rule) specificity() int { return len(r.groups)*2 + len(r.not) }

// defaultPriority orders outcomes when a rule names no priority: the rarer
// and more consequential the state, the higher, so "delivery attempt
// failed" is a failure and "returned to sender" is a return, not a delivery.
func defaultPriority(o outcome) int {
	switch o.exception {
	case parcel.ExceptionReturned:
		return 100
	case parcel.ExceptionReturning:
		return 95
	case parcel.ExceptionOther:
		return 92
	case parcel.ExceptionCustomsHeld:
		return 90
	case parcel.ExceptionDeliveryFailed:
		return 85
	}
	switch o.rel {
	case relFacility:
		return 40
	case relCustoms:
		return 58
	case relCleared:
		return 60
	}
	return map[parcel.Milestone]int{
		parcel.MilestoneDelivered: 80, parcel.MilestoneAvailableForPickup: 75, parcel.MilestoneOutForDelivery: 70,
		parcel.MilestoneHandedToLastMile: 65, parcel.MilestoneCustomsReleased: 60, parcel.MilestoneImportCustoms: 58,
		parcel.MilestoneArrivedDestination: 55, parcel.MilestoneDepartedOrigin: 50, parcel.MilestoneExportCustoms: 48,
		parcel.MilestoneInTransit: 45, parcel.MilestoneOriginFacility: 42, parcel.MilestoneDestinationFacility: 42,
		parcel.MilestonePickedUp: 35, parcel.MilestoneLabelCreated: 30, parcel.MilestoneUnknown: 10,
	}[o.milestone]
}

// parseRules reads a rules file. A rule is one line:
//
//	rule ID -> OUTCOME [p=PRIORITY] [c=CONFIDENCE] [role=ROLE] : PATTERN
//
// PATTERN is groups joined by " & "; a group is terms joined by "|"; a group
// starting with "!" must not match. A term ending in "$" must end at a word
// end. Lines starting with # are comments.
func parseRules(name string, data []byte, f *folder, idx *termIndex, order *int) ([]rule, error) {
	var rules []rule
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		r, err := parseRule(text, f, idx)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		*order++
		r.order = *order
		rules = append(rules, r)
	}
	return rules, sc.Err()
}

func parseRule(text string, f *folder, idx *termIndex) (rule, error) {
	var r rule
	head, pattern, ok := strings.Cut(text, " : ")
	if !ok {
		return r, fmt.Errorf("want 'rule ID -> OUTCOME : PATTERN', got %q", text)
	}
	fields := strings.Fields(head)
	if len(fields) < 4 || fields[0] != "rule" || fields[2] != "->" {
		return r, fmt.Errorf("want 'rule ID -> OUTCOME ...', got %q", head)
	}
	r.id = fields[1]
	var err error
	if r.out, err = parseOutcome(fields[3]); err != nil {
		return r, err
	}
	r.priority, r.confidence = defaultPriority(r.out), 0.85
	for _, opt := range fields[4:] {
		k, v, _ := strings.Cut(opt, "=")
		switch k {
		case "p":
			if r.priority, err = strconv.Atoi(v); err != nil {
				return r, fmt.Errorf("priority %q: %w", v, err)
			}
		case "c":
			if r.confidence, err = strconv.ParseFloat(v, 64); err != nil || r.confidence < 0 || r.confidence > 1 {
				return r, fmt.Errorf("confidence %q: want a number in 0..1", v)
			}
		case "role":
			if r.role, err = parcel.ParseLegRole(v); err != nil {
				return r, err
			}
		default:
			return r, fmt.Errorf("unknown option %q", opt)
		}
	}
	for _, g := range strings.Split(pattern, "&") {
		g = strings.TrimSpace(g)
		negate := strings.HasPrefix(g, "!")
		g = strings.TrimPrefix(g, "!")
		var ids []int32
		for _, alt := range strings.Split(g, "|") {
			alt = strings.TrimSpace(alt)
			whole := strings.HasSuffix(alt, "$")
			folded := f.foldTerm(strings.TrimSuffix(alt, "$"))
			if folded == "" {
				return r, fmt.Errorf("empty term in %q", g)
			}
			ids = append(ids, idx.add(term{text: folded, whole: whole}))
		}
		if negate {
			r.not = append(r.not, ids)
		} else {
			r.groups = append(r.groups, ids)
		}
	}
	if len(r.groups) == 0 {
		return r, fmt.Errorf("rule %s has only negated groups", r.id)
	}
	return r, nil
}

// matches reports whether every group of r has a found term and no negated
// group does.
func (r *rule) matches(found *matchSet) bool {
	for _, g := range r.groups {
		if !anyFound(g, found) {
			return false
		}
	}
	for _, g := range r.not {
		if anyFound(g, found) {
			return false
		}
	}
	return true
}

func anyFound(ids []int32, found *matchSet) bool {
	for _, id := range ids {
		if found.has(id) {
			return true
		}
	}
	return false
}
