// Package journey folds what carriers said about a parcel into where it
// stands: its milestone and exception, the timeline of milestones, the legs
// it travelled under different numbers, the alerts that tell a person what
// to do, and a delivery window.
//
// # Design
//
// The package is pure, like trackingno and classify: no I/O, no clock, no
// database. Fold takes a shipment, its classified events and Options, which
// carry the time (Options.Now) and the outside facts (when the number was
// added, the order date, storage and protection periods, the language of
// the texts). The same inputs always give the same Journey, so every rule
// about days and deadlines is tested with an injected clock, and the
// server, the CLI and other Go programs share one implementation.
//
// Fold works in one pass over the events, after putting them in order:
//
//  1. Order and de-duplicate. Events come from several legs, by polling and
//     by push, in any order. They are sorted by time (stable, so ties keep
//     their input order) and a duplicate (the same fingerprint, or the same
//     carrier, number, second and text) is dropped, lending the copy it
//     duplicates what that one lacks.
//  2. Fold. The current milestone is the furthest one proven (the highest
//     rank); an unknown event, or a later event of a lower rank, never moves
//     it back, while the timeline keeps the first time each milestone was
//     reached. The latest exception stands on top of the milestone until a
//     later event shows progress past it: a new delivery attempt, the pickup
//     point or delivery past a failed attempt, customs release past a
//     customs hold, any further milestone past another problem. A return
//     ends only in returned; returned is final; after delivery only a
//     return counts. Returns are also inferred: an export scan located in
//     the destination country after the parcel arrived there, and a parcel
//     left at the pickup point longer than the storage period.
//  3. Legs. An event that names another number (Cainiao's last-mile number,
//     a relabel, 17TRACK's local number) adds a leg; the events of every leg
//     merge into one timeline. Legs whose role is unknown get one from where
//     their events lie, then from their place in the journey.
//  4. Alerts. At most one alert comes from where the parcel stands
//     (delivered, returned or returning, customs_held, delivery_failed,
//     exception, awaiting_pickup or stalled); protection_ending or
//     protection_expired and not_found come on top. Each alert has a
//     severity, the time it was raised, the day acting stops being useful
//     where there is one, and a message and an action in English, Russian
//     or Spanish. A parcel is stalled when it has been at its milestone for
//     longer than the lane's learned 90th percentile (Estimator.NormalGap)
//     or, without history, than the priors of the seed articles (PriorGap,
//     with each figure's source).
//  5. ETA. An Estimator (the ETA model of this package, or any other) gives
//     the delivery window from the current milestone and the time it was
//     first reached; none is asked for a parcel delivered or going back.
//
// # Cost
//
// Fold is one sort of small keys and one pass: about 15 µs and 17
// allocations for a 50-event, two-leg journey on the 2-core reference
// machines (BenchmarkFold), most of it copying the events out. FoldInto
// reuses a Journey's memory across calls (about 7 µs, 2 KB).
package journey
