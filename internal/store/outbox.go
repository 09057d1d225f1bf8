package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// Enqueue writes notifications to the outbox on their own. Notifications
// caused by new events are better written through AddEvents' AfterAdd, in
// the same transaction as the events.
func (s *Store) Enqueue(ctx context.Context, msgs ...parcel.OutboxMessage) error {
	return s.inWriteTx(ctx, func(tx *sql.Tx) error { return s.enqueue(ctx, tx, msgs) })
}

func (s *Store) enqueue(ctx context.Context, tx *sql.Tx, msgs []parcel.OutboxMessage) error {
	now := s.now().UTC()
	for _, m := range msgs {
		available := m.AvailableAt
		if available.IsZero() {
			available = now
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO outbox (subscription_id, shipment_id, topic, payload, created_at, available_at)
			VALUES ($1, $2, $3, $4, $5, $6)`,
			nullID(m.SubscriptionID), nullID(m.ShipmentID), m.Topic, string(m.Payload), micros(now), micros(available))
		if err != nil {
			return fmt.Errorf("enqueue %s notification: %w", m.Topic, err)
		}
	}
	return nil
}

// ClaimOutbox leases up to limit undelivered messages that are due, for
// owner, until the lease runs out. Messages leased by an instance that died
// become claimable again when its lease expires.
func (s *Store) ClaimOutbox(ctx context.Context, owner string, lease time.Duration, limit int) ([]parcel.OutboxMessage, error) {
	now := s.now()
	var out []parcel.OutboxMessage
	err := s.inWriteTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `
			UPDATE outbox SET lease_owner = $1, lease_expires_at = $2
			WHERE id IN (
				SELECT id FROM outbox
				WHERE delivered_at IS NULL AND available_at <= $3
				  AND (lease_expires_at IS NULL OR lease_expires_at <= $3)
				ORDER BY available_at, id
				LIMIT $4`+s.dialect.skipLocked+`)
			RETURNING id, subscription_id, shipment_id, topic, payload, created_at, available_at, attempts, last_error`,
			owner, micros(now.Add(lease)), micros(now), limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var (
				m                  parcel.OutboxMessage
				sub, shipment      sql.NullInt64
				payload            string
				created, available int64
			)
			if err := rows.Scan(&m.ID, &sub, &shipment, &m.Topic, &payload, &created, &available, &m.Attempts, &m.LastError); err != nil {
				return err
			}
			m.SubscriptionID, m.ShipmentID, m.Payload = sub.Int64, shipment.Int64, []byte(payload)
			m.CreatedAt, m.AvailableAt = fromMicros(created), fromMicros(available)
			out = append(out, m)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("claim outbox for %s: %w", owner, err)
	}
	slices.SortFunc(out, func(a, b parcel.OutboxMessage) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// CompleteOutbox marks a claimed message delivered. It is ErrLeaseLost if
// owner no longer holds the lease.
func (s *Store) CompleteOutbox(ctx context.Context, owner string, id int64) error {
	return s.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			UPDATE outbox SET delivered_at = $1, attempts = attempts + 1, lease_owner = NULL, lease_expires_at = NULL
			WHERE id = $2 AND lease_owner = $3 AND delivered_at IS NULL`,
			micros(s.now()), id, owner)
		if err != nil {
			return fmt.Errorf("complete outbox message %d: %w", id, err)
		}
		return leaseHeld(res, "outbox message", id)
	})
}

// RetryOutbox records a failed delivery and makes the message due again at
// next. It is ErrLeaseLost if owner no longer holds the lease.
func (s *Store) RetryOutbox(ctx context.Context, owner string, id int64, cause error, next time.Time) error {
	return s.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			UPDATE outbox SET attempts = attempts + 1, last_error = $1, available_at = $2,
				lease_owner = NULL, lease_expires_at = NULL
			WHERE id = $3 AND lease_owner = $4 AND delivered_at IS NULL`,
			truncate(errorText(cause), 1000), micros(next), id, owner)
		if err != nil {
			return fmt.Errorf("retry outbox message %d: %w", id, err)
		}
		return leaseHeld(res, "outbox message", id)
	})
}

func leaseHeld(res sql.Result, what string, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%s %d: %w", what, id, parcel.ErrLeaseLost)
	}
	return nil
}

func errorText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "")
}
