package journey_test

import (
	"fmt"
	"time"

	"github.com/parcelwatch/parcelwatch/journey"
	"github.com/parcelwatch/parcelwatch/parcel"
)

func ExampleFold() {
	day := func(d int) time.Time { return time.Date(2026, 3, 1+d, 10, 0, 0, 0, time.UTC) }
	ev := func(d int, carrier, number string, m parcel.Milestone, text string) parcel.Event {
		return parcel.Event{Carrier: carrier, Number: number, Time: day(d), RawText: text,
			Classification: parcel.Classification{State: parcel.State{Milestone: m}, Confidence: 0.9}}
	}
	sh := parcel.Shipment{Number: "LP00123456789012", Carrier: "cainiao", Origin: "CN", Destination: "RU-MOW",
		OrderDate: day(-2), CreatedAt: day(0)}
	accepted := ev(1, "cainiao", "LP00123456789012", parcel.MilestonePickedUp, "Accepted by carrier")
	accepted.LinkedCarrier, accepted.LinkedNumber = "russianpost", "RA123456785RU" // the last-mile number
	events := []parcel.Event{                                                      // newest first, as carriers answer
		ev(16, "russianpost", "RA123456785RU", parcel.MilestoneAvailableForPickup, "Прибыло в место вручения"),
		ev(12, "russianpost", "RA123456785RU", parcel.MilestoneCustomsReleased, "Покинуло место международного обмена"),
		ev(5, "cainiao", "LP00123456789012", parcel.MilestoneDepartedOrigin, "Flight departed"),
		accepted,
	}

	j := journey.Fold(sh, events, journey.Options{Now: day(24), Lang: "en"})
	fmt.Println(j.Status, j.State.Milestone)
	for _, l := range j.Legs {
		fmt.Println("leg:", l.Carrier, l.Number, l.Role)
	}
	for _, a := range j.Alerts {
		fmt.Printf("%s (%s, due %s): %s\n", a.Code, a.Severity, a.DueAt.Format(time.DateOnly), a.Message)
	}
	// Output:
	// AvailableForPickup available_for_pickup
	// leg: cainiao LP00123456789012 origin
	// leg: russianpost RA123456785RU last_mile
	// awaiting_pickup (warning, due 2026-04-16): The parcel has been waiting at the pickup point for 8 days.
}
