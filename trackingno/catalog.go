package trackingno

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
)

//go:embed formats.json
var builtinFormatsJSON []byte

//go:embed upu_operators.tsv
var builtinOperatorsTSV []byte

// catalog is the compiled, read-only form of formats.json. It is built once
// and shared by every Parser; nothing in it changes after load.
type catalog struct {
	formats []*format
	byID    map[string]*format
	classes []byteClass
	// classText describes each class for explanations ("a digit").
	classText []string
	// buckets holds the shapes of each (length, first character) pair at
	// index length*len(alphabet)+alnumIndex(first). This is the prefilter:
	// a 13-character number starting with R is only compared with shapes
	// that could start that way.
	buckets [][]*shape
	// byLength holds every shape of each length (for explanations).
	byLength [][]*shape
	maxLen   int

	lookups    map[string]map[string]string
	s10Service [26 * 26]s10Service
	operators  []upuOperator
	// operatorAt maps a two-letter code to an index in operators, or -1.
	operatorAt [26 * 26]int16
}

type s10Service struct {
	meaning  string
	reserved bool
	known    bool
}

type upuOperator struct {
	code, country, name string
	territory           bool
}

// format is one tracking-number format.
type format struct {
	id, name     string
	courier      string
	courierName  string
	pattern      string
	groupNames   []string
	serialGroup  int // -1 when the format has none
	checkGroup   int // -1 when the format has no check character
	check        checksum
	rules        []rule
	confidence   float64
	facts        []factSpec
	marketplace  bool
	note         string
	order        int
	shapes       []*shape
	lengths      []int
	serviceGroup int
	countryGroup int
	cat          *catalog // for lookups when reading facts
}

func (f *format) hasChecksum() bool { return f.check.algo != algoNone }

type rule uint8

const (
	ruleS10ServiceNotReserved rule = iota + 1
	ruleS10KnownCountry
)

var ruleNames = map[string]rule{
	"s10_service_not_reserved": ruleS10ServiceNotReserved,
	"s10_known_country":        ruleS10KnownCountry,
}

type factSpec struct {
	group  int
	name   string
	label  string
	lookup string
}

type formatsFile struct {
	About    string            `json:"about"` // documentation only
	Couriers map[string]string `json:"couriers"`
	Formats  []struct {
		ID          string        `json:"id"`
		Name        string        `json:"name"`
		Courier     string        `json:"courier"`
		Pattern     string        `json:"pattern"`
		Checksum    *checksumJSON `json:"checksum"`
		Rules       []string      `json:"rules"`
		Confidence  float64       `json:"confidence"`
		Marketplace bool          `json:"marketplace"`
		Note        string        `json:"note"`
		Facts       []struct {
			Group  string `json:"group"`
			Name   string `json:"name"`
			Label  string `json:"label"`
			Lookup string `json:"lookup"`
		} `json:"facts"`
	} `json:"formats"`
	Lookups              map[string]map[string]string `json:"lookups"`
	S10ServiceIndicators []struct {
		From     string `json:"from"`
		To       string `json:"to"`
		Meaning  string `json:"meaning"`
		Reserved bool   `json:"reserved"`
	} `json:"s10_service_indicators"`
}

// builtinLookups are lookups computed in code from the tables above rather
// than read from the "lookups" object.
var builtinLookups = map[string]bool{
	"s10_service":       true,
	"upu_country":       true,
	"upu_operator":      true,
	"russianpost_month": true,
}

func alnumIndex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return -1
}

func letterPair(a, b byte) int {
	if a < 'A' || a > 'Z' || b < 'A' || b > 'Z' {
		return -1
	}
	return int(a-'A')*26 + int(b-'A')
}

