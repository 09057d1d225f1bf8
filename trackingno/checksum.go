package trackingno

import "fmt"

// text lets the check-digit and matching code run on a string (Parse) and on
// a scratch byte buffer (Suggest) without converting between them.
type text interface{ ~string | ~[]byte }

// algorithm names a check-digit algorithm.
type algorithm uint8

const (
	algoNone algorithm = iota
	algoMod10
	algoLuhn
	algoMod7
	algoSumProduct
	algoS10
	algoMod37_36
)

var algorithmNames = map[string]algorithm{
	"mod10":       algoMod10,
	"luhn":        algoLuhn,
	"mod7":        algoMod7,
	"sum_product": algoSumProduct,
	"s10":         algoS10,
	"mod37_36":    algoMod37_36,
}

// checksum is a check-digit rule with its parameters, read from formats.json.
type checksum struct {
	algo    algorithm
	name    string
	evens   int  // mod10: multiplier of values at even (0-based) indexes
	odds    int  // mod10: multiplier of values at odd indexes
	reverse bool // mod10: index from the right instead of the left
	weights []int
	mod1    int // sum_product: first modulus
	mod2    int // sum_product: second modulus
	// prependUnless/prepend: put prepend in front of the serial unless the
	// serial already starts with prependUnless (OnTrac, USPS Legacy).
	prependUnless string
	prepend       string
}

type checksumJSON struct {
	Algorithm     string `json:"algorithm"`
	Evens         int    `json:"evens"`
	Odds          int    `json:"odds"`
	Reverse       bool   `json:"reverse"`
	Weights       []int  `json:"weights"`
	Modulo1       int    `json:"modulo1"`
	Modulo2       int    `json:"modulo2"`
	PrependUnless string `json:"prepend_unless"`
	Prepend       string `json:"prepend"`
}

func (j *checksumJSON) compile() (checksum, error) {
	algo, ok := algorithmNames[j.Algorithm]
	if !ok {
		return checksum{}, fmt.Errorf("unknown checksum algorithm %q", j.Algorithm)
	}
	c := checksum{
		algo: algo, name: j.Algorithm, evens: j.Evens, odds: j.Odds, reverse: j.Reverse,
		weights: j.Weights, mod1: j.Modulo1, mod2: j.Modulo2,
		prependUnless: j.PrependUnless, prepend: j.Prepend,
	}
	switch algo {
	case algoMod10:
		if c.evens == 0 || c.odds == 0 {
			return c, fmt.Errorf("mod10 needs evens and odds multipliers")
		}
	case algoSumProduct:
		if len(c.weights) == 0 || c.mod1 <= 0 || c.mod2 <= 0 {
			return c, fmt.Errorf("sum_product needs weights, modulo1 and modulo2")
		}
	}
	return c, nil
}

// expectedCheck returns the check character serial should carry under c.
// ok is false when the serial holds a character the algorithm cannot use.
func expectedCheck[T text](c *checksum, serial T) (check byte, ok bool) {
	prefix := ""
	if c.prepend != "" && !hasPrefix(serial, c.prependUnless) {
		prefix = c.prepend
	}
	switch c.algo {
	case algoMod10:
		return mod10Check(prefix, serial, c.evens, c.odds, c.reverse)
	case algoLuhn:
		return luhnCheck(prefix, serial)
	case algoMod7:
		return mod7Check(prefix, serial)
	case algoSumProduct:
		return sumProductCheck(prefix, serial, c.weights, c.mod1, c.mod2)
	case algoS10:
		return s10Check(serial)
	case algoMod37_36:
		return mod37_36Check(prefix, serial)
	}
	return 0, false
}

func hasPrefix[T text](s T, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if s[i] != prefix[i] {
			return false
		}
	}
	return true
}

// charAt reads position i of prefix+serial without building the string.
func charAt[T text](prefix string, serial T, i int) byte {
	if i < len(prefix) {
		return prefix[i]
	}
	return serial[i-len(prefix)]
}

// mod10Check is the weighted alternating sum used by UPS, USPS, FedEx Ground,
// Canada Post, OnTrac and Russian Post. Letters count as (ASCII-3) mod 10, as
// UPS does; products are not digit-reduced.
func mod10Check[T text](prefix string, serial T, evens, odds int, reverse bool) (byte, bool) {
	n := len(prefix) + len(serial)
	sum := 0
	for i := 0; i < n; i++ {
		pos := i
		if reverse {
			pos = n - 1 - i
		}
		c := charAt(prefix, serial, pos)
		var v int
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c >= 'A' && c <= 'Z':
			v = int(c-3) % 10
		default:
			return 0, false
		}
		if i%2 == 0 {
			sum += v * evens
		} else {
			sum += v * odds
		}
	}
	return byte('0' + (10-sum%10)%10), true
}

// luhnCheck doubles every second digit from the right, starting with the
// rightmost serial digit.
func luhnCheck[T text](prefix string, serial T) (byte, bool) {
	n := len(prefix) + len(serial)
	sum := 0
	for i := 0; i < n; i++ {
		c := charAt(prefix, serial, n-1-i)
		if c < '0' || c > '9' {
			return 0, false
		}
		v := int(c - '0')
		if i%2 == 0 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return byte('0' + (10-sum%10)%10), true
}

// mod7Check is the serial read as one decimal number, mod 7 (DHL Express).
func mod7Check[T text](prefix string, serial T) (byte, bool) {
	n := len(prefix) + len(serial)
	r := 0
	for i := 0; i < n; i++ {
		c := charAt(prefix, serial, i)
		if c < '0' || c > '9' {
			return 0, false
		}
		r = (r*10 + int(c-'0')) % 7
	}
	return byte('0' + r), true
}

// sumProductCheck weights digits left to right and reduces the sum by mod1
// then mod2 (FedEx Express: 11 then 10).
func sumProductCheck[T text](prefix string, serial T, weights []int, mod1, mod2 int) (byte, bool) {
	n := len(prefix) + len(serial)
	sum := 0
	for i := 0; i < n; i++ {
		c := charAt(prefix, serial, i)
		if c < '0' || c > '9' {
			return 0, false
		}
		if i < len(weights) {
			sum += int(c-'0') * weights[i]
		}
	}
	return byte('0' + (sum%mod1)%mod2), true
}

var s10Weights = [8]int{8, 6, 4, 2, 3, 5, 9, 7}

// s10Check is the UPU S10 rule: weights 8,6,4,2,3,5,9,7 mod 11, with
// 11-r mapped 10→0 and 11→5.
func s10Check[T text](serial T) (byte, bool) {
	if len(serial) != 8 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 8; i++ {
		c := serial[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		sum += int(c-'0') * s10Weights[i]
	}
	check := 11 - sum%11
	switch check {
	case 10:
		check = 0
	case 11:
		check = 5
	}
	return byte('0' + check), true
}

// mod37_36Check is ISO/IEC 7064 MOD 37,36 (hybrid) over 0-9A-Z, as DPD uses.
func mod37_36Check[T text](prefix string, serial T) (byte, bool) {
	n := len(prefix) + len(serial)
	p := 36
	for i := 0; i < n; i++ {
		c := charAt(prefix, serial, i)
		var v int
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c >= 'A' && c <= 'Z':
			v = int(c-'A') + 10
		default:
			return 0, false
		}
		p += v
		if p > 36 {
			p -= 36
		}
		p *= 2
		if p > 36 {
			p -= 37
		}
	}
	check := 37 - p
	if check == 36 {
		check = 0
	}
	return alphabet[check], true
}
