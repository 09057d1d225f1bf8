package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/parcelwatch/parcelwatch/journey"
	"github.com/parcelwatch/parcelwatch/parcel"
)

// historyMilestones are the milestones of the history table's columns, in
// journey order; historyColumns names those columns.
var (
	historyMilestones = parcel.Milestones()
	historyColumns    = func() []string {
		cols := make([]string, len(historyMilestones))
		for i, m := range historyMilestones {
			cols[i] = string(m) + "_at"
		}
		return cols
	}()
)

// historyBatch is how many rows one INSERT carries (18 columns each).
const historyBatch = 500

// AddHistory stores completed shipments; a shipment whose id is already
// stored is skipped, so importing a file twice loads nothing new. It returns
// how many were new.
func (s *Store) AddHistory(ctx context.Context, shipments []journey.Completed) (int, error) {
	added := 0
	now := micros(s.now())
	cols := "id, origin, destination, carrier, " + strings.Join(historyColumns, ", ") + ", imported_at"
	perRow := 4 + len(historyColumns) + 1
	err := s.inWriteTx(ctx, func(tx *sql.Tx) error {
		for start := 0; start < len(shipments); start += historyBatch {
			chunk := shipments[start:min(start+historyBatch, len(shipments))]
			var b strings.Builder
			b.WriteString("INSERT INTO history (" + cols + ") VALUES ")
			args := make([]any, 0, len(chunk)*perRow)
			writeValues(&b, s.dialect, len(chunk), perRow)
			for i := range chunk {
				c := &chunk[i]
				args = append(args, c.ID, c.Origin, c.Destination, c.Carrier)
				for _, m := range historyMilestones {
					args = append(args, nullMicros(c.At(m)))
				}
				args = append(args, now)
			}
			b.WriteString(" ON CONFLICT (id) DO NOTHING")
			res, err := tx.ExecContext(ctx, b.String(), args...)
			if err != nil {
				return fmt.Errorf("add history: %w", err)
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			added += int(n)
		}
		return nil
	})
	return added, err
}

// History returns every completed shipment.
func (s *Store) History(ctx context.Context) ([]journey.Completed, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, origin, destination, carrier, `+strings.Join(historyColumns, ", ")+` FROM history`)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	defer rows.Close()
	var out []journey.Completed
	stamps := make([]sql.NullInt64, len(historyColumns))
	dst := make([]any, 0, 4+len(stamps))
	for rows.Next() {
		var c journey.Completed
		dst = append(dst[:0], &c.ID, &c.Origin, &c.Destination, &c.Carrier)
		for i := range stamps {
			dst = append(dst, &stamps[i])
		}
		if err := rows.Scan(dst...); err != nil {
			return nil, fmt.Errorf("history: %w", err)
		}
		for i, m := range historyMilestones {
			c.Set(m, fromNullMicros(stamps[i]))
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
