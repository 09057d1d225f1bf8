package importer

import (
	"strings"
	"testing"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

const olistMap = "id=order_id,origin=BR-{seller_state}-{seller_zip_prefix},destination=BR-{customer_state}-{customer_zip_prefix},picked_up=carrier_pickup_ts,delivered=delivered_ts"

func TestRead(t *testing.T) {
	csvText := "order_id,carrier_pickup_ts,delivered_ts,seller_state,seller_zip_prefix,customer_state,customer_zip_prefix\n" +
		"a1,2017-10-02 10:00:00,2017-10-05 16:30:00,SP,03194,RJ,24710\n" +
		"a2,not a date,2017-10-05 16:30:00,SP,03194,RJ,24710\n" +
		",2017-10-02 10:00:00,2017-10-05 16:30:00,SP,03194,RJ,24710\n" +
		"a4,2017-10-02T10:00:00Z,,MG,30000,SP,01000\n"
	m, err := ParseMapping(olistMap)
	if err != nil {
		t.Fatal(err)
	}
	var (
		rows []Row
		bad  []RowError
	)
	err = Read(strings.NewReader(csvText), m, func(r Row) error { rows = append(rows, r); return nil }, func(e RowError) { bad = append(bad, e) })
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || len(bad) != 2 {
		t.Fatalf("read %d rows, %d bad (%v); want 2 and 2", len(rows), len(bad), bad)
	}
	c := rows[0].Shipment
	if c.ID != "a1" || c.Origin != "BR-SP-03194" || c.Destination != "BR-RJ-24710" ||
		!c.At(parcel.MilestonePickedUp).Equal(time.Date(2017, 10, 2, 10, 0, 0, 0, time.UTC)) ||
		!c.At(parcel.MilestoneDelivered).Equal(time.Date(2017, 10, 5, 16, 30, 0, 0, time.UTC)) {
		t.Errorf("row 1: %+v", c)
	}
	if bad[0].Line != 3 || !strings.Contains(bad[0].Error(), "picked_up") || bad[1].Line != 4 || !strings.Contains(bad[1].Error(), "id") {
		t.Errorf("bad rows: %v", bad)
	}
	if !rows[1].Shipment.At(parcel.MilestoneDelivered).IsZero() {
		t.Errorf("an empty delivered column must mean not delivered")
	}
	if v, ok := rows[0].Column("seller_state"); !ok || v != "SP" {
		t.Errorf("Column: %q %v", v, ok)
	}
}

func TestMappingErrors(t *testing.T) {
	tests := map[string]string{
		"":                                  "empty mapping",
		"id=a":                              "no milestone",
		"picked_up=a":                       "no id",
		"id=a,teleported=b":                 "use id, origin",
		"id=a,id=b,delivered=c":             "twice",
		"id=a,delivered":                    "want field=expression",
		"id=a,origin=BR-{state,delivered=x": "unclosed",
		"id=a,origin=BR-}x{,delivered=x":    "unmatched",
	}
	for in, want := range tests {
		if _, err := ParseMapping(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseMapping(%q) = %v, want an error containing %q", in, err, want)
		}
	}
}

func TestMissingColumn(t *testing.T) {
	m, _ := ParseMapping("id=order,delivered=when")
	err := Read(strings.NewReader("order,other\nx,y\n"), m, func(Row) error { return nil }, func(RowError) {})
	if err == nil || !strings.Contains(err.Error(), `column "when"`) {
		t.Errorf("got %v, want an error naming the missing column", err)
	}
}

// FuzzRead feeds arbitrary CSV: reading never panics, and every shipment it
// accepts has an id and at least one timestamp.
func FuzzRead(f *testing.F) {
	f.Add("order_id,carrier_pickup_ts,delivered_ts,seller_state,seller_zip_prefix,customer_state,customer_zip_prefix\na,2017-01-01 00:00:00,2017-01-03 00:00:00,SP,1,RJ,2\n")
	f.Add("order_id,\"carrier_pickup_ts\n\"\n\"")
	f.Add("\ufefforder_id,delivered_ts\nx,2017-13-45\n")
	m, err := ParseMapping(olistMap)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data string) {
		_ = Read(strings.NewReader(data), m, func(r Row) error {
			if r.Shipment.ID == "" {
				t.Fatalf("accepted a row without id: %+v", r)
			}
			return nil
		}, func(RowError) {})
	})
}

func FuzzParseMapping(f *testing.F) {
	f.Add(olistMap)
	f.Add("id={a}{b},delivered=x")
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParseMapping(s)
	})
}
