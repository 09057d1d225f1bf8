package journey

import (
	"slices"
	"testing"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

func TestFoldNoEvents(t *testing.T) {
	j := fxFold(nil, 3)
	if j.State != (parcel.State{}) || j.Status != parcel.StatusNotFound {
		t.Errorf("state %+v status %s, want NotFound", j.State, j.Status)
	}
	if len(j.Timeline) != 0 || len(j.Events) != 0 || j.DaysInTransit != 0 || j.DaysSinceLastEvent != 0 {
		t.Errorf("empty journey has content: %+v", j)
	}
	if len(j.Legs) != 1 || j.Legs[0].Number != fxOriginNumber || j.Legs[0].Source != parcel.SourceUser {
		t.Errorf("the shipment's own number should be its leg: %+v", j.Legs)
	}
}

func TestFoldWholeTrip(t *testing.T) {
	j := fxFold(fxTrip(), 20)
	if j.State != (parcel.State{Milestone: parcel.MilestoneDelivered}) || j.Status != parcel.StatusDelivered {
		t.Fatalf("state %+v status %s", j.State, j.Status)
	}
	var got []parcel.Milestone
	for _, r := range j.Timeline {
		got = append(got, r.Milestone)
	}
	want := []parcel.Milestone{parcel.MilestoneLabelCreated, parcel.MilestonePickedUp, parcel.MilestoneOriginFacility,
		parcel.MilestoneExportCustoms, parcel.MilestoneDepartedOrigin, parcel.MilestoneArrivedDestination,
		parcel.MilestoneImportCustoms, parcel.MilestoneCustomsReleased, parcel.MilestoneDestinationFacility,
		parcel.MilestoneOutForDelivery, parcel.MilestoneDelivered}
	if !slices.Equal(got, want) {
		t.Errorf("timeline %v\nwant     %v", got, want)
	}
	if r, _ := j.FirstReached(parcel.MilestoneDelivered); !r.At.Equal(fxAt(14.3)) || r.Carrier != fxLastCarrier || r.Number != fxLastNumber || j.Events[r.Index].Milestone != parcel.MilestoneDelivered {
		t.Errorf("delivered reached %+v", r)
	}
	// From pickup (day 1) to delivery (day 14.3), not from the label.
	if d := j.DaysInTransit; d < 13.29 || d > 13.31 {
		t.Errorf("DaysInTransit = %v, want 13.3", d)
	}
	if d := j.DaysSinceLastEvent; d < 5.69 || d > 5.71 {
		t.Errorf("DaysSinceLastEvent = %v, want 5.7", d)
	}
	if !j.FirstEventAt.Equal(fxAt(0)) || !j.LastEventAt.Equal(fxAt(14.3)) {
		t.Errorf("first/last event %v %v", j.FirstEventAt, j.LastEventAt)
	}
}

func TestFoldOrderAndDuplicates(t *testing.T) {
	trip := fxUpTo(parcel.MilestoneDepartedOrigin)
	// Newest first, as most carriers answer, with duplicates:
	in := slices.Clone(trip)
	slices.Reverse(in)
	same := trip[2] // the same event again (polled and pushed)
	rerendered := trip[3]
	rerendered.RawText = "  " + toUpperASCII(rerendered.RawText) + "  "
	rerendered.Location = "somewhere else" // a new fingerprint, same carrier+number+time+text
	rerendered.Fingerprint = rerendered.ComputeFingerprint()
	noPrint := trip[1]
	noPrint.Fingerprint = ""
	// Two different events at the same time keep their input order.
	tieA := fxEv(6, parcel.MilestoneInTransit, fxText("flight booked"))
	tieB := fxEv(6, parcel.MilestoneUnknown, fxText("flight delayed by the airline"))
	in = append(in, same, rerendered, noPrint, tieA, tieB)

	j := fxFold(in, 7)
	if len(j.Events) != len(trip)+2 {
		t.Fatalf("got %d events, want %d (duplicates dropped)", len(j.Events), len(trip)+2)
	}
	for i := 1; i < len(j.Events); i++ {
		if j.Events[i].Time.Before(j.Events[i-1].Time) {
			t.Fatalf("events out of order at %d", i)
		}
	}
	for i, e := range trip {
		if j.Events[i].Fingerprint != e.Fingerprint {
			t.Errorf("event %d: got %q, want %q", i, j.Events[i].RawText, e.RawText)
		}
	}
	if a, b := j.Events[len(trip)], j.Events[len(trip)+1]; a.RawText != tieA.RawText || b.RawText != tieB.RawText {
		t.Errorf("a tie lost its input order: %q, %q", a.RawText, b.RawText)
	}
	if j.State.Milestone != parcel.MilestoneInTransit {
		t.Errorf("milestone %s", j.State.Milestone)
	}
}

func msg0(msg, _ string) string { return msg }

func toUpperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func TestFoldDuplicateLendsWhatIsMissing(t *testing.T) {
	first := fxEv(1, parcel.MilestoneUnknown, fxText("Item accepted"))
	first.Confidence = 0.1
	second := first
	second.ID = 42
	second.Classification = parcel.Classification{State: parcel.State{Milestone: parcel.MilestonePickedUp}, Confidence: 0.95, Rule: "code"}
	second.LinkedCarrier, second.LinkedNumber = fxLastCarrier, fxLastNumber
	j := fxFold([]parcel.Event{first, second}, 2)
	if len(j.Events) != 1 {
		t.Fatalf("got %d events", len(j.Events))
	}
	e := j.Events[0]
	if e.Milestone != parcel.MilestonePickedUp || e.ID != 42 || e.LinkedNumber != fxLastNumber {
		t.Errorf("merged event %+v", e)
	}
	if len(j.Legs) != 2 {
		t.Errorf("the duplicate's linked number should add a leg: %+v", j.Legs)
	}
}

func TestFoldInputUntouched(t *testing.T) {
	in := fxTrip()
	slices.Reverse(in)
	keep := slices.Clone(in)
	sh := fxShip()
	sh.Legs = []parcel.Leg{{Carrier: fxOriginCarrier, Number: fxOriginNumber, Source: parcel.SourceUser}}
	Fold(sh, in, Options{Now: fxAt(20)})
	for i := range in {
		if in[i].Fingerprint != keep[i].Fingerprint || in[i].Milestone != keep[i].Milestone {
			t.Fatalf("Fold changed its input at %d", i)
		}
	}
	if sh.Legs[0].Role != "" || len(sh.Legs) != 1 {
		t.Errorf("Fold changed the shipment's legs: %+v", sh.Legs)
	}
}

func TestFoldNeverMovesBack(t *testing.T) {
	tests := []struct {
		name  string
		after parcel.Event
	}{
		{"unknown", fxEv(6, parcel.MilestoneUnknown)},
		{"lower milestone later", fxEv(6, parcel.MilestoneOriginFacility, fxText("late sorting scan"))},
		{"never-reached lower milestone later", fxEv(6, parcel.MilestoneExportCustoms, fxText("export scan"))},
		{"exception with unknown milestone, cleared later", fxExc(6, parcel.ExceptionOther, parcel.SubStatusDelayed)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := []parcel.Event{
				fxEv(0, parcel.MilestonePickedUp), fxEv(2, parcel.MilestoneOriginFacility),
				fxEv(5, parcel.MilestoneDepartedOrigin), tt.after,
				fxEv(8, parcel.MilestoneUnknown, fxText("status update")),
			}
			if tt.after.Exception != "" {
				evs = append(evs, fxEv(9, parcel.MilestoneInTransit))
			}
			j := fxFold(evs, 10)
			want := parcel.MilestoneDepartedOrigin
			if tt.after.Exception != "" {
				want = parcel.MilestoneInTransit
			}
			if j.State.Milestone != want || j.State.Exception != "" {
				t.Errorf("state %+v, want milestone %s", j.State, want)
			}
			if r, _ := j.FirstReached(parcel.MilestoneOriginFacility); !r.At.Equal(fxAt(2)) {
				t.Errorf("origin_facility first reached %v, want day 2", r.At)
			}
			if tt.after.Milestone == parcel.MilestoneExportCustoms {
				if r, ok := j.FirstReached(parcel.MilestoneExportCustoms); !ok || !r.At.Equal(fxAt(6)) {
					t.Errorf("a milestone first seen late still enters the timeline: %+v %v", r, ok)
				}
			}
		})
	}
	t.Run("only unknown events", func(t *testing.T) {
		j := fxFold([]parcel.Event{fxEv(0, parcel.MilestoneUnknown)}, 1)
		if j.State.Milestone != parcel.MilestoneUnknown || j.Status != parcel.StatusInTransit || len(j.Timeline) != 0 {
			t.Errorf("state %+v status %s timeline %v", j.State, j.Status, j.Timeline)
		}
	})
}

