package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/parcelwatch/parcelwatch/internal/importer"
	"github.com/parcelwatch/parcelwatch/journey"
	"github.com/parcelwatch/parcelwatch/parcel"
)

func runETA(ctx context.Context, env Env, args []string) error {
	if len(args) > 0 && args[0] == "evaluate" {
		return runETAEvaluate(env, args[1:])
	}
	fs := flags(env, "eta")
	cfg := settings(fs, env, false)
	origin := fs.String("origin", "", "origin `location`, CC[-REGION[-POSTCODE]] (BR-SP-13330)")
	dest := fs.String("destination", "", "destination `location`")
	carrier := fs.String("carrier", "", "carrier `id` (optional)")
	milestone := fs.String("milestone", "picked_up", "the `milestone` reached")
	at := fs.String("at", "", "when it was reached: RFC 3339 or \"YYYY-MM-DD HH:MM:SS\" (UTC)")
	batch := fs.Bool("batch", false, "read CSV lines origin,destination,carrier,milestone,at on stdin; write p50,p90 per line")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, `Usage: parcelwatch eta --origin BR-SP --destination BR-RJ [--carrier ID] --milestone picked_up --at "2018-03-05 10:00:00"
       parcelwatch eta --batch < queries.csv
       parcelwatch eta evaluate FILE.csv --map MAPPING --split-by COLUMN --split-at DATE`)
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	a, err := openMigrated(ctx, env, cfg)
	if err != nil {
		return err
	}
	defer a.Close()
	history, err := a.History(ctx)
	if err != nil {
		return err
	}
	model := journey.FitETA(history, journey.ETAConfig{})
	if *batch {
		return etaBatch(env, model)
	}
	q, err := etaQuery(*origin, *dest, *carrier, *milestone, *at)
	if err != nil {
		return usageError{err.Error()}
	}
	eta, ok := model.Estimate(q)
	if !ok {
		return fmt.Errorf("no estimate from %s: it is the end of the journey", q.Milestone)
	}
	fmt.Fprintf(env.Stdout, "p50\t%s\np90\t%s\nbasis\t%s (%d past shipments)\n", eta.P50.UTC().Format(time.RFC3339), eta.P90.UTC().Format(time.RFC3339), eta.Basis, eta.Samples)
	return nil
}

func etaQuery(origin, dest, carrier, milestone, at string) (journey.Query, error) {
	m, err := parcel.ParseMilestone(strings.TrimSpace(milestone))
	if err != nil || m == parcel.MilestoneNone || m == parcel.MilestoneUnknown {
		return journey.Query{}, fmt.Errorf("milestone %q: use a milestone name such as picked_up", milestone)
	}
	t, err := importer.ParseTime(at)
	if err != nil {
		return journey.Query{}, fmt.Errorf("--at: %w", err)
	}
	if strings.TrimSpace(dest) == "" {
		return journey.Query{}, errors.New("--destination is required")
	}
	return journey.Query{Origin: strings.TrimSpace(origin), Destination: strings.TrimSpace(dest), Carrier: strings.TrimSpace(carrier), Milestone: m, At: t}, nil
}

// etaBatch answers one CSV line per input line, in order. A line that can't
// be read gets an empty answer (",") so the lines stay aligned, and a note on
// stderr.
func etaBatch(env Env, model *journey.ETAModel) error {
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	in := bufio.NewReader(env.Stdin)
	for n := 1; ; n++ {
		line, err := in.ReadString('\n')
		if line != "" {
			line = strings.TrimRight(line, "\r\n")
			rec, perr := csv.NewReader(strings.NewReader(line)).Read()
			var q journey.Query
			if perr == nil && len(rec) >= 5 {
				q, perr = etaQuery(rec[0], rec[1], rec[2], rec[3], rec[4])
			} else if perr == nil {
				perr = fmt.Errorf("want 5 fields origin,destination,carrier,milestone,at; got %d", len(rec))
			}
			var eta parcel.ETA
			ok := false
			if perr == nil {
				eta, ok = model.Estimate(q)
			}
			if !ok {
				if perr != nil {
					fmt.Fprintf(env.Stderr, "parcelwatch eta: line %d: %v\n", n, perr)
				}
				fmt.Fprintln(out, ",")
			} else {
				fmt.Fprintf(out, "%s,%s\n", eta.P50.UTC().Format(time.RFC3339), eta.P90.UTC().Format(time.RFC3339))
			}
		}
		if err == io.EOF {
			return out.Flush()
		}
		if err != nil {
			return fmt.Errorf("reading standard input: %w", err)
		}
	}
}

