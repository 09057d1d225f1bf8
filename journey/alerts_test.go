package journey

import (
	"testing"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// alertCase is one alert rule at one moment: the alert wanted (Code empty
// for none), with its severity, RaisedAt, DueAt and text key.
type alertCase struct {
	name   string
	sh     func(*parcel.Shipment)
	events []parcel.Event
	now    time.Time
	opts   func(*Options)
	code   string // the alert looked for
	want   bool
	sev    parcel.Severity
	raised time.Time
	due    time.Time
	key    string // its text variant, checked against the English message
}

func runAlertCases(t *testing.T, cases []alertCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sh := fxShip()
			if tc.sh != nil {
				tc.sh(&sh)
			}
			opts := Options{Now: tc.now}
			if tc.opts != nil {
				tc.opts(&opts)
			}
			j := Fold(sh, tc.events, opts)
			a, ok := j.Alert(tc.code)
			if ok != tc.want {
				t.Fatalf("%s alert present = %v, want %v (alerts %+v, state %+v)", tc.code, ok, tc.want, j.Alerts, j.State)
			}
			if !ok {
				return
			}
			if a.Severity != tc.sev || !a.RaisedAt.Equal(tc.raised) || !a.DueAt.Equal(tc.due) {
				t.Errorf("got severity %s raised %v due %v\nwant         %s raised %v due %v", a.Severity, a.RaisedAt, a.DueAt, tc.sev, tc.raised, tc.due)
			}
			if tc.key != "" {
				if want := alertTexts[tc.key][langEN].act; a.Action != want && !sameFormat(a.Action, want) {
					t.Errorf("action %q\nwant the text of %s: %q", a.Action, tc.key, want)
				}
			}
			if a.Message == "" || a.Action == "" {
				t.Errorf("empty text: %+v", a)
			}
		})
	}
}

// sameFormat reports whether s could be format f filled in: the literal
// text before the first verb matches.
func sameFormat(s, f string) bool {
	for i := 0; i < len(f); i++ {
		if f[i] == '%' {
			return len(s) >= i && s[:i] == f[:i]
		}
	}
	return s == f
}

func TestAlertNotFound(t *testing.T) {
	runAlertCases(t, []alertCase{
		{name: "day 9", now: fxAt(9.99), code: AlertNotFound},
		{name: "day 10", now: fxAt(10), code: AlertNotFound, want: true, sev: parcel.SeverityWarning, raised: fxAt(10), key: "not_found"},
		{name: "day 30", now: fxAt(30), code: AlertNotFound, want: true, sev: parcel.SeverityWarning, raised: fxAt(10), key: "not_found"},
		{name: "AddedAt beats CreatedAt", now: fxAt(12), opts: func(o *Options) { o.AddedAt = fxAt(5) }, code: AlertNotFound},
		{name: "AddedAt given", now: fxAt(15), opts: func(o *Options) { o.AddedAt = fxAt(5) }, code: AlertNotFound, want: true, sev: parcel.SeverityWarning, raised: fxAt(15)},
		{name: "found", events: []parcel.Event{fxEv(9.5, parcel.MilestoneUnknown)}, now: fxAt(30), code: AlertNotFound},
		{name: "no added time", sh: func(sh *parcel.Shipment) { sh.CreatedAt = time.Time{} }, now: fxAt(30), code: AlertNotFound},
	})
	j := fxFold(nil, 10)
	if a, _ := j.Alert(AlertNotFound); a.Message != "No tracking information 10 days after the number was added." {
		t.Errorf("message %q", a.Message)
	}
}

