// Package storetest is the store's conformance suite: every behaviour the
// rest of parcelwatch relies on, run against each database engine, so that
// SQLite and PostgreSQL can't drift apart.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/parcelwatch/parcelwatch/internal/store"
	"github.com/parcelwatch/parcelwatch/journey"
	"github.com/parcelwatch/parcelwatch/parcel"
)

// Clock is a settable clock for the store under test.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock starts a clock at a fixed instant.
func NewClock() *Clock { return &Clock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)} }

// Now reads the clock.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// Opener returns a new, empty, migrated store that reads the given clock.
// It registers its own cleanup.
type Opener func(t testing.TB, now func() time.Time) *store.Store

// Run runs the whole suite against the stores open makes.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, *store.Store, *Clock)
	}{
		{"Migrations", testMigrations},
		{"ShipmentRoundTrip", testShipmentRoundTrip},
		{"ShipmentFilter", testShipmentFilter},
		{"Legs", testLegs},
		{"EventsDeduplicated", testEventsDeduplicated},
		{"EventsVerbatim", testEventsVerbatim},
		{"EventBatchIsAtomic", testEventBatchIsAtomic},
		{"EventsLargeBatch", testEventsLargeBatch},
		{"OutboxWithEvents", testOutboxWithEvents},
		{"OutboxLeases", testOutboxLeases},
		{"PollSchedule", testPollSchedule},
		{"PollClaimsAreExclusive", testPollClaimsAreExclusive},
		{"UsersAndTokens", testUsersAndTokens},
		{"Subscriptions", testSubscriptions},
		{"DeleteCascades", testDeleteCascades},
		{"History", testHistory},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := NewClock()
			tt.fn(t, open(t, clock.Now), clock)
		})
	}
}

func newShipment(t *testing.T, s *store.Store, number string) parcel.Shipment {
	t.Helper()
	sh := parcel.Shipment{Number: number, Carrier: "s10", Origin: "CN", Destination: "RU-MOW"}
	if err := s.CreateShipment(context.Background(), &sh); err != nil {
		t.Fatalf("CreateShipment: %v", err)
	}
	return sh
}

func event(number string, at time.Time, text string) parcel.Event {
	return parcel.Event{Carrier: "russianpost", Number: number, Time: at, RawText: text, Location: "Москва",
		Classification: parcel.Classification{State: parcel.State{Milestone: parcel.MilestoneInTransit}, Confidence: 0.9, Rule: "test"}}
}

