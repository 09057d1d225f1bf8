package journey

import (
	"slices"
	"strings"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// byRank maps a rank back to its milestone.
var byRank = func() (a [milestoneSlots]parcel.Milestone) {
	for _, m := range parcel.Milestones() {
		a[m.Rank()] = m
	}
	return a
}()

// Ranks the fold's rules name.
var (
	rkPickedUp           = parcel.MilestonePickedUp.Rank()
	rkExportCustoms      = parcel.MilestoneExportCustoms.Rank()
	rkDepartedOrigin     = parcel.MilestoneDepartedOrigin.Rank()
	rkArrivedDestination = parcel.MilestoneArrivedDestination.Rank()
	rkImportCustoms      = parcel.MilestoneImportCustoms.Rank()
	rkOutForDelivery     = parcel.MilestoneOutForDelivery.Rank()
	rkAvailableForPickup = parcel.MilestoneAvailableForPickup.Rank()
	rkDelivered          = parcel.MilestoneDelivered.Rank()
)

// classifyExportReturn ends the rule id of an event that package classify
// read as a return because it is an export scan in the destination country.
const classifyExportReturn = "+export_from_destination"

// returnWhy says how a return was learned.
type returnWhy uint8

const (
	returnExplicit  returnWhy = iota // the carrier said so
	returnExport                     // an export scan in the destination country
	returnUnclaimed                  // left at the pickup point past the storage period
)

// reachedSlot is the first event that reached one milestone.
type reachedSlot struct {
	at  time.Time
	idx int // index in Journey.Events; -1 when never reached
}

// legStat is what a leg's events show about where the leg runs.
type legStat struct {
	n, min, max int  // events with a known milestone, and their rank range
	linked      bool // revealed by another leg's event
	explicit    bool // the caller gave the role
}

// folder holds the state of one Fold.
type folder struct {
	sh   *parcel.Shipment
	opts *Options
	now  time.Time
	j    Journey

	originCC, destCC string

	reached [milestoneSlots]reachedSlot
	maxRank int
	physAt  time.Time // first event at picked_up or later

	exc    parcel.Exception
	sub    parcel.SubStatus
	excRef int       // the rank the exception stands on
	excIdx int       // the event that raised it; -1 when inferred
	excAt  time.Time // when it was raised
	excWhy returnWhy

	stats   []legStat
	statBuf [6]legStat
	lastLeg int
}

func (f *folder) init(sh *parcel.Shipment, opts *Options) {
	f.sh, f.opts, f.now = sh, opts, opts.Now
	f.originCC, f.destCC = locCountry(sh.Origin), locCountry(sh.Destination)
	for i := range f.reached {
		f.reached[i].idx = -1
	}
	f.excIdx = -1

	legs := f.j.Legs[:0]
	if cap(legs) < len(sh.Legs)+2 {
		legs = make([]parcel.Leg, 0, len(sh.Legs)+2)
	}
	legs = append(legs, sh.Legs...)
	if len(legs) == 0 && sh.Number != "" {
		legs = append(legs, parcel.Leg{ShipmentID: sh.ID, Carrier: sh.Carrier, Number: sh.Number,
			Role: parcel.RoleUnknown, Source: parcel.SourceUser, CreatedAt: sh.CreatedAt})
	}
	f.j.Legs = legs
	f.stats = f.statBuf[:0]
	for i := range legs {
		explicit := legs[i].Role != "" && legs[i].Role != parcel.RoleUnknown
		f.stats = append(f.stats, legStat{explicit: explicit})
	}
}

// order copies the events in time order (stable: ties keep their input
// order) and drops duplicates: the same fingerprint, or the same carrier,
// number, second and text (and code, where both have one). A duplicate
// still lends what the first copy lacks (a surer classification, a linked
// number, a stored id).
func (f *folder) order(events []parcel.Event) {
	// Sort keys, so comparisons don't chase the events. Ordering by time
	// and then input position is the stable order.
	var keyBuf [64]timeKey
	keys := keyBuf[:0]
	if len(events) > len(keyBuf) {
		keys = make([]timeKey, 0, len(events))
	}
	sorted := true
	for i := range events {
		t := &events[i].Time
		k := timeKey{sec: t.Unix(), nsec: int32(t.Nanosecond()), idx: int32(i)}
		if i > 0 && k.before(keys[i-1]) {
			sorted = false
		}
		keys = append(keys, k)
	}
	if !sorted {
		slices.SortFunc(keys, func(a, b timeKey) int {
			switch {
			case a.before(b):
				return -1
			case b.before(a):
				return 1
			}
			return int(a.idx - b.idx)
		})
	}
	var idxBuf [64]int32
	idx := idxBuf[:0]
	if len(keys) > len(idxBuf) {
		idx = make([]int32, 0, len(keys))
	}
	for _, k := range keys {
		idx = append(idx, k.idx)
	}
	// Find the duplicates on the indices first (dup[k] < 0 keeps idx[k],
	// else names the kept position it repeats), so the copy is exact.
	var dupBuf [64]int32
	dup := dupBuf[:0]
	if len(idx) > len(dupBuf) {
		dup = make([]int32, 0, len(idx))
	}
	kept := 0
	for k, i := range idx {
		d := duplicateOf(events, idx[:k], dup, &events[i])
		if d < 0 {
			kept++
		}
		dup = append(dup, int32(d))
	}
	out := f.j.Events[:0]
	if cap(out) < kept {
		out = make([]parcel.Event, 0, kept)
	}
	for k, i := range idx {
		if d := dup[k]; d >= 0 {
			mergeDuplicate(&out[dup[d]], &events[i])
			continue
		}
		dup[k] = int32(len(out)) // now: its position in out
		out = append(out, events[i])
	}
	f.j.Events = out
}

// timeKey is an event's time and input position, for sorting.
type timeKey struct {
	sec       int64
	nsec, idx int32
}

func (a timeKey) before(b timeKey) bool {
	return a.sec < b.sec || a.sec == b.sec && a.nsec < b.nsec
}

// duplicateOf finds e among the earlier kept events of the same second,
// which come last in the time order (order[k] indexes events; dup[k] >= 0
// marks a duplicate). It returns the position in order, or -1.
func duplicateOf(events []parcel.Event, order, dup []int32, e *parcel.Event) int {
	sec := e.Time.Unix()
	for k := len(order) - 1; k >= 0; k-- {
		o := &events[order[k]]
		if o.Time.Unix() != sec {
			break
		}
		if dup[k] >= 0 {
			continue
		}
		if o.Fingerprint != "" && o.Fingerprint == e.Fingerprint {
			return k
		}
		if strings.EqualFold(o.Carrier, e.Carrier) && sameNumber(o.Number, e.Number) &&
			sameText(o.RawText, e.RawText) &&
			(o.RawCode == "" || e.RawCode == "" || strings.EqualFold(strings.TrimSpace(o.RawCode), strings.TrimSpace(e.RawCode))) {
			return k
		}
	}
	return -1
}

func mergeDuplicate(kept, dup *parcel.Event) {
	if dup.Confidence > kept.Confidence {
		kept.Classification = dup.Classification
	}
	if kept.LinkedNumber == "" && dup.LinkedNumber != "" {
		kept.LinkedCarrier, kept.LinkedNumber = dup.LinkedCarrier, dup.LinkedNumber
	}
	if kept.ID == 0 {
		kept.ID = dup.ID
	}
	if kept.LegID == 0 {
		kept.LegID = dup.LegID
	}
	if kept.Fingerprint == "" {
		kept.Fingerprint = dup.Fingerprint
	}
	if kept.Country == "" {
		kept.Country = dup.Country
	}
	if kept.Location == "" {
		kept.Location = dup.Location
	}
}

// fold walks the events in time order and keeps the furthest milestone, the
// first time each milestone was reached, the active exception and the legs.
func (f *folder) fold() {
	evs := f.j.Events
	for i := range evs {
		e := &evs[i]
		leg := f.legOf(e.Carrier, e.Number, parcel.SourceCarrier, false)
		if e.LinkedNumber != "" {
			src := parcel.SourceCarrier
			if e.LinkedCarrier == "" || strings.EqualFold(e.LinkedCarrier, e.Carrier) {
				src = parcel.SourceRelabel
			}
			carrier := e.LinkedCarrier
			if carrier == "" && src == parcel.SourceRelabel {
				carrier = e.Carrier
			}
			f.legOf(carrier, e.LinkedNumber, src, true)
		}

		r := e.Milestone.Rank()
		exc, why := e.Exception, returnExplicit
		switch {
		case exc == parcel.ExceptionNone && (r == rkExportCustoms || r == rkDepartedOrigin) && f.exportFromDestination(e):
			exc, why, r = parcel.ExceptionReturning, returnExport, 0
		case exc == parcel.ExceptionReturning && strings.HasSuffix(e.Rule, classifyExportReturn):
			why = returnExport // classify read it so already
		}
		if f.exc == parcel.ExceptionReturning || f.exc == parcel.ExceptionReturned {
			r = 0 // the parcel is going back: its scans are no progress
		}
		if r > 0 {
			if f.physAt.IsZero() && r >= rkPickedUp {
				f.physAt = e.Time
			}
			if leg >= 0 {
				s := &f.stats[leg]
				if s.n == 0 || r < s.min {
					s.min = r
				}
				if r > s.max {
					s.max = r
				}
				s.n++
			}
			if f.reached[r].idx < 0 {
				f.reached[r] = reachedSlot{at: e.Time, idx: i}
			}
			if f.exc != parcel.ExceptionNone && f.clears(r) {
				f.exc, f.sub = parcel.ExceptionNone, parcel.SubStatusNone
			}
			if r > f.maxRank {
				f.maxRank = r
			}
		}
		if exc != parcel.ExceptionNone {
			f.raise(exc, e.SubStatus, why, i, e.Time)
		}
	}
}

// exportFromDestination reports whether an export-side scan was made in
// the destination country after the parcel arrived there: the parcel is
// being sent back.
func (f *folder) exportFromDestination(e *parcel.Event) bool {
	return f.destCC != "" && !strings.EqualFold(f.originCC, f.destCC) &&
		f.maxRank >= rkArrivedDestination && strings.EqualFold(strings.TrimSpace(e.Country), f.destCC)
}

// clears reports whether reaching rank r, after the active exception was
// raised, shows the parcel moved past it.
func (f *folder) clears(r int) bool {
	switch f.exc {
	case parcel.ExceptionReturning, parcel.ExceptionReturned:
		return false // a return ends only in returned
	case parcel.ExceptionDeliveryFailed:
		return r >= rkOutForDelivery // a new attempt, the pickup point, or delivery
	case parcel.ExceptionCustomsHeld:
		need := f.excRef
		if need == rkArrivedDestination {
			need = rkImportCustoms // held on import: released or later
		}
		return r > need
	}
	return r > f.excRef
}

// raise makes exc the active exception, unless a return or a delivery
// stands in its way: returned is final, returning gives way only to
// returned, and after delivery only a return counts.
func (f *folder) raise(exc parcel.Exception, sub parcel.SubStatus, why returnWhy, idx int, at time.Time) {
	switch {
	case f.exc == parcel.ExceptionReturned:
		return
	case f.exc == parcel.ExceptionReturning && exc != parcel.ExceptionReturned:
		return
	case f.maxRank == rkDelivered && exc != parcel.ExceptionReturning && exc != parcel.ExceptionReturned:
		return
	}
	if !sub.Fits(exc) {
		sub = parcel.SubStatusNone
	}
	f.exc, f.sub, f.excRef, f.excIdx, f.excAt, f.excWhy = exc, sub, f.maxRank, idx, at, why
}

// finish derives the state, the timeline, the times and the leg roles.
func (f *folder) finish() {
	evs := f.j.Events
	now := f.now
	if len(evs) > 0 {
		f.j.FirstEventAt = evs[0].Time
		f.j.LastEventAt = evs[len(evs)-1].Time
		if now.IsZero() {
			now = f.j.LastEventAt
			f.now = now
		}
	}

	// Unclaimed at the pickup point past the storage period: going back.
	if f.exc == parcel.ExceptionNone && f.maxRank == rkAvailableForPickup {
		due := f.reached[rkAvailableForPickup].at.AddDate(0, 0, f.opts.StorageDays)
		if now.After(due) {
			f.exc, f.sub, f.excRef, f.excIdx, f.excAt, f.excWhy =
				parcel.ExceptionReturning, parcel.SubStatusNone, f.maxRank, -1, due, returnUnclaimed
		}
	}

	st := parcel.State{Milestone: byRank[f.maxRank], Exception: f.exc, SubStatus: f.sub}
	if f.maxRank == 0 && len(evs) > 0 {
		st.Milestone = parcel.MilestoneUnknown
	}
	delivered := f.maxRank == rkDelivered && f.exc != parcel.ExceptionReturning && f.exc != parcel.ExceptionReturned
	if len(evs) > 0 && !delivered && f.exc != parcel.ExceptionReturned && now.Sub(f.j.LastEventAt) > f.opts.ExpireAfter {
		st.Expired = true
	}
	f.j.State = st
	f.j.Status = st.Status()

	n := 0
	for r := 1; r < milestoneSlots; r++ {
		if f.reached[r].idx >= 0 {
			n++
		}
	}
	if n > 0 {
		tl := f.j.Timeline[:0]
		if cap(tl) < n {
			tl = make([]Reached, 0, n)
		}
		for r := 1; r < milestoneSlots; r++ {
			s := f.reached[r]
			if s.idx < 0 {
				continue
			}
			e := &evs[s.idx]
			tl = append(tl, Reached{Milestone: byRank[r], At: s.at, EventID: e.ID, Index: s.idx, Carrier: e.Carrier, Number: e.Number})
		}
		f.j.Timeline = tl
	}

	if len(evs) > 0 {
		start := f.physAt
		if start.IsZero() {
			start = f.j.FirstEventAt
		}
		end := now
		switch {
		case delivered:
			end = f.reached[rkDelivered].at
		case f.exc == parcel.ExceptionReturned:
			end = f.excAt
		}
		f.j.DaysInTransit = max(0, inDays(end.Sub(start)))
		f.j.DaysSinceLastEvent = max(0, inDays(now.Sub(f.j.LastEventAt)))
	}
	f.assignRoles()
}

// estimate asks the Estimator for a delivery window from the current
// milestone, unless the parcel is delivered or going back.
func (f *folder) estimate() {
	est := f.opts.Estimator
	if est == nil || f.maxRank == 0 || f.j.Status == parcel.StatusDelivered ||
		f.exc == parcel.ExceptionReturning || f.exc == parcel.ExceptionReturned {
		return
	}
	if eta, ok := est.Estimate(f.query()); ok {
		f.j.ETA = &eta
	}
}

// query describes the current milestone for the Estimator.
func (f *folder) query() Query {
	s := f.reached[f.maxRank]
	carrier := f.sh.Carrier
	if s.idx >= 0 {
		carrier = f.j.Events[s.idx].Carrier
	}
	return Query{Origin: f.sh.Origin, Destination: f.sh.Destination, Carrier: carrier,
		Milestone: byRank[f.maxRank], At: s.at, Now: f.now}
}

func inDays(d time.Duration) float64 { return d.Hours() / 24 }

// locCountry reads the CC of a CC[-REGION[-POSTCODE]] location.
func locCountry(loc string) string {
	loc = strings.TrimSpace(loc)
	if i := strings.IndexByte(loc, '-'); i >= 0 {
		loc = loc[:i]
	}
	return loc
}

// sameNumber compares tracking numbers ignoring case and spaces.
func sameNumber(a, b string) bool {
	if a == b {
		return true
	}
	i, j := 0, 0
	for {
		for i < len(a) && a[i] == ' ' {
			i++
		}
		for j < len(b) && b[j] == ' ' {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		x, y := a[i], b[j]
		if 'a' <= x && x <= 'z' {
			x -= 'a' - 'A'
		}
		if 'a' <= y && y <= 'z' {
			y -= 'a' - 'A'
		}
		if x != y {
			return false
		}
		i++
		j++
	}
}

// sameText compares carrier texts as the fingerprint does: case folded and
// runs of white space as one space.
func sameText(a, b string) bool {
	if a == b {
		return true
	}
	for {
		a, b = strings.TrimLeft(a, " \t\r\n"), strings.TrimLeft(b, " \t\r\n")
		ia, ib := wordEnd(a), wordEnd(b)
		if ia == 0 || ib == 0 {
			return ia == ib
		}
		if !strings.EqualFold(a[:ia], b[:ib]) {
			return false
		}
		a, b = a[ia:], b[ib:]
	}
}

func wordEnd(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\r', '\n':
			return i
		}
	}
	return len(s)
}
