// Package cli is parcelwatch's command line: one function per subcommand,
// each with its own stdlib flag set. The forms scripts rely on are listed in
// the README and are stable.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"

	"github.com/parcelwatch/parcelwatch/internal/app"
	"github.com/parcelwatch/parcelwatch/internal/config"
)

// Env is what a command may touch of the outside world, so tests can run
// commands in-process.
type Env struct {
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	Getenv  func(string) string
	Version string
}

// usageError marks a mistake in the command line itself (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

type command struct {
	summary string
	run     func(ctx context.Context, env Env, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"classify": {"classify raw carrier statuses (stdin, for scripts), or score labelled files with --eval", runClassify},
		"eta":      {"estimate a delivery window from history (also: eta evaluate)", runETA},
		"import":   {"load completed shipments from CSV (import history FILE --map ...)", runImport},
		"explain":  {"say what a raw carrier status means, how long it lasts and what to do", runExplain},
		"check":    {"validate tracking numbers, name their carriers, suggest corrections", runCheck},
		"serve":    {"run the server (HTTP API, web pages, pollers) until SIGINT/SIGTERM", runServe},
		"migrate":  {"apply database migrations (up) or list them (status)", runMigrate},
		"version":  {"print the version", runVersion},
	}
}

// Run runs the command named by args[0] and returns the process exit status:
// 0 on success, 1 when the command failed, 2 for a bad command line.
func Run(ctx context.Context, env Env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printUsage(env.Stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "parcelwatch: unknown command %q; run parcelwatch help for the list\n", args[0])
		return 2
	}
	err := cmd.run(ctx, env, args[1:])
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "parcelwatch %s: %s\n", args[0], oneLine(err))
		return 2
	default:
		fmt.Fprintf(env.Stderr, "parcelwatch %s: %s\n", args[0], oneLine(err))
		return 1
	}
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "parcelwatch tracks parcels across carriers.")
	fmt.Fprintln(w, "\nUsage: parcelwatch COMMAND [flags]\n\nCommands:")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun parcelwatch COMMAND -h for a command's flags.")
}

// flags makes a command's flag set; parse errors come back as usage errors.
func flags(env Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("parcelwatch "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

// parse parses flags that may come before, between or after the positional
// arguments ("migrate status --db X" and "migrate --db X status" both work);
// fs.Args() then holds the positional arguments.
func parse(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" { // everything after -- is positional
			positional = append(positional, args[1:]...)
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	return fs.Parse(append([]string{"--"}, positional...))
}

// settings registers the shared settings on fs and returns them; call
// validate after parsing.
func settings(fs *flag.FlagSet, env Env, withListen bool) *config.Config {
	var c config.Config
	c.Register(fs, env.Getenv, withListen)
	return &c
}

func logger(c *config.Config, env Env) *slog.Logger { return c.Logger(env.Stderr) }

// openMigrated opens the store the settings name and brings its schema up
// to date, for commands that read or write data; the caller closes it.
func openMigrated(ctx context.Context, env Env, cfg *config.Config) (*app.App, error) {
	a, err := app.Open(ctx, *cfg, logger(cfg, env), env.Version)
	if err != nil {
		return nil, err
	}
	if err := a.Migrate(ctx); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

// oneLine keeps an error message to the single line the contract promises.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