func TestFoldExceptions(t *testing.T) {
	ofd := func(d float64) parcel.Event { return fxEv(d, parcel.MilestoneOutForDelivery, fxLast()) }
	base := fxUpTo(parcel.MilestoneDestinationFacility) // last event day 13
	arrived := fxUpTo(parcel.MilestoneArrivedDestination)
	tests := []struct {
		name   string
		events []parcel.Event
		want   parcel.State
		status parcel.Status
	}{
		{"failed attempt stays",
			fxCat(base, []parcel.Event{ofd(14), fxExc(14.2, parcel.ExceptionDeliveryFailed, parcel.SubStatusNoOneHome, fxLast())}),
			parcel.State{Milestone: parcel.MilestoneOutForDelivery, Exception: parcel.ExceptionDeliveryFailed, SubStatus: parcel.SubStatusNoOneHome},
			parcel.StatusDeliveryFailure},
		{"failed attempt, back at the depot: stays",
			fxCat(base, []parcel.Event{ofd(14), fxExc(14.2, parcel.ExceptionDeliveryFailed, parcel.SubStatusNoOneHome), fxEv(14.5, parcel.MilestoneDestinationFacility, fxText("back at depot"))}),
			parcel.State{Milestone: parcel.MilestoneOutForDelivery, Exception: parcel.ExceptionDeliveryFailed, SubStatus: parcel.SubStatusNoOneHome},
			parcel.StatusDeliveryFailure},
		{"failed attempt cleared by a new attempt",
			fxCat(base, []parcel.Event{ofd(14), fxExc(14.2, parcel.ExceptionDeliveryFailed, parcel.SubStatusNoOneHome), ofd(15)}),
			parcel.State{Milestone: parcel.MilestoneOutForDelivery}, parcel.StatusOutForDelivery},
		{"failed attempt cleared by the pickup point",
			fxCat(base, []parcel.Event{ofd(14), fxExc(14.2, parcel.ExceptionDeliveryFailed, parcel.SubStatusOther), fxEv(15, parcel.MilestoneAvailableForPickup)}),
			parcel.State{Milestone: parcel.MilestoneAvailableForPickup}, parcel.StatusAvailableForPickup},
		{"failed attempt cleared by delivery",
			fxCat(base, []parcel.Event{ofd(14), fxEv(14.2, parcel.MilestoneOutForDelivery, fxWithExc(parcel.ExceptionDeliveryFailed, parcel.SubStatusRefused)), fxEv(16, parcel.MilestoneDelivered)}),
			parcel.State{Milestone: parcel.MilestoneDelivered}, parcel.StatusDelivered},
		{"customs hold stays through more customs scans",
			fxCat(arrived, []parcel.Event{fxEv(10, parcel.MilestoneImportCustoms, fxWithExc(parcel.ExceptionCustomsHeld, parcel.SubStatusDutiesDue)), fxEv(11, parcel.MilestoneImportCustoms, fxText("customs again")), fxEv(12, parcel.MilestoneUnknown)}),
			parcel.State{Milestone: parcel.MilestoneImportCustoms, Exception: parcel.ExceptionCustomsHeld, SubStatus: parcel.SubStatusDutiesDue},
			parcel.StatusException},
		{"customs hold without a milestone, then import scan: stays",
			fxCat(arrived, []parcel.Event{fxExc(10, parcel.ExceptionCustomsHeld, parcel.SubStatusDocumentsRequired), fxEv(11, parcel.MilestoneImportCustoms)}),
			parcel.State{Milestone: parcel.MilestoneImportCustoms, Exception: parcel.ExceptionCustomsHeld, SubStatus: parcel.SubStatusDocumentsRequired},
			parcel.StatusException},
		{"customs hold cleared by release",
			fxCat(arrived, []parcel.Event{fxExc(10, parcel.ExceptionCustomsHeld, parcel.SubStatusDocumentsRequired), fxEv(11, parcel.MilestoneImportCustoms), fxEv(12, parcel.MilestoneCustomsReleased)}),
			parcel.State{Milestone: parcel.MilestoneCustomsReleased}, parcel.StatusInTransit},
		{"customs hold cleared by a later milestone",
			fxCat(arrived, []parcel.Event{fxExc(10, parcel.ExceptionCustomsHeld, parcel.SubStatusInspection), fxEv(12, parcel.MilestoneDestinationFacility)}),
			parcel.State{Milestone: parcel.MilestoneDestinationFacility}, parcel.StatusInTransit},
		{"export hold cleared by departure",
			fxCat(fxUpTo(parcel.MilestoneExportCustoms), []parcel.Event{fxExc(4.5, parcel.ExceptionCustomsHeld, parcel.SubStatusInspection), fxEv(6, parcel.MilestoneDepartedOrigin, fxText("left"))}),
			parcel.State{Milestone: parcel.MilestoneDepartedOrigin}, parcel.StatusInTransit},
		{"lost, then found further on",
			fxCat(fxUpTo(parcel.MilestoneDepartedOrigin), []parcel.Event{fxExc(20, parcel.ExceptionOther, parcel.SubStatusLost), fxEv(25, parcel.MilestoneArrivedDestination)}),
			parcel.State{Milestone: parcel.MilestoneArrivedDestination}, parcel.StatusInTransit},
		{"lost, then a scan of the same milestone: stays",
			fxCat(fxUpTo(parcel.MilestoneDepartedOrigin), []parcel.Event{fxExc(20, parcel.ExceptionOther, parcel.SubStatusLost), fxEv(25, parcel.MilestoneDepartedOrigin, fxText("departed again"))}),
			parcel.State{Milestone: parcel.MilestoneDepartedOrigin, Exception: parcel.ExceptionOther, SubStatus: parcel.SubStatusLost},
			parcel.StatusException},
		{"the latest exception wins",
			fxCat(arrived, []parcel.Event{fxExc(10, parcel.ExceptionOther, parcel.SubStatusDelayed), fxExc(11, parcel.ExceptionCustomsHeld, parcel.SubStatusDutiesDue)}),
			parcel.State{Milestone: parcel.MilestoneArrivedDestination, Exception: parcel.ExceptionCustomsHeld, SubStatus: parcel.SubStatusDutiesDue},
			parcel.StatusException},
		{"delivered is final",
			fxCat(fxTrip(), []parcel.Event{fxExc(15, parcel.ExceptionDeliveryFailed, parcel.SubStatusNoOneHome), fxExc(16, parcel.ExceptionOther, parcel.SubStatusDamaged), fxEv(17, parcel.MilestoneOutForDelivery, fxText("late scan"))}),
			parcel.State{Milestone: parcel.MilestoneDelivered}, parcel.StatusDelivered},
		{"delivered, then a return",
			fxCat(fxTrip(), []parcel.Event{fxExc(20, parcel.ExceptionReturning, "")}),
			parcel.State{Milestone: parcel.MilestoneDelivered, Exception: parcel.ExceptionReturning}, parcel.StatusException},
		{"returning stays through forward scans until returned",
			fxCat(base, []parcel.Event{fxExc(14, parcel.ExceptionReturning, ""), fxEv(15, parcel.MilestoneOutForDelivery), fxEv(16, parcel.MilestoneDelivered), fxExc(17, parcel.ExceptionDeliveryFailed, parcel.SubStatusOther)}),
			parcel.State{Milestone: parcel.MilestoneDestinationFacility, Exception: parcel.ExceptionReturning}, parcel.StatusException},
		{"returning ends in returned",
			fxCat(base, []parcel.Event{fxExc(14, parcel.ExceptionReturning, ""), fxExc(30, parcel.ExceptionReturned, "")}),
			parcel.State{Milestone: parcel.MilestoneDestinationFacility, Exception: parcel.ExceptionReturned}, parcel.StatusException},
		{"returned is final",
			fxCat(base, []parcel.Event{fxExc(30, parcel.ExceptionReturned, ""), fxEv(31, parcel.MilestoneDelivered), fxExc(32, parcel.ExceptionReturning, "")}),
			parcel.State{Milestone: parcel.MilestoneDestinationFacility, Exception: parcel.ExceptionReturned}, parcel.StatusException},
		{"a sub-status that does not fit its exception is dropped",
			fxCat(arrived, []parcel.Event{fxExc(10, parcel.ExceptionCustomsHeld, parcel.SubStatusNoOneHome)}),
			parcel.State{Milestone: parcel.MilestoneArrivedDestination, Exception: parcel.ExceptionCustomsHeld},
			parcel.StatusException},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Shuffled input must fold the same.
			in := slices.Clone(tt.events)
			slices.Reverse(in)
			j := fxFold(in, 33)
			if j.State != tt.want || j.Status != tt.status {
				t.Errorf("state %+v status %s\nwant  %+v status %s", j.State, j.Status, tt.want, tt.status)
			}
			if err := j.State.Validate(); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestFoldReturnFromExportInDestination(t *testing.T) {
	exportRU := fxEv(20, parcel.MilestoneExportCustoms, fxLast(), fxIn("RU"), fxText("Export"))
	departRU := fxEv(21, parcel.MilestoneDepartedOrigin, fxLast(), fxIn("ru"), fxText("Departure from outward office of exchange"))
	arrived := fxUpTo(parcel.MilestoneDestinationFacility)

	j := fxFold(fxCat(arrived, []parcel.Event{exportRU, departRU}), 22)
	if j.State.Exception != parcel.ExceptionReturning || j.State.Milestone != parcel.MilestoneDestinationFacility {
		t.Fatalf("state %+v: an export from the destination country is a return", j.State)
	}
	if r, _ := j.FirstReached(parcel.MilestoneExportCustoms); !r.At.Equal(fxAt(4)) {
		t.Errorf("the return's export scan must not enter the timeline: %+v", r)
	}
	a, ok := j.Alert(AlertReturning)
	if !ok || !a.RaisedAt.Equal(fxAt(20)) {
		t.Errorf("returning alert %+v %v", a, ok)
	}
	if msg, _ := render("returning.export", langEN); a.Message != msg {
		t.Errorf("alert message %q, want the export variant", a.Message)
	}

	// The same, read so by package classify.
	classified := fxExc(20, parcel.ExceptionReturning, "", fxLast(), fxIn("RU"))
	classified.Rule = "en.customs.export+export_from_destination"
	j = fxFold(fxCat(arrived, []parcel.Event{classified}), 22)
	if a, _ := j.Alert(AlertReturning); a.Message != msg0(render("returning.export", langEN)) {
		t.Errorf("classified export return: alert %+v", a)
	}

	// Not a return: the export of an origin leg, before arrival, without a
	// country, or a domestic parcel.
	for name, tc := range map[string]struct {
		sh     func(*parcel.Shipment)
		events []parcel.Event
	}{
		"before arrival": {nil, []parcel.Event{fxEv(0, parcel.MilestonePickedUp), fxEv(4, parcel.MilestoneExportCustoms, fxIn("RU"))}},
		"in the origin":  {nil, fxCat(arrived, []parcel.Event{fxEv(20, parcel.MilestoneExportCustoms, fxIn("CN"))})},
		"no country":     {nil, fxCat(arrived, []parcel.Event{fxEv(20, parcel.MilestoneExportCustoms)})},
		"domestic": {func(sh *parcel.Shipment) { sh.Origin = "RU-SPE" },
			fxCat(arrived, []parcel.Event{fxEv(20, parcel.MilestoneExportCustoms, fxIn("RU"))})},
	} {
		sh := fxShip()
		if tc.sh != nil {
			tc.sh(&sh)
		}
		j := Fold(sh, tc.events, Options{Now: fxAt(22)})
		if j.State.Exception != "" {
			t.Errorf("%s: state %+v, want no return", name, j.State)
		}
	}
}

func TestFoldUnclaimedReturn(t *testing.T) {
	atPickup := fxCat(fxUpTo(parcel.MilestoneDestinationFacility), []parcel.Event{fxEv(15, parcel.MilestoneAvailableForPickup, fxLast())})
	due := fxAt(15 + 30)
	tests := []struct {
		name    string
		events  []parcel.Event
		now     time.Time
		storage int
		want    parcel.Exception
	}{
		{"on the last day", atPickup, due, 0, ""},
		{"a second after", atPickup, due.Add(time.Second), 0, parcel.ExceptionReturning},
		{"shorter storage", atPickup, fxAt(15 + 15).Add(time.Second), 15, parcel.ExceptionReturning},
		{"collected", fxCat(atPickup, []parcel.Event{fxEv(40, parcel.MilestoneDelivered)}), fxAt(60), 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := Fold(fxShip(), tt.events, Options{Now: tt.now, StorageDays: tt.storage})
			if j.State.Exception != tt.want {
				t.Fatalf("exception %q, want %q", j.State.Exception, tt.want)
			}
			if tt.want == "" {
				return
			}
			storage := tt.storage
			if storage == 0 {
				storage = DefaultStorageDays
			}
			a, ok := j.Alert(AlertReturning)
			if !ok || a.Severity != parcel.SeverityCritical || !a.DueAt.IsZero() || !a.RaisedAt.Equal(fxAt(15+float64(storage))) {
				t.Errorf("alert %+v", a)
			}
			if msg, _ := render("returning.unclaimed", langEN, dateText(langEN, a.RaisedAt)); a.Message != msg {
				t.Errorf("message %q, want the unclaimed variant", a.Message)
			}
			if _, ok := j.Alert(AlertAwaitingPickup); ok {
				t.Error("awaiting_pickup alongside the return")
			}
			if j.ETA != nil {
				t.Error("no ETA for a parcel going back")
			}
		})
	}
}

func TestFoldExpired(t *testing.T) {
	transit := fxUpTo(parcel.MilestoneDepartedOrigin) // last event day 5
	tests := []struct {
		name    string
		events  []parcel.Event
		now     time.Time
		horizon time.Duration
		want    bool
		status  parcel.Status
	}{
		{"at the horizon", transit, fxAt(65), 0, false, parcel.StatusInTransit},
		{"past the horizon", transit, fxAt(65).Add(time.Second), 0, true, parcel.StatusExpired},
		{"shorter horizon", transit, fxAt(35).Add(time.Second), 30 * fxDay, true, parcel.StatusExpired},
		{"delivered never expires", fxTrip(), fxAt(400), 0, false, parcel.StatusDelivered},
		{"returned never expires", fxCat(transit, []parcel.Event{fxExc(6, parcel.ExceptionReturned, "")}), fxAt(400), 0, false, parcel.StatusException},
		{"an exception outranks Expired", fxCat(transit, []parcel.Event{fxExc(6, parcel.ExceptionOther, parcel.SubStatusLost)}), fxAt(400), 0, true, parcel.StatusException},
		{"no events", nil, fxAt(400), 0, false, parcel.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := Fold(fxShip(), tt.events, Options{Now: tt.now, ExpireAfter: tt.horizon})
			if j.State.Expired != tt.want || j.Status != tt.status {
				t.Errorf("expired %v status %s, want %v %s", j.State.Expired, j.Status, tt.want, tt.status)
			}
		})
	}
}

