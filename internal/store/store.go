// Package store keeps parcelwatch's state in SQLite or PostgreSQL through
// one database/sql implementation. The SQL text is shared; the few dialect
// differences live in the dialect table (dialect.go).
//
// SQLite runs with one writer connection and a pool of readers in WAL mode,
// so writes never wait on "database is locked" and reads never wait on
// writes. PostgreSQL uses one pool for both.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations
var migrations embed.FS

// Engine names a database engine.
type Engine string

// Supported engines.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// Options say where the database is.
type Options struct {
	Engine Engine
	// DSN is a file path for SQLite and a postgres:// URL for PostgreSQL.
	DSN string
	// Now is the clock for created/updated times; time.Now when nil.
	Now    func() time.Time
	Logger *slog.Logger
}

// Store is parcelwatch's persistent state. It is safe for concurrent use.
type Store struct {
	dialect dialect
	write   *sql.DB // the one writer on SQLite; the shared pool on PostgreSQL
	read    *sql.DB
	now     func() time.Time
	log     *slog.Logger
}

// Open connects to the database and checks that it answers. It does not
// migrate; call Migrate.
func Open(ctx context.Context, opts Options) (*Store, error) {
	s := &Store{now: opts.Now, log: opts.Logger}
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	var err error
	switch opts.Engine {
	case SQLite:
		err = s.openSQLite(ctx, opts.DSN)
	case Postgres:
		err = s.openPostgres(ctx, opts.DSN)
	default:
		err = fmt.Errorf("unsupported database engine %q: use sqlite or postgres", opts.Engine)
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) openSQLite(ctx context.Context, path string) error {
	s.dialect = sqliteDialect
	if path == "" {
		return errors.New("sqlite: no database file given")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("sqlite: cannot create directory for %s: %w", path, err)
		}
	}
	pragmas := "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)"
	var err error
	// _txlock=immediate takes the write lock at BEGIN, so two writers can
	// never deadlock upgrading read locks.
	s.write, err = sql.Open("sqlite", "file:"+path+"?"+pragmas+"&_txlock=immediate")
	if err != nil {
		return fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s.write.SetMaxOpenConns(1)
	s.write.SetConnMaxIdleTime(0)
	if err := s.write.PingContext(ctx); err != nil {
		return fmt.Errorf("sqlite: cannot open %s: %w (check that the directory is writable)", path, err)
	}
	// Probe a real write: an unwritable file opens fine and fails later.
	if _, err := s.write.ExecContext(ctx, "PRAGMA user_version"); err != nil {
		return fmt.Errorf("sqlite: cannot use %s: %w", path, err)
	}
	s.read, err = sql.Open("sqlite", "file:"+path+"?"+pragmas+"&_pragma=query_only(1)")
	if err != nil {
		return fmt.Errorf("sqlite: open %s for reading: %w", path, err)
	}
	s.read.SetMaxOpenConns(4)
	return nil
}

func (s *Store) openPostgres(ctx context.Context, dsn string) error {
	s.dialect = postgresDialect
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return fmt.Errorf("postgres: bad DATABASE_URL: %w", err)
	}
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s.write, s.read = db, db
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		return fmt.Errorf("postgres: cannot reach %s: %s; check DATABASE_URL and that the server is running", redact(dsn), rootCause(err))
	}
	return nil
}

// Close releases the connections.
func (s *Store) Close() error {
	var errs []error
	if s.read != nil && s.read != s.write {
		errs = append(errs, s.read.Close())
	}
	if s.write != nil {
		errs = append(errs, s.write.Close())
	}
	return errors.Join(errs...)
}

// Engine reports which database engine the store runs on.
func (s *Store) Engine() Engine { return s.dialect.engine }

// Migrate applies every pending migration.
func (s *Store) Migrate(ctx context.Context) error {
	p, err := s.migrator()
	if err != nil {
		return err
	}
	results, err := p.Up(ctx)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", s.dialect.engine, err)
	}
	for _, r := range results {
		s.log.Info("applied migration", "engine", s.dialect.engine, "version", r.Source.Version, "file", r.Source.Path, "took", r.Duration)
	}
	return nil
}

// Migration is one schema version and whether it is applied.
type Migration struct {
	Version   int64
	Name      string
	Applied   bool
	AppliedAt time.Time
}

// Migrations lists every known schema version and its state.
func (s *Store) Migrations(ctx context.Context) ([]Migration, error) {
	p, err := s.migrator()
	if err != nil {
		return nil, err
	}
	st, err := p.Status(ctx)
	if err != nil {
		return nil, fmt.Errorf("migration status: %w", err)
	}
	out := make([]Migration, 0, len(st))
	for _, m := range st {
		out = append(out, Migration{
			Version:   m.Source.Version,
			Name:      filepath.Base(m.Source.Path),
			Applied:   m.State == goose.StateApplied,
			AppliedAt: m.AppliedAt,
		})
	}
	return out, nil
}

// Ready reports nil when the database answers and every migration is
// applied; it backs /readyz.
func (s *Store) Ready(ctx context.Context) error {
	if err := s.read.PingContext(ctx); err != nil {
		return fmt.Errorf("database unreachable: %w", err)
	}
	p, err := s.migrator()
	if err != nil {
		return err
	}
	pending, err := p.HasPending(ctx)
	if err != nil {
		return fmt.Errorf("checking migrations: %w", err)
	}
	if pending {
		return errors.New("database has pending migrations: run parcelwatch migrate up")
	}
	return nil
}

func (s *Store) migrator() (*goose.Provider, error) {
	sub, err := fs.Sub(migrations, "migrations/"+string(s.dialect.engine))
	if err != nil {
		return nil, err
	}
	p, err := goose.NewProvider(s.dialect.goose, s.write, sub)
	if err != nil {
		return nil, fmt.Errorf("loading migrations: %w", err)
	}
	return p, nil
}

// inWriteTx runs fn in one write transaction, committing when it returns nil.
func (s *Store) inWriteTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	ctx = s.dialect.writeContext(ctx)
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// redact hides the password in a database URL for messages and logs.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.Host == "" {
		return "the configured database"
	}
	if u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
	}
	u.RawQuery = ""
	return u.String()
}

// rootCause shortens a driver's chain of wrapped errors to the part a person
// can act on ("connection refused", "no such host").
func rootCause(err error) string {
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		return op.Err.Error()
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 && i+2 < len(msg) {
		return msg[i+2:]
	}
	return msg
}
