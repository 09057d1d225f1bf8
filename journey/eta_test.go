package journey

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestWorkdays(t *testing.T) {
	tests := []struct {
		from, to string
		want     float64
	}{
		{"2018-03-05 10:00", "2018-03-06 10:00", 1},   // Mon -> Tue
		{"2018-03-09 12:00", "2018-03-12 12:00", 1},   // Fri noon -> Mon noon
		{"2018-03-10 09:00", "2018-03-11 20:00", 0},   // a weekend
		{"2018-03-05 00:00", "2018-03-19 00:00", 10},  // two weeks
		{"2018-03-06 10:00", "2018-03-05 10:00", 0},   // backwards
		{"2018-03-09 18:00", "2018-03-12 06:00", 0.5}, // Fri 18:00 -> Mon 06:00
	}
	for _, tt := range tests {
		if got := workdaysBetween(day(tt.from), day(tt.to)); got < tt.want-1e-9 || got > tt.want+1e-9 {
			t.Errorf("workdaysBetween(%s, %s) = %v, want %v", tt.from, tt.to, got, tt.want)
		}
		if tt.want > 0 {
			back := addWorkdays(day(tt.from), tt.want)
			if workdaysBetween(day(tt.from), back) < tt.want-1e-9 {
				t.Errorf("addWorkdays(%s, %v) = %v does not cover the working days", tt.from, tt.want, back)
			}
		}
	}
	if got := addWorkdays(day("2018-03-09 12:00"), 1); !got.Equal(day("2018-03-12 12:00")) {
		t.Errorf("Friday noon + 1 working day = %v, want Monday noon", got)
	}
}

// lane builds n completed shipments on a lane, each taking transit days
// from pickup (a Monday) to delivery.
func lane(n int, origin, dest, carrier string, transit func(i int) float64, start time.Time) []Completed {
	var out []Completed
	for i := range n {
		c := Completed{ID: fmt.Sprintf("%s>%s#%d", origin, dest, i), Origin: origin, Destination: dest, Carrier: carrier}
		at := start.Add(time.Duration(i) * 7 * 24 * time.Hour) // a Monday each week
		c.Set(parcel.MilestonePickedUp, at)
		c.Set(parcel.MilestoneDelivered, addWorkdays(at, transit(i)))
		out = append(out, c)
	}
	return out
}

func TestETABackoff(t *testing.T) {
	start := day("2017-01-02 10:00") // a Monday
	var history []Completed
	history = append(history, lane(40, "BR-SP", "BR-RJ", "", func(int) float64 { return 3 }, start)...)
	history = append(history, lane(40, "BR-SP", "BR-AM", "", func(int) float64 { return 12 }, start)...)
	history = append(history, lane(3, "BR-MG", "BR-RS", "", func(int) float64 { return 30 }, start)...) // too thin
	m := FitETA(history, ETAConfig{MinCalibration: 1 << 30})
	at := day("2018-03-05 10:00") // Monday
	tests := []struct {
		name        string
		q           Query
		wantP50     time.Time
		wantBasisOK bool
	}{
		{"lane", Query{Origin: "BR-SP-01000", Destination: "BR-RJ-20000", Milestone: parcel.MilestonePickedUp, At: at}, day("2018-03-08 10:00"), true},
		{"other lane", Query{Origin: "BR-SP", Destination: "BR-AM", Milestone: parcel.MilestonePickedUp, At: at}, addWorkdays(at, 12), true},
		// A thin lane backs off to wider groups: here everything on record.
		{"thin lane backs off", Query{Origin: "BR-MG", Destination: "BR-RS", Milestone: parcel.MilestonePickedUp, At: at}, addWorkdays(at, 12), true},
		{"unknown carrier backs off", Query{Origin: "BR-SP", Destination: "BR-RJ", Carrier: "correios", Milestone: parcel.MilestonePickedUp, At: at}, day("2018-03-08 10:00"), true},
	}
	for _, tt := range tests {
		eta, ok := m.Estimate(tt.q)
		if !ok || eta.Basis != "history" {
			t.Errorf("%s: %+v %v", tt.name, eta, ok)
			continue
		}
		if !eta.P50.Equal(tt.wantP50) {
			t.Errorf("%s: p50 %v, want %v", tt.name, eta.P50, tt.wantP50)
		}
		if eta.P90.Before(eta.P50) {
			t.Errorf("%s: p90 %v before p50 %v", tt.name, eta.P90, eta.P50)
		}
	}
	// Picked up on a Friday: three working days land on Wednesday.
	fri := day("2018-03-09 10:00")
	eta, _ := m.Estimate(Query{Origin: "BR-SP", Destination: "BR-RJ", Milestone: parcel.MilestonePickedUp, At: fri})
	if !eta.P50.Equal(day("2018-03-14 10:00")) {
		t.Errorf("Friday pickup: p50 %v, want the next Wednesday", eta.P50)
	}
}