// loadCatalog compiles a formats file and an operator table.
func loadCatalog(formatsJSON, operatorsTSV []byte) (*catalog, error) {
	var file formatsFile
	dec := json.NewDecoder(bytes.NewReader(formatsJSON))
	dec.DisallowUnknownFields() // a misspelt key should fail, not be ignored
	if err := dec.Decode(&file); err != nil {
		return nil, fmt.Errorf("formats: %w", err)
	}

	cat := &catalog{byID: map[string]*format{}, lookups: file.Lookups}
	for i := range cat.operatorAt {
		cat.operatorAt[i] = -1
	}
	if err := cat.loadOperators(operatorsTSV); err != nil {
		return nil, err
	}
	for _, r := range file.S10ServiceIndicators {
		lo, hi := letterPair(r.From[0], r.From[1]), letterPair(r.To[0], r.To[1])
		if len(r.From) != 2 || len(r.To) != 2 || lo < 0 || hi < lo {
			return nil, fmt.Errorf("s10 service range %s-%s", r.From, r.To)
		}
		for k := lo; k <= hi; k++ {
			cat.s10Service[k] = s10Service{meaning: r.Meaning, reserved: r.Reserved, known: true}
		}
	}

	classIndex := map[byteClass]uint8{}
	intern := func(c byteClass) (uint8, error) {
		if i, ok := classIndex[c]; ok {
			return i, nil
		}
		if len(cat.classes) == 255 {
			return 0, fmt.Errorf("too many distinct character classes")
		}
		i := uint8(len(cat.classes))
		cat.classes = append(cat.classes, c)
		cat.classText = append(cat.classText, c.describe())
		classIndex[c] = i
		return i, nil
	}

	for order, fj := range file.Formats {
		if fj.ID == "" || fj.Pattern == "" || fj.Courier == "" {
			return nil, fmt.Errorf("format %d: id, courier and pattern are required", order)
		}
		if _, dup := cat.byID[fj.ID]; dup {
			return nil, fmt.Errorf("format %s: duplicate id", fj.ID)
		}
		f := &format{
			id: fj.ID, name: fj.Name, courier: fj.Courier, courierName: file.Couriers[fj.Courier],
			pattern: fj.Pattern, confidence: fj.Confidence, marketplace: fj.Marketplace,
			note: fj.Note, order: order, serialGroup: -1, checkGroup: -1, serviceGroup: -1, countryGroup: -1,
			cat: cat,
		}
		if f.courierName == "" {
			return nil, fmt.Errorf("format %s: courier %q is not listed under couriers", f.id, f.courier)
		}
		if f.confidence <= 0 || f.confidence > 1 {
			return nil, fmt.Errorf("format %s: confidence must be in (0, 1]", f.id)
		}
		seqs, groups, err := compilePattern(fj.Pattern)
		if err != nil {
			return nil, fmt.Errorf("format %s: %w", f.id, err)
		}
		f.groupNames = groups
		groupOf := func(name string) int {
			for i, g := range groups {
				if g == name {
					return i
				}
			}
			return -1
		}
		if fj.Checksum != nil {
			if f.check, err = fj.Checksum.compile(); err != nil {
				return nil, fmt.Errorf("format %s: %w", f.id, err)
			}
			f.serialGroup, f.checkGroup = groupOf("SerialNumber"), groupOf("CheckDigit")
			if f.serialGroup < 0 || f.checkGroup < 0 {
				return nil, fmt.Errorf("format %s: a checksum needs SerialNumber and CheckDigit groups", f.id)
			}
		} else {
			f.serialGroup = groupOf("SerialNumber")
		}
		for _, rn := range fj.Rules {
			r, ok := ruleNames[rn]
			if !ok {
				return nil, fmt.Errorf("format %s: unknown rule %q", f.id, rn)
			}
			f.rules = append(f.rules, r)
			switch r {
			case ruleS10ServiceNotReserved:
				f.serviceGroup = groupOf("ServiceIndicator")
			case ruleS10KnownCountry:
				f.countryGroup = groupOf("CountryCode")
			}
		}
		if (f.serviceGroup < 0 && slices.Contains(f.rules, ruleS10ServiceNotReserved)) ||
			(f.countryGroup < 0 && slices.Contains(f.rules, ruleS10KnownCountry)) {
			return nil, fmt.Errorf("format %s: rule needs a ServiceIndicator or CountryCode group", f.id)
		}
		for _, fa := range fj.Facts {
			g := groupOf(fa.Group)
			if g < 0 {
				return nil, fmt.Errorf("format %s: fact %s names unknown group %s", f.id, fa.Name, fa.Group)
			}
			if fa.Lookup != "" && !builtinLookups[fa.Lookup] && file.Lookups[fa.Lookup] == nil {
				return nil, fmt.Errorf("format %s: unknown lookup %q", f.id, fa.Lookup)
			}
			f.facts = append(f.facts, factSpec{group: g, name: fa.Name, label: fa.Label, lookup: fa.Lookup})
		}

		lengthSeen := map[int]bool{}
		for k, seq := range seqs {
			sh := &shape{format: f, order: k, groups: make([]span, len(groups))}
			for i := range sh.groups {
				sh.groups[i] = span{-1, -1}
			}
			for _, t := range seq {
				switch t.kind {
				case tokClass:
					ci, err := intern(t.class)
					if err != nil {
						return nil, err
					}
					sh.classes = append(sh.classes, ci)
					if t.class.count() == 1 {
						sh.literals++
					}
				case tokOpen:
					sh.groups[t.group].start = int16(len(sh.classes))
				case tokClose:
					sh.groups[t.group].end = int16(len(sh.classes))
				}
			}
			if len(sh.classes) == 0 {
				return nil, fmt.Errorf("format %s: pattern accepts the empty string", f.id)
			}
			f.shapes = append(f.shapes, sh)
			if !lengthSeen[len(sh.classes)] {
				lengthSeen[len(sh.classes)] = true
				f.lengths = append(f.lengths, len(sh.classes))
			}
			if len(sh.classes) > cat.maxLen {
				cat.maxLen = len(sh.classes)
			}
		}
		sort.Ints(f.lengths)
		cat.formats = append(cat.formats, f)
		cat.byID[f.id] = f
	}

	cat.buckets = make([][]*shape, (cat.maxLen+1)*len(alphabet))
	cat.byLength = make([][]*shape, cat.maxLen+1)
	for _, f := range cat.formats {
		for _, sh := range f.shapes {
			n := len(sh.classes)
			cat.byLength[n] = append(cat.byLength[n], sh)
			first := &cat.classes[sh.classes[0]]
			for i := 0; i < len(alphabet); i++ {
				if first.has(alphabet[i]) {
					k := n*len(alphabet) + i
					cat.buckets[k] = append(cat.buckets[k], sh)
				}
			}
		}
	}
	return cat, nil
}

func (cat *catalog) loadOperators(tsv []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(tsv))
	header := true
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 || len(cols[0]) != 2 {
			return fmt.Errorf("operators: bad line %q", line)
		}
		k := letterPair(cols[0][0], cols[0][1])
		if k < 0 || cat.operatorAt[k] >= 0 {
			return fmt.Errorf("operators: bad or duplicate code %q", cols[0])
		}
		cat.operatorAt[k] = int16(len(cat.operators))
		cat.operators = append(cat.operators, upuOperator{
			code: cols[0], country: cols[1], name: cols[2], territory: cols[3] == "territory",
		})
	}
	return sc.Err()
}

// operator returns the S10 issuer for a two-letter code.
func (cat *catalog) operator(code string) (upuOperator, bool) {
	if len(code) != 2 {
		return upuOperator{}, false
	}
	k := letterPair(code[0], code[1])
	if k < 0 || cat.operatorAt[k] < 0 {
		return upuOperator{}, false
	}
	return cat.operators[cat.operatorAt[k]], true
}
