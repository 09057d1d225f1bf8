// Package sample generates realistic, reproducible streams of tracking
// numbers for benchmarks and comparisons: mostly UPU S10 numbers (what
// marketplace orders carry), some UPS, USPS, FedEx, Russian Post and
// marketplace numbers, some typed with spaces or in lower case, and some
// invalid. The same seed always gives the same numbers.
package sample

import (
	"math/rand"
	"strings"

	"github.com/parcelwatch/parcelwatch/trackingno"
)

// Kind names one part of the mix.
type Kind string

// The parts of the mix.
const (
	KindS10         Kind = "s10"
	KindUPS         Kind = "ups"
	KindUSPS        Kind = "usps"
	KindFedEx       Kind = "fedex"
	KindRussianPost Kind = "russianpost"
	KindMarketplace Kind = "marketplace"
	KindInvalid     Kind = "invalid"
)

// share is the mix, in percent.
var share = []struct {
	kind    Kind
	percent int
}{
	{KindS10, 55},
	{KindUPS, 10},
	{KindUSPS, 8},
	{KindFedEx, 5},
	{KindRussianPost, 5},
	{KindMarketplace, 7},
	{KindInvalid, 10},
}

// Common S10 service indicators and issuing countries of parcels bought
// online, weighted by repetition.
var (
	s10Services  = []string{"RB", "RR", "RU", "RS", "LP", "LB", "LX", "LY", "UA", "UB", "UC", "UD", "CP", "CA", "EE", "EA", "EB", "VV", "HA", "LZ"}
	s10Countries = []string{"CN", "CN", "CN", "CN", "CN", "HK", "SG", "US", "GB", "DE", "NL", "FR", "RU", "JP", "KR", "IT", "ES", "SE", "PL", "CH", "TR", "IN", "BR", "LT", "EE"}
)

// Generator produces numbers; it is not safe for concurrent use.
type Generator struct {
	rng *rand.Rand
	p   *trackingno.Parser
}

// New returns a generator for seed.
func New(seed int64) *Generator {
	return &Generator{rng: rand.New(rand.NewSource(seed)), p: trackingno.NewParser()}
}

// Mix returns n numbers from the realistic mix.
func Mix(seed int64, n int) []string {
	g := New(seed)
	out := make([]string, n)
	for i := range out {
		out[i] = g.Next()
	}
	return out
}

// Next returns the next number of the mix.
func (g *Generator) Next() string {
	k := g.rng.Intn(100)
	for _, s := range share {
		if k < s.percent {
			return g.styled(g.Of(s.kind))
		}
		k -= s.percent
	}
	return g.Of(KindS10)
}

// styled types one number in ten the way people paste them: lower case,
// or in groups separated by spaces.
func (g *Generator) styled(s string) string {
	switch g.rng.Intn(20) {
	case 0:
		return strings.ToLower(s)
	case 1:
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if i > 0 && i%4 == 0 {
				b.WriteByte(' ')
			}
			b.WriteByte(s[i])
		}
		return b.String()
	}
	return s
}

// Of returns one number of the given kind, canonical (upper case, no spaces).
func (g *Generator) Of(kind Kind) string {
	switch kind {
	case KindS10:
		return g.S10()
	case KindUPS:
		return g.complete("1Z"+g.alnum(6)+g.pick("03", "01", "02", "12", "13", "42", "YW")+g.digits(7), "", "ups")
	case KindUSPS:
		if g.rng.Intn(3) == 0 {
			return g.complete("9261290"+g.digits(14), "", "usps_impb_c")
		}
		return g.complete("9400"+g.digits(17), "", "usps_impb_n")
	case KindFedEx:
		if g.rng.Intn(2) == 0 {
			return g.complete(g.pick("7", "6", "5", "3")+g.digits(10), "", "fedex_12")
		}
		return g.complete(g.digits(14), "", "fedex_ground")
	case KindRussianPost:
		return g.complete(g.pick("1", "3", "4", "6", "8")+g.digits(12), "", "russianpost")
	case KindMarketplace:
		switch g.rng.Intn(4) {
		case 0:
			return "LP00" + g.digits(12)
		case 1:
			return "YT" + g.digits(16)
		case 2:
			return "CNUSUP" + g.digits(11)
		default:
			return "SF" + g.digits(13)
		}
	case KindInvalid:
		return g.invalid()
	}
	return g.S10()
}

// S10 returns a valid S10 number.
func (g *Generator) S10() string {
	serial := g.digits(8)
	return g.pick(s10Services...) + serial + string(s10CheckDigit(serial)) + g.pick(s10Countries...)
}

// invalid returns a typo of a valid number, or text that is not a number.
func (g *Generator) invalid() string {
	switch g.rng.Intn(4) {
	case 0, 1: // wrong check digit
		s := []byte(g.S10())
		s[10] = '0' + (s[10]-'0'+byte(1+g.rng.Intn(9)))%10
		return string(s)
	case 2: // a digit missing
		s := g.Of([]Kind{KindUPS, KindS10, KindUSPS}[g.rng.Intn(3)])
		i := 2 + g.rng.Intn(len(s)-3)
		return s[:i] + s[i+1:]
	default:
		return "ORDER" + g.digits(6)
	}
}

func (g *Generator) pick(options ...string) string { return options[g.rng.Intn(len(options))] }

func (g *Generator) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + g.rng.Intn(10))
	}
	return string(b)
}

func (g *Generator) alnum(n int) string {
	const chars = "0123456789ABCDEFGHJKLMNPRSTUVWXY"
	b := make([]byte, n)
	for i := range b {
		b[i] = chars[g.rng.Intn(len(chars))]
	}
	return string(b)
}

// complete finds the check digit that makes head+digit+tail a valid number
// of formatID, using the parser itself.
func (g *Generator) complete(head, tail, formatID string) string {
	for d := byte('0'); d <= '9'; d++ {
		s := head + string(d) + tail
		r := g.p.Parse(s)
		if c, ok := r.Candidate(formatID); ok && c.Valid {
			return s
		}
	}
	panic("sample: no check digit completes " + head + "?" + tail + " as " + formatID)
}

// s10CheckDigit is the UPU S10 rule, here so that the most common kind of
// the mix does not need ten parses per number.
func s10CheckDigit(serial string) byte {
	weights := [8]int{8, 6, 4, 2, 3, 5, 9, 7}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(serial[i]-'0') * weights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return '0'
	case 11:
		return '5'
	default:
		return byte('0' + c)
	}
}