func TestETAPriorsAndElapsed(t *testing.T) {
	m := FitETA(nil, ETAConfig{})
	at := day("2018-03-05 10:00")
	eta, ok := m.Estimate(Query{Origin: "CN", Destination: "RU-MOW", Milestone: parcel.MilestoneCustomsReleased, At: at})
	if !ok || eta.Basis != "priors" || !eta.P50.Equal(at.Add(4*24*time.Hour)) || !eta.P90.Equal(at.Add(7*24*time.Hour)) {
		t.Errorf("priors: %+v %v", eta, ok)
	}
	if _, ok := m.Estimate(Query{Milestone: parcel.MilestoneDelivered, At: at}); ok {
		t.Error("delivered parcels need no estimate")
	}
	// Time already spent narrows the window: two parcels in three on this
	// lane take 2 days, the rest 10; asked 5 working days later, only the
	// slow ones are still possible.
	start := day("2017-01-02 10:00")
	history := lane(60, "BR-SP", "BR-RJ", "", func(i int) float64 {
		if i%3 != 0 {
			return 2
		}
		return 10
	}, start)
	m = FitETA(history, ETAConfig{MinCalibration: 1 << 30})
	q := Query{Origin: "BR-SP", Destination: "BR-RJ", Milestone: parcel.MilestonePickedUp, At: at}
	fresh, _ := m.Estimate(q)
	q.Now = addWorkdays(at, 5)
	later, _ := m.Estimate(q)
	if !later.P50.Equal(addWorkdays(at, 10)) || !later.P50.After(fresh.P50) {
		t.Errorf("after 5 quiet days: p50 %v (fresh %v), want %v", later.P50, fresh.P50, addWorkdays(at, 10))
	}
}

func TestETACalibration(t *testing.T) {
	// Transit is 5 ± 2 working days, but the model is asked for a narrow
	// upper quantile: calibration must widen it so nine in ten fit.
	rng := rand.New(rand.NewPCG(1, 2))
	start := day("2016-01-04 10:00")
	history := lane(600, "BR-SP", "BR-RJ", "", func(int) float64 { return 3 + 4*rng.Float64() }, start)
	m := FitETA(history, ETAConfig{Level90: 0.5})
	if _, s90 := m.Calibration(); s90 <= 1.05 {
		t.Errorf("upper-date calibration %.2f: want a widening", s90)
	}
	test := lane(300, "BR-SP", "BR-RJ", "", func(int) float64 { return 3 + 4*rng.Float64() }, day("2027-01-04 10:00"))
	rep := EvaluateETA(test, parcel.MilestonePickedUp, ModelPredictor(m))
	if rep.InsideP90 < 0.85 {
		t.Errorf("calibrated p90 holds %.0f%% of deliveries, want about 90%%", 100*rep.InsideP90)
	}
}

func TestNormalGap(t *testing.T) {
	start := day("2017-01-02 10:00")
	history := lane(40, "BR-SP", "BR-RJ", "", func(int) float64 { return 5 }, start)
	m := FitETA(history, ETAConfig{})
	gap, ok := m.NormalGap(Query{Origin: "BR-SP", Destination: "BR-RJ", Milestone: parcel.MilestonePickedUp})
	if !ok || gap != 7*24*time.Hour { // 5 working days, 7 calendar days
		t.Errorf("NormalGap = %v %v, want 168h", gap, ok)
	}
	if _, ok := m.NormalGap(Query{Milestone: parcel.MilestoneCustomsReleased}); ok {
		t.Error("no history from customs_released: want false")
	}
}

