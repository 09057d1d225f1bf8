package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/parcelwatch/parcelwatch/classify"
)

func runClassify(_ context.Context, env Env, args []string) error {
	fs := flags(env, "classify")
	eval := fs.Bool("eval", false, "score labelled TSV files (the FILE arguments) instead of classifying stdin")
	split := fs.String("split", "all", "with --eval: score only the `train` or `test` part of each corpus file (by a hash of the text), or all")
	showErrors := fs.Bool("errors", false, "with --eval: list the strings classified wrongly")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, `Usage: parcelwatch classify < lines
       parcelwatch classify --eval [--split train|test|all] [--errors] FILE.tsv...

Reads lines "carrier<TAB>text" (carrier may be empty; a line without a tab is all text)
and writes one line per input line:
milestone<TAB>status<TAB>substatus<TAB>confidence<TAB>rule<TAB>exception`)
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	c := classify.Default()
	if *eval {
		if fs.NArg() == 0 {
			return usageError{"--eval needs labelled TSV files"}
		}
		if *split != "all" && *split != "train" && *split != "test" {
			return usageError{fmt.Sprintf("--split %q: use train, test or all", *split)}
		}
		return evaluateFiles(env, c, fs.Args(), *split, *showErrors)
	}
	if fs.NArg() > 0 {
		return usageError{"classify reads standard input; to score files use --eval"}
	}
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	in := bufio.NewReader(env.Stdin)
	for {
		line, err := in.ReadString('\n')
		if line != "" {
			line = strings.TrimRight(line, "\r\n")
			carrier, text, found := strings.Cut(line, "\t")
			if !found {
				carrier, text = "", line
			}
			r := c.Classify(classify.Input{Carrier: strings.TrimSpace(carrier), Text: text})
			fmt.Fprintf(out, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Milestone, r.Status(), r.SubStatus,
				strconv.FormatFloat(r.Confidence, 'f', 2, 64), r.Rule, r.Exception)
		}
		if err == io.EOF {
			return out.Flush()
		}
		if err != nil {
			return fmt.Errorf("reading standard input: %w", err)
		}
	}
}

func evaluateFiles(env Env, c *classify.Classifier, files []string, split string, showErrors bool) error {
	var all []classify.Outcome
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		rows, err := classify.ReadLabelled(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		keep := classify.InSplit(rows, split)
		for i := range keep {
			keep[i].Source = filepath.Base(name) + ":" + strconv.Itoa(keep[i].Line)
		}
		all = append(all, c.Evaluate(keep)...)
	}
	title := fmt.Sprintf("%d files, split %s", len(files), split)
	classify.WriteReport(env.Stdout, title, all)
	if showErrors {
		fmt.Fprintln(env.Stdout, "errors (file:line, wanted, got, rule, text):")
		for _, o := range all {
			if !o.Correct() {
				fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%s\t%s\t%s\n", o.Source, classify.Label(o.Want), classify.Label(o.Got.State), o.Got.Rule, o.Carrier, o.Text)
			}
		}
	}
	return nil
}