func TestFoldLegs(t *testing.T) {
	t.Run("a revealed last-mile number", func(t *testing.T) {
		in := fxTrip()
		slices.Reverse(in)
		j := fxFold(in, 20)
		want := []parcel.Leg{
			{ShipmentID: 7, Carrier: fxOriginCarrier, Number: fxOriginNumber, Role: parcel.RoleOrigin, Source: parcel.SourceUser, CreatedAt: fxT0},
			{ShipmentID: 7, Carrier: fxLastCarrier, Number: fxLastNumber, Role: parcel.RoleLastMile, Source: parcel.SourceCarrier},
		}
		if !slices.Equal(j.Legs, want) {
			t.Errorf("legs %+v\nwant %+v", j.Legs, want)
		}
	})
	t.Run("revealed but no events yet", func(t *testing.T) {
		j := fxFold(fxUpTo(parcel.MilestoneOriginFacility), 3)
		if len(j.Legs) != 2 || j.Legs[0].Role != parcel.RoleOrigin || j.Legs[1].Role != parcel.RoleLastMile {
			t.Errorf("legs %+v", j.Legs)
		}
	})
	t.Run("relabel, number matching without carrier, explicit roles", func(t *testing.T) {
		sh := fxShip()
		sh.Legs = []parcel.Leg{
			{ID: 1, Carrier: fxOriginCarrier, Number: fxOriginNumber, Role: parcel.RoleTransit, Source: parcel.SourceUser},
			{ID: 2, Number: "rb 000 000 001 cn", Source: parcel.SourceAggregate},
		}
		evs := []parcel.Event{
			fxEv(0, parcel.MilestonePickedUp, fxLinks("", "CP999999999CN")), // relabel, carrier unnamed
			fxEv(1, parcel.MilestoneOriginFacility, fxOnLeg("chinapost", "RB000000001CN")),
			fxEv(2, parcel.MilestoneExportCustoms, fxOnLeg(fxOriginCarrier, "CP999999999CN")),
			fxEv(3, parcel.MilestoneDepartedOrigin, fxOnLeg("chinapost", "RB000000001CN"), fxLinks("russianpost", "RB000000001CN")),
		}
		j := Fold(sh, evs, Options{Now: fxAt(4)})
		got := make([]string, len(j.Legs))
		for i, l := range j.Legs {
			got[i] = l.Carrier + " " + l.Number + " " + string(l.Role) + " " + string(l.Source)
		}
		want := []string{
			"cainiao " + fxOriginNumber + " transit user",  // the caller's role stands
			"chinapost rb 000 000 001 cn origin aggregate", // carrier learned from its events
			"cainiao CP999999999CN origin relabel",         // a relabel by the same carrier
			"russianpost RB000000001CN last_mile carrier",  // the S10 number handed on
		}
		if !slices.Equal(got, want) {
			t.Errorf("legs\n%q\nwant\n%q", got, want)
		}
	})
	t.Run("one leg keeps its role", func(t *testing.T) {
		j := fxFold(fxUpTo(parcel.MilestoneLabelCreated), 1)
		if len(j.Legs) != 1 || j.Legs[0].Role != parcel.RoleUnknown {
			t.Errorf("legs %+v", j.Legs)
		}
	})
	t.Run("events of an unknown leg", func(t *testing.T) {
		evs := fxCat(fxUpTo(parcel.MilestoneDepartedOrigin),
			[]parcel.Event{fxEv(9, parcel.MilestoneArrivedDestination, fxOnLeg("cdek", "1234567890"))})
		j := fxFold(evs, 10)
		if len(j.Legs) != 3 || j.Legs[2].Carrier != "cdek" || j.Legs[2].Role != parcel.RoleLastMile || j.Legs[1].Role != parcel.RoleLastMile {
			t.Errorf("legs %+v", j.Legs)
		}
		if r, _ := j.FirstReached(parcel.MilestoneArrivedDestination); r.Carrier != "cdek" {
			t.Errorf("timeline merges legs: %+v", r)
		}
	})
}

