package store_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parcelwatch/parcelwatch/internal/store/storetest"
	"github.com/parcelwatch/parcelwatch/parcel"
)

// BenchmarkIngest measures event ingestion: batches of 50 events per
// shipment, each written in one transaction with de-duplication.
//
//   - fresh:  all 50 events are new;
//   - repoll: a poll returns the parcel's whole history, so 40 of the 50
//     are already stored and only 10 are new.
//
// "serial" sends one batch at a time; "parallel" lets 4 goroutines (a
// poller's workers) write batches for different shipments at once. The
// events/s metric counts every event handled, new or skipped, and includes
// building the batches.
func BenchmarkIngest(b *testing.B) {
	engines := []struct {
		name string
		open storetest.Opener
	}{{"sqlite", storetest.OpenSQLite}, {"postgres", storetest.OpenPostgres}}
	for _, eng := range engines {
		for _, mode := range []struct {
			name    string
			workers int
		}{{"serial", 1}, {"parallel", 4}} {
			b.Run(eng.name+"/fresh/"+mode.name, func(b *testing.B) { benchIngest(b, eng.open, 0, mode.workers) })
			b.Run(eng.name+"/repoll/"+mode.name, func(b *testing.B) { benchIngest(b, eng.open, 40, mode.workers) })
		}
	}
}

// history is one benchmark shipment and the events it has so far.
type history struct {
	id     int64
	number string
	events int
}

func benchIngest(b *testing.B, open storetest.Opener, known, workers int) {
	const (
		batch     = 50
		shipments = 200
	)
	ctx := context.Background()
	s := open(b, time.Now)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	// Each batch re-sends the last `known` events of its shipment and adds
	// batch-known new ones.
	makeBatch := func(h *history) []parcel.Event {
		evs := make([]parcel.Event, 0, batch)
		for n := max(h.events-known, 0); len(evs) < batch; n++ {
			evs = append(evs, parcel.Event{
				Carrier: "russianpost", Number: h.number,
				Time:    t0.Add(time.Duration(n) * time.Hour),
				RawCode: "8.2", RawText: fmt.Sprintf("Покинуло сортировочный центр %d", n), Location: "Москва",
				Classification: parcel.Classification{State: parcel.State{Milestone: parcel.MilestoneDestinationFacility}, Confidence: 0.95, Rule: "ru.8.2"},
			})
		}
		return evs
	}
	ingest := func(h *history) {
		added, err := s.AddEvents(ctx, h.id, makeBatch(h), nil)
		if err != nil {
			b.Error(err)
			return
		}
		if h.events > 0 && len(added) != batch-known {
			b.Errorf("added %d, want %d", len(added), batch-known)
		}
		h.events += len(added)
	}
	// One set of shipments per worker, so workers never share a shipment.
	sets := make([][]*history, workers)
	for w := range sets {
		for i := range shipments / workers {
			h := &history{number: fmt.Sprintf("RA%02d%07dRU", w, i)}
			sh := parcel.Shipment{Number: h.number}
			if err := s.CreateShipment(ctx, &sh); err != nil {
				b.Fatal(err)
			}
			h.id = sh.ID
			if known > 0 { // history to re-send
				ingest(h)
			}
			sets[w] = append(sets[w], h)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	if workers == 1 {
		for n := 0; n < b.N; n++ {
			ingest(sets[0][n%len(sets[0])])
		}
	} else {
		var next atomic.Int64
		b.SetParallelism((workers + 1) / 2) // GOMAXPROCS is 2 on the reference machines
		b.RunParallel(func(pb *testing.PB) {
			set := sets[int(next.Add(1)-1)%workers]
			for i := 0; pb.Next(); i++ {
				ingest(set[i%len(set)])
			}
		})
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "events/s")
}
