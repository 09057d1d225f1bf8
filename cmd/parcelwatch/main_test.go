package main

import (
	"bytes"

	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildBinary builds the real command once per test run.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "parcelwatch")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestServeWithNoConfiguration runs the README's main command as a fresh
// user would (no settings but HOME), then stops it with each signal.
func TestServeWithNoConfiguration(t *testing.T) {
	bin := buildBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			home := t.TempDir()
			addr := freeAddr(t)
			cmd := exec.Command(bin, "serve", "--listen", addr)
			cmd.Env = []string{"HOME=" + home, "PATH=" + os.Getenv("PATH")}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			waitHealthy(t, "http://"+addr+"/healthz", &stderr)
			if _, err := os.Stat(filepath.Join(home, ".local/share/parcelwatch/parcelwatch.db")); err != nil {
				t.Errorf("no SQLite database in the default data directory: %v", err)
			}
			start := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("exit after %v: %v\n%s", sig, err, stderr.String())
				}
				if d := time.Since(start); d > 10*time.Second {
					t.Errorf("took %v to stop", d)
				}
			case <-time.After(12 * time.Second):
				t.Fatalf("still running 12 s after %v", sig)
			}
		})
	}
}

func waitHealthy(t *testing.T, url string, stderr *bytes.Buffer) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("%s never answered; stderr:\n%s", url, stderr.String())
}

// TestBadConfigurationFailsAtStart checks the one-line messages a person
// sees for each kind of mistake.
func TestBadConfigurationFailsAtStart(t *testing.T) {
	bin := buildBinary(t)
	home := t.TempDir()
	notADir := filepath.Join(home, "file")
	if err := os.WriteFile(notADir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		env  []string
		want string
	}{
		{"unreachable database", []string{"DATABASE_URL=postgres://postgres@127.0.0.1:1/test"}, "cannot reach"},
		{"bad URL", []string{"DATABASE_URL=mongodb://localhost/x"}, "not supported"},
		{"unwritable data dir", []string{"PARCELWATCH_DATA_DIR=" + filepath.Join(notADir, "data")}, "writable directory"},
		{"bad listen address", []string{"PARCELWATCH_LISTEN=nowhere"}, "want host:port"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(bin, "serve")
			cmd.Env = append([]string{"HOME=" + home, "PATH=" + os.Getenv("PATH")}, tt.env...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			exit, ok := err.(*exec.ExitError)
			if !ok || exit.ExitCode() != 1 {
				t.Fatalf("want exit status 1, got %v; stderr %q", err, stderr.String())
			}
			msg := strings.TrimSpace(stderr.String())
			if strings.Contains(msg, "\n") || !strings.Contains(msg, tt.want) {
				t.Errorf("want one line containing %q, got %q", tt.want, msg)
			}
		})
	}
}