func TestAlertStalled(t *testing.T) {
	picked := fxUpTo(parcel.MilestonePickedUp) // picked up on day 1
	exported := fxUpTo(parcel.MilestoneExportCustoms)
	est := func(gap time.Duration, ok bool) func(*Options) {
		return func(o *Options) { o.Estimator = &stubEstimator{gap: gap, gapOK: ok} }
	}
	runAlertCases(t, []alertCase{
		{name: "picked up, 7 days", events: picked, now: fxAt(8), code: AlertStalled},
		{name: "picked up, 7 days and an hour", events: picked, now: fxAt(8).Add(time.Hour), code: AlertStalled, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(8), key: "stalled.origin"},
		{name: "picked up, 14 days and an hour", events: picked, now: fxAt(15).Add(time.Hour), code: AlertStalled, want: true,
			sev: parcel.SeverityCritical, raised: fxAt(8), key: "stalled.origin"},
		{name: "news that is no progress does not reset it", events: fxCat(picked, []parcel.Event{fxEv(7, parcel.MilestoneUnknown), fxEv(7.5, parcel.MilestonePickedUp, fxText("accepted again"))}),
			now: fxAt(8.5), code: AlertStalled, want: true, sev: parcel.SeverityWarning, raised: fxAt(8), key: "stalled.origin"},
		{name: "label only, 10 days", events: fxUpTo(parcel.MilestoneLabelCreated), now: fxAt(10), code: AlertStalled},
		{name: "label only, 11 days", events: fxUpTo(parcel.MilestoneLabelCreated), now: fxAt(11), code: AlertStalled, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(10), key: "stalled.label"},
		{name: "export, 59 days", events: exported, now: fxAt(4 + 59), code: AlertStalled},
		{name: "export, 61 days: ask for a search", events: exported, now: fxAt(4 + 61), code: AlertStalled, want: true,
			sev: parcel.SeverityCritical /* expired too */, raised: fxAt(64), key: "stalled.export"},
		{name: "departed, 22 days", events: fxUpTo(parcel.MilestoneDepartedOrigin), now: fxAt(5 + 22), code: AlertStalled, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(26), key: "stalled.transit"},
		{name: "import customs, 11 days", events: fxUpTo(parcel.MilestoneImportCustoms), now: fxAt(10 + 11), code: AlertStalled, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(20), key: "stalled.customs"},
		{name: "released, 6 days", events: fxUpTo(parcel.MilestoneCustomsReleased), now: fxAt(11 + 6), code: AlertStalled},
		{name: "released, 8 days", events: fxUpTo(parcel.MilestoneCustomsReleased), now: fxAt(11 + 8), code: AlertStalled, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(18), key: "stalled.lastmile"},
		{name: "learned gap beats the prior", events: picked, now: fxAt(4.5), opts: est(3*fxDay, true), code: AlertStalled, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(4), key: "stalled.origin"},
		{name: "learned gap, not yet", events: picked, now: fxAt(3.5), opts: est(3*fxDay, true), code: AlertStalled},
		{name: "thin history: the prior", events: picked, now: fxAt(4.5), opts: est(3*fxDay, false), code: AlertStalled},
		{name: "not at the pickup point", events: fxCat(fxUpTo(parcel.MilestoneDestinationFacility), []parcel.Event{fxEv(14, parcel.MilestoneAvailableForPickup)}),
			now: fxAt(25), code: AlertStalled},
		{name: "not when delivered", events: fxTrip(), now: fxAt(100), code: AlertStalled},
		{name: "not under an exception", events: fxCat(picked, []parcel.Event{fxExc(2, parcel.ExceptionOther, parcel.SubStatusDelayed)}), now: fxAt(30), code: AlertStalled},
	})

	// The estimator is asked about the current milestone.
	e := &stubEstimator{gap: fxDay, gapOK: true}
	fxFold(fxUpTo(parcel.MilestoneHandedToLastMile), 30, func(o *Options) { o.Estimator = e })
	if len(e.gaps) != 1 || e.gaps[0].Milestone != parcel.MilestoneCustomsReleased || !e.gaps[0].At.Equal(fxAt(11)) || e.gaps[0].Carrier != fxLastCarrier {
		t.Errorf("NormalGap queries %+v", e.gaps)
	}
	j := fxFold(fxUpTo(parcel.MilestoneCustomsReleased), 19)
	if a, _ := j.Alert(AlertStalled); a.Message != "No progress for 8 days at the stage “released by customs”; a parcel usually moves on within 7 days." {
		t.Errorf("message %q", a.Message)
	}
}

func TestAlertCustomsHeld(t *testing.T) {
	arrived := fxUpTo(parcel.MilestoneArrivedDestination)
	held := func(s parcel.SubStatus) []parcel.Event {
		return fxCat(arrived, []parcel.Event{fxEv(10, parcel.MilestoneImportCustoms, fxWithExc(parcel.ExceptionCustomsHeld, s))})
	}
	runAlertCases(t, []alertCase{
		{name: "duties", events: held(parcel.SubStatusDutiesDue), now: fxAt(12), code: AlertCustomsHeld, want: true,
			sev: parcel.SeverityCritical, raised: fxAt(10), key: "customs_held.duties_due"},
		{name: "documents", events: held(parcel.SubStatusDocumentsRequired), now: fxAt(12), code: AlertCustomsHeld, want: true,
			sev: parcel.SeverityCritical, raised: fxAt(10), key: "customs_held.documents_required"},
		{name: "inspection", events: held(parcel.SubStatusInspection), now: fxAt(12), code: AlertCustomsHeld, want: true,
			sev: parcel.SeverityInfo, raised: fxAt(10), key: "customs_held.inspection"},
		{name: "other", events: held(parcel.SubStatusOther), now: fxAt(12), code: AlertCustomsHeld, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(10), key: "customs_held.other"},
		{name: "no detail", events: held(""), now: fxAt(12), code: AlertCustomsHeld, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(10), key: "customs_held.other"},
		{name: "released", events: fxCat(held(parcel.SubStatusDutiesDue), []parcel.Event{fxEv(11, parcel.MilestoneCustomsReleased)}), now: fxAt(12), code: AlertCustomsHeld},
	})
}

