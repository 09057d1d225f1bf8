package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// ClaimDuePolls leases up to limit legs whose next poll is due, for owner,
// until the lease runs out. On PostgreSQL several instances claim at once
// and each gets different legs; a leg whose owner died is claimable again
// when its lease expires.
func (s *Store) ClaimDuePolls(ctx context.Context, owner string, lease time.Duration, limit int) ([]parcel.PollJob, error) {
	now := s.now()
	expires := now.Add(lease)
	var jobs []parcel.PollJob
	err := s.inWriteTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `
			UPDATE poll_schedule SET lease_owner = $1, lease_expires_at = $2
			WHERE leg_id IN (
				SELECT leg_id FROM poll_schedule
				WHERE next_poll_at <= $3 AND (lease_expires_at IS NULL OR lease_expires_at <= $3)
				ORDER BY next_poll_at, leg_id
				LIMIT $4`+s.dialect.skipLocked+`)
			RETURNING leg_id, next_poll_at, consecutive_failures`,
			owner, micros(expires), micros(now), limit)
		if err != nil {
			return err
		}
		for rows.Next() {
			var (
				j    parcel.PollJob
				next int64
			)
			if err := rows.Scan(&j.Leg.ID, &next, &j.ConsecutiveFailures); err != nil {
				rows.Close()
				return err
			}
			j.NextPollAt, j.LeaseOwner, j.LeaseExpires = fromMicros(next), owner, expires.UTC()
			jobs = append(jobs, j)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		for i := range jobs {
			l := &jobs[i].Leg
			var role, source string
			var created int64
			err := tx.QueryRowContext(ctx, `SELECT shipment_id, carrier, number, role, source, created_at FROM legs WHERE id = $1`, l.ID).
				Scan(&l.ShipmentID, &l.Carrier, &l.Number, &role, &source, &created)
			if err != nil {
				return fmt.Errorf("leg %d: %w", l.ID, err)
			}
			l.Role, l.Source, l.CreatedAt = parcel.LegRole(role), parcel.LegSource(source), fromMicros(created)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("claim polls for %s: %w", owner, err)
	}
	slices.SortFunc(jobs, func(a, b parcel.PollJob) int {
		if c := a.NextPollAt.Compare(b.NextPollAt); c != 0 {
			return c
		}
		return cmp.Compare(a.Leg.ID, b.Leg.ID)
	})
	return jobs, nil
}

// PollOutcome is what came of polling a leg.
type PollOutcome struct {
	// Err is the failure, or nil when the carrier answered.
	Err error
	// Next is when to poll again; the zero time stops polling the leg
	// (delivered, returned, or given up).
	Next time.Time
}

// RecordPoll releases a claimed leg with its outcome: failures are counted
// until a success resets them. It is ErrLeaseLost if owner no longer holds
// the lease, in which case the caller must drop what it fetched.
func (s *Store) RecordPoll(ctx context.Context, owner string, legID int64, out PollOutcome) error {
	now := s.now()
	return s.inWriteTx(ctx, func(tx *sql.Tx) error {
		var (
			res sql.Result
			err error
		)
		if out.Next.IsZero() {
			res, err = tx.ExecContext(ctx, `DELETE FROM poll_schedule WHERE leg_id = $1 AND lease_owner = $2`, legID, owner)
		} else {
			failed := 0
			if out.Err != nil {
				failed = 1
			}
			res, err = tx.ExecContext(ctx, `
				UPDATE poll_schedule SET next_poll_at = $1, last_polled_at = $2, last_error = $3,
					consecutive_failures = CASE WHEN $4 = 1 THEN consecutive_failures + 1 ELSE 0 END,
					lease_owner = NULL, lease_expires_at = NULL
				WHERE leg_id = $5 AND lease_owner = $6`,
				micros(out.Next), micros(now), truncate(errorText(out.Err), 1000), failed, legID, owner)
		}
		if err != nil {
			return fmt.Errorf("record poll of leg %d: %w", legID, err)
		}
		return leaseHeld(res, "poll lease of leg", legID)
	})
}

// SchedulePoll sets when a leg is next polled, creating its schedule entry
// if polling had stopped.
func (s *Store) SchedulePoll(ctx context.Context, legID int64, at time.Time) error {
	return s.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO poll_schedule (leg_id, next_poll_at) VALUES ($1, $2)
			ON CONFLICT (leg_id) DO UPDATE SET next_poll_at = excluded.next_poll_at`,
			legID, micros(at))
		if err != nil {
			return fmt.Errorf("schedule poll of leg %d: %w", legID, err)
		}
		return nil
	})
}
