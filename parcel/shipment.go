package parcel

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// LegRole is the part a leg plays in a journey. It matters for reading the
// carrier's words: "export" on an origin leg is departure, on a last-mile leg
// in the destination country it is a return.
type LegRole string

// Leg roles.
const (
	RoleUnknown  LegRole = "unknown"
	RoleOrigin   LegRole = "origin"
	RoleTransit  LegRole = "transit"
	RoleLastMile LegRole = "last_mile"
)

// ParseLegRole reads a leg role; the empty string is RoleUnknown.
func ParseLegRole(s string) (LegRole, error) {
	switch r := LegRole(s); r {
	case "":
		return RoleUnknown, nil
	case RoleUnknown, RoleOrigin, RoleTransit, RoleLastMile:
		return r, nil
	}
	return "", fmt.Errorf("unknown leg role %q: use origin, transit, last_mile or unknown", s)
}

// UnmarshalText rejects roles outside the model.
func (r *LegRole) UnmarshalText(b []byte) error {
	v, err := ParseLegRole(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// LegSource says how parcelwatch learned of a leg, so a user can tell a
// number they typed from one a carrier revealed.
type LegSource string

// Leg sources.
const (
	SourceUser      LegSource = "user"      // the user added the number
	SourceCarrier   LegSource = "carrier"   // a carrier named the next carrier's number
	SourceRelabel   LegSource = "relabel"   // an event said the parcel was relabelled
	SourceAggregate LegSource = "aggregate" // an aggregator (17TRACK, AfterShip) reported it
	SourceImport    LegSource = "import"    // loaded from a file
)

// Leg is one carrier's part of a journey, under that carrier's number.
type Leg struct {
	ID         int64     `json:"id,omitempty"`
	ShipmentID int64     `json:"shipment_id,omitempty"`
	Carrier    string    `json:"carrier"`
	Number     string    `json:"number"`
	Role       LegRole   `json:"role"`
	Source     LegSource `json:"source"`
	CreatedAt  time.Time `json:"created_at,omitzero"`
}

// Classification is what parcelwatch made of one raw event: the state it
// proves, how sure that reading is (0..1) and the id of the rule that
// decided, so a user can see why.
type Classification struct {
	State
	Confidence float64 `json:"confidence"`
	Rule       string  `json:"rule,omitempty"`
}

// Event is one thing a carrier said about a parcel, kept verbatim, with
// parcelwatch's reading of it.
type Event struct {
	ID         int64 `json:"id,omitempty"`
	ShipmentID int64 `json:"shipment_id,omitempty"`
	LegID      int64 `json:"leg_id,omitempty"`

	// Carrier and Number name the leg the event came from.
	Carrier string `json:"carrier"`
	Number  string `json:"number"`

	// Time is when the carrier says it happened, in the carrier's zone where
	// the carrier gave one (the offset is kept).
	Time time.Time `json:"time"`
	// Location is the carrier's free-text place; Country its ISO 3166-1
	// alpha-2 code where known.
	Location string `json:"location,omitempty"`
	Country  string `json:"country,omitempty"`

	// RawCode and RawText are exactly what the carrier sent.
	RawCode string `json:"raw_code,omitempty"`
	RawText string `json:"raw_text"`
	// Language of RawText (BCP 47) where known.
	Language string `json:"language,omitempty"`
	// Raw is the carrier's whole event object, byte for byte, where the
	// carrier sent one.
	Raw json.RawMessage `json:"raw,omitempty"`

	Classification

	// LinkedCarrier and LinkedNumber name another carrier's number for the
	// same parcel that this event reveals (Cainiao's last-mile number, a
	// relabel, 17TRACK's local number); a journey follows it as a new leg.
	LinkedCarrier string `json:"linked_carrier,omitempty"`
	LinkedNumber  string `json:"linked_number,omitempty"`

	// Fingerprint identifies the event across sources, so the same event
	// polled and pushed is stored once. See ComputeFingerprint.
	Fingerprint string    `json:"fingerprint"`
	ReceivedAt  time.Time `json:"received_at,omitzero"`
}

// ComputeFingerprint returns a stable identity for what the carrier said: its
// carrier, number, time to the second, code, text and place. Case and
// spacing of the text are ignored because carriers re-render them between
// their push and pull interfaces.
func (e *Event) ComputeFingerprint() string {
	h := sha256.New()
	write := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	write(strings.ToLower(e.Carrier))
	write(strings.ToUpper(strings.ReplaceAll(e.Number, " ", "")))
	write(strconv.FormatInt(e.Time.Unix(), 10))
	write(strings.ToUpper(strings.TrimSpace(e.RawCode)))
	write(foldSpace(e.RawText))
	write(foldSpace(e.Location))
	sum := h.Sum(nil)
	return hex.EncodeToString(sum[:16])
}

// foldSpace lower-cases s and collapses runs of white space to one space.
func foldSpace(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// Shipment is one parcel as a person follows it: the number they added, the
// legs found since, the events, and what parcelwatch concludes from them.
type Shipment struct {
	ID      int64  `json:"id"`
	UserID  int64  `json:"user_id,omitempty"`
	Number  string `json:"number"`
	Carrier string `json:"carrier,omitempty"`
	Title   string `json:"title,omitempty"`
	// Origin and Destination are locations: CC[-REGION[-POSTCODE]].
	Origin      string `json:"origin,omitempty"`
	Destination string `json:"destination,omitempty"`

	// OrderDate and ProtectionDays describe the marketplace's buyer
	// protection, from which parcelwatch warns before it runs out.
	OrderDate      time.Time `json:"order_date,omitzero"`
	ProtectionDays int       `json:"protection_days,omitempty"`

	State
	Status      Status    `json:"status"`
	LastEventAt time.Time `json:"last_event_at,omitzero"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`

	Legs   []Leg   `json:"legs,omitempty"`
	Events []Event `json:"events,omitempty"`
	Alerts []Alert `json:"alerts,omitempty"`
	ETA    *ETA    `json:"eta,omitempty"`
}

// Severity ranks alerts for a queue of parcels needing attention.
type Severity string

// Severities, from least to most urgent.
const (
	SeverityInfo     Severity = "info"
	SeverityWarning  Severity = "warning"
	SeverityCritical Severity = "critical"
)

// Alert is something a person should know or do about a parcel.
type Alert struct {
	Code     string    `json:"code"`
	Severity Severity  `json:"severity"`
	RaisedAt time.Time `json:"raised_at"`
	// DueAt is when acting stops being useful (the end of buyer protection,
	// the day an unclaimed parcel is sent back); zero when there is no such
	// day.
	DueAt   time.Time `json:"due_at,omitzero"`
	Message string    `json:"message"`
	Action  string    `json:"action,omitempty"`
}

// ETA is a delivery window: the parcel is delivered by P50 with even odds
// and by P90 nine times in ten.
type ETA struct {
	From Milestone `json:"from"` // the milestone the estimate starts from
	At   time.Time `json:"at"`   // when that milestone was reached
	P50  time.Time `json:"p50"`
	P90  time.Time `json:"p90"`
	// Basis names the history the window came from (a lane, a wider group,
	// or the priors), and Samples how many past parcels it rests on.
	Basis   string `json:"basis"`
	Samples int    `json:"samples"`
}
