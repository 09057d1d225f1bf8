package store

import (
	"context"
	"strconv"
	"strings"

	"github.com/pressly/goose/v3"
)

// dialect holds every difference between the engines that the SQL text can't
// hide, in one place rather than in scattered ifs.
type dialect struct {
	engine Engine
	goose  goose.Dialect
	// skipLocked ends a claim query's inner SELECT. PostgreSQL lets several
	// instances claim different rows at once; SQLite has one writer, which
	// already serialises claims.
	skipLocked string
	// detachWrites makes writes ignore cancellation. modernc's SQLite
	// interrupts a statement when its context is cancelled, which can leave a
	// transaction half-finished on the single writer connection; a write is
	// short, so it is let finish.
	detachWrites bool
	// arrayParams selects batch inserts that pass one array per column
	// (PostgreSQL's unnest). Without it a batch is a multi-row VALUES with
	// plain ? placeholders: SQLite looks $N names up in a list, which is
	// quadratic over hundreds of parameters.
	arrayParams bool
}

var (
	sqliteDialect   = dialect{engine: SQLite, goose: goose.DialectSQLite3, detachWrites: true}
	postgresDialect = dialect{engine: Postgres, goose: goose.DialectPostgres, skipLocked: " FOR UPDATE SKIP LOCKED", arrayParams: true}
)

func (d dialect) writeContext(ctx context.Context) context.Context {
	if d.detachWrites {
		return context.WithoutCancel(ctx)
	}
	return ctx
}

// placeholder is the n-th (1-based) parameter of generated SQL: $n on
// PostgreSQL, ? on SQLite (see arrayParams for why).
func (d dialect) placeholder(n int) string {
	if d.engine == Postgres {
		return "$" + strconv.Itoa(n)
	}
	return "?"
}

// writeValues writes the placeholders of a multi-row VALUES list: rows
// groups of cols parameters, numbered on from 1.
func writeValues(b *strings.Builder, d dialect, rows, cols int) {
	n := 1
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for c := 0; c < cols; c++ {
			if c > 0 {
				b.WriteByte(',')
			}
			b.WriteString(d.placeholder(n))
			n++
		}
		b.WriteByte(')')
	}
}
