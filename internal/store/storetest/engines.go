package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parcelwatch/parcelwatch/internal/store"
)

// DefaultPostgresURL is the PostgreSQL service of the development and CI
// machines; PARCELWATCH_TEST_DATABASE_URL overrides it.
const DefaultPostgresURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// PostgresURL is the server the PostgreSQL tests use.
func PostgresURL() string {
	if u := os.Getenv("PARCELWATCH_TEST_DATABASE_URL"); u != "" {
		return u
	}
	return DefaultPostgresURL
}

// postgresRequired is true in CI and under the project's test script: there a
// missing server fails the tests instead of skipping them.
func postgresRequired() bool {
	return os.Getenv("CI") != "" || os.Getenv("PARCELWATCH_TEST_REQUIRE_POSTGRES") != ""
}

// OpenSQLite opens a new migrated SQLite store in a temporary directory.
func OpenSQLite(t testing.TB, now func() time.Time) *store.Store {
	t.Helper()
	return openMigrated(t, store.Options{Engine: store.SQLite, DSN: filepath.Join(t.TempDir(), "parcelwatch.db"), Now: now})
}

// OpenPostgres opens a new migrated PostgreSQL store in a schema of its own,
// dropped when the test ends. Where no server answers it skips, except in CI
// or under PARCELWATCH_TEST_REQUIRE_POSTGRES, where it fails.
func OpenPostgres(t testing.TB, now func() time.Time) *store.Store {
	t.Helper()
	base := PostgresURL()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	t.Cleanup(func() { admin.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := admin.PingContext(ctx); err != nil {
		if postgresRequired() {
			t.Fatalf("PostgreSQL at %s is required here but does not answer: %v", base, err)
		}
		t.Skipf("PostgreSQL at %s does not answer (%v); set PARCELWATCH_TEST_DATABASE_URL", base, err)
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "pwtest_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("bad PostgreSQL URL %q: %v", base, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	s := openMigrated(t, store.Options{Engine: store.Postgres, DSN: u.String(), Now: now})
	t.Cleanup(func() {
		if _, err := admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	return s
}

func openMigrated(t testing.TB, opts store.Options) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, opts)
	if err != nil {
		t.Fatalf("open %s store: %v", opts.Engine, err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatalf("migrate %s store: %v", opts.Engine, err)
	}
	return s
}
