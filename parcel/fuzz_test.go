package parcel

import (
	"encoding/json"
	"testing"
)

// FuzzEventJSON feeds arbitrary JSON to the event decoder: it must never
// panic, must reject names outside the status model, and what it accepts
// must survive a round trip.
func FuzzEventJSON(f *testing.F) {
	f.Add([]byte(`{"carrier":"usps","number":"9400","time":"2026-01-02T03:04:05-05:00","raw_text":"Delivered","milestone":"delivered","confidence":1}`))
	f.Add([]byte(`{"milestone":"unknown","exception":"customs_held","sub_status":"duties_due"}`))
	f.Add([]byte(`{"milestone":"Delivered"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var e Event
		if err := json.Unmarshal(data, &e); err != nil {
			return
		}
		if e.Milestone != MilestoneNone && !e.Milestone.Valid() {
			t.Fatalf("accepted milestone %q", e.Milestone)
		}
		if _, err := ParseException(string(e.Exception)); err != nil {
			t.Fatalf("accepted exception %q", e.Exception)
		}
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatalf("re-encoding an accepted event: %v", err)
		}
		var back Event
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("decoding our own encoding %s: %v", b, err)
		}
		if back.Milestone != e.Milestone || back.RawText != e.RawText || !back.Time.Equal(e.Time) {
			t.Fatalf("round trip changed %+v into %+v", e, back)
		}
	})
}

// FuzzPeerStatuses reads arbitrary peer status pairs, as webhooks bring them.
func FuzzPeerStatuses(f *testing.F) {
	f.Add("InTransit", "InTransit_PickedUp")
	f.Add("Exception", "Exception_013")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, main, sub string) {
		if s, err := From17Track(Track17{main, sub}); err == nil {
			if err := s.Validate(); err != nil {
				t.Fatalf("From17Track(%q, %q) gave an invalid state: %v", main, sub, err)
			}
		}
		if s, err := FromAfterShip(AfterShip{main, sub}); err == nil {
			if err := s.Validate(); err != nil {
				t.Fatalf("FromAfterShip(%q, %q) gave an invalid state: %v", main, sub, err)
			}
		}
	})
}