func TestAlertDeliveryFailed(t *testing.T) {
	out := fxUpTo(parcel.MilestoneOutForDelivery) // out on day 14
	failed := func(s parcel.SubStatus) []parcel.Event {
		return fxCat(out, []parcel.Event{fxExc(14.5, parcel.ExceptionDeliveryFailed, s, fxLast())})
	}
	kept := fxAt(14.5 + 30)
	runAlertCases(t, []alertCase{
		{name: "no one home", events: failed(parcel.SubStatusNoOneHome), now: fxAt(15), code: AlertDeliveryFailed, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(14.5), due: kept, key: "delivery_failed.no_one_home"},
		{name: "refused", events: failed(parcel.SubStatusRefused), now: fxAt(15), code: AlertDeliveryFailed, want: true,
			sev: parcel.SeverityCritical, raised: fxAt(14.5), key: "delivery_failed.refused"},
		{name: "address", events: failed(parcel.SubStatusAddressIssue), now: fxAt(15), code: AlertDeliveryFailed, want: true,
			sev: parcel.SeverityCritical, raised: fxAt(14.5), due: kept, key: "delivery_failed.address_issue"},
		{name: "security", events: failed(parcel.SubStatusSecurity), now: fxAt(15), code: AlertDeliveryFailed, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(14.5), due: kept, key: "delivery_failed.security"},
		{name: "other, shorter storage", events: failed(parcel.SubStatusOther), now: fxAt(15), opts: func(o *Options) { o.StorageDays = 7 },
			code: AlertDeliveryFailed, want: true, sev: parcel.SeverityWarning, raised: fxAt(14.5), due: fxAt(14.5 + 7), key: "delivery_failed.other"},
		{name: "new attempt", events: fxCat(failed(parcel.SubStatusNoOneHome), []parcel.Event{fxEv(15, parcel.MilestoneOutForDelivery, fxText("again"))}),
			now: fxAt(15.2), code: AlertDeliveryFailed},
	})
}

func TestAlertAwaitingPickup(t *testing.T) {
	atPickup := fxCat(fxUpTo(parcel.MilestoneDestinationFacility), []parcel.Event{fxEv(15, parcel.MilestoneAvailableForPickup, fxLast())})
	due := fxAt(15 + 30)
	runAlertCases(t, []alertCase{
		{name: "arrived", events: atPickup, now: fxAt(15.5), code: AlertAwaitingPickup, want: true,
			sev: parcel.SeverityInfo, raised: fxAt(15), due: due, key: "awaiting_pickup"},
		{name: "day 6", events: atPickup, now: fxAt(15 + 6.99), code: AlertAwaitingPickup, want: true,
			sev: parcel.SeverityInfo, raised: fxAt(15), due: due, key: "awaiting_pickup"},
		{name: "day 7: reminder", events: atPickup, now: fxAt(15 + 7), code: AlertAwaitingPickup, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(22), due: due, key: "awaiting_pickup.reminder"},
		{name: "6 days left", events: atPickup, now: fxAt(15 + 24), code: AlertAwaitingPickup, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(22), due: due, key: "awaiting_pickup.reminder"},
		{name: "5 days left", events: atPickup, now: fxAt(15 + 25), code: AlertAwaitingPickup, want: true,
			sev: parcel.SeverityCritical, raised: fxAt(40), due: due, key: "awaiting_pickup.last_days"},
		{name: "the last day", events: atPickup, now: due, code: AlertAwaitingPickup, want: true,
			sev: parcel.SeverityCritical, raised: fxAt(40), due: due, key: "awaiting_pickup.last_days"},
		{name: "storage over: returning instead", events: atPickup, now: due.Add(time.Minute), code: AlertAwaitingPickup},
		{name: "storage over", events: atPickup, now: due.Add(time.Minute), code: AlertReturning, want: true,
			sev: parcel.SeverityCritical, raised: due, key: "returning.unclaimed"},
		{name: "14-day storage", events: atPickup, now: fxAt(15 + 9), opts: func(o *Options) { o.StorageDays = 14 }, code: AlertAwaitingPickup, want: true,
			sev: parcel.SeverityCritical, raised: fxAt(15 + 9), due: fxAt(15 + 14), key: "awaiting_pickup.last_days"},
		{name: "collected", events: fxCat(atPickup, []parcel.Event{fxEv(20, parcel.MilestoneDelivered)}), now: fxAt(25), code: AlertAwaitingPickup},
	})
	j := fxFold(atPickup, 15+8, func(o *Options) { o.Lang = "ru" })
	if a, _ := j.Alert(AlertAwaitingPickup); a.Message != "Посылка уже 8 дней ждёт в пункте выдачи." ||
		a.Action != "Заберите её поскорее, взяв паспорт и трек-номер: после 16 апреля 2026 её отправят обратно отправителю." {
		t.Errorf("ru text %q / %q", a.Message, a.Action)
	}
}