// runETAEvaluate fits on the rows before a date and scores the rest, next
// to the median baselines, without touching the store.
func runETAEvaluate(env Env, args []string) error {
	fs := flags(env, "eta evaluate")
	mapping := fs.String("map", "", "column `mapping`, as for import history")
	splitBy := fs.String("split-by", "", "`column` whose date splits fit from test (e.g. purchase_ts)")
	splitAt := fs.String("split-at", "", "rows before this `date` fit the model, the rest test it")
	from := fs.String("from", "picked_up", "predict at this `milestone`")
	var ecfg journey.ETAConfig
	fs.DurationVar(&ecfg.Tau, "tau", 0, "recency time constant (default 8760h = 365 days)")
	fs.Float64Var(&ecfg.Level90, "level90", 0, "quantile read for the upper date before calibration (default 0.95)")
	fs.Float64Var(&ecfg.MedianDrift, "median-drift", 0, "share of the median's recent drift to apply, 0..1")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || *mapping == "" || *splitBy == "" || *splitAt == "" {
		return usageError{"usage: parcelwatch eta evaluate FILE.csv --map MAPPING --split-by COLUMN --split-at DATE"}
	}
	m, err := importer.ParseMapping(*mapping)
	if err != nil {
		return usageError{err.Error()}
	}
	cut, err := importer.ParseTime(*splitAt)
	if err != nil {
		return usageError{"--split-at: " + err.Error()}
	}
	fromM, err := parcel.ParseMilestone(*from)
	if err != nil {
		return usageError{err.Error()}
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	var fit, test []journey.Completed
	skipped := 0
	err = importer.Read(f, m, func(r importer.Row) error {
		v, _ := r.Column(*splitBy)
		t, err := importer.ParseTime(v)
		if err != nil {
			skipped++
			return nil
		}
		if t.Before(cut) {
			fit = append(fit, r.Shipment)
		} else {
			test = append(test, r.Shipment)
		}
		return nil
	}, func(importer.RowError) { skipped++ })
	if err != nil {
		return err
	}
	model := journey.FitETA(fit, ecfg)
	s50, s90 := model.Calibration()
	fmt.Fprintf(env.Stdout, "fit on %d rows with %s before %s, tested on %d (%d rows skipped); calibration: median ×%.2f, p90 ×%.2f\n\n",
		len(fit), *splitBy, cut.Format("2006-01-02"), len(test), skipped, s50, s90)
	rows := []struct {
		name string
		p    journey.Predictor
	}{
		{"parcelwatch ETA", journey.ModelPredictor(model)},
		{"(b) global median transit", journey.MedianBaseline(fit, fromM, 0)},
		{"(c) median per region pair (>=5 rows), else global", journey.MedianBaseline(fit, fromM, 5)},
	}
	fmt.Fprintln(env.Stdout, "predictor | MAE days | median AE | on/before p50 | within ±1 | within ±3 | mean signed | inside p90 | p90 − p50 days")
	fmt.Fprintln(env.Stdout, "---|---|---|---|---|---|---|---|---")
	for _, r := range rows {
		rep := journey.EvaluateETA(test, fromM, r.p)
		p90, width := fmt.Sprintf("%.1f%%", 100*rep.InsideP90), fmt.Sprintf("%.1f", rep.MeanWindowDays)
		if r.name != "parcelwatch ETA" {
			p90, width = "-", "-"
		}
		fmt.Fprintf(env.Stdout, "%s | %.2f | %.1f | %.1f%% | %.1f%% | %.1f%% | %+.2f | %s | %s\n", r.name, rep.MAE, rep.MedianAE,
			100*rep.OnOrBefore, 100*rep.Within1, 100*rep.Within3, rep.MeanSigned, p90, width)
	}
	return nil
}
