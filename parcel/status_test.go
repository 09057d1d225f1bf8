package parcel

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestMilestoneOrder(t *testing.T) {
	all := Milestones()
	if len(all) != 14 {
		t.Fatalf("got %d milestones, want 14", len(all))
	}
	for i, m := range all {
		if m.Rank() != i+1 {
			t.Errorf("%s.Rank() = %d, want %d", m, m.Rank(), i+1)
		}
		if i > 0 && !m.After(all[i-1]) {
			t.Errorf("%s should come after %s", m, all[i-1])
		}
	}
	if MilestoneUnknown.Rank() != 0 || MilestoneNone.Rank() != 0 {
		t.Error("unknown and none must rank 0 so they never move a parcel")
	}
	if MilestoneUnknown.After(MilestonePickedUp) || MilestonePickedUp.After(MilestoneDelivered) {
		t.Error("After is wrong")
	}
}

func TestStateStatus(t *testing.T) {
	tests := []struct {
		state State
		want  Status
	}{
		{State{}, StatusNotFound},
		{State{Milestone: MilestoneLabelCreated}, StatusInfoReceived},
		{State{Milestone: MilestonePickedUp}, StatusInTransit},
		{State{Milestone: MilestoneCustomsReleased}, StatusInTransit},
		{State{Milestone: MilestoneDestinationFacility}, StatusInTransit},
		{State{Milestone: MilestoneUnknown}, StatusInTransit},
		{State{Milestone: MilestoneOutForDelivery}, StatusOutForDelivery},
		{State{Milestone: MilestoneAvailableForPickup}, StatusAvailableForPickup},
		{State{Milestone: MilestoneDelivered}, StatusDelivered},
		{State{Milestone: MilestoneOutForDelivery, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusNoOneHome}, StatusDeliveryFailure},
		{State{Milestone: MilestoneImportCustoms, Exception: ExceptionCustomsHeld}, StatusException},
		{State{Milestone: MilestoneInTransit, Exception: ExceptionReturning}, StatusException},
		{State{Milestone: MilestoneInTransit, Exception: ExceptionReturned}, StatusException},
		{State{Milestone: MilestoneInTransit, Exception: ExceptionOther, SubStatus: SubStatusLost}, StatusException},
		{State{Milestone: MilestoneInTransit, Expired: true}, StatusExpired},
		// A later delivery outranks an earlier failed attempt, not a return.
		{State{Milestone: MilestoneDelivered, Exception: ExceptionDeliveryFailed}, StatusDelivered},
		{State{Milestone: MilestoneDelivered, Exception: ExceptionReturned}, StatusException},
	}
	for _, tt := range tests {
		if got := tt.state.Status(); got != tt.want {
			t.Errorf("%+v.Status() = %s, want %s", tt.state, got, tt.want)
		}
	}
}

func TestStateValidate(t *testing.T) {
	good := []State{
		{},
		{Milestone: MilestoneDelivered},
		{Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusLost},
		{Milestone: MilestoneImportCustoms, Exception: ExceptionCustomsHeld, SubStatus: SubStatusDutiesDue},
	}
	for _, s := range good {
		if err := s.Validate(); err != nil {
			t.Errorf("%+v: unexpected error %v", s, err)
		}
	}
	bad := []State{
		{Milestone: "teleported"},
		{Exception: "stolen"},
		{Exception: ExceptionCustomsHeld, SubStatus: SubStatusNoOneHome},
		{SubStatus: SubStatusLost},
	}
	for _, s := range bad {
		if err := s.Validate(); err == nil {
			t.Errorf("%+v: want an error", s)
		}
	}
}

