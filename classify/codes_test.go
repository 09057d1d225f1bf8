package classify

import (
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// TestEveryCodeEntry covers every row of every shipped code table: the
// code, sent by its carrier on a leg of the row's role, is read as the row
// says, by the row's own rule.
func TestEveryCodeEntry(t *testing.T) {
	c := Default()
	files, err := fs.Glob(builtin, "codes/*.tsv")
	if err != nil || len(files) < 7 {
		t.Fatalf("code tables: %v %v", files, err)
	}
	rows := 0
	for _, name := range files {
		sys := strings.TrimSuffix(path.Base(name), ".tsv")
		for key, e := range c.codes[sys] {
			rows++
			side := key.role
			if side == "" {
				side = sideOf(sys, parcel.RoleUnknown)
				if _, shadowed := c.codes[sys][codeKey{key.code, side}]; shadowed && side != parcel.RoleUnknown {
					// The carrier's usual side has a row of its own, tested
					// as that row; read this one on a leg of unknown side.
					side = parcel.RoleTransit
					if _, alsoShadowed := c.codes[sys][codeKey{key.code, side}]; alsoShadowed {
						continue
					}
				}
			}
			in := Input{Carrier: sys, Code: key.code, Role: side}
			got := c.Classify(in)
			// On a last-mile leg the row's meaning is read in that leg's
			// context (see lastMileContext); otherwise as written.
			want := lastMileContext(parcel.Classification{State: resolve(e.out, side), Rule: sys + ".code." + key.code}, in)
			if got.State != want.State || got.Rule != want.Rule {
				t.Errorf("%s %s (role %q): got %+v by %s, want %+v by %s", sys, key.code, key.role, got.State, got.Rule, want.State, want.Rule)
			}
			if err := got.State.Validate(); err != nil {
				t.Errorf("%s %s: %v", sys, key.code, err)
			}
		}
	}
	if rows < 1000 {
		t.Errorf("only %d code rows", rows)
	}
	t.Logf("%d code rows in %d tables", rows, len(files))
}

// TestCodeAnchors pins codes whose meaning the status model names outright,
// written from the carriers' documentation independently of the tables.
func TestCodeAnchors(t *testing.T) {
	c := Default()
	tests := []struct {
		carrier, code string
		want          string // Label of the state
	}{
		{"upu", "EMA", "picked_up"},
		{"upu", "EMB", "export_customs"},
		{"upu", "EMC", "departed_origin"},
		{"upu", "EMD", "arrived_destination"},
		{"upu", "EMF", "customs_released"},
		{"upu", "EMI", "delivered"},
		{"upu", "EMH", "delivery_failed"},
		{"upu", "EMJ", "in_transit"},
		{"chinapost", "EMC", "departed_origin"}, // a post speaking UPU codes
		{"russianpost", "1.1", "picked_up"},
		{"russianpost", "2.1", "delivered"},
		{"russianpost", "8.6", "customs_released"}, // Left MMPO
		{"russianpost", "8/2", "available_for_pickup"},
		{"russianpost", "14.1", "customs_released"},
		{"russianpost", "12", "delivery_failed"},
		{"russianpost", "3", "returning"},
		{"usps", "01", "delivered"},
		{"usps", "OF", "out_for_delivery"},
		{"usps", "GX", "label_created"},
		{"ups", "D", "delivered"},
		{"fedex", "DL", "delivered"},
		{"fedex", "OD", "out_for_delivery"},
		{"17track", "InTransit_CustomsReleased", "customs_released"},
		{"aftership", "AttemptFail_002", "delivery_failed"},
	}
	for _, tt := range tests {
		got := c.Classify(Input{Carrier: tt.carrier, Code: tt.code})
		if Label(got.State) != tt.want {
			t.Errorf("%s %s: %s (%s), want %s", tt.carrier, tt.code, Label(got.State), got.Rule, tt.want)
		}
	}
}