func TestAlertProtection(t *testing.T) {
	// Ordered 50 days before fxT0: 60 days of protection end on day 10.
	order := func(sh *parcel.Shipment) { sh.OrderDate = fxAt(-50) }
	end := fxAt(10)
	transit := fxUpTo(parcel.MilestoneDepartedOrigin)
	runAlertCases(t, []alertCase{
		{name: "6 days left", sh: order, events: transit, now: fxAt(4), code: AlertProtectionEnding},
		{name: "5 days left", sh: order, events: transit, now: fxAt(5), code: AlertProtectionEnding, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(5), due: end, key: "protection_ending"},
		{name: "a second left", sh: order, events: transit, now: end.Add(-time.Second), code: AlertProtectionEnding, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(5), due: end, key: "protection_ending"},
		{name: "a second left: not expired", sh: order, events: transit, now: end.Add(-time.Second), code: AlertProtectionExpired},
		{name: "ran out", sh: order, events: transit, now: end, code: AlertProtectionExpired, want: true,
			sev: parcel.SeverityCritical, raised: end, due: end, key: "protection_expired"},
		{name: "ran out: no longer ending", sh: order, events: transit, now: end, code: AlertProtectionEnding},
		{name: "delivered", sh: order, events: fxTrip(), now: fxAt(20), code: AlertProtectionExpired},
		{name: "not found yet", sh: order, now: fxAt(6), code: AlertProtectionEnding, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(5), due: end, key: "protection_ending"},
		{name: "returned", sh: order, events: fxCat(transit, []parcel.Event{fxExc(8, parcel.ExceptionReturned, "")}), now: fxAt(11), code: AlertProtectionExpired, want: true,
			sev: parcel.SeverityCritical, raised: end, due: end, key: "protection_expired"},
		{name: "no order date", events: transit, now: fxAt(200), code: AlertProtectionExpired},
		{name: "order date from the options", events: transit, now: fxAt(5), opts: func(o *Options) { o.OrderDate = fxAt(-50) }, code: AlertProtectionEnding, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(5), due: end},
		{name: "90 days from the shipment", sh: func(sh *parcel.Shipment) { sh.OrderDate = fxAt(-50); sh.ProtectionDays = 90 }, events: transit, now: fxAt(35),
			code: AlertProtectionEnding, want: true, sev: parcel.SeverityWarning, raised: fxAt(35), due: fxAt(40)},
		{name: "options beat the shipment", sh: func(sh *parcel.Shipment) { sh.OrderDate = fxAt(-50); sh.ProtectionDays = 90 }, events: transit, now: fxAt(5),
			opts: func(o *Options) { o.ProtectionDays = 60 }, code: AlertProtectionEnding, want: true, sev: parcel.SeverityWarning, raised: fxAt(5), due: end},
	})
	j := Fold(parcel.Shipment{OrderDate: fxAt(-50)}, fxUpTo(parcel.MilestoneDepartedOrigin), Options{Now: fxAt(7), Lang: "es"})
	if a, _ := j.Alert(AlertProtectionEnding); a.Message != "La protección del comprador termina en 3 días (el 12 de marzo de 2026) y el paquete aún no se ha entregado." {
		t.Errorf("es text %q", a.Message)
	}
}