func testMigrations(t *testing.T, s *store.Store, _ *Clock) {
	ctx := context.Background()
	ms, err := s.Migrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 {
		t.Fatal("no migrations listed")
	}
	for _, m := range ms {
		if !m.Applied {
			t.Errorf("migration %d (%s) not applied", m.Version, m.Name)
		}
	}
	if err := s.Ready(ctx); err != nil {
		t.Errorf("Ready after migrating: %v", err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Errorf("migrating twice: %v", err)
	}
}

func testShipmentRoundTrip(t *testing.T, s *store.Store, clock *Clock) {
	ctx := context.Background()
	order := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	in := parcel.Shipment{Number: "RA123456785RU", Carrier: "s10", Title: "Headphones", Origin: "CN-GD-518000",
		Destination: "RU-MOW-101000", OrderDate: order, ProtectionDays: 60}
	if err := s.CreateShipment(ctx, &in); err != nil {
		t.Fatal(err)
	}
	if in.ID == 0 || len(in.Legs) != 1 || in.Legs[0].ID == 0 {
		t.Fatalf("CreateShipment did not set ids: %+v", in)
	}
	got, err := s.Shipment(ctx, in.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Number != in.Number || got.Title != in.Title || got.Origin != in.Origin || got.Destination != in.Destination ||
		!got.OrderDate.Equal(order) || got.ProtectionDays != 60 || got.Status != parcel.StatusNotFound ||
		!got.CreatedAt.Equal(clock.Now()) {
		t.Errorf("round trip changed the shipment:\n got %+v\nwant %+v", got, in)
	}
	if len(got.Legs) != 1 || got.Legs[0].Number != in.Number || got.Legs[0].Source != parcel.SourceUser {
		t.Errorf("first leg: %+v", got.Legs)
	}

	clock.Advance(time.Hour)
	st := parcel.State{Milestone: parcel.MilestoneImportCustoms, Exception: parcel.ExceptionCustomsHeld, SubStatus: parcel.SubStatusDutiesDue}
	if err := s.UpdateShipmentState(ctx, in.ID, st); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Shipment(ctx, in.ID)
	if got.State != st || got.Status != parcel.StatusException || !got.UpdatedAt.Equal(clock.Now()) {
		t.Errorf("after update: state %+v status %s updated %v", got.State, got.Status, got.UpdatedAt)
	}
	if _, err := s.Shipment(ctx, in.ID+1000); !errors.Is(err, parcel.ErrNotFound) {
		t.Errorf("missing shipment: got %v, want ErrNotFound", err)
	}
	if err := s.UpdateShipmentState(ctx, in.ID+1000, st); !errors.Is(err, parcel.ErrNotFound) {
		t.Errorf("updating a missing shipment: got %v, want ErrNotFound", err)
	}
	if err := s.CreateShipment(ctx, &parcel.Shipment{Number: "  "}); err == nil {
		t.Error("empty number: want an error")
	}
}

func testShipmentFilter(t *testing.T, s *store.Store, _ *Clock) {
	ctx := context.Background()
	u := parcel.User{Email: "seller@example.com"}
	if err := s.CreateUser(ctx, &u); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		sh := parcel.Shipment{Number: fmt.Sprintf("LP%014d", i), UserID: u.ID}
		if i == 4 {
			sh.UserID = 0
		}
		if err := s.CreateShipment(ctx, &sh); err != nil {
			t.Fatal(err)
		}
	}
	mine, err := s.Shipments(ctx, store.ShipmentFilter{UserID: u.ID})
	if err != nil || len(mine) != 4 {
		t.Fatalf("by user: %d shipments, %v; want 4", len(mine), err)
	}
	page, _ := s.Shipments(ctx, store.ShipmentFilter{UserID: u.ID, AfterID: mine[1].ID, Limit: 1})
	if len(page) != 1 || page[0].ID != mine[2].ID {
		t.Errorf("paging: %+v", page)
	}
	one, _ := s.Shipments(ctx, store.ShipmentFilter{Number: "LP00000000000003"})
	if len(one) != 1 {
		t.Errorf("by number: %d", len(one))
	}
	none, _ := s.Shipments(ctx, store.ShipmentFilter{Status: parcel.StatusDelivered})
	if len(none) != 0 {
		t.Errorf("by status: %d, want 0", len(none))
	}
}

func testLegs(t *testing.T, s *store.Store, _ *Clock) {
	ctx := context.Background()
	sh := newShipment(t, s, "LP00123456789012")
	leg := parcel.Leg{ShipmentID: sh.ID, Carrier: "russianpost", Number: "RA123456785RU", Role: parcel.RoleLastMile, Source: parcel.SourceCarrier}
	if err := s.AddLeg(ctx, &leg); err != nil {
		t.Fatal(err)
	}
	dup := leg
	if err := s.AddLeg(ctx, &dup); !errors.Is(err, parcel.ErrConflict) {
		t.Errorf("second identical leg: got %v, want ErrConflict", err)
	}
	legs, err := s.Legs(ctx, sh.ID)
	if err != nil || len(legs) != 2 {
		t.Fatalf("legs: %+v %v", legs, err)
	}
	if legs[1].Role != parcel.RoleLastMile || legs[1].Source != parcel.SourceCarrier || legs[1].Number != "RA123456785RU" {
		t.Errorf("second leg: %+v", legs[1])
	}
}

func testEventsDeduplicated(t *testing.T, s *store.Store, _ *Clock) {
	ctx := context.Background()
	sh := newShipment(t, s, "RA000000001RU")
	t0 := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	batch := []parcel.Event{
		event(sh.Number, t0, "Приём"),
		event(sh.Number, t0.Add(time.Hour), "Покинуло место приёма"),
		event(sh.Number, t0.Add(time.Hour), "Покинуло место приёма"), // duplicate inside the batch
	}
	added, err := s.AddEvents(ctx, sh.ID, batch, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 2 || added[0].ID == 0 || added[0].RawText != "Приём" {
		t.Fatalf("first batch added %+v, want the 2 distinct events in order", added)
	}
	// The same events again, re-rendered, with one new one: only the new one lands.
	again := []parcel.Event{
		event(sh.Number, t0, "  ПРИЁМ "),
		event(sh.Number, t0.Add(time.Hour), "Покинуло место приёма"),
		event(sh.Number, t0.Add(48*time.Hour), "Прибыло в место вручения"),
	}
	added, err = s.AddEvents(ctx, sh.ID, again, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 1 || added[0].RawText != "Прибыло в место вручения" {
		t.Fatalf("second batch added %+v, want only the new event", added)
	}
	all, err := s.Events(ctx, sh.ID)
	if err != nil || len(all) != 3 {
		t.Fatalf("stored %d events (%v), want 3", len(all), err)
	}
	got, _ := s.Shipment(ctx, sh.ID)
	if !got.LastEventAt.Equal(t0.Add(48 * time.Hour)) {
		t.Errorf("last event at %v, want %v", got.LastEventAt, t0.Add(48*time.Hour))
	}
	// An older event arriving late does not move the last-event time back.
	if _, err := s.AddEvents(ctx, sh.ID, []parcel.Event{event(sh.Number, t0.Add(-time.Hour), "Присвоен трек-номер")}, nil); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Shipment(ctx, sh.ID)
	if !got.LastEventAt.Equal(t0.Add(48 * time.Hour)) {
		t.Errorf("late old event moved last event to %v", got.LastEventAt)
	}
	all, _ = s.Events(ctx, sh.ID)
	if len(all) != 4 || all[0].RawText != "Присвоен трек-номер" {
		t.Errorf("events are not in time order: %v", all)
	}
	// The same event on another shipment is that shipment's own.
	other := newShipment(t, s, "RA000000002RU")
	if added, _ := s.AddEvents(ctx, other.ID, batch[:1], nil); len(added) != 1 {
		t.Errorf("another shipment's copy of an event was dropped")
	}
}

func testEventsVerbatim(t *testing.T, s *store.Store, _ *Clock) {
	ctx := context.Background()
	sh := newShipment(t, s, "LP00999999999999")
	zone := time.FixedZone("CST", 8*3600)
	in := parcel.Event{
		Carrier: "cainiao", Number: sh.Number, Time: time.Date(2026, 2, 3, 21, 15, 7, 0, zone),
		Location: "[Shenzhen] 深圳转运中心", Country: "CN", RawCode: "SC_OUTBOUND_SUCCESS",
		RawText: "Leaving from departure country/region\t(航班已起飞) ", Language: "en",
		Raw:           json.RawMessage(`{"actionCode":"SC_OUTBOUND_SUCCESS","desc":"Leaving from departure country/region","z":[1,2]}`),
		LinkedCarrier: "russianpost", LinkedNumber: "RA123456785RU",
		Classification: parcel.Classification{State: parcel.State{Milestone: parcel.MilestoneDepartedOrigin}, Confidence: 0.98, Rule: "cainiao.action"},
	}
	if _, err := s.AddEvents(ctx, sh.ID, []parcel.Event{in}, nil); err != nil {
		t.Fatal(err)
	}
	evs, err := s.Events(ctx, sh.ID)
	if err != nil || len(evs) != 1 {
		t.Fatalf("events: %v %v", evs, err)
	}
	got := evs[0]
	if got.RawText != in.RawText || got.RawCode != in.RawCode || got.Location != in.Location || string(got.Raw) != string(in.Raw) {
		t.Errorf("raw fields changed:\n got %q %q %q %s\nwant %q %q %q %s", got.RawText, got.RawCode, got.Location, got.Raw, in.RawText, in.RawCode, in.Location, in.Raw)
	}
	if !got.Time.Equal(in.Time) {
		t.Errorf("time %v, want %v", got.Time, in.Time)
	}
	if _, off := got.Time.Zone(); off != 8*3600 {
		t.Errorf("carrier's UTC offset lost: got %d s", off)
	}
	if got.Milestone != parcel.MilestoneDepartedOrigin || got.Confidence != 0.98 || got.Rule != "cainiao.action" ||
		got.Fingerprint != in.ComputeFingerprint() || got.Country != "CN" || got.Language != "en" ||
		got.LinkedCarrier != "russianpost" || got.LinkedNumber != "RA123456785RU" {
		t.Errorf("classification or identity changed: %+v", got)
	}
}

func testEventBatchIsAtomic(t *testing.T, s *store.Store, _ *Clock) {
	ctx := context.Background()
	sh := newShipment(t, s, "RA000000003RU")
	t0 := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	if _, err := s.AddEvents(ctx, sh.ID, []parcel.Event{event(sh.Number, t0, "first")}, nil); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("notification could not be built")
	_, err := s.AddEvents(ctx, sh.ID, []parcel.Event{event(sh.Number, t0.Add(time.Hour), "second"), event(sh.Number, t0.Add(2*time.Hour), "third")},
		func([]parcel.Event) ([]parcel.OutboxMessage, error) { return nil, boom })
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want the AfterAdd error", err)
	}
	evs, _ := s.Events(ctx, sh.ID)
	if len(evs) != 1 || evs[0].RawText != "first" {
		t.Errorf("a failed batch left %d events; want only the one stored before", len(evs))
	}
	// A batch for a missing shipment fails whole and stores nothing.
	if _, err := s.AddEvents(ctx, sh.ID+1000, []parcel.Event{event(sh.Number, t0, "x")}, nil); err == nil {
		t.Error("events for a missing shipment: want an error")
	}
}

func testEventsLargeBatch(t *testing.T, s *store.Store, _ *Clock) {
	ctx := context.Background()
	sh := newShipment(t, s, "RA000000004RU")
	t0 := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	var batch []parcel.Event
	for i := range 1234 {
		batch = append(batch, event(sh.Number, t0.Add(time.Duration(i)*time.Minute), fmt.Sprintf("scan %d", i)))
	}
	added, err := s.AddEvents(ctx, sh.ID, batch, nil)
	if err != nil || len(added) != len(batch) {
		t.Fatalf("added %d of %d: %v", len(added), len(batch), err)
	}
	added, err = s.AddEvents(ctx, sh.ID, batch, nil)
	if err != nil || len(added) != 0 {
		t.Fatalf("re-adding a large batch added %d: %v", len(added), err)
	}
}

func testOutboxWithEvents(t *testing.T, s *store.Store, _ *Clock) {
	ctx := context.Background()
	sh := newShipment(t, s, "RA000000005RU")
	t0 := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	notify := func(added []parcel.Event) ([]parcel.OutboxMessage, error) {
		var msgs []parcel.OutboxMessage
		for _, e := range added {
			msgs = append(msgs, parcel.OutboxMessage{ShipmentID: sh.ID, Topic: "event", Payload: []byte(`{"text":"` + e.RawText + `"}`)})
		}
		return msgs, nil
	}
	batch := []parcel.Event{event(sh.Number, t0, "a"), event(sh.Number, t0.Add(time.Hour), "b")}
	if _, err := s.AddEvents(ctx, sh.ID, batch, notify); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddEvents(ctx, sh.ID, batch, notify); err != nil { // nothing new: no notification
		t.Fatal(err)
	}
	msgs, err := s.ClaimOutbox(ctx, "w1", time.Minute, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 2 || string(msgs[0].Payload) != `{"text":"a"}` || msgs[0].ShipmentID != sh.ID {
		t.Fatalf("outbox holds %+v; want one message per new event", msgs)
	}
}

func testOutboxLeases(t *testing.T, s *store.Store, clock *Clock) {
	ctx := context.Background()
	if err := s.Enqueue(ctx,
		parcel.OutboxMessage{Topic: "status", Payload: []byte(`{"n":1}`)},
		parcel.OutboxMessage{Topic: "status", Payload: []byte(`{"n":2}`), AvailableAt: clock.Now().Add(time.Hour)},
	); err != nil {
		t.Fatal(err)
	}
	got, err := s.ClaimOutbox(ctx, "w1", time.Minute, 10)
	if err != nil || len(got) != 1 || string(got[0].Payload) != `{"n":1}` {
		t.Fatalf("claim: %+v %v; want only the due message", got, err)
	}
	if again, _ := s.ClaimOutbox(ctx, "w2", time.Minute, 10); len(again) != 0 {
		t.Fatalf("a leased message was claimed twice: %+v", again)
	}
	if err := s.CompleteOutbox(ctx, "w2", got[0].ID); !errors.Is(err, parcel.ErrLeaseLost) {
		t.Errorf("completing another owner's message: got %v, want ErrLeaseLost", err)
	}
	// w1 dies; after its lease runs out w2 takes the message over.
	clock.Advance(2 * time.Minute)
	taken, _ := s.ClaimOutbox(ctx, "w2", time.Minute, 10)
	if len(taken) != 1 || taken[0].ID != got[0].ID {
		t.Fatalf("expired lease not reclaimed: %+v", taken)
	}
	if err := s.CompleteOutbox(ctx, "w1", got[0].ID); !errors.Is(err, parcel.ErrLeaseLost) {
		t.Errorf("late completion by the old owner: got %v, want ErrLeaseLost", err)
	}
	if err := s.RetryOutbox(ctx, "w2", got[0].ID, errors.New("HTTP 503"), clock.Now().Add(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if none, _ := s.ClaimOutbox(ctx, "w2", time.Minute, 10); len(none) != 0 {
		t.Fatalf("message retried before its backoff: %+v", none)
	}
	clock.Advance(time.Hour)
	due, _ := s.ClaimOutbox(ctx, "w3", time.Minute, 10)
	if len(due) != 2 || due[0].Attempts != 1 || due[0].LastError != "HTTP 503" {
		t.Fatalf("after backoff: %+v", due)
	}
	for _, m := range due {
		if err := s.CompleteOutbox(ctx, "w3", m.ID); err != nil {
			t.Fatal(err)
		}
	}
	clock.Advance(time.Hour)
	if left, _ := s.ClaimOutbox(ctx, "w3", time.Minute, 10); len(left) != 0 {
		t.Errorf("delivered messages claimed again: %+v", left)
	}
}

func testPollSchedule(t *testing.T, s *store.Store, clock *Clock) {
	ctx := context.Background()
	a := newShipment(t, s, "RA000000006RU")
	clock.Advance(time.Second)
	b := newShipment(t, s, "RA000000007RU")
	jobs, err := s.ClaimDuePolls(ctx, "i1", time.Minute, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(jobs) != 2 || jobs[0].Leg.Number != a.Number || jobs[1].Leg.Number != b.Number || jobs[0].Leg.ShipmentID != a.ID {
		t.Fatalf("claimed %+v; want both new legs, oldest first", jobs)
	}
	if again, _ := s.ClaimDuePolls(ctx, "i2", time.Minute, 10); len(again) != 0 {
		t.Fatalf("leased legs claimed twice: %+v", again)
	}
	if err := s.RecordPoll(ctx, "i1", jobs[0].Leg.ID, store.PollOutcome{Err: errors.New("timeout"), Next: clock.Now().Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordPoll(ctx, "i2", jobs[1].Leg.ID, store.PollOutcome{Next: clock.Now()}); !errors.Is(err, parcel.ErrLeaseLost) {
		t.Errorf("recording another owner's poll: got %v, want ErrLeaseLost", err)
	}
	// Delivered: stop polling b.
	if err := s.RecordPoll(ctx, "i1", jobs[1].Leg.ID, store.PollOutcome{}); err != nil {
		t.Fatal(err)
	}
	clock.Advance(2 * time.Minute)
	jobs, _ = s.ClaimDuePolls(ctx, "i2", time.Minute, 10)
	if len(jobs) != 1 || jobs[0].Leg.Number != a.Number || jobs[0].ConsecutiveFailures != 1 {
		t.Fatalf("after a failure and a stop: %+v", jobs)
	}
	if err := s.RecordPoll(ctx, "i2", jobs[0].Leg.ID, store.PollOutcome{Next: clock.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if err := s.SchedulePoll(ctx, jobs[0].Leg.ID, clock.Now()); err != nil {
		t.Fatal(err)
	}
	jobs, _ = s.ClaimDuePolls(ctx, "i2", time.Minute, 10)
	if len(jobs) != 1 || jobs[0].ConsecutiveFailures != 0 {
		t.Fatalf("success did not reset failures, or reschedule failed: %+v", jobs)
	}
}

func testPollClaimsAreExclusive(t *testing.T, s *store.Store, _ *Clock) {
	ctx := context.Background()
	const legs = 60
	for i := range legs {
		newShipment(t, s, fmt.Sprintf("LP%014d", i))
	}
	var (
		mu      sync.Mutex
		claimed = map[int64]string{}
		wg      sync.WaitGroup
	)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			owner := fmt.Sprintf("instance-%d", w)
			for {
				jobs, err := s.ClaimDuePolls(ctx, owner, time.Minute, 7)
				if err != nil {
					t.Errorf("%s: %v", owner, err)
					return
				}
				if len(jobs) == 0 {
					return
				}
				mu.Lock()
				for _, j := range jobs {
					if prev, dup := claimed[j.Leg.ID]; dup {
						t.Errorf("leg %d claimed by %s and %s", j.Leg.ID, prev, owner)
					}
					claimed[j.Leg.ID] = owner
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(claimed) != legs {
		t.Errorf("claimed %d legs, want %d", len(claimed), legs)
	}
}

func testUsersAndTokens(t *testing.T, s *store.Store, clock *Clock) {
	ctx := context.Background()
	u := parcel.User{Email: "ana@example.com", Name: "Ana"}
	if err := s.CreateUser(ctx, &u); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateUser(ctx, &parcel.User{Email: "ana@example.com"}); !errors.Is(err, parcel.ErrConflict) {
		t.Errorf("duplicate e-mail: got %v, want ErrConflict", err)
	}
	if got, err := s.User(ctx, u.ID); err != nil || got.Email != u.Email || got.Name != "Ana" {
		t.Errorf("User: %+v %v", got, err)
	}
	secret, tok, err := s.IssueToken(ctx, u.ID, "ci", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(secret) < 40 || tok.Prefix == "" || secret[:len(tok.Prefix)] != tok.Prefix {
		t.Errorf("token secret %q prefix %q", secret, tok.Prefix)
	}
	who, err := s.Authenticate(ctx, secret)
	if err != nil || who.ID != u.ID {
		t.Fatalf("Authenticate: %+v %v", who, err)
	}
	toks, _ := s.Tokens(ctx, u.ID)
	if len(toks) != 1 || !toks[0].LastUsedAt.Equal(clock.Now()) {
		t.Errorf("token use not recorded: %+v", toks)
	}
	if _, err := s.Authenticate(ctx, secret+"x"); !errors.Is(err, parcel.ErrNotFound) {
		t.Errorf("wrong secret: got %v, want ErrNotFound", err)
	}
	short, _, err := s.IssueToken(ctx, u.ID, "short", clock.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(2 * time.Hour)
	if _, err := s.Authenticate(ctx, short); !errors.Is(err, parcel.ErrNotFound) {
		t.Errorf("expired token: got %v, want ErrNotFound", err)
	}
	if err := s.RevokeToken(ctx, u.ID, tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, secret); !errors.Is(err, parcel.ErrNotFound) {
		t.Errorf("revoked token: got %v, want ErrNotFound", err)
	}
}

func testSubscriptions(t *testing.T, s *store.Store, _ *Clock) {
	ctx := context.Background()
	u := parcel.User{Email: "shop@example.com"}
	if err := s.CreateUser(ctx, &u); err != nil {
		t.Fatal(err)
	}
	sh := parcel.Shipment{Number: "RA000000008RU", UserID: u.ID}
	if err := s.CreateShipment(ctx, &sh); err != nil {
		t.Fatal(err)
	}
	other := newShipment(t, s, "RA000000009RU")
	all := parcel.Subscription{UserID: u.ID, Channel: parcel.ChannelWebhook, Target: "https://shop.example/hook", Secret: "s3cret", Topics: []string{"status", "alert"}}
	one := parcel.Subscription{UserID: u.ID, ShipmentID: other.ID, Channel: parcel.ChannelEmail, Target: "shop@example.com"}
	for _, sub := range []*parcel.Subscription{&all, &one} {
		if err := s.CreateSubscription(ctx, sub); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.CreateSubscription(ctx, &parcel.Subscription{UserID: u.ID, Channel: "pigeon", Target: "x"}); err == nil {
		t.Error("unknown channel: want an error")
	}
	subs, err := s.SubscriptionsFor(ctx, sh.ID)
	if err != nil || len(subs) != 1 || subs[0].Secret != "s3cret" || len(subs[0].Topics) != 2 {
		t.Fatalf("subscriptions of an owned shipment: %+v %v", subs, err)
	}
	subs, _ = s.SubscriptionsFor(ctx, other.ID)
	if len(subs) != 1 || subs[0].Channel != parcel.ChannelEmail {
		t.Errorf("subscriptions of an unowned shipment: %+v", subs)
	}
}

func testDeleteCascades(t *testing.T, s *store.Store, _ *Clock) {
	ctx := context.Background()
	sh := newShipment(t, s, "RA000000010RU")
	if _, err := s.AddEvents(ctx, sh.ID, []parcel.Event{event(sh.Number, time.Now(), "x")}, func([]parcel.Event) ([]parcel.OutboxMessage, error) {
		return []parcel.OutboxMessage{{ShipmentID: sh.ID, Topic: "event", Payload: []byte("{}")}}, nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteShipment(ctx, sh.ID); err != nil {
		t.Fatal(err)
	}
	if evs, _ := s.Events(ctx, sh.ID); len(evs) != 0 {
		t.Errorf("events outlived their shipment")
	}
	if jobs, _ := s.ClaimDuePolls(ctx, "i", time.Minute, 10); len(jobs) != 0 {
		t.Errorf("poll schedule outlived its shipment: %+v", jobs)
	}
	if msgs, _ := s.ClaimOutbox(ctx, "i", time.Minute, 10); len(msgs) != 0 {
		t.Errorf("notifications outlived their shipment")
	}
	if err := s.DeleteShipment(ctx, sh.ID); !errors.Is(err, parcel.ErrNotFound) {
		t.Errorf("deleting twice: got %v, want ErrNotFound", err)
	}
}

func testHistory(t *testing.T, s *store.Store, _ *Clock) {
	ctx := context.Background()
	pick := time.Date(2018, 1, 5, 10, 0, 0, 0, time.UTC)
	var batch []journey.Completed
	for i := range 1200 { // more than one INSERT's worth
		c := journey.Completed{ID: fmt.Sprintf("o%04d", i), Origin: "BR-SP-01000", Destination: "BR-RJ", Carrier: ""}
		c.Set(parcel.MilestonePickedUp, pick.Add(time.Duration(i)*time.Minute))
		c.Set(parcel.MilestoneDelivered, pick.Add(72*time.Hour))
		batch = append(batch, c)
	}
	n, err := s.AddHistory(ctx, batch)
	if err != nil || n != len(batch) {
		t.Fatalf("AddHistory: %d, %v", n, err)
	}
	if n, err := s.AddHistory(ctx, batch[:10]); err != nil || n != 0 {
		t.Errorf("importing again added %d (%v), want 0", n, err)
	}
	got, err := s.History(ctx)
	if err != nil || len(got) != len(batch) {
		t.Fatalf("History: %d, %v", len(got), err)
	}
	byID := map[string]journey.Completed{}
	for _, c := range got {
		byID[c.ID] = c
	}
	c := byID["o0007"]
	if c.Origin != "BR-SP-01000" || !c.At(parcel.MilestonePickedUp).Equal(pick.Add(7*time.Minute)) ||
		!c.At(parcel.MilestoneDelivered).Equal(pick.Add(72*time.Hour)) || !c.At(parcel.MilestoneInTransit).IsZero() {
		t.Errorf("round trip changed the shipment: %+v", c)
	}
}
