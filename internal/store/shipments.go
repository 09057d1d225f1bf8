package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// CreateShipment stores a new shipment with its first leg (its own carrier
// and number) and schedules that leg's first poll now. It sets sh.ID,
// the times and the leg.
func (s *Store) CreateShipment(ctx context.Context, sh *parcel.Shipment) error {
	if strings.TrimSpace(sh.Number) == "" {
		return errors.New("create shipment: tracking number is empty")
	}
	now := s.now().UTC()
	sh.CreatedAt, sh.UpdatedAt = now, now
	sh.Status = sh.State.Status()
	return s.inWriteTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `
			INSERT INTO shipments (user_id, number, carrier, title, origin, destination, order_date,
				protection_days, milestone, exception, sub_status, expired, status, last_event_at, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
			RETURNING id`,
			nullID(sh.UserID), sh.Number, sh.Carrier, sh.Title, sh.Origin, sh.Destination, nullMicros(sh.OrderDate),
			sh.ProtectionDays, string(sh.Milestone), string(sh.Exception), string(sh.SubStatus), sh.Expired,
			string(sh.Status), nullMicros(sh.LastEventAt), micros(now),
		).Scan(&sh.ID)
		if err != nil {
			return fmt.Errorf("create shipment %s: %w", sh.Number, err)
		}
		leg := parcel.Leg{ShipmentID: sh.ID, Carrier: sh.Carrier, Number: sh.Number, Role: parcel.RoleUnknown, Source: parcel.SourceUser}
		if err := s.addLeg(ctx, tx, &leg); err != nil {
			return err
		}
		sh.Legs = []parcel.Leg{leg}
		return nil
	})
}

const shipmentColumns = `id, user_id, number, carrier, title, origin, destination, order_date, protection_days,
	milestone, exception, sub_status, expired, status, last_event_at, created_at, updated_at`

func scanShipment(row interface{ Scan(...any) error }) (parcel.Shipment, error) {
	var (
		sh                          parcel.Shipment
		userID                      sql.NullInt64
		orderDate, lastEvent        sql.NullInt64
		createdAt, updatedAt        int64
		milestone, exc, sub, status string
	)
	err := row.Scan(&sh.ID, &userID, &sh.Number, &sh.Carrier, &sh.Title, &sh.Origin, &sh.Destination,
		&orderDate, &sh.ProtectionDays, &milestone, &exc, &sub, &sh.Expired, &status, &lastEvent, &createdAt, &updatedAt)
	if err != nil {
		return sh, err
	}
	sh.UserID = userID.Int64
	sh.OrderDate = fromNullMicros(orderDate)
	sh.LastEventAt = fromNullMicros(lastEvent)
	sh.CreatedAt, sh.UpdatedAt = fromMicros(createdAt), fromMicros(updatedAt)
	sh.Milestone, sh.Exception, sh.SubStatus = parcel.Milestone(milestone), parcel.Exception(exc), parcel.SubStatus(sub)
	sh.Status = parcel.Status(status)
	return sh, nil
}

// Shipment returns one shipment with its legs (not its events; see Events).
func (s *Store) Shipment(ctx context.Context, id int64) (parcel.Shipment, error) {
	sh, err := scanShipment(s.read.QueryRowContext(ctx, `SELECT `+shipmentColumns+` FROM shipments WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return sh, fmt.Errorf("shipment %d: %w", id, parcel.ErrNotFound)
	}
	if err != nil {
		return sh, fmt.Errorf("shipment %d: %w", id, err)
	}
	sh.Legs, err = s.Legs(ctx, id)
	return sh, err
}

// ShipmentFilter selects shipments to list. Zero fields don't filter.
type ShipmentFilter struct {
	UserID int64
	Number string
	Status parcel.Status
	// AfterID and Limit page through results in id order.
	AfterID int64
	Limit   int
}

// Shipments lists shipments matching f, in id order, without legs.
func (s *Store) Shipments(ctx context.Context, f ShipmentFilter) ([]parcel.Shipment, error) {
	var (
		where []string
		args  []any
	)
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if f.UserID != 0 {
		add("user_id = $%d", f.UserID)
	}
	if f.Number != "" {
		add("number = $%d", f.Number)
	}
	if f.Status != "" {
		add("status = $%d", string(f.Status))
	}
	add("id > $%d", f.AfterID)
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	args = append(args, limit)
	q := fmt.Sprintf(`SELECT %s FROM shipments WHERE %s ORDER BY id LIMIT $%d`, shipmentColumns, strings.Join(where, " AND "), len(args))
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list shipments: %w", err)
	}
	defer rows.Close()
	var out []parcel.Shipment
	for rows.Next() {
		sh, err := scanShipment(rows)
		if err != nil {
			return nil, fmt.Errorf("list shipments: %w", err)
		}
		out = append(out, sh)
	}
	return out, rows.Err()
}

// UpdateShipmentState records what parcelwatch now concludes about a
// shipment.
func (s *Store) UpdateShipmentState(ctx context.Context, id int64, st parcel.State) error {
	return s.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			UPDATE shipments SET milestone = $1, exception = $2, sub_status = $3, expired = $4, status = $5, updated_at = $6
			WHERE id = $7`,
			string(st.Milestone), string(st.Exception), string(st.SubStatus), st.Expired, string(st.Status()), micros(s.now()), id)
		if err != nil {
			return fmt.Errorf("update shipment %d: %w", id, err)
		}
		return expectOne(res, "shipment", id)
	})
}

