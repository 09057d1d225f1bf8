package journey

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// benchShipment is a realistic marketplace journey: 50 events from two legs
// (Cainiao from the seller to the flight, Russian Post from arrival to the
// pickup point), each leg listed newest first as carriers answer, five of
// them polled and pushed twice, some unclassified.
func benchShipment() (parcel.Shipment, []parcel.Event) {
	sh := fxShip()
	sh.OrderDate = fxAt(-3)
	sh.Legs = []parcel.Leg{{ID: 1, ShipmentID: sh.ID, Carrier: fxOriginCarrier, Number: fxOriginNumber, Source: parcel.SourceUser}}
	type step struct {
		m    parcel.Milestone
		text string
	}
	origin := []step{
		{parcel.MilestoneLabelCreated, "Order information received"},
		{parcel.MilestonePickedUp, "Package picked up by carrier"},
		{parcel.MilestoneOriginFacility, "Arrived at sorting center"},
		{parcel.MilestoneOriginFacility, "Departed from sorting center"},
		{parcel.MilestoneUnknown, "Processing"},
		{parcel.MilestoneOriginFacility, "Arrived at line-haul office"},
		{parcel.MilestoneOriginFacility, "Departed from line-haul office"},
		{parcel.MilestoneExportCustoms, "Export customs clearance started"},
		{parcel.MilestoneExportCustoms, "Export customs clearance completed"},
		{parcel.MilestoneExportCustoms, "Arrived at departure transport hub"},
		{parcel.MilestoneDepartedOrigin, "Left the departure transport hub"},
		{parcel.MilestoneDepartedOrigin, "Flight departed"},
		{parcel.MilestoneInTransit, "Arrived at transit airport"},
		{parcel.MilestoneInTransit, "Departed from transit airport"},
		{parcel.MilestoneArrivedDestination, "Arrived at destination airport"},
		{parcel.MilestoneImportCustoms, "Handed over to customs"},
		{parcel.MilestoneUnknown, "Waiting for customs clearance"},
		{parcel.MilestoneCustomsReleased, "Import customs clearance completed"},
		{parcel.MilestoneHandedToLastMile, "Accepted by last mile carrier"},
		{parcel.MilestoneUnknown, "Information updated"},
	}
	last := []step{
		{parcel.MilestoneArrivedDestination, "Прибыло в Россию"},
		{parcel.MilestoneImportCustoms, "Приём на таможню"},
		{parcel.MilestoneImportCustoms, "Таможенное оформление"},
		{parcel.MilestoneCustomsReleased, "Выпущено таможней"},
		{parcel.MilestoneCustomsReleased, "Покинуло место международного обмена"},
		{parcel.MilestoneDestinationFacility, "Прибыло в сортировочный центр"},
		{parcel.MilestoneDestinationFacility, "Сортировка"},
		{parcel.MilestoneDestinationFacility, "Покинуло сортировочный центр"},
		{parcel.MilestoneUnknown, "Обработка"},
		{parcel.MilestoneDestinationFacility, "Прибыло в сортировочный центр"},
		{parcel.MilestoneDestinationFacility, "Покинуло сортировочный центр"},
		{parcel.MilestoneDestinationFacility, "Прибыло в сортировочный центр"},
		{parcel.MilestoneDestinationFacility, "Покинуло сортировочный центр"},
		{parcel.MilestoneDestinationFacility, "Прибыло в место вручения"},
		{parcel.MilestoneUnknown, "Ожидает курьерской доставки"},
		{parcel.MilestoneDestinationFacility, "Сортировка"},
		{parcel.MilestoneDestinationFacility, "Покинуло сортировочный центр"},
		{parcel.MilestoneDestinationFacility, "Прибыло в сортировочный центр"},
		{parcel.MilestoneDestinationFacility, "Сортировка"},
		{parcel.MilestoneDestinationFacility, "Покинуло сортировочный центр"},
		{parcel.MilestoneDestinationFacility, "Прибыло в сортировочный центр"},
		{parcel.MilestoneDestinationFacility, "Покинуло сортировочный центр"},
		{parcel.MilestoneDestinationFacility, "Прибыло в сортировочный центр"},
		{parcel.MilestoneOutForDelivery, "Передано почтальону"},
		{parcel.MilestoneAvailableForPickup, "Прибыло в место вручения"},
	}
	mk := func(d float64, carrier, number, country string, s step) parcel.Event {
		e := parcel.Event{ShipmentID: sh.ID, Carrier: carrier, Number: number, Time: fxAt(d), Country: country,
			Location: fmt.Sprintf("%s facility %.0f", country, d*10), RawText: s.text,
			Classification: parcel.Classification{State: parcel.State{Milestone: s.m}, Confidence: 0.9, Rule: "bench"}}
		if s.m == parcel.MilestoneUnknown {
			e.Confidence = 0
		}
		e.Fingerprint = e.ComputeFingerprint()
		return e
	}
	var a, b []parcel.Event
	for i, s := range origin {
		e := mk(float64(i)*0.6, fxOriginCarrier, fxOriginNumber, "CN", s)
		if i == 1 {
			e.LinkedCarrier, e.LinkedNumber = fxLastCarrier, fxLastNumber
		}
		a = append(a, e)
	}
	for i, s := range last {
		b = append(b, mk(9+float64(i)*0.4, fxLastCarrier, fxLastNumber, "RU", s))
	}
	slices.Reverse(a)
	slices.Reverse(b)
	events := append(a, b...)
	// Five seen twice: by polling and by push.
	events = append(events, b[0], b[3], a[2], a[7], b[10])
	return sh, events
}

