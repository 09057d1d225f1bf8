package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// eventColumns are written by AddEvents, in this order.
const eventColumns = `shipment_id, leg_id, carrier, number, occurred_at, utc_offset, location, country,
	raw_code, raw_text, language, raw, milestone, exception, sub_status, confidence, rule, fingerprint, received_at,
	linked_carrier, linked_number`

const eventColumnCount = 21

// maxEventsPerStatement keeps a multi-row INSERT under SQLite's limit of
// 32766 parameters.
const maxEventsPerStatement = 500

// AfterAdd is called inside AddEvents' transaction with the events that were
// new. The outbox messages it returns are written in the same transaction.
type AfterAdd func(added []parcel.Event) ([]parcel.OutboxMessage, error)

// AddEvents stores a batch of events of one shipment in one transaction.
// An event whose fingerprint the shipment already has is skipped, so the
// same event received by polling and by push is stored once; events without
// a fingerprint get one. It returns the events that were new, with their IDs,
// and moves the shipment's last-event time forward.
func (s *Store) AddEvents(ctx context.Context, shipmentID int64, events []parcel.Event, after AfterAdd) ([]parcel.Event, error) {
	if len(events) == 0 {
		return nil, nil
	}
	batch := make([]parcel.Event, 0, len(events))
	seen := make(map[string]struct{}, len(events))
	received := s.now().UTC()
	for _, e := range events {
		if e.Fingerprint == "" {
			e.Fingerprint = e.ComputeFingerprint()
		}
		if _, dup := seen[e.Fingerprint]; dup {
			continue
		}
		seen[e.Fingerprint] = struct{}{}
		if e.Milestone == parcel.MilestoneNone {
			e.Milestone = parcel.MilestoneUnknown
		}
		e.ShipmentID = shipmentID
		e.ReceivedAt = received
		batch = append(batch, e)
	}
	if after == nil && s.dialect.arrayParams {
		// One statement stores the batch and moves the last-event time:
		// atomic on its own, without BEGIN and COMMIT round trips.
		added, err := s.writeEvents(s.dialect.writeContext(ctx), s.write, shipmentID, batch, received)
		if err != nil {
			return nil, fmt.Errorf("add events to shipment %d: %w", shipmentID, err)
		}
		return added, nil
	}
	var added []parcel.Event
	err := s.inWriteTx(ctx, func(tx *sql.Tx) error {
		var err error
		added, err = s.writeEvents(ctx, tx, shipmentID, batch, received)
		if err != nil {
			return fmt.Errorf("add events to shipment %d: %w", shipmentID, err)
		}
		if after == nil || len(added) == 0 {
			return nil
		}
		msgs, err := after(added)
		if err != nil {
			return err
		}
		return s.enqueue(ctx, tx, msgs)
	})
	if err != nil {
		return nil, err
	}
	return added, nil
}

// querier is what a transaction and the pool both offer.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// writeEvents inserts a de-duplicated batch, moves the shipment's last-event
// time forward, and returns the events that were new.
func (s *Store) writeEvents(ctx context.Context, q querier, shipmentID int64, batch []parcel.Event, received time.Time) ([]parcel.Event, error) {
	if s.dialect.arrayParams {
		rows, err := q.QueryContext(ctx, insertEventsArrays, append(eventArrays(batch), micros(received), shipmentID)...)
		if err != nil {
			return nil, err
		}
		return collectAdded(rows, batch, nil)
	}
	var added []parcel.Event
	for start := 0; start < len(batch); start += maxEventsPerStatement {
		chunk := batch[start:min(start+maxEventsPerStatement, len(batch))]
		rows, err := q.QueryContext(ctx, insertEventsSQL(s.dialect, len(chunk)), eventRows(chunk)...)
		if err != nil {
			return nil, err
		}
		if added, err = collectAdded(rows, chunk, added); err != nil {
			return nil, err
		}
	}
	if len(added) == 0 {
		return nil, nil
	}
	var latest time.Time
	for _, e := range added {
		if e.Time.After(latest) {
			latest = e.Time
		}
	}
	_, err := q.ExecContext(ctx, `
		UPDATE shipments SET last_event_at = $1, updated_at = $2
		WHERE id = $3 AND (last_event_at IS NULL OR last_event_at < $1)`,
		micros(latest), micros(received), shipmentID)
	if err != nil {
		return nil, err
	}
	return added, nil
}

