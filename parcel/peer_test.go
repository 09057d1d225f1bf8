package parcel

import "testing"

func TestTo17Track(t *testing.T) {
	tests := []struct {
		state State
		want  Track17
	}{
		{State{}, Track17{"NotFound", "NotFound_Other"}},
		{State{Milestone: MilestoneLabelCreated}, Track17{"InfoReceived", "InfoReceived"}},
		{State{Milestone: MilestonePickedUp}, Track17{"InTransit", "InTransit_PickedUp"}},
		{State{Milestone: MilestoneOriginFacility}, Track17{"InTransit", "InTransit_Other"}},
		{State{Milestone: MilestoneExportCustoms}, Track17{"InTransit", "InTransit_CustomsProcessing"}},
		{State{Milestone: MilestoneDepartedOrigin}, Track17{"InTransit", "InTransit_Departure"}},
		{State{Milestone: MilestoneInTransit}, Track17{"InTransit", "InTransit_Other"}},
		{State{Milestone: MilestoneArrivedDestination}, Track17{"InTransit", "InTransit_Arrival"}},
		{State{Milestone: MilestoneImportCustoms}, Track17{"InTransit", "InTransit_CustomsProcessing"}},
		{State{Milestone: MilestoneCustomsReleased}, Track17{"InTransit", "InTransit_CustomsReleased"}},
		{State{Milestone: MilestoneHandedToLastMile}, Track17{"InTransit", "InTransit_Other"}},
		{State{Milestone: MilestoneDestinationFacility}, Track17{"InTransit", "InTransit_Other"}},
		{State{Milestone: MilestoneOutForDelivery}, Track17{"OutForDelivery", "OutForDelivery_Other"}},
		{State{Milestone: MilestoneAvailableForPickup}, Track17{"AvailableForPickup", "AvailableForPickup_Other"}},
		{State{Milestone: MilestoneDelivered}, Track17{"Delivered", "Delivered_Other"}},
		{State{Milestone: MilestoneUnknown}, Track17{"InTransit", "InTransit_Other"}},
		{State{Milestone: MilestoneInTransit, Expired: true}, Track17{"Expired", "Expired_Other"}},
		{State{Exception: ExceptionDeliveryFailed}, Track17{"DeliveryFailure", "DeliveryFailure_Other"}},
		{State{Exception: ExceptionDeliveryFailed, SubStatus: SubStatusOther}, Track17{"DeliveryFailure", "DeliveryFailure_Other"}},
		{State{Exception: ExceptionDeliveryFailed, SubStatus: SubStatusNoOneHome}, Track17{"DeliveryFailure", "DeliveryFailure_NoBody"}},
		{State{Exception: ExceptionDeliveryFailed, SubStatus: SubStatusRefused}, Track17{"DeliveryFailure", "DeliveryFailure_Rejected"}},
		{State{Exception: ExceptionDeliveryFailed, SubStatus: SubStatusAddressIssue}, Track17{"DeliveryFailure", "DeliveryFailure_InvalidAddress"}},
		{State{Exception: ExceptionDeliveryFailed, SubStatus: SubStatusSecurity}, Track17{"DeliveryFailure", "DeliveryFailure_Security"}},
		{State{Exception: ExceptionCustomsHeld}, Track17{"Exception", "Exception_Security"}},
		{State{Exception: ExceptionCustomsHeld, SubStatus: SubStatusDutiesDue}, Track17{"Exception", "Exception_Security"}},
		{State{Exception: ExceptionCustomsHeld, SubStatus: SubStatusInspection}, Track17{"Exception", "Exception_Security"}},
		{State{Exception: ExceptionCustomsHeld, SubStatus: SubStatusOther}, Track17{"Exception", "Exception_Security"}},
		{State{Exception: ExceptionCustomsHeld, SubStatus: SubStatusDocumentsRequired}, Track17{"InTransit", "InTransit_CustomsRequiringInformation"}},
		{State{Exception: ExceptionReturning}, Track17{"Exception", "Exception_Returning"}},
		{State{Exception: ExceptionReturned}, Track17{"Exception", "Exception_Returned"}},
		{State{Exception: ExceptionOther}, Track17{"Exception", "Exception_Other"}},
		{State{Exception: ExceptionOther, SubStatus: SubStatusOther}, Track17{"Exception", "Exception_Other"}},
		{State{Exception: ExceptionOther, SubStatus: SubStatusLost}, Track17{"Exception", "Exception_Lost"}},
		{State{Exception: ExceptionOther, SubStatus: SubStatusDamaged}, Track17{"Exception", "Exception_Damage"}},
		{State{Exception: ExceptionOther, SubStatus: SubStatusDestroyed}, Track17{"Exception", "Exception_Destroyed"}},
		{State{Exception: ExceptionOther, SubStatus: SubStatusCancelled}, Track17{"Exception", "Exception_Cancel"}},
		{State{Exception: ExceptionOther, SubStatus: SubStatusDelayed}, Track17{"Exception", "Exception_Delayed"}},
		{State{Milestone: MilestoneDelivered, Exception: ExceptionDeliveryFailed}, Track17{"Delivered", "Delivered_Other"}},
	}
	for _, tt := range tests {
		if got := tt.state.To17Track(); got != tt.want {
			t.Errorf("%+v.To17Track() = %v, want %v", tt.state, got, tt.want)
		}
	}
}

