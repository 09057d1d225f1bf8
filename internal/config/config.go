// Package config reads parcelwatch's settings from flags and the
// environment, once, and checks them before anything starts, so a mistake
// is reported as one line that says what to fix.
package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// Engine names a database engine.
type Engine string

// Engines.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// Config is every setting, read and validated.
type Config struct {
	// DataDir holds the SQLite database and other local state.
	DataDir string
	// DatabaseURL is as given: postgres://…, postgresql://…, sqlite:PATH, a
	// plain file path, or empty for parcelwatch.db in DataDir.
	DatabaseURL string
	// Engine and DSN are DatabaseURL resolved by Validate.
	Engine Engine
	DSN    string

	Listen    string
	LogLevel  slog.Level
	LogFormat string // text or json
}

// Getenv reads an environment variable; os.Getenv in production.
type Getenv func(string) string

// Register adds the settings' flags to fs, with defaults from the
// environment, so a flag beats its variable and the variable beats the
// built-in default.
func (c *Config) Register(fs *flag.FlagSet, getenv Getenv, withListen bool) {
	fs.StringVar(&c.DatabaseURL, "db", getenv("DATABASE_URL"), "database `URL`: postgres://…, sqlite:PATH or a file path (env DATABASE_URL; default parcelwatch.db in the data directory)")
	fs.StringVar(&c.DataDir, "data-dir", or(getenv("PARCELWATCH_DATA_DIR"), defaultDataDir(getenv)), "data `directory` (env PARCELWATCH_DATA_DIR)")
	if withListen {
		fs.StringVar(&c.Listen, "listen", or(getenv("PARCELWATCH_LISTEN"), "127.0.0.1:8080"), "HTTP listen `address` (env PARCELWATCH_LISTEN)")
	}
	c.LogLevel = slog.LevelInfo
	if lvl := getenv("PARCELWATCH_LOG_LEVEL"); lvl != "" {
		// An unreadable value is reported by Validate through the flag.
		_ = c.LogLevel.UnmarshalText([]byte(lvl))
	}
	fs.TextVar(&c.LogLevel, "log-level", c.LogLevel, "log `level`: debug, info, warn or error (env PARCELWATCH_LOG_LEVEL)")
	fs.StringVar(&c.LogFormat, "log-format", or(getenv("PARCELWATCH_LOG_FORMAT"), "text"), "log `format`: text or json (env PARCELWATCH_LOG_FORMAT)")
}

// defaultDataDir follows the XDG base directory rules.
func defaultDataDir(getenv Getenv) string {
	if x := getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "parcelwatch")
	}
	if h := getenv("HOME"); h != "" {
		return filepath.Join(h, ".local", "share", "parcelwatch")
	}
	return "parcelwatch-data"
}

// Validate resolves the database and checks every setting. Its errors are
// single lines naming the setting and what to do.
func (c *Config) Validate() error {
	if err := c.resolveDatabase(); err != nil {
		return err
	}
	if c.Engine == SQLite {
		if err := checkWritableDir(filepath.Dir(c.DSN)); err != nil {
			if filepath.Dir(c.DSN) == filepath.Clean(c.DataDir) {
				return fmt.Errorf("data directory %s: %v; set --data-dir or PARCELWATCH_DATA_DIR to a writable directory", c.DataDir, err)
			}
			return fmt.Errorf("database file %s: %v; choose a writable place with --db or DATABASE_URL", c.DSN, err)
		}
	}
	if c.Listen != "" {
		if _, port, err := net.SplitHostPort(c.Listen); err != nil || port == "" {
			return fmt.Errorf("listen address %q: want host:port, such as 127.0.0.1:8080 or :8080 (--listen or PARCELWATCH_LISTEN)", c.Listen)
		}
	}
	switch c.LogFormat {
	case "text", "json":
	default:
		return fmt.Errorf("log format %q: use text or json (--log-format or PARCELWATCH_LOG_FORMAT)", c.LogFormat)
	}
	return nil
}

func (c *Config) resolveDatabase() error {
	raw := strings.TrimSpace(c.DatabaseURL)
	switch {
	case raw == "":
		c.Engine, c.DSN = SQLite, filepath.Join(c.DataDir, "parcelwatch.db")
		return nil
	case strings.HasPrefix(raw, "postgres://"), strings.HasPrefix(raw, "postgresql://"):
		u, err := url.Parse(raw)
		if err != nil {
			return fmt.Errorf("DATABASE_URL is not a valid URL (%v); use postgres://user:password@host:5432/dbname", unwrapURLError(err))
		}
		if u.Host == "" && u.Query().Get("host") == "" {
			return errors.New("DATABASE_URL has no host; use postgres://user:password@host:5432/dbname")
		}
		if port := u.Port(); port != "" {
			var n int
			if _, err := fmt.Sscanf(port, "%d", &n); err != nil || n < 1 || n > 65535 {
				return fmt.Errorf("DATABASE_URL port %q is not a port number (1-65535)", port)
			}
		}
		c.Engine, c.DSN = Postgres, raw
		return nil
	case strings.HasPrefix(raw, "sqlite:"):
		path := strings.TrimPrefix(strings.TrimPrefix(raw, "sqlite:"), "//")
		if path == "" {
			return errors.New("DATABASE_URL sqlite: has no file path; use sqlite:/path/to/parcelwatch.db")
		}
		c.Engine, c.DSN = SQLite, path
		return nil
	}
	if i := strings.Index(raw, "://"); i > 0 {
		return fmt.Errorf("DATABASE_URL scheme %q is not supported; use postgres://… for PostgreSQL or sqlite:PATH for SQLite", raw[:i])
	}
	c.Engine, c.DSN = SQLite, raw
	return nil
}

// checkWritableDir creates dir if needed and proves it takes a file.
func checkWritableDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create it (%v)", unwrapPathError(err))
	}
	f, err := os.CreateTemp(dir, ".parcelwatch-probe-*")
	if err != nil {
		return fmt.Errorf("cannot write to it (%v)", unwrapPathError(err))
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// Logger builds the logger the settings ask for.
func (c *Config) Logger(w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: c.LogLevel}
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
