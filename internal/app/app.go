// Package app wires parcelwatch together: it opens the store, runs the
// migrations, builds the services and servers, and runs them until told to
// stop. It is the only package that imports concrete implementations.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/parcelwatch/parcelwatch/internal/config"
	"github.com/parcelwatch/parcelwatch/internal/httpapi"
	"github.com/parcelwatch/parcelwatch/internal/store"
	"github.com/parcelwatch/parcelwatch/journey"
)

// ShutdownTimeout bounds a graceful stop: in-flight requests get this long.
const ShutdownTimeout = 10 * time.Second

// App is a running parcelwatch.
type App struct {
	cfg     config.Config
	log     *slog.Logger
	store   *store.Store
	version string
}

// Open connects to the configured database. It does not migrate.
func Open(ctx context.Context, cfg config.Config, log *slog.Logger, version string) (*App, error) {
	s, err := store.Open(ctx, store.Options{Engine: store.Engine(cfg.Engine), DSN: cfg.DSN, Logger: log})
	if err != nil {
		return nil, err
	}
	return &App{cfg: cfg, log: log, store: s, version: version}, nil
}

// Close releases the database.
func (a *App) Close() error { return a.store.Close() }

// Migrate applies pending schema migrations.
func (a *App) Migrate(ctx context.Context) error { return a.store.Migrate(ctx) }

// MigrationState is one schema version and whether it is applied.
type MigrationState struct {
	Version   int64
	Name      string
	Applied   bool
	AppliedAt time.Time
}

// Migrations lists the schema versions and their state.
func (a *App) Migrations(ctx context.Context) ([]MigrationState, error) {
	ms, err := a.store.Migrations(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]MigrationState, len(ms))
	for i, m := range ms {
		out[i] = MigrationState(m)
	}
	return out, nil
}

// Engine names the database engine in use.
func (a *App) Engine() string { return string(a.store.Engine()) }

// Serve migrates the database, then serves HTTP on ln until ctx is
// cancelled, and then shuts down gracefully within ShutdownTimeout.
func (a *App) Serve(ctx context.Context, ln net.Listener) error {
	if err := a.Migrate(ctx); err != nil {
		return err
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		buildInfo(a.version, a.Engine()),
	)
	srv := &http.Server{
		Handler:           httpapi.New(httpapi.Deps{Ready: a.store, Metrics: reg, Logger: a.log}),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(a.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	a.log.Info("serving", "addr", ln.Addr().String(), "engine", a.Engine(), "version", a.version)

	select {
	case err := <-errc:
		return fmt.Errorf("http server: %w", err)
	case <-ctx.Done():
	}
	a.log.Info("shutting down")
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(stopCtx); err != nil {
		return fmt.Errorf("graceful shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("http server: %w", err)
	}
	a.log.Info("stopped")
	return nil
}

func buildInfo(version, engine string) prometheus.Collector {
	g := prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "parcelwatch_build_info",
		Help: "Always 1; labels name the running version and database engine.",
	}, []string{"version", "engine"})
	g.WithLabelValues(version, engine).Set(1)
	return g
}

// History returns the completed shipments delivery windows are learned from.
func (a *App) History(ctx context.Context) ([]journey.Completed, error) { return a.store.History(ctx) }

// AddHistory stores completed shipments, skipping ids already stored, and
// returns how many were new.
func (a *App) AddHistory(ctx context.Context, shipments []journey.Completed) (int, error) {
	return a.store.AddHistory(ctx, shipments)
}
