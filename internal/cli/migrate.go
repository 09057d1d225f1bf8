package cli

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/parcelwatch/parcelwatch/internal/app"
)

func runMigrate(ctx context.Context, env Env, args []string) error {
	fs := flags(env, "migrate")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: parcelwatch migrate up|status [flags]")
		fs.PrintDefaults()
	}
	cfg := settings(fs, env, false)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || (fs.Arg(0) != "up" && fs.Arg(0) != "status") {
		return usageError{"want up or status, as in: parcelwatch migrate up"}
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	a, err := app.Open(ctx, *cfg, logger(cfg, env), env.Version)
	if err != nil {
		return err
	}
	defer a.Close()
	if fs.Arg(0) == "up" {
		if err := a.Migrate(ctx); err != nil {
			return err
		}
	}
	ms, err := a.Migrations(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(env.Stdout, "database engine: %s\n", a.Engine())
	fmt.Fprintln(tw, "VERSION\tSTATE\tAPPLIED AT\tFILE")
	for _, m := range ms {
		state, at := "pending", ""
		if m.Applied {
			state, at = "applied", m.AppliedAt.UTC().Format(time.RFC3339)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", m.Version, state, at, m.Name)
	}
	return tw.Flush()
}
