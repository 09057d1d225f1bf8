package journey

import (
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// Defaults of Options.
const (
	DefaultProtectionDays = 60
	DefaultStorageDays    = 30
	DefaultExpireAfter    = 60 * 24 * time.Hour
	// NotFoundAfterDays is how long a number may show nothing before it is
	// suspect (domain.md: the first event comes 6–10 days after the number
	// is registered).
	NotFoundAfterDays = 10
	// ProtectionWarnDays is how many days before buyer protection runs out
	// the seller should be asked to extend it.
	ProtectionWarnDays = 5
	// PickupReminderDays is when a parcel waiting at a pickup point earns a
	// reminder (the post office's second notice comes after a week).
	PickupReminderDays = 7
	// PickupLastDays is when the reminder turns critical: this many days or
	// fewer before the parcel is sent back.
	PickupLastDays = 5
)

// Options are the facts from outside the events that a fold needs. Zero
// fields take the shipment's value where it has one, else the default.
type Options struct {
	// Now is the time the journey is seen at. Fold has no clock of its own.
	Now time.Time
	// AddedAt is when the user added the number (default: the shipment's
	// CreatedAt); "nothing found after 10 days" counts from it.
	AddedAt time.Time
	// OrderDate is the marketplace order's date (default: the shipment's);
	// zero when unknown, and then there are no buyer-protection alerts.
	OrderDate time.Time
	// ProtectionDays is the buyer protection from the order date (default:
	// the shipment's, else 60).
	ProtectionDays int
	// StorageDays is how long a pickup point keeps a parcel before sending
	// it back (default 30).
	StorageDays int
	// ExpireAfter is the tracking horizon: no event for longer than this
	// and the journey is Expired (default 60 days).
	ExpireAfter time.Duration
	// Lang is the language of alert texts: en, ru or es ("ru-RU" reads as
	// ru); anything else gives English.
	Lang string
	// Estimator gives the delivery window and the lane's normal time at a
	// milestone; nil means no ETA and stall thresholds from the priors.
	Estimator Estimator
}

// Reached is one milestone of the timeline: when it was first reached and
// by which event.
type Reached struct {
	Milestone parcel.Milestone `json:"milestone"`
	At        time.Time        `json:"at"`
	// EventID is the stored event's id (0 for an event not stored yet);
	// Index is its position in Journey.Events.
	EventID int64  `json:"event_id,omitempty"`
	Index   int    `json:"index"`
	Carrier string `json:"carrier"`
	Number  string `json:"number"`
}

// Journey is what a shipment's events add up to at a moment.
type Journey struct {
	// State is the current milestone (the furthest the events prove), the
	// exception standing on it and whether tracking has expired.
	State  parcel.State  `json:"state"`
	Status parcel.Status `json:"status"`
	// Timeline holds the first time each milestone was reached, in journey
	// order; milestones never reached are absent.
	Timeline []Reached `json:"timeline"`
	// Legs are the shipment's legs followed by those the events revealed,
	// with roles assigned where they were unknown.
	Legs []parcel.Leg `json:"legs"`
	// Events are the events of every leg, de-duplicated and in time order.
	Events       []parcel.Event `json:"events"`
	FirstEventAt time.Time      `json:"first_event_at,omitzero"`
	LastEventAt  time.Time      `json:"last_event_at,omitzero"`
	// DaysInTransit runs from the first physical event (picked_up or later;
	// else the first event) to delivery, return, or Now.
	DaysInTransit float64 `json:"days_in_transit"`
	// DaysSinceLastEvent is Now − LastEventAt; 0 without events.
	DaysSinceLastEvent float64 `json:"days_since_last_event"`
	// Alerts are what the person should know or do, most urgent first.
	Alerts []parcel.Alert `json:"alerts,omitempty"`
	// ETA is the delivery window, when an Estimator gave one.
	ETA *parcel.ETA `json:"eta,omitempty"`
}

// FirstReached returns when milestone m was first reached, and false when
// it never was.
func (j *Journey) FirstReached(m parcel.Milestone) (Reached, bool) {
	for _, r := range j.Timeline {
		if r.Milestone == m {
			return r, true
		}
	}
	return Reached{}, false
}

// Alert returns the alert with the given code, and false when there is none.
func (j *Journey) Alert(code string) (parcel.Alert, bool) {
	for _, a := range j.Alerts {
		if a.Code == code {
			return a, true
		}
	}
	return parcel.Alert{}, false
}

// ApplyTo writes the journey's conclusions into sh: state, status, last
// event time, legs, events, alerts and ETA.
func (j *Journey) ApplyTo(sh *parcel.Shipment) {
	sh.State = j.State
	sh.Status = j.Status
	sh.LastEventAt = j.LastEventAt
	sh.Legs = j.Legs
	sh.Events = j.Events
	sh.Alerts = j.Alerts
	sh.ETA = j.ETA
}

// Alert codes.
const (
	AlertNotFound          = "not_found"
	AlertStalled           = "stalled"
	AlertCustomsHeld       = "customs_held"
	AlertDeliveryFailed    = "delivery_failed"
	AlertAwaitingPickup    = "awaiting_pickup"
	AlertProtectionEnding  = "protection_ending"
	AlertProtectionExpired = "protection_expired"
	AlertReturning         = "returning"
	AlertReturned          = "returned"
	AlertDelivered         = "delivered"
	// AlertException is a problem the carrier reports (lost, damaged,
	// destroyed, cancelled, delayed, other).
	AlertException = "exception"
)

// Fold turns a shipment's events, from any of its legs, in any order and
// with duplicates, into its journey as seen at opts.Now. It does not modify
// sh or events; the journey's events are copies (sharing their strings and
// raw bytes with the input).
func Fold(sh parcel.Shipment, events []parcel.Event, opts Options) Journey {
	var j Journey
	FoldInto(&j, sh, events, opts)
	return j
}

// FoldInto is Fold writing into *j and reusing the memory of its Events,
// Legs, Timeline and Alerts, for a loop that folds many shipments. It
// overwrites what j held: keep nothing of an earlier result (a slice, an
// alert text is fine) across calls.
func FoldInto(j *Journey, sh parcel.Shipment, events []parcel.Event, opts Options) {
	opts = opts.withDefaults(&sh)
	var f folder
	f.j = Journey{Events: j.Events[:0], Legs: j.Legs[:0], Timeline: j.Timeline[:0], Alerts: j.Alerts[:0]}
	f.init(&sh, &opts)
	f.order(events)
	f.fold()
	f.finish()
	f.alerts()
	f.estimate()
	*j = f.j
}

func (o Options) withDefaults(sh *parcel.Shipment) Options {
	if o.AddedAt.IsZero() {
		o.AddedAt = sh.CreatedAt
	}
	if o.OrderDate.IsZero() {
		o.OrderDate = sh.OrderDate
	}
	if o.ProtectionDays <= 0 {
		o.ProtectionDays = sh.ProtectionDays
	}
	if o.ProtectionDays <= 0 {
		o.ProtectionDays = DefaultProtectionDays
	}
	if o.StorageDays <= 0 {
		o.StorageDays = DefaultStorageDays
	}
	if o.ExpireAfter <= 0 {
		o.ExpireAfter = DefaultExpireAfter
	}
	return o
}
