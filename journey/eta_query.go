package journey

import (
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// Query asks for the delivery window of a parcel that reached Milestone at
// At. Defined here, beside the ETA model that answers it; Fold builds it.
type Query struct {
	Origin, Destination string // locations CC[-REGION[-POSTCODE]]
	Carrier             string
	Milestone           parcel.Milestone // the milestone reached
	At                  time.Time        // when it was reached
	// Now is when the question is asked; zero means At. Time already spent
	// at the milestone without news narrows the window.
	Now time.Time
}

// Estimator gives delivery windows and the normal time without news at a
// milestone; *ETAModel implements it. Fold works without one.
type Estimator interface {
	Estimate(q Query) (parcel.ETA, bool)
	// NormalGap is the lane's learned 90th-percentile time from a
	// milestone to the next one; false when history is thin.
	NormalGap(q Query) (time.Duration, bool)
}

var _ Estimator = (*ETAModel)(nil)
