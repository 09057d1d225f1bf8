package journey

import (
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// stallStage picks the advice for a parcel that stopped moving: whom to ask
// depends on where it is.
type stallStage uint8

const (
	stageNone     stallStage = iota
	stageLabel               // only the shipping data: the seller has not handed it over
	stageOrigin              // with the carrier in the origin country: the seller
	stageExport              // export: ask the post to search
	stageTransit             // between countries: usually waiting its turn
	stageCustoms             // arrived, at import: the destination post or customs
	stageLastMile            // released, with the local carrier
	stagePickup              // at the pickup point: the awaiting_pickup alert instead
)

// stallPrior is how long a parcel may stay at a milestone without progress
// before parcelwatch worries, when the lane has no learned figure
// (Estimator.NormalGap), and where the figure comes from.
type stallPrior struct {
	milestone parcel.Milestone
	days      int
	source    string
	stage     stallStage
}

// stallPriors are the thresholds of the stalled alert, from the seed
// articles' figures (shared/spec/domain.md, "How long each part takes");
// the numbers in the sources are the articles' (shared/seeds). "derived"
// marks a figure the articles do not give directly.
var stallPriors = [...]stallPrior{
	{parcel.MilestoneLabelCreated, 10, "003: number registered -> first event 6-10 days; still nothing after ~10 days is suspect", stageLabel},
	{parcel.MilestonePickedUp, 7, "003: accepted with no change for 5-7 days: tell the seller or open a dispute", stageOrigin},
	{parcel.MilestoneOriginFacility, 10, "003: dispatching at the export office 3-10 days", stageOrigin},
	{parcel.MilestoneExportCustoms, 60, "003: export stage 2 weeks to 1.5 months (10-20 days without news is normal); over 2 months: ask the post to search", stageExport},
	{parcel.MilestoneDepartedOrigin, 21, "003: export -> import 2-3 weeks; longer: it is waiting its turn", stageTransit},
	{parcel.MilestoneInTransit, 14, "003: transit points up to 10-14 days", stageTransit},
	{parcel.MilestoneArrivedDestination, 7, "derived: 003 aviation mail department 1-2 days, then import customs", stageCustoms},
	{parcel.MilestoneImportCustoms, 10, "derived: no article figure for clearance; holds are optional and rare (000, 003)", stageCustoms},
	{parcel.MilestoneCustomsReleased, 7, "002: customs cleared -> delivered 1 day to 1 week", stageLastMile},
	{parcel.MilestoneHandedToLastMile, 7, "001: accepted by the last mile -> delivered 1 day to 1 week, mostly 1-3 business days", stageLastMile},
	{parcel.MilestoneDestinationFacility, 7, "003: sorting center -> delivery office 1-2 days in the same city, about a week to a region", stageLastMile},
	{parcel.MilestoneOutForDelivery, 2, "derived: out for delivery means today; 003 a notice within 1-2 days", stageLastMile},
	{parcel.MilestoneAvailableForPickup, 2, "003: notice within 1-2 days, second notice after a week, sent back after a month (awaiting_pickup, not stalled)", stagePickup},
}

// stallByRank indexes stallPriors by milestone rank.
var stallByRank = func() (a [milestoneSlots]stallPrior) {
	for _, p := range stallPriors {
		a[p.milestone.Rank()] = p
	}
	return a
}()

// PriorGap is how long a parcel may stay at milestone m without progress
// before the stalled alert is raised, when the Estimator knows no better,
// and where that figure comes from; false for a milestone without one
// (delivered, unknown). At the pickup point the awaiting_pickup alert
// applies instead.
func PriorGap(m parcel.Milestone) (gap time.Duration, source string, ok bool) {
	p := stallByRank[m.Rank()]
	if p.days == 0 {
		return 0, "", false
	}
	return time.Duration(p.days) * 24 * time.Hour, p.source, true
}
