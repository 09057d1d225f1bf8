package journey

import (
	"math"
	"slices"
	"sort"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// The delivery-date window.
//
// ETAModel learns, from completed shipments, how long parcels take from each
// milestone to delivery, per lane and carrier, and answers with the 50th and
// 90th percentile dates. What it does beyond a lane median:
//
//   - Back-off: a query uses the most specific group with enough history:
//     carrier and lane down to the destination postcode prefix, then wider
//     lanes (region to region, country to region, country to country), then
//     any carrier, then everything, and finally the priors of domain.md.
//   - Working days: durations are learned and added in working days
//     (Monday to Friday), so a parcel picked up on a Friday is not promised
//     for the same calendar day as one picked up on a Monday.
//   - Recency: each past shipment weighs exp(-age/τ) (τ = 365 days by
//     default), so recent months count more than old ones.
//   - Calibration: the model is refit on the older 85% of its history and
//     checked on the newest 15%; the factor that makes the upper date hold
//     nine times in ten is applied to every answer (split-conformal
//     calibration). The median's recent drift is measured too, and applied
//     only when asked (ETAConfig.MedianDrift).
//   - Time already spent: when the query comes later than the milestone,
//     only past shipments that had not yet been delivered after that long
//     count (a conditional quantile).

// ETAConfig tunes the model; the zero value gives the defaults.
type ETAConfig struct {
	// Tau is the recency time constant (default 365 days: a year of history
	// can't tell a trend from a season, so the weighting stays mild).
	Tau time.Duration
	// MinSamples is how many past shipments a lane needs before it is used
	// (default 10; 30 for postcode-level lanes).
	MinSamples int
	// Level90 is the quantile the upper date is read at before calibration
	// (default 0.95: transit times have a long tail and drift).
	Level90 float64
	// CalibrationShare is the newest share of history used to calibrate
	// (default 0.15); below MinCalibration shipments there is no calibration.
	CalibrationShare float64
	MinCalibration   int
	// MaxPerGroup bounds memory: a group keeps its newest samples only
	// (default 4000).
	MaxPerGroup int
	// MedianDrift is the share of the median's recent drift (measured on the
	// newest history) applied to answers: 0, the default, ignores it; 1
	// applies it all. Recent slowness is often seasonal (year-end peaks), and
	// carrying it forward made predictions for later months worse.
	MedianDrift float64
}

func (c ETAConfig) withDefaults() ETAConfig {
	if c.Tau <= 0 {
		c.Tau = 365 * 24 * time.Hour
	}
	if c.MinSamples <= 0 {
		c.MinSamples = 10
	}
	if c.Level90 <= 0 || c.Level90 >= 1 {
		c.Level90 = 0.95
	}
	if c.CalibrationShare <= 0 || c.CalibrationShare >= 1 {
		c.CalibrationShare = 0.15
	}
	if c.MinCalibration <= 0 {
		c.MinCalibration = 200
	}
	if c.MaxPerGroup <= 0 {
		c.MaxPerGroup = 4000
	}
	c.MedianDrift = max(0, min(1, c.MedianDrift))
	return c
}

// groupKey names one group of past shipments: durations from one milestone
// on one lane (at some level of detail) with one carrier ("" for any).
type groupKey struct {
	from     int8
	gap      bool // time to the next milestone, not to delivery
	carrier  string
	oCountry string
	oRegion  string
	dCountry string
	dRegion  string
	dPost    string
}

// group is a weighted sample of durations in working days, sorted, with
// running weights for quantiles by binary search.
type group struct {
	days   []float32
	cumW   []float64
	newest []int64 // pickup times while building, for MaxPerGroup
}

// ETAModel is a fitted delivery-window model. It is immutable after Fit and
// safe for concurrent use.
type ETAModel struct {
	cfg       ETAConfig
	groups    map[groupKey]*group
	scale50   float64
	scale90   float64
	newest    time.Time
	shipments int
}

// FitETA learns a model from completed shipments.
func FitETA(history []Completed, cfg ETAConfig) *ETAModel {
	cfg = cfg.withDefaults()
	m := fit(history, cfg)
	m.scale50, m.scale90 = 1, 1
	if len(history) >= cfg.MinCalibration {
		m.calibrate(history)
	}
	return m
}

// Shipments is how many past shipments the model learned from.
func (m *ETAModel) Shipments() int { return m.shipments }

// Calibration returns the factors applied to the median and the upper date.
func (m *ETAModel) Calibration() (median, upper float64) { return m.scale50, m.scale90 }

type sampleRef struct {
	key  groupKey
	days float32
	w    float64
	at   int64
}

func fit(history []Completed, cfg ETAConfig) *ETAModel {
	m := &ETAModel{cfg: cfg, groups: map[groupKey]*group{}}
	for i := range history {
		if d := history[i].At(parcel.MilestoneDelivered); d.After(m.newest) {
			m.newest = d
		}
	}
	tauDays := cfg.Tau.Hours() / 24
	type pair struct {
		days float32
		w    float64
		at   int64
	}
	raw := map[groupKey][]pair{}
	var keys [maxLevels]groupKey
	for i := range history {
		c := &history[i]
		delivered := c.At(parcel.MilestoneDelivered)
		if delivered.IsZero() {
			continue
		}
		m.shipments++
		o, d := ParseLocation(c.Origin), ParseLocation(c.Destination)
		w := math.Exp(-m.newest.Sub(delivered).Hours() / 24 / tauDays)
		prev := -1
		for r := 1; r < milestoneSlots-1; r++ { // every milestone before delivered
			at := c.Reached[r]
			if at.IsZero() || at.After(delivered) {
				continue
			}
			toDelivery := float32(workdaysBetween(at, delivered))
			n := levels(keys[:0], int8(r), false, c.Carrier, o, d)
			for _, k := range n {
				raw[k] = append(raw[k], pair{toDelivery, w, at.Unix()})
			}
			if prev >= 0 {
				gap := float32(workdaysBetween(c.Reached[prev], at))
				for _, k := range levels(keys[:0], int8(prev), true, c.Carrier, o, d) {
					raw[k] = append(raw[k], pair{gap, w, at.Unix()})
				}
			}
			prev = r
		}
		if prev >= 0 { // gap from the last milestone before delivery
			gap := float32(workdaysBetween(c.Reached[prev], delivered))
			for _, k := range levels(keys[:0], int8(prev), true, c.Carrier, o, d) {
				raw[k] = append(raw[k], pair{gap, w, delivered.Unix()})
			}
		}
	}
	for k, ps := range raw {
		if len(ps) > cfg.MaxPerGroup { // keep the newest
			sort.Slice(ps, func(i, j int) bool { return ps[i].at > ps[j].at })
			ps = ps[:cfg.MaxPerGroup]
		}
		sort.Slice(ps, func(i, j int) bool { return ps[i].days < ps[j].days })
		g := &group{days: make([]float32, len(ps)), cumW: make([]float64, len(ps))}
		sum := 0.0
		for i, p := range ps {
			sum += p.w
			g.days[i], g.cumW[i] = p.days, sum
		}
		m.groups[k] = g
	}
	return m
}

// calibrate fits on the older part of history, checks the newest part, and
// sets the scale factors.
func (m *ETAModel) calibrate(history []Completed) {
	type dated struct {
		i  int
		at time.Time
	}
	var all []dated
	for i := range history {
		if d := history[i].At(parcel.MilestoneDelivered); !d.IsZero() {
			all = append(all, dated{i, d})
		}
	}
	slices.SortFunc(all, func(a, b dated) int { return a.at.Compare(b.at) })
	cut := int(float64(len(all)) * (1 - m.cfg.CalibrationShare))
	older := make([]Completed, 0, cut)
	for _, d := range all[:cut] {
		older = append(older, history[d.i])
	}
	past := fit(older, m.cfg)
	var r50, r90 []float64
	for _, d := range all[cut:] {
		c := &history[d.i]
		from, at := firstPhysical(c)
		if from == parcel.MilestoneNone {
			continue
		}
		q := Query{Origin: c.Origin, Destination: c.Destination, Carrier: c.Carrier, Milestone: from, At: at}
		p50, p90, ok := past.workdayQuantiles(q, 0)
		if !ok || p50 <= 0 || p90 <= 0 {
			continue
		}
		actual := workdaysBetween(at, d.at)
		r50 = append(r50, actual/p50)
		r90 = append(r90, actual/p90)
	}
	if len(r50) < 20 {
		return
	}
	m.scale50 = math.Pow(quantile(r50, 0.5), m.cfg.MedianDrift)
	m.scale90 = math.Max(1, quantile(r90, 0.9))
}

// firstPhysical is the earliest milestone from picked_up on that c has.
func firstPhysical(c *Completed) (parcel.Milestone, time.Time) {
	for r := parcel.MilestonePickedUp.Rank(); r < milestoneSlots-1; r++ {
		if !c.Reached[r].IsZero() {
			return byRank[r], c.Reached[r]
		}
	}
	return parcel.MilestoneNone, time.Time{}
}

func quantile(xs []float64, p float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(math.Ceil(p*float64(len(s)))) - 1
	return s[max(0, min(i, len(s)-1))]
}

// maxLevels bounds the back-off levels of a query.
const maxLevels = 14

// levels appends the group keys of a shipment or query, most specific
// first: with the carrier, then with any carrier, then all shipments.
func levels(dst []groupKey, from int8, gap bool, carrier string, o, d Location) []groupKey {
	for _, c := range [2]string{carrier, ""} {
		if c == "" && carrier != "" || c == carrier {
			base := groupKey{from: from, gap: gap, carrier: c}
			if d.Postcode != "" && o.Region != "" {
				for _, n := range [2]int{3, 2} {
					if len(d.Postcode) >= n {
						k := base
						k.oCountry, k.oRegion, k.dCountry, k.dRegion, k.dPost = o.Country, o.Region, d.Country, d.Region, d.Postcode[:n]
						dst = append(dst, k)
					}
				}
			}
			if o.Region != "" && d.Region != "" {
				k := base
				k.oCountry, k.oRegion, k.dCountry, k.dRegion = o.Country, o.Region, d.Country, d.Region
				dst = append(dst, k)
			}
			if d.Region != "" {
				k := base
				k.oCountry, k.dCountry, k.dRegion = o.Country, d.Country, d.Region
				dst = append(dst, k)
			}
			k := base
			k.oCountry, k.dCountry = o.Country, d.Country
			dst = append(dst, k)
		}
		if carrier == "" {
			break
		}
	}
	return append(dst, groupKey{from: from, gap: gap, carrier: "*"})
}

// minFor is how many samples a group needs before it answers.
func (m *ETAModel) minFor(k groupKey) float64 {
	if k.dPost != "" {
		return float64(3 * m.cfg.MinSamples)
	}
	if k.carrier == "*" {
		return 1
	}
	return float64(m.cfg.MinSamples)
}

// workdayQuantiles answers in working days from the milestone: the median
// and the upper quantile, given that elapsed working days have passed
// without delivery.
func (m *ETAModel) workdayQuantiles(q Query, elapsed float64) (p50, p90 float64, ok bool) {
	var keys [maxLevels]groupKey
	o, d := ParseLocation(q.Origin), ParseLocation(q.Destination)
	for _, k := range levels(keys[:0], int8(q.Milestone.Rank()), false, q.Carrier, o, d) {
		g := m.groups[k]
		if g == nil || float64(len(g.days)) < m.minFor(k) {
			continue
		}
		a, okA := g.quantile(0.5, elapsed)
		b, okB := g.quantile(m.cfg.Level90, elapsed)
		if okA && okB {
			return a, b, true
		}
	}
	return 0, 0, false
}

// quantile reads the p-quantile of the durations longer than elapsed.
func (g *group) quantile(p, elapsed float64) (float64, bool) {
	total := g.cumW[len(g.cumW)-1]
	below := 0.0
	if elapsed > 0 {
		i := sort.Search(len(g.days), func(i int) bool { return float64(g.days[i]) > elapsed })
		if i == len(g.days) {
			return 0, false // nobody ever waited this long: history can't say
		}
		if i > 0 {
			below = g.cumW[i-1]
		}
	}
	target := below + p*(total-below)
	i := sort.Search(len(g.cumW), func(i int) bool { return g.cumW[i] >= target })
	if i == len(g.cumW) {
		i--
	}
	return float64(g.days[i]), true
}

// Estimate returns the delivery window for a parcel that reached
// q.Milestone at q.At, as seen at q.Now (zero: at q.At).
func (m *ETAModel) Estimate(q Query) (parcel.ETA, bool) {
	if q.Milestone == parcel.MilestoneDelivered || q.At.IsZero() {
		return parcel.ETA{}, false
	}
	now := q.Now
	if now.Before(q.At) {
		now = q.At
	}
	elapsed := workdaysBetween(q.At, now)
	if p50, p90, ok := m.workdayQuantiles(q, elapsed); ok {
		p50 = math.Max(p50*m.scale50, elapsed)
		p90 = math.Max(p90*m.scale90, p50)
		return parcel.ETA{From: q.Milestone, At: q.At, P50: addWorkdays(q.At, p50), P90: addWorkdays(q.At, p90),
			Basis: "history", Samples: m.shipments}, true
	}
	return priorETA(q, now)
}

// NormalGap is the lane's learned 90th-percentile time from q.Milestone to
// the next milestone.
func (m *ETAModel) NormalGap(q Query) (time.Duration, bool) {
	var keys [maxLevels]groupKey
	o, d := ParseLocation(q.Origin), ParseLocation(q.Destination)
	for _, k := range levels(keys[:0], int8(q.Milestone.Rank()), true, q.Carrier, o, d) {
		g := m.groups[k]
		if g == nil || float64(len(g.days)) < m.minFor(k) {
			continue
		}
		if v, ok := g.quantile(0.9, 0); ok {
			// Working days to calendar time: 7/5 on average.
			return time.Duration(v * 7 / 5 * float64(24*time.Hour)), true
		}
	}
	return 0, false
}

// priorDays are the days left to delivery from each milestone when no
// history answers (median, 90th percentile), from domain.md's figures:
// customs cleared to delivered 1 day to 1 week; accepted by the last mile to
// delivered 1 day to 1 week, mostly 1–3 business days; export to import 2–3
// weeks; the whole trip "within 30 days" for most marketplace orders.
var priorDays = map[parcel.Milestone][2]float64{
	parcel.MilestoneLabelCreated:        {25, 45},
	parcel.MilestonePickedUp:            {20, 40},
	parcel.MilestoneOriginFacility:      {18, 38},
	parcel.MilestoneExportCustoms:       {16, 35},
	parcel.MilestoneDepartedOrigin:      {14, 30},
	parcel.MilestoneInTransit:           {12, 25},
	parcel.MilestoneArrivedDestination:  {8, 18},
	parcel.MilestoneImportCustoms:       {7, 15},
	parcel.MilestoneCustomsReleased:     {4, 7},
	parcel.MilestoneHandedToLastMile:    {3, 7},
	parcel.MilestoneDestinationFacility: {2, 6},
	parcel.MilestoneOutForDelivery:      {0.3, 1},
	parcel.MilestoneAvailableForPickup:  {3, 10},
}

// domesticPriorDays replace the first three for a parcel that stays in one
// country ("10–20 days between private persons", less for businesses).
var domesticPriorDays = map[parcel.Milestone][2]float64{
	parcel.MilestoneLabelCreated:   {8, 20},
	parcel.MilestonePickedUp:       {6, 15},
	parcel.MilestoneOriginFacility: {5, 12},
}

func priorETA(q Query, now time.Time) (parcel.ETA, bool) {
	days, ok := priorDays[q.Milestone]
	o, d := ParseLocation(q.Origin), ParseLocation(q.Destination)
	if dom, isDom := domesticPriorDays[q.Milestone]; isDom && o.Country != "" && o.Country == d.Country {
		days = dom
	}
	if !ok {
		return parcel.ETA{}, false
	}
	p50 := q.At.Add(time.Duration(days[0] * float64(24*time.Hour)))
	p90 := q.At.Add(time.Duration(days[1] * float64(24*time.Hour)))
	if p50.Before(now) {
		p50 = now
	}
	if p90.Before(p50) {
		p90 = p50
	}
	return parcel.ETA{From: q.Milestone, At: q.At, P50: p50, P90: p90, Basis: "priors"}, true
}

// workdaysBetween counts working days (Monday to Friday, fractional) from a
// to b; 0 when b is not after a.
func workdaysBetween(a, b time.Time) float64 {
	if !b.After(a) {
		return 0
	}
	total := 0.0
	for t := a; t.Before(b); {
		next := midnightAfter(t)
		if next.After(b) {
			next = b
		}
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			total += next.Sub(t).Hours() / 24
		}
		t = next
	}
	return total
}

// addWorkdays moves n working days forward from t, skipping weekends.
func addWorkdays(t time.Time, n float64) time.Time {
	for n > 0 {
		next := midnightAfter(t)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			left := next.Sub(t).Hours() / 24
			if n <= left {
				return t.Add(time.Duration(n * float64(24*time.Hour))).Round(time.Second)
			}
			n -= left
		}
		t = next
	}
	return t
}

func midnightAfter(t time.Time) time.Time {
	y, mo, d := t.Date()
	return time.Date(y, mo, d+1, 0, 0, 0, 0, t.Location())
}
