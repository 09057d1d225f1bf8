package parcel

import "fmt"

// Milestone is how far along its journey a parcel is. The fourteen
// milestones are ordered; a parcel's current milestone is the furthest one
// its events prove.
type Milestone string

// The milestones, in journey order.
const (
	MilestoneNone                Milestone = ""        // no event yet
	MilestoneUnknown             Milestone = "unknown" // an event whose meaning can't be told
	MilestoneLabelCreated        Milestone = "label_created"
	MilestonePickedUp            Milestone = "picked_up"
	MilestoneOriginFacility      Milestone = "origin_facility"
	MilestoneExportCustoms       Milestone = "export_customs"
	MilestoneDepartedOrigin      Milestone = "departed_origin"
	MilestoneInTransit           Milestone = "in_transit"
	MilestoneArrivedDestination  Milestone = "arrived_destination"
	MilestoneImportCustoms       Milestone = "import_customs"
	MilestoneCustomsReleased     Milestone = "customs_released"
	MilestoneHandedToLastMile    Milestone = "handed_to_last_mile"
	MilestoneDestinationFacility Milestone = "destination_facility"
	MilestoneOutForDelivery      Milestone = "out_for_delivery"
	MilestoneAvailableForPickup  Milestone = "available_for_pickup"
	MilestoneDelivered           Milestone = "delivered"
)

// milestones holds the journey order; Rank is an index into it.
var milestones = [...]Milestone{
	MilestoneLabelCreated, MilestonePickedUp, MilestoneOriginFacility,
	MilestoneExportCustoms, MilestoneDepartedOrigin, MilestoneInTransit,
	MilestoneArrivedDestination, MilestoneImportCustoms, MilestoneCustomsReleased,
	MilestoneHandedToLastMile, MilestoneDestinationFacility, MilestoneOutForDelivery,
	MilestoneAvailableForPickup, MilestoneDelivered,
}

// Milestones returns the fourteen milestones in journey order.
func Milestones() []Milestone { return append([]Milestone(nil), milestones[:]...) }

// Rank is the milestone's position in the journey, 1 to 14. The zero
// milestone and MilestoneUnknown rank 0, so they never move a parcel forward
// or back.
func (m Milestone) Rank() int {
	for i, x := range milestones {
		if x == m {
			return i + 1
		}
	}
	return 0
}

// Valid reports whether m is one of the fourteen milestones or unknown.
func (m Milestone) Valid() bool { return m == MilestoneUnknown || m.Rank() > 0 }

// After reports whether m is further along the journey than other.
func (m Milestone) After(other Milestone) bool { return m.Rank() > other.Rank() }

// ParseMilestone reads a milestone name; the empty string is MilestoneNone.
func ParseMilestone(s string) (Milestone, error) {
	m := Milestone(s)
	if m == MilestoneNone || m.Valid() {
		return m, nil
	}
	return "", fmt.Errorf("unknown milestone %q: use one of label_created … delivered, or unknown", s)
}