func TestFoldETA(t *testing.T) {
	want := parcel.ETA{From: parcel.MilestoneCustomsReleased, P50: fxAt(14), P90: fxAt(16), Basis: "history", Samples: 40}
	est := &stubEstimator{eta: want, etaOK: true}
	j := fxFold(fxUpTo(parcel.MilestoneCustomsReleased), 12, func(o *Options) { o.Estimator = est })
	if j.ETA == nil || *j.ETA != want {
		t.Fatalf("ETA %+v, want %+v", j.ETA, want)
	}
	q := est.queries[0]
	wantQ := Query{Origin: "CN-GD-518000", Destination: "RU-MOW-101000", Carrier: fxLastCarrier,
		Milestone: parcel.MilestoneCustomsReleased, At: fxAt(11), Now: fxAt(12)}
	if len(est.queries) != 1 || q != wantQ {
		t.Errorf("queries %+v\nwant %+v", est.queries, wantQ)
	}

	for name, evs := range map[string][]parcel.Event{
		"delivered": fxTrip(),
		"returning": fxCat(fxUpTo(parcel.MilestoneArrivedDestination), []parcel.Event{fxExc(12, parcel.ExceptionReturning, "")}),
		"no events": nil,
	} {
		est := &stubEstimator{eta: want, etaOK: true}
		if j := fxFold(evs, 20, func(o *Options) { o.Estimator = est }); j.ETA != nil || len(est.queries) != 0 {
			t.Errorf("%s: ETA %+v, queries %d", name, j.ETA, len(est.queries))
		}
	}
	if j := fxFold(fxUpTo(parcel.MilestonePickedUp), 2, func(o *Options) { o.Estimator = &stubEstimator{} }); j.ETA != nil {
		t.Errorf("an Estimator without an answer gave %+v", j.ETA)
	}
	if j := fxFold(fxUpTo(parcel.MilestonePickedUp), 2); j.ETA != nil {
		t.Error("no Estimator, no ETA")
	}
}

