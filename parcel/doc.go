// Package parcel holds parcelwatch's domain types: the status model of
// milestones, exceptions, statuses and sub-statuses, and the shipments, legs,
// events, alerts and delivery estimates built on it.
//
// It imports nothing but the standard library, so every other package can
// depend on it and it can be imported by programs outside parcelwatch. The
// names and their JSON spellings are a public contract: the API, the store,
// webhooks and exports all use them exactly as written here.
package parcel
