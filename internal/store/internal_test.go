package store

import (
	"context"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// Both dialect folders must hold the same migration versions, so one version
// number means one schema whatever the engine.
func TestMigrationVersionsMatch(t *testing.T) {
	versions := func(engine Engine) []string {
		entries, err := fs.ReadDir(migrations, "migrations/"+string(engine))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range entries {
			out = append(out, e.Name())
		}
		return out
	}
	lite, pg := versions(SQLite), versions(Postgres)
	if len(lite) == 0 || !slices.Equal(lite, pg) {
		t.Errorf("migration files differ:\n sqlite   %v\n postgres %v", lite, pg)
	}
}

// Token secrets are stored only as hashes.
func TestTokenSecretNotStored(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, Options{Engine: SQLite, DSN: filepath.Join(t.TempDir(), "db")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	u := parcel.User{Email: "a@example.com"}
	if err := s.CreateUser(ctx, &u); err != nil {
		t.Fatal(err)
	}
	secret, _, err := s.IssueToken(ctx, u.ID, "t", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var stored string
	if err := s.read.QueryRow(`SELECT secret_hash FROM api_tokens`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stored, secret[len(tokenPrefix):]) || stored != hashSecret(secret) {
		t.Errorf("stored %q for secret %q: want only its SHA-256", stored, secret)
	}
}

func TestInsertEventsSQL(t *testing.T) {
	q := insertEventsSQL(sqliteDialect, 2)
	if strings.Count(q, "?") != 2*eventColumnCount || strings.Contains(q, "$") {
		t.Errorf("placeholders wrong: %s", q)
	}
	if got := strings.Count(insertEventsArrays, "[]"); got != eventColumnCount { // + $20 and $21 after the arrays
		t.Errorf("insertEventsArrays has %d arrays, want %d", got, eventColumnCount)
	}
	if got := len(eventArrays([]parcel.Event{{}})); got != eventColumnCount {
		t.Errorf("eventArrays builds %d arrays, want %d", got, eventColumnCount)
	}
	if n := strings.Count(eventColumns, ",") + 1; n != eventColumnCount {
		t.Errorf("eventColumns has %d columns, eventColumnCount says %d", n, eventColumnCount)
	}
}

func TestRedact(t *testing.T) {
	got := redact("postgres://u:hunter2@db:5432/x?sslmode=disable&password=hunter2")
	if strings.Contains(got, "hunter2") {
		t.Errorf("redact leaked the password: %s", got)
	}
}