// DeleteShipment removes a shipment with its legs, events, subscriptions and
// pending notifications.
func (s *Store) DeleteShipment(ctx context.Context, id int64) error {
	return s.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM shipments WHERE id = $1`, id)
		if err != nil {
			return fmt.Errorf("delete shipment %d: %w", id, err)
		}
		return expectOne(res, "shipment", id)
	})
}

// AddLeg links another carrier's number to a shipment and schedules it for
// polling. Adding a leg that exists is ErrConflict.
func (s *Store) AddLeg(ctx context.Context, leg *parcel.Leg) error {
	return s.inWriteTx(ctx, func(tx *sql.Tx) error { return s.addLeg(ctx, tx, leg) })
}

func (s *Store) addLeg(ctx context.Context, tx *sql.Tx, leg *parcel.Leg) error {
	if leg.Role == "" {
		leg.Role = parcel.RoleUnknown
	}
	if leg.Source == "" {
		leg.Source = parcel.SourceUser
	}
	now := s.now().UTC()
	leg.CreatedAt = now
	err := tx.QueryRowContext(ctx, `
		INSERT INTO legs (shipment_id, carrier, number, role, source, created_at)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (shipment_id, carrier, number) DO NOTHING
		RETURNING id`,
		leg.ShipmentID, leg.Carrier, leg.Number, string(leg.Role), string(leg.Source), micros(now)).Scan(&leg.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("leg %s %s of shipment %d: %w", leg.Carrier, leg.Number, leg.ShipmentID, parcel.ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("add leg %s %s: %w", leg.Carrier, leg.Number, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO poll_schedule (leg_id, next_poll_at) VALUES ($1, $2)`, leg.ID, micros(now))
	if err != nil {
		return fmt.Errorf("schedule leg %d: %w", leg.ID, err)
	}
	return nil
}

// Legs lists a shipment's legs in the order they were found.
func (s *Store) Legs(ctx context.Context, shipmentID int64) ([]parcel.Leg, error) {
	rows, err := s.read.QueryContext(ctx, `
		SELECT id, shipment_id, carrier, number, role, source, created_at
		FROM legs WHERE shipment_id = $1 ORDER BY id`, shipmentID)
	if err != nil {
		return nil, fmt.Errorf("legs of shipment %d: %w", shipmentID, err)
	}
	defer rows.Close()
	var legs []parcel.Leg
	for rows.Next() {
		var (
			l            parcel.Leg
			role, source string
			created      int64
		)
		if err := rows.Scan(&l.ID, &l.ShipmentID, &l.Carrier, &l.Number, &role, &source, &created); err != nil {
			return nil, fmt.Errorf("legs of shipment %d: %w", shipmentID, err)
		}
		l.Role, l.Source, l.CreatedAt = parcel.LegRole(role), parcel.LegSource(source), fromMicros(created)
		legs = append(legs, l)
	}
	return legs, rows.Err()
}

func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

func expectOne(res sql.Result, what string, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%s %d: %w", what, id, parcel.ErrNotFound)
	}
	return nil
}
