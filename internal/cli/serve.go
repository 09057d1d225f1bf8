package cli

import (
	"context"
	"fmt"
	"net"

	"github.com/parcelwatch/parcelwatch/internal/app"
)

func runServe(ctx context.Context, env Env, args []string) error {
	fs := flags(env, "serve")
	cfg := settings(fs, env, true)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	log := logger(cfg, env)
	a, err := app.Open(ctx, *cfg, log, env.Version)
	if err != nil {
		return err
	}
	defer a.Close()
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w; choose another address with --listen or PARCELWATCH_LISTEN", cfg.Listen, unwrapOp(err))
	}
	return a.Serve(ctx, ln)
}

func unwrapOp(err error) error {
	if op, ok := err.(*net.OpError); ok && op.Err != nil {
		return op.Err
	}
	return err
}