// UnmarshalText rejects names outside the model, so bad API input fails
// where it is read.
func (m *Milestone) UnmarshalText(b []byte) error {
	v, err := ParseMilestone(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Exception is a problem that stands on top of the milestone. The zero value
// means no exception.
type Exception string

// The exceptions of the status model.
const (
	ExceptionNone           Exception = ""
	ExceptionCustomsHeld    Exception = "customs_held"
	ExceptionDeliveryFailed Exception = "delivery_failed"
	ExceptionReturning      Exception = "returning"
	ExceptionReturned       Exception = "returned"
	ExceptionOther          Exception = "exception"
)

var exceptions = [...]Exception{
	ExceptionCustomsHeld, ExceptionDeliveryFailed, ExceptionReturning,
	ExceptionReturned, ExceptionOther,
}

// Exceptions returns the five exceptions.
func Exceptions() []Exception { return append([]Exception(nil), exceptions[:]...) }

// ParseException reads an exception name; the empty string is ExceptionNone.
func ParseException(s string) (Exception, error) {
	e := Exception(s)
	if e == ExceptionNone {
		return e, nil
	}
	for _, x := range exceptions {
		if x == e {
			return e, nil
		}
	}
	return "", fmt.Errorf("unknown exception %q: use customs_held, delivery_failed, returning, returned or exception", s)
}

// UnmarshalText rejects names outside the model.
func (e *Exception) UnmarshalText(b []byte) error {
	v, err := ParseException(string(b))
	if err != nil {
		return err
	}
	*e = v
	return nil
}

// SubStatus details an exception. Which values fit depends on the exception;
// see SubStatusesOf. The zero value means no detail.
type SubStatus string

// Sub-statuses. SubStatusOther fits every exception that has sub-statuses.
const (
	SubStatusNone              SubStatus = ""
	SubStatusOther             SubStatus = "other"
	SubStatusNoOneHome         SubStatus = "no_one_home"
	SubStatusRefused           SubStatus = "refused"
	SubStatusAddressIssue      SubStatus = "address_issue"
	SubStatusSecurity          SubStatus = "security"
	SubStatusLost              SubStatus = "lost"
	SubStatusDamaged           SubStatus = "damaged"
	SubStatusDestroyed         SubStatus = "destroyed"
	SubStatusCancelled         SubStatus = "cancelled"
	SubStatusDelayed           SubStatus = "delayed"
	SubStatusDutiesDue         SubStatus = "duties_due"
	SubStatusDocumentsRequired SubStatus = "documents_required"
	SubStatusInspection        SubStatus = "inspection"
)

var subStatuses = map[Exception][]SubStatus{
	ExceptionDeliveryFailed: {SubStatusNoOneHome, SubStatusRefused, SubStatusAddressIssue, SubStatusSecurity, SubStatusOther},
	ExceptionOther:          {SubStatusLost, SubStatusDamaged, SubStatusDestroyed, SubStatusCancelled, SubStatusDelayed, SubStatusOther},
	ExceptionCustomsHeld:    {SubStatusDutiesDue, SubStatusDocumentsRequired, SubStatusInspection, SubStatusOther},
}

// SubStatusesOf lists the sub-statuses that detail exception e, or none.
func SubStatusesOf(e Exception) []SubStatus { return append([]SubStatus(nil), subStatuses[e]...) }

// Fits reports whether s may detail exception e. No sub-status always fits.
func (s SubStatus) Fits(e Exception) bool {
	if s == SubStatusNone {
		return true
	}
	for _, x := range subStatuses[e] {
		if x == s {
			return true
		}
	}
	return false
}

// ParseSubStatus reads a sub-status name of any exception.
func ParseSubStatus(s string) (SubStatus, error) {
	v := SubStatus(s)
	if v == SubStatusNone {
		return v, nil
	}
	for _, list := range subStatuses {
		for _, x := range list {
			if x == v {
				return v, nil
			}
		}
	}
	return "", fmt.Errorf("unknown sub-status %q", s)
}

// UnmarshalText rejects names outside the model.
func (s *SubStatus) UnmarshalText(b []byte) error {
	v, err := ParseSubStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Status is the coarse state most users and integrations want. The names are
// those of the 17TRACK API's main statuses.
type Status string

// The statuses.
const (
	StatusNotFound           Status = "NotFound"
	StatusInfoReceived       Status = "InfoReceived"
	StatusInTransit          Status = "InTransit"
	StatusOutForDelivery     Status = "OutForDelivery"
	StatusAvailableForPickup Status = "AvailableForPickup"
	StatusDelivered          Status = "Delivered"
	StatusDeliveryFailure    Status = "DeliveryFailure"
	StatusException          Status = "Exception"
	StatusExpired            Status = "Expired"
)

var statuses = [...]Status{
	StatusNotFound, StatusInfoReceived, StatusInTransit, StatusOutForDelivery,
	StatusAvailableForPickup, StatusDelivered, StatusDeliveryFailure,
	StatusException, StatusExpired,
}

// Statuses returns the nine statuses.
func Statuses() []Status { return append([]Status(nil), statuses[:]...) }

// ParseStatus reads a status name.
func ParseStatus(s string) (Status, error) {
	for _, x := range statuses {
		if string(x) == s {
			return x, nil
		}
	}
	return "", fmt.Errorf("unknown status %q: use one of NotFound, InfoReceived, InTransit, OutForDelivery, AvailableForPickup, Delivered, DeliveryFailure, Exception, Expired", s)
}

// UnmarshalText rejects names outside the model.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// State is where a parcel stands: its milestone, the exception on top of it
// and that exception's detail. Expired marks a parcel with no event for
// longer than its carrier's tracking horizon; it is a fact about time, set by
// whoever knows the clock.
type State struct {
	Milestone Milestone `json:"milestone"`
	Exception Exception `json:"exception,omitempty"`
	SubStatus SubStatus `json:"sub_status,omitempty"`
	Expired   bool      `json:"expired,omitempty"`
}

// Status derives the coarse status. An exception outranks the milestone, and
// a delivered parcel is delivered whatever was said before.
func (s State) Status() Status {
	if s.Milestone == MilestoneDelivered && s.Exception != ExceptionReturned && s.Exception != ExceptionReturning {
		return StatusDelivered
	}
	switch s.Exception {
	case ExceptionDeliveryFailed:
		return StatusDeliveryFailure
	case ExceptionCustomsHeld, ExceptionReturning, ExceptionReturned, ExceptionOther:
		return StatusException
	}
	if s.Expired {
		return StatusExpired
	}
	switch s.Milestone {
	case MilestoneNone:
		return StatusNotFound
	case MilestoneLabelCreated:
		return StatusInfoReceived
	case MilestoneOutForDelivery:
		return StatusOutForDelivery
	case MilestoneAvailableForPickup:
		return StatusAvailableForPickup
	case MilestoneDelivered:
		return StatusDelivered
	}
	return StatusInTransit
}

// Validate reports the first inconsistency in s.
func (s State) Validate() error {
	if s.Milestone != MilestoneNone && !s.Milestone.Valid() {
		return fmt.Errorf("unknown milestone %q", s.Milestone)
	}
	if _, err := ParseException(string(s.Exception)); err != nil {
		return err
	}
	if !s.SubStatus.Fits(s.Exception) {
		return fmt.Errorf("sub-status %q does not detail exception %q", s.SubStatus, s.Exception)
	}
	return nil
}