func TestEvaluateETAAndBaselines(t *testing.T) {
	start := day("2017-01-02 10:00")
	history := lane(20, "BR-SP", "BR-RJ", "", func(int) float64 { return 3 }, start)
	test := lane(10, "BR-SP", "BR-RJ", "", func(int) float64 { return 3 }, day("2018-01-01 10:00"))
	rep := EvaluateETA(test, parcel.MilestonePickedUp, MedianBaseline(history, parcel.MilestonePickedUp, 5))
	if rep.N != 10 || rep.Predicted != 10 || rep.MAE != 0 || rep.Within1 != 1 {
		t.Errorf("perfect baseline scored %+v", rep)
	}
	late := EvaluateETA(test, parcel.MilestonePickedUp, func(c *Completed, _ parcel.Milestone, at time.Time) (time.Time, time.Time, bool) {
		return at, at, true // predicts delivery on the pickup day
	})
	if late.MAE != 3 || late.MeanSigned != 3 || late.OnOrBefore != 0 {
		t.Errorf("always-early predictor scored %+v", late)
	}
}

// BenchmarkETAQuery: one estimate with 1,000,000 past shipments loaded,
// over 27×27 region lanes with postcodes.
func BenchmarkETAQuery(b *testing.B) {
	regions := []string{"AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT", "PA", "PB", "PE", "PI", "PR", "RJ", "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO"}
	rng := rand.New(rand.NewPCG(7, 7))
	start := day("2016-01-04 10:00")
	history := make([]Completed, 1_000_000)
	for i := range history {
		c := &history[i]
		c.ID = fmt.Sprint(i)
		c.Origin = "BR-" + regions[rng.IntN(len(regions))] + fmt.Sprintf("-%05d", rng.IntN(99999))
		c.Destination = "BR-" + regions[rng.IntN(len(regions))] + fmt.Sprintf("-%05d", rng.IntN(99999))
		at := start.Add(time.Duration(rng.IntN(700*24)) * time.Hour)
		c.Set(parcel.MilestonePickedUp, at)
		c.Set(parcel.MilestoneDelivered, at.Add(time.Duration(24+rng.IntN(20*24))*time.Hour))
	}
	m := FitETA(history, ETAConfig{})
	queries := make([]Query, 1024)
	for i := range queries {
		queries[i] = Query{Origin: history[i].Origin, Destination: history[i].Destination, Milestone: parcel.MilestonePickedUp, At: day("2018-03-05 10:00")}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, ok := m.Estimate(queries[i%len(queries)]); !ok {
			b.Fatal("no estimate")
		}
	}
}

func TestCompletedFromJourney(t *testing.T) {
	sh := parcel.Shipment{ID: 7, Origin: "CN", Destination: "RU-MOW", Carrier: "cainiao"}
	picked, delivered := day("2018-03-05 10:00"), day("2018-03-20 15:00")
	j := Journey{State: parcel.State{Milestone: parcel.MilestoneDelivered}, Timeline: []Reached{
		{Milestone: parcel.MilestonePickedUp, At: picked},
		{Milestone: parcel.MilestoneDelivered, At: delivered},
	}}
	c, ok := j.Completed(sh)
	if !ok || c.ID != "shipment:7" || c.Destination != "RU-MOW" || !c.At(parcel.MilestonePickedUp).Equal(picked) || !c.At(parcel.MilestoneDelivered).Equal(delivered) {
		t.Errorf("Completed: %+v %v", c, ok)
	}
	j.State = parcel.State{Milestone: parcel.MilestoneOutForDelivery}
	if _, ok := j.Completed(sh); ok {
		t.Error("an undelivered journey is not history")
	}
	j.State = parcel.State{Milestone: parcel.MilestoneDelivered, Exception: parcel.ExceptionReturned}
	if _, ok := j.Completed(sh); ok {
		t.Error("a returned parcel is not delivery history")
	}
}
