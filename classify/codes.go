package classify

import (
	"bufio"
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// codeEntry is one row of a carrier's code table.
type codeEntry struct {
	rule        string // "<system>.code.<code>", built once
	out         outcome
	confidence  float64
	description string
}

type codeKey struct {
	code string
	role parcel.LegRole // "" for any leg
}

// codeTable is one code system (a carrier's, or UPU's).
type codeTable map[codeKey]codeEntry

// parseCodes reads a code table: TSV with the columns
// code, role, milestone, exception, substatus, confidence, description.
func parseCodes(name string, data []byte) (codeTable, error) {
	system := strings.TrimSuffix(path.Base(name), ".tsv")
	t := codeTable{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line, header := 0, false
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if !header {
			header = true
			if cols[0] == "code" {
				continue
			}
		}
		if len(cols) < 6 {
			return nil, fmt.Errorf("%s:%d: want 7 tab-separated columns, got %d", name, line, len(cols))
		}
		role := parcel.LegRole(cols[1])
		if cols[1] != "" {
			r, err := parcel.ParseLegRole(cols[1])
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, line, err)
			}
			role = r
		}
		spec := cols[2]
		if cols[3] != "" {
			spec += "+" + cols[3]
			if cols[4] != "" {
				spec += "/" + cols[4]
			}
		}
		out, err := parseOutcome(spec)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		conf, err := strconv.ParseFloat(cols[5], 64)
		if err != nil || conf < 0 || conf > 1 {
			return nil, fmt.Errorf("%s:%d: confidence %q: want a number in 0..1", name, line, cols[5])
		}
		desc := ""
		if len(cols) > 6 {
			desc = cols[6]
		}
		key := codeKey{code: normalizeCode(cols[0]), role: role}
		if _, dup := t[key]; dup {
			return nil, fmt.Errorf("%s:%d: code %q (role %q) listed twice", name, line, cols[0], cols[1])
		}
		t[key] = codeEntry{rule: system + ".code." + key.code, out: out, confidence: conf, description: desc}
	}
	return t, sc.Err()
}

// normalizeCode makes "8/2", "8-2", " 8.2 " and "8.2" one key, and upper-cases
// letter codes ("emd" is EMD).
func normalizeCode(code string) string {
	code = strings.TrimSpace(code)
	if strings.ContainsAny(code, "/-") && strings.Trim(code, "0123456789/-. ") == "" {
		code = strings.NewReplacer("/", ".", "-", ".").Replace(code)
	}
	return strings.ToUpper(code)
}

// lookup finds a code for a leg: the role's own row first, then the row for
// any leg, then, for two-level codes ("8.2"), the first level alone.
func (t codeTable) lookup(code string, side parcel.LegRole) (codeEntry, bool) {
	for c := code; c != ""; {
		if side != parcel.RoleUnknown {
			if e, ok := t[codeKey{c, side}]; ok {
				return e, true
			}
		}
		if e, ok := t[codeKey{c, ""}]; ok {
			return e, true
		}
		i := strings.LastIndexByte(c, '.')
		if i < 0 {
			break
		}
		c = c[:i]
	}
	return codeEntry{}, false
}