func TestBenchShipment(t *testing.T) {
	sh, events := benchShipment()
	if len(events) != 50 {
		t.Fatalf("%d events, want 50", len(events))
	}
	j := Fold(sh, events, Options{Now: fxAt(20), Lang: "ru", Estimator: &stubEstimator{etaOK: true}})
	if len(j.Events) != 45 || len(j.Legs) != 2 || j.Status != parcel.StatusAvailableForPickup || j.ETA == nil {
		t.Errorf("events %d legs %d status %s eta %v", len(j.Events), len(j.Legs), j.Status, j.ETA)
	}
	if j.Legs[0].Role != parcel.RoleOrigin || j.Legs[1].Role != parcel.RoleLastMile {
		t.Errorf("legs %+v", j.Legs)
	}
	if len(j.Alerts) == 0 {
		t.Error("no alerts")
	}
}

// BenchmarkFold folds the 50-event, 2-leg journey of benchShipment.
func BenchmarkFold(b *testing.B) {
	sh, events := benchShipment()
	opts := Options{Now: fxAt(20), Lang: "ru", Estimator: &fixedEstimator{}}
	b.ReportAllocs()
	for b.Loop() {
		j := Fold(sh, events, opts)
		if len(j.Events) != 45 {
			b.Fatal(len(j.Events))
		}
	}
}

// fixedEstimator answers at once, without recording, so the benchmark
// measures Fold alone.
type fixedEstimator struct{}

func (fixedEstimator) Estimate(q Query) (parcel.ETA, bool) {
	return parcel.ETA{From: q.Milestone, At: q.At, P50: q.At.Add(3 * fxDay), P90: q.At.Add(6 * fxDay), Basis: "fixed"}, true
}

func (fixedEstimator) NormalGap(Query) (time.Duration, bool) { return 0, false }

// BenchmarkFoldInto folds the same journey reusing one Journey's memory, as
// a loop over many shipments would.
func BenchmarkFoldInto(b *testing.B) {
	sh, events := benchShipment()
	opts := Options{Now: fxAt(20), Lang: "ru", Estimator: &fixedEstimator{}}
	var j Journey
	b.ReportAllocs()
	for b.Loop() {
		FoldInto(&j, sh, events, opts)
		if len(j.Events) != 45 {
			b.Fatal(len(j.Events))
		}
	}
}
