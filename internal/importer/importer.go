// Package importer reads completed shipments from any CSV file through a
// column mapping, for learning delivery windows from history.
//
// A mapping is a comma-separated list of field=expression. The fields are
// id, origin, destination, carrier and any milestone name whose value is a
// timestamp. An expression is a column name, or a template in which
// {column} is replaced by that column's value:
//
//	id=order_id,origin=BR-{seller_state}-{seller_zip_prefix},picked_up=carrier_pickup_ts,delivered=delivered_ts
package importer

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/parcelwatch/parcelwatch/journey"
	"github.com/parcelwatch/parcelwatch/parcel"
)

// Mapping says how to build a shipment from a CSV row.
type Mapping struct {
	fields map[string]template
}

// template is literal text with {column} placeholders, or a bare column.
type template []piece

type piece struct {
	text   string
	column bool
}

var plainFields = map[string]bool{"id": true, "origin": true, "destination": true, "carrier": true}

// ParseMapping reads "field=expression,…".
func ParseMapping(s string) (Mapping, error) {
	m := Mapping{fields: map[string]template{}}
	if strings.TrimSpace(s) == "" {
		return m, errors.New("empty mapping: give at least id=COLUMN and two milestone timestamps, such as picked_up=COLUMN,delivered=COLUMN")
	}
	for _, item := range splitOutsideBraces(s) {
		field, expr, ok := strings.Cut(item, "=")
		field, expr = strings.TrimSpace(field), strings.TrimSpace(expr)
		if !ok || field == "" || expr == "" {
			return m, fmt.Errorf("mapping item %q: want field=expression", item)
		}
		if !plainFields[field] {
			if ms, err := parcel.ParseMilestone(field); err != nil || ms == parcel.MilestoneNone || ms == parcel.MilestoneUnknown {
				return m, fmt.Errorf("mapping field %q: use id, origin, destination, carrier or a milestone name (picked_up, delivered, …)", field)
			}
		}
		if _, dup := m.fields[field]; dup {
			return m, fmt.Errorf("mapping names %q twice", field)
		}
		t, err := parseTemplate(expr)
		if err != nil {
			return m, fmt.Errorf("mapping %s=%s: %w", field, expr, err)
		}
		m.fields[field] = t
	}
	if _, ok := m.fields["id"]; !ok {
		return m, errors.New("mapping has no id=COLUMN; every shipment needs an id so importing twice loads nothing new")
	}
	if m.milestoneCount() == 0 {
		return m, errors.New("mapping has no milestone timestamps, such as picked_up=COLUMN,delivered=COLUMN")
	}
	return m, nil
}

func (m Mapping) milestoneCount() int {
	n := 0
	for f := range m.fields {
		if !plainFields[f] {
			n++
		}
	}
	return n
}

// splitOutsideBraces splits on commas that are not inside {…}.
func splitOutsideBraces(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '{':
			depth++
		case '}':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

func parseTemplate(expr string) (template, error) {
	if !strings.ContainsAny(expr, "{}") {
		return template{{text: expr, column: true}}, nil
	}
	var t template
	for expr != "" {
		open := strings.IndexByte(expr, '{')
		if open < 0 {
			if strings.Contains(expr, "}") {
				return nil, errors.New("unmatched }")
			}
			t = append(t, piece{text: expr})
			break
		}
		if open > 0 {
			if strings.Contains(expr[:open], "}") {
				return nil, errors.New("unmatched }")
			}
			t = append(t, piece{text: expr[:open]})
		}
		end := strings.IndexByte(expr[open:], '}')
		if end < 0 {
			return nil, errors.New("unclosed {")
		}
		col := strings.TrimSpace(expr[open+1 : open+end])
		if col == "" || strings.Contains(col, "{") {
			return nil, errors.New("empty or nested {}")
		}
		t = append(t, piece{text: col, column: true})
		expr = expr[open+end+1:]
	}
	return t, nil
}

// columns lists the columns the mapping reads.
func (m Mapping) columns() []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range m.fields {
		for _, p := range t {
			if p.column && !seen[p.text] {
				seen[p.text] = true
				out = append(out, p.text)
			}
		}
	}
	sort.Strings(out)
	return out
}

// Row is one CSV row read through a mapping.
type Row struct {
	Line     int // line number in the file, for messages
	Shipment journey.Completed
	record   []string
	index    map[string]int
}

// Column returns a raw column of the row (for splitting an evaluation by a
// column the mapping does not use).
func (r Row) Column(name string) (string, bool) {
	i, ok := r.index[name]
	if !ok || i >= len(r.record) {
		return "", false
	}
	return r.record[i], true
}

// RowError is a row that could not be read; reading goes on.
type RowError struct {
	Line int
	Err  error
}

func (e RowError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Read reads every row of a CSV file with a header line, calls ok for each
// shipment it could build and bad for each row it could not. It stops only
// when the file itself can't be read or the header lacks a mapped column.
func Read(r io.Reader, m Mapping, ok func(Row) error, bad func(RowError)) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err == io.EOF {
		return errors.New("the file is empty: want a header line and rows")
	}
	if err != nil {
		return fmt.Errorf("reading the header: %w", err)
	}
	index := map[string]int{}
	for i, h := range header {
		index[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, col := range m.columns() {
		if _, found := index[col]; !found {
			return fmt.Errorf("column %q named in the mapping is not in the file's header (it has: %s)", col, strings.Join(header, ", "))
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				bad(RowError{Line: pe.Line, Err: pe.Err})
				continue
			}
			return err
		}
		line, _ := cr.FieldPos(0)
		row := Row{Line: line, record: rec, index: index}
		if err := m.build(&row); err != nil {
			bad(RowError{Line: line, Err: err})
			continue
		}
		if err := ok(row); err != nil {
			return err
		}
	}
}

func (m Mapping) build(row *Row) error {
	get := func(t template) (string, error) {
		var b strings.Builder
		for _, p := range t {
			if !p.column {
				b.WriteString(p.text)
				continue
			}
			v, _ := row.Column(p.text)
			v = strings.TrimSpace(v)
			if v == "" {
				return "", fmt.Errorf("column %s is empty", p.text)
			}
			b.WriteString(v)
		}
		return b.String(), nil
	}
	c := &row.Shipment
	var err error
	if c.ID, err = get(m.fields["id"]); err != nil {
		return fmt.Errorf("id: %w", err)
	}
	for field, dst := range map[string]*string{"origin": &c.Origin, "destination": &c.Destination, "carrier": &c.Carrier} {
		if t, ok := m.fields[field]; ok {
			if *dst, err = get(t); err != nil {
				return fmt.Errorf("%s: %w", field, err)
			}
		}
	}
	stamps := 0
	for field, t := range m.fields {
		if plainFields[field] {
			continue
		}
		v, err := get(t)
		if err != nil {
			continue // a milestone it never reached, or not recorded
		}
		at, err := ParseTime(v)
		if err != nil {
			return fmt.Errorf("%s: %w", field, err)
		}
		c.Set(parcel.Milestone(field), at)
		stamps++
	}
	if stamps == 0 {
		return errors.New("no milestone timestamp in this row")
	}
	return nil
}

// ParseTime reads RFC 3339 or "YYYY-MM-DD HH:MM:SS" (UTC), or a date.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("timestamp %q: want RFC 3339 or YYYY-MM-DD HH:MM:SS", s)
}