func TestFoldDaysInTransit(t *testing.T) {
	tests := []struct {
		name   string
		events []parcel.Event
		now    float64
		want   float64
	}{
		{"label only: from the first event", fxUpTo(parcel.MilestoneLabelCreated), 3, 3},
		{"from pickup to now", fxUpTo(parcel.MilestoneExportCustoms), 10, 9},
		{"from pickup to delivery", fxTrip(), 30, 13.3},
		{"to the return", fxCat(fxUpTo(parcel.MilestoneDepartedOrigin), []parcel.Event{fxExc(7, parcel.ExceptionReturned, "")}), 30, 6},
	}
	for _, tt := range tests {
		j := fxFold(tt.events, tt.now)
		if d := j.DaysInTransit - tt.want; d < -0.001 || d > 0.001 {
			t.Errorf("%s: DaysInTransit %v, want %v", tt.name, j.DaysInTransit, tt.want)
		}
	}
}

func TestApplyTo(t *testing.T) {
	sh := fxShip()
	j := Fold(sh, fxTrip(), Options{Now: fxAt(20)})
	j.ApplyTo(&sh)
	if sh.Status != parcel.StatusDelivered || sh.Milestone != parcel.MilestoneDelivered || len(sh.Events) != len(fxTrip()) ||
		len(sh.Legs) != 2 || !sh.LastEventAt.Equal(fxAt(14.3)) || len(sh.Alerts) != 1 {
		t.Errorf("shipment %+v", sh)
	}
}

