package trackingno

import "fmt"

const (
	// maxCandidates bounds the candidates one number can have. No number
	// matches more than four formats of the catalog at once.
	maxCandidates = 6
	// maxReasons bounds the problems recorded per candidate (S10 can have
	// a reserved service, an unknown country and a wrong check digit).
	maxReasons = 3
)

// Parser detects, validates and explains tracking numbers. It is safe for
// concurrent use: it holds only the compiled, read-only format catalog.
type Parser struct {
	cat *catalog
}

// defaultParser uses the embedded formats.json; it is built once at start-up
// and never modified.
var defaultParser = mustDefaultParser()

func mustDefaultParser() *Parser {
	p, err := NewParserFromData(builtinFormatsJSON, builtinOperatorsTSV)
	if err != nil {
		panic("trackingno: embedded formats: " + err.Error())
	}
	return p
}

// NewParser returns a parser for the built-in formats.
func NewParser() *Parser { return defaultParser }

// NewParserFromData builds a parser from a formats file (the layout of the
// embedded formats.json) and an S10 operator table (the layout of
// upu_operators.tsv).
func NewParserFromData(formatsJSON, operatorsTSV []byte) (*Parser, error) {
	cat, err := loadCatalog(formatsJSON, operatorsTSV)
	if err != nil {
		return nil, err
	}
	return &Parser{cat: cat}, nil
}

// Parse reads s with the built-in formats. See Parser.ParseInto.
func Parse(s string) Result { return defaultParser.Parse(s) }

// Parse reads s and returns its ranked candidates. See ParseInto.
func (p *Parser) Parse(s string) (r Result) {
	p.ParseInto(&r, s)
	return r
}

// ParseInto reads s into dst, overwriting it; dst can be reused between
// calls. s may be a bare number in any case, with spaces, dashes or stray
// punctuation, or a URL or sentence that contains one.
//
// A number that is already normalised (upper-case letters and digits only)
// is parsed without allocating. Other input costs one allocation for the
// normalised copy, and free text a few more.
func (p *Parser) ParseInto(dst *Result, s string) {
	dst.reset(s)
	cat := p.cat
	if isNormalised(s, cat.maxLen) {
		dst.Number = s
		cat.evaluate(dst, s)
		dst.finish(cat)
		return
	}

	var buf [compactBufSize]byte
	n, tokens, overflow := compact(buf[:], s)
	if n == 0 {
		dst.Reason = Reason{Code: ReasonEmpty, Position: -1}
		return
	}
	if !overflow && n <= cat.maxLen {
		dst.Number = string(buf[:n])
		cat.evaluate(dst, dst.Number)
		// A number typed with spaces or dashes that fits a known shape is
		// taken as one number even when invalid: looking inside it for a
		// shorter number would turn typos into false positives.
		if dst.n > 0 || tokens < 2 {
			dst.finish(cat)
			return
		}
	}
	var found Result
	if cat.extract(&found, s) {
		*dst = found
		dst.Input = s
		dst.Extracted = true
		dst.finish(cat)
		return
	}
	if dst.Number == "" {
		dst.Number = string(buf[:min(n, len(buf))])
	}
	dst.finish(cat)
}

// Result is what Parse learned about one input. Candidates are ranked: valid
// before invalid, formats with a check digit before those without, then by
// confidence.
type Result struct {
	// Input is the text given to Parse.
	Input string
	// Number is the normalised number the candidates refer to: upper case,
	// without separators, cut out of the input when it was a URL or text.
	Number string
	// Valid reports whether the best candidate is valid.
	Valid bool
	// Extracted is true when Number was found inside longer text.
	Extracted bool
	// Reason explains why the input is not valid: the best candidate's first
	// problem, or, when no format matches, how the input differs from the
	// nearest format. Zero when Valid.
	Reason Reason

	n     int
	cands [maxCandidates]Candidate
}

func (r *Result) reset(s string) {
	r.Input, r.Number, r.Valid, r.Extracted = s, "", false, false
	r.Reason = Reason{}
	r.n = 0
}

// Candidates returns the ranked candidates. The slice shares memory with r.
func (r *Result) Candidates() []Candidate { return r.cands[:r.n:r.n] }