func TestParseNames(t *testing.T) {
	for _, m := range Milestones() {
		if got, err := ParseMilestone(string(m)); err != nil || got != m {
			t.Errorf("ParseMilestone(%q) = %q, %v", m, got, err)
		}
	}
	for _, e := range Exceptions() {
		if got, err := ParseException(string(e)); err != nil || got != e {
			t.Errorf("ParseException(%q) = %q, %v", e, got, err)
		}
		for _, s := range SubStatusesOf(e) {
			if got, err := ParseSubStatus(string(s)); err != nil || got != s {
				t.Errorf("ParseSubStatus(%q) = %q, %v", s, got, err)
			}
		}
	}
	for _, s := range Statuses() {
		if got, err := ParseStatus(string(s)); err != nil || got != s {
			t.Errorf("ParseStatus(%q) = %q, %v", s, got, err)
		}
	}
	for _, bad := range []string{"Delivered", "in transit", "DELIVERED"} {
		if _, err := ParseMilestone(bad); err == nil {
			t.Errorf("ParseMilestone(%q): want error", bad)
		}
	}
	if _, err := ParseStatus("delivered"); err == nil {
		t.Error("ParseStatus is case-sensitive by contract")
	}
	if _, err := ParseLegRole("courier"); err == nil {
		t.Error("ParseLegRole(courier): want error")
	}
}

func TestJSONRejectsUnknownNames(t *testing.T) {
	var s State
	err := json.Unmarshal([]byte(`{"milestone":"teleported"}`), &s)
	if err == nil || !strings.Contains(err.Error(), "teleported") {
		t.Fatalf("want an error naming the bad milestone, got %v", err)
	}
}

// TestEventJSON pins the wire form of an event: field names are a contract.
func TestEventJSON(t *testing.T) {
	ev := Event{
		Carrier:  "russianpost",
		Number:   "RA123456785RU",
		Time:     time.Date(2026, 3, 4, 10, 30, 0, 0, time.FixedZone("MSK", 3*3600)),
		Location: "Москва EMS ММПО",
		Country:  "RU",
		RawCode:  "8.2",
		RawText:  "Покинуло место международного обмена",
		Classification: Classification{
			State:      State{Milestone: MilestoneCustomsReleased},
			Confidence: 0.97,
			Rule:       "russianpost.code.8.2",
		},
	}
	ev.Fingerprint = ev.ComputeFingerprint()
	b, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"carrier":"russianpost","number":"RA123456785RU","time":"2026-03-04T10:30:00+03:00","location":"Москва EMS ММПО","country":"RU","raw_code":"8.2","raw_text":"Покинуло место международного обмена","milestone":"customs_released","confidence":0.97,"rule":"russianpost.code.8.2","fingerprint":"` + ev.Fingerprint + `"}`
	if string(b) != want {
		t.Errorf("event JSON\n got %s\nwant %s", b, want)
	}
	var back Event
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !back.Time.Equal(ev.Time) || back.Milestone != ev.Milestone || back.RawText != ev.RawText {
		t.Errorf("round trip lost data: %+v", back)
	}
}

func TestFingerprint(t *testing.T) {
	base := Event{Carrier: "usps", Number: "9400 1000 0000 0000 0000 00", Time: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), RawCode: "01", RawText: "Delivered, In/At Mailbox", Location: "NEW YORK, NY"}
	fp := base.ComputeFingerprint()
	if len(fp) != 32 {
		t.Fatalf("fingerprint %q: want 32 hex characters", fp)
	}
	same := base
	same.RawText = "  DELIVERED,   in/at mailbox "
	same.Number = "9400100000000000000000"
	same.Time = base.Time.In(time.FixedZone("EST", -5*3600))
	same.Classification.Milestone = MilestoneDelivered // our reading is not part of identity
	if got := same.ComputeFingerprint(); got != fp {
		t.Errorf("re-rendered copy of the same event got a new fingerprint")
	}
	for name, change := range map[string]func(*Event){
		"time":    func(e *Event) { e.Time = e.Time.Add(time.Minute) },
		"code":    func(e *Event) { e.RawCode = "02" },
		"text":    func(e *Event) { e.RawText = "Delivered, Front Door" },
		"place":   func(e *Event) { e.Location = "BROOKLYN, NY" },
		"number":  func(e *Event) { e.Number = "9400100000000000000001" },
		"carrier": func(e *Event) { e.Carrier = "ups" },
	} {
		e := base
		change(&e)
		if e.ComputeFingerprint() == fp {
			t.Errorf("changing the %s kept the fingerprint", name)
		}
	}
}
