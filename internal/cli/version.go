package cli

import (
	"context"
	"fmt"
	"runtime"
)

func runVersion(_ context.Context, env Env, args []string) error {
	fs := flags(env, "version")
	if err := parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "parcelwatch %s (%s, %s/%s)\n", env.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
