package journey

import (
	"strconv"
	"strings"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// Completed is a finished shipment as history: where it went, with whom,
// and when it reached each milestone. Delivery-date windows are learned
// from these.
type Completed struct {
	ID          string
	Origin      string // CC[-REGION[-POSTCODE]]
	Destination string
	Carrier     string
	// Reached holds the time each milestone was reached, indexed by
	// Milestone.Rank(); the zero time where it is not known.
	Reached [milestoneSlots]time.Time
}

// milestoneSlots is one slot per milestone rank (1..14) plus the unused 0.
const milestoneSlots = 15

// At returns when m was reached, or the zero time.
func (c *Completed) At(m parcel.Milestone) time.Time {
	if r := m.Rank(); r > 0 {
		return c.Reached[r]
	}
	return time.Time{}
}

// Set records when m was reached.
func (c *Completed) Set(m parcel.Milestone, at time.Time) {
	if r := m.Rank(); r > 0 {
		c.Reached[r] = at
	}
}

// Location is a place read from CC[-REGION[-POSTCODE]].
type Location struct {
	Country, Region, Postcode string
}

// ParseLocation reads "BR-SP-13330", "RU-MOW", "CN" (case-insensitive). A
// region may itself contain no dash; anything after the second dash is the
// postcode.
func ParseLocation(s string) Location {
	s = strings.ToUpper(strings.TrimSpace(s))
	parts := strings.SplitN(s, "-", 3)
	var l Location
	l.Country = parts[0]
	if len(parts) > 1 {
		l.Region = parts[1]
	}
	if len(parts) > 2 {
		l.Postcode = strings.ReplaceAll(parts[2], "-", "")
	}
	return l
}

// Completed returns a delivered journey as history, so tracked parcels teach
// the delivery-window model as imported ones do. It is false until the
// parcel is delivered (a return teaches nothing about delivery times).
func (j *Journey) Completed(sh parcel.Shipment) (Completed, bool) {
	if j.State.Milestone != parcel.MilestoneDelivered || j.State.Exception == parcel.ExceptionReturned || j.State.Exception == parcel.ExceptionReturning {
		return Completed{}, false
	}
	c := Completed{ID: "shipment:" + strconv.FormatInt(sh.ID, 10), Origin: sh.Origin, Destination: sh.Destination, Carrier: sh.Carrier}
	for _, r := range j.Timeline {
		c.Set(r.Milestone, r.At)
	}
	return c, !c.At(parcel.MilestoneDelivered).IsZero()
}
