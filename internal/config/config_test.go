package config

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func load(t *testing.T, env map[string]string, args ...string) (Config, error) {
	t.Helper()
	var c Config
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.Register(fs, func(k string) string { return env[k] }, true)
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	return c, c.Validate()
}

func TestDefaults(t *testing.T) {
	home := t.TempDir()
	c, err := load(t, map[string]string{"HOME": home})
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(home, ".local", "share", "parcelwatch")
	if c.DataDir != want || c.Engine != SQLite || c.DSN != filepath.Join(want, "parcelwatch.db") || c.Listen != "127.0.0.1:8080" {
		t.Errorf("defaults: %+v", c)
	}
	if _, err := os.Stat(want); err != nil {
		t.Errorf("data directory not created on first use: %v", err)
	}
	xdg := t.TempDir()
	c, _ = load(t, map[string]string{"HOME": home, "XDG_DATA_HOME": xdg})
	if c.DataDir != filepath.Join(xdg, "parcelwatch") {
		t.Errorf("XDG_DATA_HOME ignored: %s", c.DataDir)
	}
}

func TestFlagBeatsEnvironment(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"PARCELWATCH_DATA_DIR": filepath.Join(dir, "env"), "PARCELWATCH_LISTEN": ":9000", "DATABASE_URL": "postgres://u@db:5432/x"}
	c, err := load(t, env)
	if err != nil {
		t.Fatal(err)
	}
	if c.Engine != Postgres || c.Listen != ":9000" {
		t.Errorf("environment not read: %+v", c)
	}
	c, err = load(t, env, "--db", "sqlite:"+filepath.Join(dir, "f.db"), "--listen", "127.0.0.1:1", "--data-dir", filepath.Join(dir, "flag"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Engine != SQLite || c.DSN != filepath.Join(dir, "f.db") || c.Listen != "127.0.0.1:1" || c.DataDir != filepath.Join(dir, "flag") {
		t.Errorf("flags did not win: %+v", c)
	}
}

func TestDatabaseURLs(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		url    string
		engine Engine
		dsn    string
	}{
		{"postgres://postgres@127.0.0.1:5432/test", Postgres, "postgres://postgres@127.0.0.1:5432/test"},
		{"postgresql://u:p@db/x?sslmode=disable", Postgres, "postgresql://u:p@db/x?sslmode=disable"},
		{"sqlite:" + dir + "/a.db", SQLite, dir + "/a.db"},
		{"sqlite://" + dir + "/b.db", SQLite, dir + "/b.db"},
		{dir + "/c.db", SQLite, dir + "/c.db"},
	}
	for _, tt := range tests {
		c, err := load(t, map[string]string{"HOME": dir}, "--db", tt.url)
		if err != nil || c.Engine != tt.engine || c.DSN != tt.dsn {
			t.Errorf("%s: engine %s dsn %s err %v", tt.url, c.Engine, c.DSN, err)
		}
	}
}

func TestBadSettings(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unsupported scheme", []string{"--db", "mysql://root@localhost/x"}, `scheme "mysql" is not supported`},
		{"postgres without host", []string{"--db", "postgres:///x"}, "has no host"},
		{"bad port", []string{"--db", "postgres://u@db:99999/x"}, "not a port number"},
		{"empty sqlite path", []string{"--db", "sqlite:"}, "has no file path"},
		{"unwritable data dir", []string{"--data-dir", filepath.Join(file, "sub")}, "set --data-dir or PARCELWATCH_DATA_DIR to a writable directory"},
		{"unwritable db file", []string{"--db", filepath.Join(file, "x.db")}, "choose a writable place"},
		{"bad listen", []string{"--listen", "8080"}, "want host:port"},
		{"bad log format", []string{"--log-format", "xml"}, "use text or json"},
	}
	for _, tt := range tests {
		_, err := load(t, map[string]string{"HOME": dir}, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want an error containing %q", tt.name, err, tt.want)
			continue
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: message is not one line: %q", tt.name, err)
		}
	}
	if _, err := load(t, map[string]string{"HOME": dir}, "--log-level", "loud"); err == nil {
		t.Error("bad log level: want an error")
	}
}

// FuzzDatabaseURL: any DATABASE_URL either resolves to an engine or gives
// a one-line error; it never panics.
func FuzzDatabaseURL(f *testing.F) {
	for _, s := range []string{"postgres://u@h:5432/db", "sqlite:/tmp/x.db", "mysql://x", "postgres://[::1", "", "postgresql://h:0/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c := Config{DatabaseURL: raw, DataDir: "/nonexistent"}
		err := c.resolveDatabase()
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error for %q: %q", raw, err)
			}
			return
		}
		if c.Engine != SQLite && c.Engine != Postgres {
			t.Fatalf("%q resolved to engine %q", raw, c.Engine)
		}
	})
}