// Best returns the top-ranked candidate, valid or not.
func (r *Result) Best() (Candidate, bool) {
	if r.n == 0 {
		return Candidate{}, false
	}
	return r.cands[0], true
}

// Courier is the courier id of the best valid candidate, "" if none.
func (r *Result) Courier() string {
	if r.n == 0 || !r.cands[0].Valid {
		return ""
	}
	return r.cands[0].Courier
}

// Candidate returns the candidate of the given format id, if it matched.
func (r *Result) Candidate(formatID string) (Candidate, bool) {
	for i := 0; i < r.n; i++ {
		if r.cands[i].Format == formatID {
			return r.cands[i], true
		}
	}
	return Candidate{}, false
}

// checksumFailed reports whether a format with a check digit matched the
// shape but failed, and no format with a check digit accepted the number.
// Suggest uses it: such a number may be a typo even if a format without a
// check digit (DHL E-Commerce 14 accepts any 14 digits) calls it valid.
func (r *Result) checksumFailed() bool {
	failed := false
	for i := 0; i < r.n; i++ {
		c := &r.cands[i]
		if c.shape.format.hasChecksum() || len(c.shape.format.rules) > 0 {
			if c.Valid {
				return false
			}
			failed = true
		}
	}
	return failed
}

func (r *Result) finish(cat *catalog) {
	if r.n > 0 {
		r.Valid = r.cands[0].Valid
		if !r.Valid && r.cands[0].nreasons > 0 {
			r.Reason = r.cands[0].reasons[0]
		}
		return
	}
	if r.Reason.Code == ReasonNone {
		r.Reason = cat.diagnose(r.Number)
	}
}

// Candidate is one format a number matches.
type Candidate struct {
	Courier     string // courier id, as in tracking_numbers.tsv: "s10", "ups", "russianpost", …
	CourierName string
	Format      string // format id, e.g. "s10", "usps_impb_c"
	FormatName  string
	Number      string // the normalised number
	// Valid: the shape fits and every check passes (check digit, S10
	// country and service indicator).
	Valid bool
	// Checksum names the check-digit algorithm, "" for formats without one.
	Checksum string
	// CheckDigitOK reports whether the check digit holds (false when the
	// format has none).
	CheckDigitOK bool
	// Confidence in [0, 1]: how likely a valid match is really this format.
	// Formats with a check digit score higher than those without, and
	// marketplace formats lowest. 0 for invalid candidates.
	Confidence float64
	// Marketplace marks formats from third-party sources (Cainiao, 4PX, …).
	Marketplace bool

	reasons  [maxReasons]Reason
	nreasons uint8
	shape    *shape
}

// Reasons lists the candidate's problems, empty when valid.
func (c *Candidate) Reasons() []Reason { return c.reasons[:c.nreasons:c.nreasons] }

// Reason is the first problem, zero when valid.
func (c Candidate) Reason() Reason {
	if c.nreasons == 0 {
		return Reason{}
	}
	return c.reasons[0]
}

// Group returns the text of a named group of the format's pattern (for
// example "SerialNumber", "CountryCode"), and whether it took part.
func (c Candidate) Group(name string) (string, bool) {
	if c.shape == nil {
		return "", false
	}
	for i, g := range c.shape.format.groupNames {
		if g == name {
			sp := c.shape.groups[i]
			if !sp.ok() {
				return "", false
			}
			return c.Number[sp.start:sp.end], true
		}
	}
	return "", false
}

func (c Candidate) String() string {
	state := "valid"
	if !c.Valid {
		state = "invalid: " + c.Reason().Message()
	}
	return fmt.Sprintf("%s %s (%s, %s)", c.Courier, c.Format, c.Number, state)
}

// verdict is the outcome of a format's checks on one matched shape, as plain
// positions, so that the same code serves strings and byte buffers.
type verdict struct {
	valid          bool
	checkOK        bool
	reserved       bool // S10 service indicator reserved
	unknownCountry bool
	checkExpected  byte // expected check character (0 when not computable)
}

