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
	return runInput(t, env, "", args...)
}

// runInput is run with stdin holding input.
func runInput(t *testing.T, env map[string]string, input string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	if env == nil {
		env = map[string]string{}
	}
	if _, ok := env["HOME"]; !ok {
		env["HOME"] = t.TempDir()
	}
	code = Run(context.Background(), Env{
		Stdin: strings.NewReader(input), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return env[k] }, Version: "v-test",
	}, args)
	return code, out.String(), errb.String()
}

// tsvRows splits a batch command's output into rows of cols columns: one
// row per input line, or the test stops. A row with another number of
// columns is reported and comes back nil.
func tsvRows(t *testing.T, out string, lines, cols int) [][]string {
	t.Helper()
	rows := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(rows) != lines {
		t.Fatalf("%d lines out for %d in:\n%s", len(rows), lines, out)
	}
	split := make([][]string, len(rows))
	for i, row := range rows {
		if split[i] = strings.Split(row, "\t"); len(split[i]) != cols {
			t.Errorf("line %d has %d columns: %q", i+1, len(split[i]), row)
			split[i] = nil
		}
	}
	return split
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

// TestCheckTSV pins the script contract: one line per input line, in order,
// five tab-separated columns.
func TestCheckTSV(t *testing.T) {
	input := "RA123456785RU\nRA123456758RU\n\nnot a number\n1Z999AA10123456784\r\nrb 1234 5678 5gb\n"
	code, out, errs := runInput(t, nil, input, "check", "--format", "tsv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := [][]string{
		{"RA123456785RU", "true", "s10", "s10", ""},
		{"RA123456758RU", "false", "s10", "s10", "*RA123456785RU*"},
		{"", "false", "", "", ""},
		{"not a number", "false", "", "", ""},
		{"1Z999AA10123456784", "true", "ups", "ups", ""},
		{"rb 1234 5678 5gb", "true", "s10", "s10", ""},
	}
	for i, cols := range tsvRows(t, out, len(want), 5) {
		if cols == nil {
			continue
		}
		for j, w := range want[i] {
			if strings.HasPrefix(w, "*") {
				if !strings.Contains(cols[j], strings.Trim(w, "*")) {
					t.Errorf("line %d column %d = %q, want it to contain %s", i+1, j+1, cols[j], w)
				}
			} else if cols[j] != w {
				t.Errorf("line %d column %d = %q, want %q", i+1, j+1, cols[j], w)
			}
		}
	}
}

func TestCheckFormats(t *testing.T) {
	code, out, _ := run(t, nil, "check", "--format", "json", "RB123456783GB")
	if code != 0 || !strings.Contains(out, `"problem_code":"check_digit"`) || !strings.Contains(out, `"name":"service_indicator"`) {
		t.Errorf("json: %d %s", code, out)
	}
	code, out, _ = run(t, nil, "check", "RB123456783GB")
	if code != 0 || !strings.Contains(out, "the check digit should be 5, not 3") || !strings.Contains(out, "Royal Mail") {
		t.Errorf("text: %d %s", code, out)
	}
	if code, _, _ := run(t, nil, "check", "--format", "xml", "x"); code != 2 {
		t.Errorf("bad format: exit %d, want 2", code)
	}
}

// TestClassifyBatch pins the script contract: one line out per line in,
// six tab-separated columns.
func TestClassifyBatch(t *testing.T) {
	input := "usps\tDelivered, In/At Mailbox\n\tПокинуло место международного обмена\nno tab here: Out for Delivery\n\n\tзагадочный текст\n"
	code, out, errs := runInput(t, nil, input, "classify")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := []struct{ milestone, status, exception string }{
		{"delivered", "Delivered", ""},
		{"customs_released", "InTransit", ""},
		{"out_for_delivery", "OutForDelivery", ""},
		{"unknown", "InTransit", ""},
		{"unknown", "InTransit", ""},
	}
	for i, cols := range tsvRows(t, out, len(want), 6) {
		if cols == nil {
			continue
		}
		if cols[0] != want[i].milestone || cols[1] != want[i].status || cols[5] != want[i].exception {
			t.Errorf("line %d: %q, want milestone %s status %s exception %q", i+1, strings.Join(cols, "\t"), want[i].milestone, want[i].status, want[i].exception)
		}
	}
}

func TestExplain(t *testing.T) {
	code, out, _ := run(t, nil, "explain", "--lang", "ru", "Held by customs: duties due")
	if code != 0 || !strings.Contains(out, "customs_held") || !strings.Contains(out, "пошлин") {
		t.Errorf("explain: %d %s", code, out)
	}
	if code, _, _ := run(t, nil, "explain"); code != 2 {
		t.Errorf("explain without text: exit %d, want 2", code)
	}
}

const olistFile = "../../../shared/datasets/olist/train.csv"

const olistMap = "id=order_id,origin=BR-{seller_state}-{seller_zip_prefix},destination=BR-{customer_state}-{customer_zip_prefix},picked_up=carrier_pickup_ts,delivered=delivered_ts"

// TestImportAndETA loads the Olist history exactly as the README says,
// twice, then asks for windows one at a time and in a batch.
func TestImportAndETA(t *testing.T) {
	env := map[string]string{"PARCELWATCH_DATA_DIR": t.TempDir()}
	code, out, stderr := run(t, env, "import", "history", olistFile, "--map", olistMap)
	if code != 0 || !strings.Contains(out, "loaded 3056 new shipments") {
		t.Fatalf("import: exit %d\n%s%s", code, out, stderr)
	}
	code, out, _ = run(t, env, "import", "history", olistFile, "--map", olistMap)
	if code != 0 || !strings.Contains(out, "loaded 0 new shipments, 3056 already stored") {
		t.Fatalf("second import: exit %d %s", code, out)
	}
	code, out, stderr = run(t, env, "eta", "--origin", "BR-SP-13330", "--destination", "BR-RJ", "--milestone", "picked_up", "--at", "2018-03-05 10:00:00")
	if code != 0 || !strings.Contains(out, "p50\t2018-03-") || !strings.Contains(out, "basis\thistory") {
		t.Fatalf("eta: exit %d\n%s%s", code, out, stderr)
	}
	code, out, stderr = runInput(t, env, "BR-SP,BR-RJ,,picked_up,2018-03-05 10:00:00\nbad line\nBR-MG-30000,BR-SP-01000,,picked_up,2018-04-02T08:00:00Z\n", "eta", "--batch")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 || lines[1] != "," || !strings.HasPrefix(lines[0], "2018-03-") || strings.Count(lines[2], ",") != 1 {
		t.Fatalf("eta --batch: exit %d, %q, stderr %s", code, out, stderr)
	}
	if !strings.Contains(stderr, "line 2") {
		t.Errorf("a bad batch line should be reported with its number: %q", stderr)
	}
}

func TestImportErrors(t *testing.T) {
	env := map[string]string{"PARCELWATCH_DATA_DIR": t.TempDir()}
	if code, _, stderr := run(t, env, "import", "history", olistFile, "--map", "id=order_id,delivered=no_such_column"); code != 1 || !strings.Contains(stderr, `column "no_such_column"`) {
		t.Errorf("missing column: exit %d %s", code, stderr)
	}
	if code, _, stderr := run(t, env, "import", "history", olistFile, "--map", "delivered=delivered_ts"); code != 2 || !strings.Contains(stderr, "no id") {
		t.Errorf("bad mapping: exit %d %s", code, stderr)
	}
	if code, _, _ := run(t, env, "import", "history", "/nonexistent.csv", "--map", olistMap); code != 1 {
		t.Errorf("missing file: exit %d", code)
	}
}
