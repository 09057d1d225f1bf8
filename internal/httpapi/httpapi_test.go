package httpapi

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

type readiness struct{ err error }

func (r readiness) Ready(context.Context) error { return r.err }

func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	body, _ := io.ReadAll(rec.Body)
	return rec.Code, string(body)
}

func TestProbesAndMetrics(t *testing.T) {
	h := New(Deps{Ready: readiness{}, Metrics: prometheus.NewRegistry()})
	if code, _ := get(t, h, "/healthz"); code != 200 {
		t.Errorf("/healthz = %d", code)
	}
	if code, _ := get(t, h, "/readyz"); code != 200 {
		t.Errorf("/readyz = %d", code)
	}
	get(t, h, "/no/such/page")
	code, body := get(t, h, "/metrics")
	if code != 200 {
		t.Fatalf("/metrics = %d", code)
	}
	for _, want := range []string{
		`parcelwatch_http_requests_total{code="200",route="GET /healthz"} 1`,
		`parcelwatch_http_requests_total{code="404",route="unmatched"} 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

func TestNotReady(t *testing.T) {
	h := New(Deps{Ready: readiness{errors.New("database has pending migrations")}, Metrics: prometheus.NewRegistry()})
	code, body := get(t, h, "/readyz")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "pending migrations") {
		t.Errorf("/readyz = %d %q", code, body)
	}
	if code, _ := get(t, h, "/healthz"); code != 200 {
		t.Errorf("/healthz must not depend on the store: %d", code)
	}
}