// collectAdded reads the (id, fingerprint) rows an insert returned and
// appends the matching events of batch to added, in batch order (RETURNING
// promises no order).
func collectAdded(rows *sql.Rows, batch []parcel.Event, added []parcel.Event) ([]parcel.Event, error) {
	defer rows.Close()
	byPrint := make(map[string]int64, len(batch))
	for rows.Next() {
		var (
			id int64
			fp string
		)
		if err := rows.Scan(&id, &fp); err != nil {
			return nil, err
		}
		byPrint[fp] = id
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, e := range batch {
		if id, ok := byPrint[e.Fingerprint]; ok {
			e.ID = id
			added = append(added, e)
		}
	}
	return added, nil
}

// eventValues lists an event's column values in eventColumns order.
func eventValues(e *parcel.Event) [eventColumnCount]any {
	_, offset := e.Time.Zone()
	var raw sql.NullString
	if len(e.Raw) > 0 {
		raw = sql.NullString{String: string(e.Raw), Valid: true}
	}
	return [eventColumnCount]any{e.ShipmentID, nullID(e.LegID), e.Carrier, e.Number, micros(e.Time), offset,
		e.Location, e.Country, e.RawCode, e.RawText, e.Language, raw, string(e.Milestone),
		string(e.Exception), string(e.SubStatus), e.Confidence, e.Rule, e.Fingerprint, micros(e.ReceivedAt),
		e.LinkedCarrier, e.LinkedNumber}
}

// eventRows flattens events into the arguments of insertEventsSQL.
func eventRows(events []parcel.Event) []any {
	args := make([]any, 0, len(events)*eventColumnCount)
	for i := range events {
		v := eventValues(&events[i])
		args = append(args, v[:]...)
	}
	return args
}

// insertEventsArrays inserts a batch from one array per column and moves the
// shipment's last-event time, in one statement. PostgreSQL plans it once
// whatever the batch size, where a multi-row VALUES with hundreds of
// parameters costs more to plan than to run. $22 is the receive time, $23
// the shipment.
const insertEventsArrays = `WITH added AS (
	INSERT INTO events (` + eventColumns + `)
	SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::int[],
		$7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
		$14::text[], $15::text[], $16::float8[], $17::text[], $18::text[], $19::bigint[], $20::text[], $21::text[])
	ON CONFLICT (shipment_id, fingerprint) DO NOTHING
	RETURNING id, fingerprint, occurred_at
), moved AS (
	UPDATE shipments SET last_event_at = (SELECT max(occurred_at) FROM added), updated_at = $22
	WHERE id = $23 AND (SELECT max(occurred_at) FROM added) > COALESCE(last_event_at, -1)
)
SELECT id, fingerprint FROM added`

// eventArrays builds the column arrays of insertEventsArrays.
func eventArrays(events []parcel.Event) []any {
	n := len(events)
	var (
		shipment, occurred, received = make([]int64, n), make([]int64, n), make([]int64, n)
		leg                          = make([]*int64, n)
		offset                       = make([]int32, n)
		confidence                   = make([]float64, n)
		raw                          = make([]*string, n)
		text                         [14][]string
	)
	for i := range text {
		text[i] = make([]string, n)
	}
	carrier, number, location, country, code, rawText, lang, milestone, exc, sub, rule, fp := text[0], text[1], text[2], text[3], text[4], text[5], text[6], text[7], text[8], text[9], text[10], text[11]
	linkedCarrier, linkedNumber := text[12], text[13]
	for i := range events {
		e := &events[i]
		shipment[i], occurred[i], received[i] = e.ShipmentID, micros(e.Time), micros(e.ReceivedAt)
		if e.LegID != 0 {
			leg[i] = &e.LegID
		}
		_, off := e.Time.Zone()
		offset[i], confidence[i] = int32(off), e.Confidence
		if len(e.Raw) > 0 {
			r := string(e.Raw)
			raw[i] = &r
		}
		carrier[i], number[i], location[i], country[i], code[i], rawText[i] = e.Carrier, e.Number, e.Location, e.Country, e.RawCode, e.RawText
		lang[i], milestone[i], exc[i], sub[i], rule[i], fp[i] = e.Language, string(e.Milestone), string(e.Exception), string(e.SubStatus), e.Rule, e.Fingerprint
		linkedCarrier[i], linkedNumber[i] = e.LinkedCarrier, e.LinkedNumber
	}
	return []any{shipment, leg, carrier, number, occurred, offset, location, country, code, rawText, lang, raw,
		milestone, exc, sub, confidence, rule, fp, received, linkedCarrier, linkedNumber}
}

// insertEventsSQL builds a multi-row INSERT for n events. The text depends
// only on n, so the driver's statement cache sees few distinct statements.
func insertEventsSQL(d dialect, n int) string {
	var b strings.Builder
	b.Grow(120 + n*eventColumnCount*5)
	b.WriteString("INSERT INTO events (")
	b.WriteString(eventColumns)
	b.WriteString(") VALUES ")
	writeValues(&b, d, n, eventColumnCount)
	b.WriteString(" ON CONFLICT (shipment_id, fingerprint) DO NOTHING RETURNING id, fingerprint")
	return b.String()
}

// Events lists a shipment's events in the order they happened.
func (s *Store) Events(ctx context.Context, shipmentID int64) ([]parcel.Event, error) {
	rows, err := s.read.QueryContext(ctx, `
		SELECT id, `+eventColumns+` FROM events WHERE shipment_id = $1 ORDER BY occurred_at, id`, shipmentID)
	if err != nil {
		return nil, fmt.Errorf("events of shipment %d: %w", shipmentID, err)
	}
	defer rows.Close()
	var out []parcel.Event
	for rows.Next() {
		var (
			e                   parcel.Event
			legID               sql.NullInt64
			occurred, received  int64
			offset              int
			raw                 sql.NullString
			milestone, exc, sub string
		)
		err := rows.Scan(&e.ID, &e.ShipmentID, &legID, &e.Carrier, &e.Number, &occurred, &offset, &e.Location,
			&e.Country, &e.RawCode, &e.RawText, &e.Language, &raw, &milestone, &exc, &sub, &e.Confidence,
			&e.Rule, &e.Fingerprint, &received, &e.LinkedCarrier, &e.LinkedNumber)
		if err != nil {
			return nil, fmt.Errorf("events of shipment %d: %w", shipmentID, err)
		}
		e.LegID = legID.Int64
		e.Time = time.UnixMicro(occurred).In(zoneFor(offset))
		e.ReceivedAt = fromMicros(received)
		if raw.Valid {
			e.Raw = []byte(raw.String)
		}
		e.Milestone, e.Exception, e.SubStatus = parcel.Milestone(milestone), parcel.Exception(exc), parcel.SubStatus(sub)
		out = append(out, e)
	}
	return out, rows.Err()
}

// zoneFor restores the carrier's UTC offset on a stored time.
func zoneFor(offset int) *time.Location {
	if offset == 0 {
		return time.UTC
	}
	return time.FixedZone("", offset)
}