// judge runs the format's checks on s, which has shape sh.
func judge[T text](cat *catalog, sh *shape, s T) verdict {
	f := sh.format
	v := verdict{valid: true}
	for _, r := range f.rules {
		switch r {
		case ruleS10ServiceNotReserved:
			g := sh.groups[f.serviceGroup]
			if k := letterPair(s[g.start], s[g.start+1]); k >= 0 && cat.s10Service[k].reserved {
				v.reserved, v.valid = true, false
			}
		case ruleS10KnownCountry:
			g := sh.groups[f.countryGroup]
			if k := letterPair(s[g.start], s[g.start+1]); k < 0 || cat.operatorAt[k] < 0 {
				v.unknownCountry, v.valid = true, false
			}
		}
	}
	if f.check.algo != algoNone {
		sg, cg := sh.groups[f.serialGroup], sh.groups[f.checkGroup]
		exp, ok := expectedCheck(&f.check, s[sg.start:sg.end])
		if ok {
			v.checkExpected = exp
		}
		if ok && cg.end-cg.start == 1 && s[cg.start] == exp {
			v.checkOK = true
		} else {
			v.valid = false
		}
	}
	return v
}

// evaluate fills r's candidates for the normalised number s.
func (cat *catalog) evaluate(r *Result, s string) {
	r.n = 0
	n := len(s)
	if n == 0 || n > cat.maxLen {
		return
	}
	first := alnumIndex(s[0])
	if first < 0 {
		return
	}
	for _, sh := range cat.buckets[n*len(alphabet)+first] {
		if !matchShape(sh, cat.classes, s) {
			continue
		}
		// A format is reported once, by its first matching shape: the
		// match a leftmost-first regexp engine would return for the
		// format's pattern, as the reference implementation does.
		seen := false
		for i := 0; i < r.n; i++ {
			if r.cands[i].shape.format == sh.format {
				seen = true
				break
			}
		}
		if seen || r.n == maxCandidates {
			continue
		}
		r.cands[r.n].fill(sh, s, judge(cat, sh, s))
		r.n++
	}
	r.rank()
}

func (c *Candidate) fill(sh *shape, s string, v verdict) {
	f := sh.format
	// Field by field: the reason array is guarded by nreasons and need not
	// be cleared, which keeps this hot function cheap.
	c.Courier, c.CourierName, c.Format, c.FormatName = f.courier, f.courierName, f.id, f.name
	c.Number, c.Valid, c.Checksum, c.CheckDigitOK = s, v.valid, f.check.name, v.checkOK
	c.Marketplace, c.shape, c.nreasons, c.Confidence = f.marketplace, sh, 0, 0
	if v.valid {
		c.Confidence = f.confidence
		return
	}
	if v.reserved {
		g := sh.groups[f.serviceGroup]
		c.addReason(Reason{Code: ReasonReservedService, Position: int(g.start),
			Found: s[g.start : g.start+1], format: f})
	}
	if v.unknownCountry {
		g := sh.groups[f.countryGroup]
		c.addReason(Reason{Code: ReasonUnknownCountry, Position: int(g.start),
			Found: s[g.start:g.end], format: f})
	}
	if f.check.algo != algoNone && !v.checkOK {
		g := sh.groups[f.checkGroup]
		r := Reason{Code: ReasonCheckDigit, Position: int(g.start), Found: s[g.start:g.end], format: f}
		if i := alnumIndex(v.checkExpected); i >= 0 {
			r.Expected = alphabet[i : i+1]
		}
		c.addReason(r)
	}
}

func (c *Candidate) addReason(r Reason) {
	if int(c.nreasons) < maxReasons {
		c.reasons[c.nreasons] = r
		c.nreasons++
	}
}

// rank orders candidates: valid first; then formats with a check digit; then
// format confidence; then the more specific shape; then catalog order.
func (r *Result) rank() {
	for i := 1; i < r.n; i++ {
		for j := i; j > 0 && r.cands[j].outranks(&r.cands[j-1]); j-- {
			r.cands[j], r.cands[j-1] = r.cands[j-1], r.cands[j]
		}
	}
}

func (c *Candidate) outranks(o *Candidate) bool {
	if c.Valid != o.Valid {
		return c.Valid
	}
	cf, of := c.shape.format, o.shape.format
	if cf.hasChecksum() != of.hasChecksum() {
		return cf.hasChecksum()
	}
	if cf.confidence != of.confidence {
		return cf.confidence > of.confidence
	}
	if c.shape.literals != o.shape.literals {
		return c.shape.literals > o.shape.literals
	}
	return cf.order < of.order
}
