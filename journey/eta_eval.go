package journey

import (
	"math"
	"slices"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// ETAReport scores delivery-date predictions the way the Olist dataset's
// README scores its baselines: by calendar date, err = date(delivered) −
// date(predicted) in whole days, positive when late.
type ETAReport struct {
	N              int
	Predicted      int     // shipments that got a prediction
	MAE            float64 // mean |err| in days
	MedianAE       float64
	OnOrBefore     float64 // share delivered on or before the p50 date
	Within1        float64 // share with |err| <= 1
	Within3        float64
	MeanSigned     float64 // mean err, + = late
	InsideP90      float64 // share delivered on or before the p90 date
	MeanWindowDays float64 // mean p90 − p50 in days
}

// Predictor predicts a completed shipment's delivery window as seen when it
// reached from.
type Predictor func(c *Completed, from parcel.Milestone, at time.Time) (p50, p90 time.Time, ok bool)

// ModelPredictor asks m, as a tracker would at the moment of the milestone.
func ModelPredictor(m *ETAModel) Predictor {
	return func(c *Completed, from parcel.Milestone, at time.Time) (time.Time, time.Time, bool) {
		eta, ok := m.Estimate(Query{Origin: c.Origin, Destination: c.Destination, Carrier: c.Carrier, Milestone: from, At: at})
		return eta.P50, eta.P90, ok
	}
}

// EvaluateETA predicts every shipment of test from milestone from and scores
// the predictions against the actual delivery.
func EvaluateETA(test []Completed, from parcel.Milestone, predict Predictor) ETAReport {
	var (
		r                         ETAReport
		abs                       []float64
		signed, onb, w1, w3, in90 int
		window                    float64
	)
	for i := range test {
		c := &test[i]
		at, delivered := c.At(from), c.At(parcel.MilestoneDelivered)
		if at.IsZero() || delivered.IsZero() {
			continue
		}
		r.N++
		p50, p90, ok := predict(c, from, at)
		if !ok {
			continue
		}
		r.Predicted++
		err := dayDiff(delivered, p50)
		abs = append(abs, math.Abs(float64(err)))
		signed += err
		if err <= 0 {
			onb++
		}
		if err >= -1 && err <= 1 {
			w1++
		}
		if err >= -3 && err <= 3 {
			w3++
		}
		if dayDiff(delivered, p90) <= 0 {
			in90++
		}
		window += p90.Sub(p50).Hours() / 24
	}
	if r.Predicted == 0 {
		return r
	}
	n := float64(r.Predicted)
	sum := 0.0
	for _, a := range abs {
		sum += a
	}
	slices.Sort(abs)
	r.MAE, r.MedianAE = sum/n, abs[len(abs)/2]
	r.OnOrBefore, r.Within1, r.Within3, r.InsideP90 = float64(onb)/n, float64(w1)/n, float64(w3)/n, float64(in90)/n
	r.MeanSigned, r.MeanWindowDays = float64(signed)/n, window/n
	return r
}

// dayDiff is date(a) − date(b) in whole calendar days.
func dayDiff(a, b time.Time) int {
	ya, ma, da := a.Date()
	yb, mb, db := b.Date()
	return int(time.Date(ya, ma, da, 12, 0, 0, 0, time.UTC).Sub(time.Date(yb, mb, db, 12, 0, 0, 0, time.UTC)).Hours() / 24)
}

// MedianBaseline is the dataset README's baselines: the median calendar
// transit from milestone from to delivery, per origin and destination region
// when the pair has at least minPerLane shipments (0: never), else over all.
func MedianBaseline(history []Completed, from parcel.Milestone, minPerLane int) Predictor {
	var all []float64
	lanes := map[[2]string][]float64{}
	for i := range history {
		c := &history[i]
		at, d := c.At(from), c.At(parcel.MilestoneDelivered)
		if at.IsZero() || d.IsZero() {
			continue
		}
		days := d.Sub(at).Hours() / 24
		all = append(all, days)
		key := laneKey(c)
		lanes[key] = append(lanes[key], days)
	}
	global := median(all)
	return func(c *Completed, _ parcel.Milestone, at time.Time) (time.Time, time.Time, bool) {
		days := global
		if l := lanes[laneKey(c)]; minPerLane > 0 && len(l) >= minPerLane {
			days = median(l)
		}
		t := at.Add(time.Duration(days * float64(24*time.Hour)))
		return t, t, len(all) > 0
	}
}

func laneKey(c *Completed) [2]string {
	o, d := ParseLocation(c.Origin), ParseLocation(c.Destination)
	return [2]string{o.Country + "-" + o.Region, d.Country + "-" + d.Region}
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