func TestAlertReturnsAndDelivered(t *testing.T) {
	order := func(sh *parcel.Shipment) { sh.OrderDate = fxAt(-20) } // protection ends on day 40
	base := fxUpTo(parcel.MilestoneDestinationFacility)
	runAlertCases(t, []alertCase{
		{name: "returning", sh: order, events: fxCat(base, []parcel.Event{fxExc(14, parcel.ExceptionReturning, "")}), now: fxAt(15), code: AlertReturning, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(14), due: fxAt(40), key: "returning.explicit"},
		{name: "returning, no order date", events: fxCat(base, []parcel.Event{fxExc(14, parcel.ExceptionReturning, "")}), now: fxAt(15), code: AlertReturning, want: true,
			sev: parcel.SeverityWarning, raised: fxAt(14), key: "returning.explicit"},
		{name: "returned", sh: order, events: fxCat(base, []parcel.Event{fxExc(14, parcel.ExceptionReturning, ""), fxExc(30, parcel.ExceptionReturned, "")}), now: fxAt(31),
			code: AlertReturned, want: true, sev: parcel.SeverityCritical, raised: fxAt(30), due: fxAt(40), key: "returned"},
		{name: "returned: no returning alert", events: fxCat(base, []parcel.Event{fxExc(14, parcel.ExceptionReturning, ""), fxExc(30, parcel.ExceptionReturned, "")}), now: fxAt(31),
			code: AlertReturning},
		{name: "delivered", sh: order, events: fxTrip(), now: fxAt(20), code: AlertDelivered, want: true,
			sev: parcel.SeverityInfo, raised: fxAt(14.3), due: fxAt(40), key: "delivered"},
		{name: "delivered after protection ended", sh: func(sh *parcel.Shipment) { sh.OrderDate = fxAt(-50) }, events: fxTrip(), now: fxAt(20), code: AlertDelivered, want: true,
			sev: parcel.SeverityInfo, raised: fxAt(14.3), key: "delivered"},
		{name: "delivered, then returned", events: fxCat(fxTrip(), []parcel.Event{fxExc(20, parcel.ExceptionReturned, "")}), now: fxAt(21), code: AlertDelivered},
	})
	j := fxFold(fxTrip(), 20, func(o *Options) { o.Lang = "ru" })
	if len(j.Alerts) != 1 || j.Alerts[0].Message != "Посылка вручена 16 марта 2026." {
		t.Errorf("alerts %+v", j.Alerts)
	}
}

func TestAlertException(t *testing.T) {
	transit := fxUpTo(parcel.MilestoneDepartedOrigin)
	exc := func(s parcel.SubStatus) []parcel.Event {
		return fxCat(transit, []parcel.Event{fxExc(8, parcel.ExceptionOther, s)})
	}
	runAlertCases(t, []alertCase{
		{name: "lost", events: exc(parcel.SubStatusLost), now: fxAt(9), code: AlertException, want: true, sev: parcel.SeverityCritical, raised: fxAt(8), key: "exception.lost"},
		{name: "destroyed", events: exc(parcel.SubStatusDestroyed), now: fxAt(9), code: AlertException, want: true, sev: parcel.SeverityCritical, raised: fxAt(8), key: "exception.destroyed"},
		{name: "damaged", events: exc(parcel.SubStatusDamaged), now: fxAt(9), code: AlertException, want: true, sev: parcel.SeverityWarning, raised: fxAt(8), key: "exception.damaged"},
		{name: "cancelled", events: exc(parcel.SubStatusCancelled), now: fxAt(9), code: AlertException, want: true, sev: parcel.SeverityWarning, raised: fxAt(8), key: "exception.cancelled"},
		{name: "delayed", events: exc(parcel.SubStatusDelayed), now: fxAt(9), code: AlertException, want: true, sev: parcel.SeverityInfo, raised: fxAt(8), key: "exception.delayed"},
		{name: "other", events: exc(parcel.SubStatusOther), now: fxAt(9), code: AlertException, want: true, sev: parcel.SeverityWarning, raised: fxAt(8), key: "exception.other"},
	})
}

func TestAlertsMostUrgentFirst(t *testing.T) {
	sh := fxShip()
	sh.OrderDate = fxAt(-50) // protection ends on day 10
	evs := fxCat(fxUpTo(parcel.MilestoneDepartedOrigin), []parcel.Event{fxExc(6, parcel.ExceptionOther, parcel.SubStatusDelayed)})
	j := Fold(sh, evs, Options{Now: fxAt(11)})
	if len(j.Alerts) != 2 || j.Alerts[0].Code != AlertProtectionExpired || j.Alerts[1].Code != AlertException {
		t.Errorf("alerts %+v", j.Alerts)
	}
}
