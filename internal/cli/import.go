package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/parcelwatch/parcelwatch/internal/importer"
	"github.com/parcelwatch/parcelwatch/journey"
)

func runImport(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 || args[0] != "history" {
		return usageError{"usage: parcelwatch import history FILE.csv --map MAPPING"}
	}
	fs := flags(env, "import history")
	cfg := settings(fs, env, false)
	mapping := fs.String("map", "", "comma-separated field=expression: id, origin, destination, carrier and milestone names; an expression is a column or a template with {column}")
	maxErrors := fs.Int("show-errors", 20, "print at most `N` unreadable rows")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"usage: parcelwatch import history FILE.csv --map MAPPING"}
	}
	m, err := importer.ParseMapping(*mapping)
	if err != nil {
		return usageError{"--map: " + err.Error()}
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", fs.Arg(0), err)
	}
	defer f.Close()
	var (
		rows   []journey.Completed
		failed int
	)
	err = importer.Read(f, m, func(r importer.Row) error {
		rows = append(rows, r.Shipment)
		return nil
	}, func(e importer.RowError) {
		failed++
		if failed <= *maxErrors {
			fmt.Fprintf(env.Stderr, "%s: %v\n", fs.Arg(0), e)
		}
	})
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	if failed > *maxErrors {
		fmt.Fprintf(env.Stderr, "%s: … and %d more unreadable rows\n", fs.Arg(0), failed-*maxErrors)
	}
	a, err := openMigrated(ctx, env, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	added, err := a.AddHistory(ctx, rows)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "loaded %d new shipments, %d already stored, %d rows skipped as unreadable\n", added, len(rows)-added, failed)
	return nil
}
