// Package classify reads what a carrier said about a parcel (a code, a
// text in any language, or both) into parcelwatch's status model: a
// milestone, an exception with its sub-status, a confidence, and the id of
// the rule that decided, so a person can see why.
//
// # How it decides
//
//  1. Code tables first. A carrier's own code (a UPU EMSEVT code, Russian
//     Post's OperType.OperAttr, a Cainiao actionCode, USPS, UPS, FedEx and
//     DHL status codes, 17TRACK sub-statuses, AfterShip subtags) means the
//     same thing every time; the tables are embedded TSV files in codes/.
//  2. Text rules. Each language has a rules file in rules/; a rule is a
//     set of word-start terms (all of these groups, any term of a group,
//     none of the negated groups) and an outcome. Rules are written for
//     meaning ("attempt" with "fail", "unsuccessful" or "missed"), not for
//     particular strings. The most specific matching rule of the highest
//     priority wins, so "Delivery attempt failed" is a failed delivery and
//     not a delivery.
//  3. Context. Some words mean different milestones on different legs: a
//     sorting-centre scan is an origin facility on the origin leg and a
//     destination facility on the last mile. Rules name such outcomes by
//     role (@facility, @customs, …) and the leg's role, or the carrier's
//     usual role, resolves them. An export scan located in the destination
//     country is a return.
//  4. When nothing matches, the milestone is unknown with a low
//     confidence: parcelwatch never makes a confident wrong guess, and an
//     unknown event never moves a parcel backwards.
//
// # Speed
//
// Text is normalised once (case and accents folded, bracketed locations,
// dates and numbers dropped) and scanned once: every word start (every
// character, in scripts written without spaces) is looked up in an index of
// terms by their first few characters, so the cost grows with the text, not
// with the number of rules. Classification allocates only for the
// normalised text.
package classify
