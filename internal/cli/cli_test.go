package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// run runs a command in-process with a scratch data directory.
func run(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	if env == nil {
		env = map[string]string{}
	}
	if _, ok := env["HOME"]; !ok {
		env["HOME"] = t.TempDir()
	}
	code = Run(context.Background(), Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return env[k] }, Version: "v-test",
	}, args)
	return code, out.String(), errb.String()
}

func TestMigrate(t *testing.T) {
	env := map[string]string{"PARCELWATCH_DATA_DIR": t.TempDir()}
	code, out, _ := run(t, env, "migrate", "status")
	if code != 0 || !strings.Contains(out, "pending") || !strings.Contains(out, "engine: sqlite") {
		t.Fatalf("status before: %d %q", code, out)
	}
	code, out, _ = run(t, env, "migrate", "up")
	if code != 0 || !strings.Contains(out, "applied") || strings.Contains(out, "pending") {
		t.Fatalf("up: %d %q", code, out)
	}
	code, out, _ = run(t, env, "migrate", "--log-level", "warn", "status")
	if code != 0 || strings.Contains(out, "pending") {
		t.Fatalf("status after: %d %q", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"migrate"}, 2, "want up or status"},
		{[]string{"migrate", "sideways"}, 2, "want up or status"},
		{[]string{"serve", "--no-such-flag"}, 2, "flag provided but not defined"},
		{[]string{"serve", "--db", "mysql://root@db/x"}, 1, `scheme "mysql" is not supported`},
		{[]string{"migrate", "up", "--db", "postgres://postgres@127.0.0.1:1/test"}, 1, "cannot reach"},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, nil, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
		if strings.Count(strings.TrimSpace(stderr), "\n") > 0 && tt.code == 1 {
			t.Errorf("%v: error is not one line: %q", tt.args, stderr)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := run(t, nil, "version")
	if code != 0 || !strings.HasPrefix(out, "parcelwatch v-test") {
		t.Errorf("version: %d %q", code, out)
	}
	code, out, _ = run(t, nil, "help")
	if code != 0 || !strings.Contains(out, "serve") {
		t.Errorf("help: %d %q", code, out)
	}
}
