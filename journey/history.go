package journey

import (
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
