package journey

import (
	"fmt"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// Fixtures of the fold tests. Time is counted in days from fxT0.

var fxT0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

const fxDay = 24 * time.Hour

func fxAt(days float64) time.Time { return fxT0.Add(time.Duration(days * float64(fxDay))) }

const (
	fxOriginCarrier = "cainiao"
	fxOriginNumber  = "LP00123456789012"
	fxLastCarrier   = "russianpost"
	fxLastNumber    = "RA123456785RU"
)

// fxShip is a marketplace parcel from Guangdong to Moscow, added at fxT0.
func fxShip() parcel.Shipment {
	return parcel.Shipment{
		ID: 7, Number: fxOriginNumber, Carrier: fxOriginCarrier,
		Origin: "CN-GD-518000", Destination: "RU-MOW-101000",
		CreatedAt: fxT0,
	}
}

type fxOpt func(*parcel.Event)

// fxEv is an event of the origin leg at day d proving milestone m.
func fxEv(d float64, m parcel.Milestone, opts ...fxOpt) parcel.Event {
	e := parcel.Event{
		Carrier: fxOriginCarrier, Number: fxOriginNumber, Time: fxAt(d),
		RawText:        fmt.Sprintf("%s (day %g)", m, d),
		Classification: parcel.Classification{State: parcel.State{Milestone: m}, Confidence: 0.9, Rule: "test"},
	}
	for _, o := range opts {
		o(&e)
	}
	e.Fingerprint = e.ComputeFingerprint()
	return e
}

// fxExc is an exception event with an unknown milestone.
func fxExc(d float64, x parcel.Exception, s parcel.SubStatus, opts ...fxOpt) parcel.Event {
	return fxEv(d, parcel.MilestoneUnknown, append([]fxOpt{fxWithExc(x, s)}, opts...)...)
}

func fxWithExc(x parcel.Exception, s parcel.SubStatus) fxOpt {
	return func(e *parcel.Event) { e.Exception, e.SubStatus = x, s }
}

func fxOnLeg(carrier, number string) fxOpt {
	return func(e *parcel.Event) { e.Carrier, e.Number = carrier, number }
}

func fxLast() fxOpt { return fxOnLeg(fxLastCarrier, fxLastNumber) }

func fxIn(cc string) fxOpt { return func(e *parcel.Event) { e.Country = cc } }

func fxLinks(carrier, number string) fxOpt {
	return func(e *parcel.Event) { e.LinkedCarrier, e.LinkedNumber = carrier, number }
}

func fxText(s string) fxOpt { return func(e *parcel.Event) { e.RawText = s } }

// fxTrip is a whole journey to delivery on two legs: Cainiao to the
// departure, Russian Post from arrival, revealed on day 1.
func fxTrip() []parcel.Event {
	return []parcel.Event{
		fxEv(0, parcel.MilestoneLabelCreated),
		fxEv(1, parcel.MilestonePickedUp, fxLinks(fxLastCarrier, fxLastNumber)),
		fxEv(2, parcel.MilestoneOriginFacility),
		fxEv(4, parcel.MilestoneExportCustoms),
		fxEv(5, parcel.MilestoneDepartedOrigin),
		fxEv(9, parcel.MilestoneArrivedDestination, fxLast(), fxIn("RU")),
		fxEv(10, parcel.MilestoneImportCustoms, fxLast(), fxIn("RU")),
		fxEv(11, parcel.MilestoneCustomsReleased, fxLast(), fxIn("RU")),
		fxEv(13, parcel.MilestoneDestinationFacility, fxLast(), fxIn("RU")),
		fxEv(14, parcel.MilestoneOutForDelivery, fxLast(), fxIn("RU")),
		fxEv(14.3, parcel.MilestoneDelivered, fxLast(), fxIn("RU")),
	}
}

// fxUpTo returns the events of fxTrip up to and including milestone m.
func fxUpTo(m parcel.Milestone) []parcel.Event {
	var out []parcel.Event
	for _, e := range fxTrip() {
		if e.Milestone.After(m) {
			break
		}
		out = append(out, e)
	}
	return out
}

// stubEstimator is a fake Estimator that records its queries.
type stubEstimator struct {
	gap     time.Duration
	gapOK   bool
	eta     parcel.ETA
	etaOK   bool
	queries []Query
	gaps    []Query
}

func (s *stubEstimator) Estimate(q Query) (parcel.ETA, bool) {
	s.queries = append(s.queries, q)
	return s.eta, s.etaOK
}

func (s *stubEstimator) NormalGap(q Query) (time.Duration, bool) {
	s.gaps = append(s.gaps, q)
	return s.gap, s.gapOK
}

func fxFold(events []parcel.Event, now float64, mod ...func(*Options)) Journey {
	opts := Options{Now: fxAt(now)}
	for _, m := range mod {
		m(&opts)
	}
	return Fold(fxShip(), events, opts)
}

func fxCat(lists ...[]parcel.Event) []parcel.Event {
	var out []parcel.Event
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