func TestSameText(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Arrived at facility", "  arrived   AT\tfacility ", true},
		{"Arrived at facility", "Arrived at facility 2", false},
		{"", "   ", true},
		{"Прибыло в место вручения", "ПРИБЫЛО  В МЕСТО ВРУЧЕНИЯ", true},
	} {
		if got := sameText(tt.a, tt.b); got != tt.want {
			t.Errorf("sameText(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
	if !sameNumber("rb 123 cn", "RB123CN") || sameNumber("RB123CN", "RB124CN") || sameNumber("RB123", "RB123CN") {
		t.Error("sameNumber")
	}
}

// TestFoldInto reuses one Journey for different shipments: each result must
// equal a fresh Fold.
func TestFoldInto(t *testing.T) {
	benchSh, benchEvents := benchShipment()
	cases := []struct {
		sh     parcel.Shipment
		events []parcel.Event
		now    time.Time
	}{
		{benchSh, benchEvents, fxAt(20)},
		{fxShip(), fxUpTo(parcel.MilestonePickedUp), fxAt(30)},
		{fxShip(), nil, fxAt(12)},
		{benchSh, benchEvents, fxAt(50)},
		{fxShip(), fxTrip(), fxAt(20)},
	}
	var j Journey
	for i, c := range cases {
		opts := Options{Now: c.now, Lang: "es"}
		FoldInto(&j, c.sh, c.events, opts)
		want := Fold(c.sh, c.events, opts)
		if !sameJourney(j, want) {
			t.Errorf("case %d: FoldInto\n%+v\nFold\n%+v", i, j, want)
		}
	}
}

// sameJourney compares journeys, an empty slice equal to a nil one.
func sameJourney(a, b Journey) bool {
	if a.State != b.State || a.Status != b.Status || !a.FirstEventAt.Equal(b.FirstEventAt) || !a.LastEventAt.Equal(b.LastEventAt) ||
		a.DaysInTransit != b.DaysInTransit || a.DaysSinceLastEvent != b.DaysSinceLastEvent || (a.ETA == nil) != (b.ETA == nil) {
		return false
	}
	if len(a.Events) != len(b.Events) {
		return false
	}
	for i := range a.Events {
		if a.Events[i].Fingerprint != b.Events[i].Fingerprint || a.Events[i].Classification != b.Events[i].Classification {
			return false
		}
	}
	return slices.Equal(a.Legs, b.Legs) && slices.Equal(a.Timeline, b.Timeline) && slices.Equal(a.Alerts, b.Alerts)
}
