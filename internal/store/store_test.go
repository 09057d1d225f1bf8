package store_test

import (
	"testing"

	"github.com/parcelwatch/parcelwatch/internal/store/storetest"
)

// The conformance suite, once per engine: the test names say which engine
// ran (TestConformance/sqlite/..., TestConformance/postgres/...).
func TestConformance(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { storetest.Run(t, storetest.OpenSQLite) })
	t.Run("postgres", func(t *testing.T) { storetest.Run(t, storetest.OpenPostgres) })
}