func TestFrom17Track(t *testing.T) {
	tests := []struct {
		in   Track17
		want State
	}{
		{Track17{"NotFound", "NotFound_InvalidCode"}, State{}},
		{Track17{"InfoReceived", "InfoReceived"}, State{Milestone: MilestoneLabelCreated}},
		{Track17{"InTransit", "InTransit_PickedUp"}, State{Milestone: MilestonePickedUp}},
		{Track17{"InTransit", "InTransit_Departure"}, State{Milestone: MilestoneDepartedOrigin}},
		{Track17{"InTransit", "InTransit_Arrival"}, State{Milestone: MilestoneArrivedDestination}},
		{Track17{"InTransit", "InTransit_CustomsProcessing"}, State{Milestone: MilestoneImportCustoms}},
		{Track17{"InTransit", "InTransit_CustomsReleased"}, State{Milestone: MilestoneCustomsReleased}},
		{Track17{"InTransit", "InTransit_CustomsRequiringInformation"}, State{Milestone: MilestoneImportCustoms, Exception: ExceptionCustomsHeld, SubStatus: SubStatusDocumentsRequired}},
		{Track17{"Expired", "Expired_Other"}, State{Milestone: MilestoneUnknown, Expired: true}},
		{Track17{"DeliveryFailure", "DeliveryFailure_InvalidAddress"}, State{Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusAddressIssue}},
		{Track17{"Exception", "Exception_NoBody"}, State{Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusNoOneHome}},
		{Track17{"Exception", "Exception_Security"}, State{Milestone: MilestoneUnknown, Exception: ExceptionCustomsHeld, SubStatus: SubStatusOther}},
		{Track17{"Exception", "Exception_Returned"}, State{Milestone: MilestoneUnknown, Exception: ExceptionReturned}},
		{Track17{"Exception", "Exception_Cancel"}, State{Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusCancelled}},
		// A sub-status newer than the table falls back to the main status.
		{Track17{"Delivered", "Delivered_Neighbour"}, State{Milestone: MilestoneDelivered}},
		{Track17{"Exception", ""}, State{Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusOther}},
	}
	for _, tt := range tests {
		got, err := From17Track(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("From17Track(%v) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	if _, err := From17Track(Track17{"Teleported", "X"}); err == nil {
		t.Error("unknown main status: want error")
	}
}

// TestPeerRoundTrip checks that every state we can emit reads back to the
// same coarse status and exception, in both peers' taxonomies.
func TestPeerRoundTrip(t *testing.T) {
	var states []State
	states = append(states, State{})
	for _, m := range append(Milestones(), MilestoneUnknown) {
		states = append(states, State{Milestone: m})
	}
	for _, e := range Exceptions() {
		states = append(states, State{Milestone: MilestoneUnknown, Exception: e})
		for _, s := range SubStatusesOf(e) {
			states = append(states, State{Milestone: MilestoneUnknown, Exception: e, SubStatus: s})
		}
	}
	for _, s := range states {
		back, err := From17Track(s.To17Track())
		if err != nil {
			t.Fatalf("%+v: %v", s, err)
		}
		if back.Exception != s.Exception {
			t.Errorf("17TRACK round trip of %+v changed the exception to %q", s, back.Exception)
		}
		if s.Exception == ExceptionNone && back.Status() != s.Status() {
			t.Errorf("17TRACK round trip of %+v changed status %s -> %s", s, s.Status(), back.Status())
		}
		a, err := FromAfterShip(s.ToAfterShip())
		if err != nil {
			t.Fatalf("%+v: %v", s, err)
		}
		if a.Status() != s.Status() && s.Exception != ExceptionDeliveryFailed {
			t.Errorf("AfterShip round trip of %+v changed status %s -> %s", s, s.Status(), a.Status())
		}
		if a.Exception != s.Exception {
			t.Errorf("AfterShip round trip of %+v changed the exception to %q", s, a.Exception)
		}
	}
}

func TestToAfterShip(t *testing.T) {
	tests := []struct {
		state State
		want  AfterShip
	}{
		{State{}, AfterShip{"Pending", "Pending_001"}},
		{State{Milestone: MilestoneLabelCreated}, AfterShip{"InfoReceived", "InfoReceived_001"}},
		{State{Milestone: MilestonePickedUp}, AfterShip{"InTransit", "InTransit_002"}},
		{State{Milestone: MilestoneOriginFacility}, AfterShip{"InTransit", "InTransit_003"}},
		{State{Milestone: MilestoneExportCustoms}, AfterShip{"InTransit", "InTransit_006"}},
		{State{Milestone: MilestoneDepartedOrigin}, AfterShip{"InTransit", "InTransit_007"}},
		{State{Milestone: MilestoneInTransit}, AfterShip{"InTransit", "InTransit_001"}},
		{State{Milestone: MilestoneArrivedDestination}, AfterShip{"InTransit", "InTransit_004"}},
		{State{Milestone: MilestoneImportCustoms}, AfterShip{"InTransit", "InTransit_006"}},
		{State{Milestone: MilestoneCustomsReleased}, AfterShip{"InTransit", "InTransit_005"}},
		{State{Milestone: MilestoneHandedToLastMile}, AfterShip{"InTransit", "InTransit_002"}},
		{State{Milestone: MilestoneDestinationFacility}, AfterShip{"InTransit", "InTransit_003"}},
		{State{Milestone: MilestoneOutForDelivery}, AfterShip{"OutForDelivery", "OutForDelivery_001"}},
		{State{Milestone: MilestoneAvailableForPickup}, AfterShip{"AvailableForPickup", "AvailableForPickup_001"}},
		{State{Milestone: MilestoneDelivered}, AfterShip{"Delivered", "Delivered_001"}},
		{State{Milestone: MilestoneInTransit, Expired: true}, AfterShip{"Expired", "Expired_001"}},
		{State{Exception: ExceptionDeliveryFailed}, AfterShip{"AttemptFail", "AttemptFail_001"}},
		{State{Exception: ExceptionDeliveryFailed, SubStatus: SubStatusNoOneHome}, AfterShip{"AttemptFail", "AttemptFail_002"}},
		{State{Exception: ExceptionDeliveryFailed, SubStatus: SubStatusSecurity}, AfterShip{"AttemptFail", "AttemptFail_001"}},
		{State{Exception: ExceptionDeliveryFailed, SubStatus: SubStatusRefused}, AfterShip{"Exception", "Exception_003"}},
		{State{Exception: ExceptionDeliveryFailed, SubStatus: SubStatusAddressIssue}, AfterShip{"Exception", "Exception_007"}},
		{State{Exception: ExceptionCustomsHeld}, AfterShip{"Exception", "Exception_004"}},
		{State{Exception: ExceptionCustomsHeld, SubStatus: SubStatusDutiesDue}, AfterShip{"Exception", "Exception_006"}},
		{State{Exception: ExceptionCustomsHeld, SubStatus: SubStatusDocumentsRequired}, AfterShip{"Exception", "Exception_018"}},
		{State{Exception: ExceptionCustomsHeld, SubStatus: SubStatusInspection}, AfterShip{"Exception", "Exception_004"}},
		{State{Exception: ExceptionReturning}, AfterShip{"Exception", "Exception_010"}},
		{State{Exception: ExceptionReturned}, AfterShip{"Exception", "Exception_011"}},
		{State{Exception: ExceptionOther, SubStatus: SubStatusOther}, AfterShip{"Exception", "Exception_001"}},
		{State{Exception: ExceptionOther, SubStatus: SubStatusLost}, AfterShip{"Exception", "Exception_013"}},
		{State{Exception: ExceptionOther, SubStatus: SubStatusDamaged}, AfterShip{"Exception", "Exception_012"}},
		{State{Exception: ExceptionOther, SubStatus: SubStatusDestroyed}, AfterShip{"Exception", "Exception_021"}},
		{State{Exception: ExceptionOther, SubStatus: SubStatusCancelled}, AfterShip{"Exception", "Exception_020"}},
		{State{Exception: ExceptionOther, SubStatus: SubStatusDelayed}, AfterShip{"Exception", "Exception_005"}},
	}
	for _, tt := range tests {
		if got := tt.state.ToAfterShip(); got != tt.want {
			t.Errorf("%+v.ToAfterShip() = %v, want %v", tt.state, got, tt.want)
		}
	}
}

func TestFromAfterShip(t *testing.T) {
	tests := []struct {
		in   AfterShip
		want State
	}{
		{AfterShip{"Pending", "Pending_001"}, State{}},
		{AfterShip{"Pending", "Pending_004"}, State{}},
		{AfterShip{"Delivered", "Delivered_005"}, State{Milestone: MilestoneDelivered}},
		{AfterShip{"Exception", "Exception_002"}, State{Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusAddressIssue}},
		{AfterShip{"Exception", "Exception_006"}, State{Milestone: MilestoneImportCustoms, Exception: ExceptionCustomsHeld, SubStatus: SubStatusDutiesDue}},
		{AfterShip{"Exception", "Exception_008"}, State{Milestone: MilestoneAvailableForPickup, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusOther}},
		{AfterShip{"Exception", "Exception_017"}, State{Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusDelayed}},
		{AfterShip{"Exception", "Exception_014"}, State{Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusOther}},
		{AfterShip{"AttemptFail", "AttemptFail_003"}, State{Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusNoOneHome}},
		{AfterShip{"InTransit", "InTransit_004"}, State{Milestone: MilestoneArrivedDestination}},
		{AfterShip{"InTransit", "InTransit_011"}, State{Milestone: MilestoneInTransit}},
		{AfterShip{"OutForDelivery", "OutForDelivery_002"}, State{Milestone: MilestoneAvailableForPickup}},
		{AfterShip{"OutForDelivery", "OutForDelivery_004"}, State{Milestone: MilestoneOutForDelivery}},
		{AfterShip{"Expired", ""}, State{Milestone: MilestoneUnknown, Expired: true}},
	}
	for _, tt := range tests {
		got, err := FromAfterShip(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("FromAfterShip(%v) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	if _, err := FromAfterShip(AfterShip{"Lost", ""}); err == nil {
		t.Error("unknown tag: want error")
	}
}
