package trackingno

import (
	"fmt"
	"strconv"
)

// ReasonCode says, in a machine-readable way, why a number is not valid.
type ReasonCode uint8

// Reason codes. Their String values are stable identifiers for logs and APIs.
const (
	ReasonNone            ReasonCode = iota
	ReasonEmpty                      // nothing that could be a number was given
	ReasonUnknownFormat              // the number matches no known format, not even nearly
	ReasonLength                     // one character too few or too many for the nearest format
	ReasonCharacter                  // one character is of the wrong kind for the nearest format
	ReasonCheckDigit                 // the shape fits but the check digit does not
	ReasonUnknownCountry             // S10: the country code is not a known UPU issuer
	ReasonReservedService            // S10: the service indicator's first letter is reserved
)

var reasonCodeNames = [...]string{
	ReasonNone:            "none",
	ReasonEmpty:           "empty",
	ReasonUnknownFormat:   "unknown_format",
	ReasonLength:          "length",
	ReasonCharacter:       "character",
	ReasonCheckDigit:      "check_digit",
	ReasonUnknownCountry:  "unknown_country",
	ReasonReservedService: "reserved_service",
}

func (c ReasonCode) String() string {
	if int(c) < len(reasonCodeNames) {
		return reasonCodeNames[c]
	}
	return "reason(" + strconv.Itoa(int(c)) + ")"
}

// Reason explains one problem with a number. It holds only plain values and
// references to static text, so producing it never allocates; the human
// sentence is built on demand by Message.
type Reason struct {
	Code ReasonCode
	// Position is the 0-based index in the normalised number the reason is
	// about (the check digit, the wrong character), or -1.
	Position int
	// Expected and Found are what should be there and what is there: check
	// characters, a class such as "a digit", a country code, a letter.
	Expected string
	Found    string
	// ExpectedLen and FoundLen are lengths, for ReasonLength and
	// ReasonUnknownFormat.
	ExpectedLen int
	FoundLen    int
	format      *format
}

// Format is the id of the format the reason refers to, "" if none.
func (r Reason) Format() string {
	if r.format == nil {
		return ""
	}
	return r.format.id
}

// FormatName is the human name of the format the reason refers to.
func (r Reason) FormatName() string {
	if r.format == nil {
		return ""
	}
	return r.format.name
}

// Message is the reason as a short English sentence, without the format name,
// e.g. "the check digit should be 5, not 3".
func (r Reason) Message() string {
	switch r.Code {
	case ReasonNone:
		return ""
	case ReasonEmpty:
		return "no tracking number given"
	case ReasonUnknownFormat:
		if r.FoundLen > 0 {
			return fmt.Sprintf("no known tracking-number format matches these %d characters", r.FoundLen)
		}
		return "no known tracking-number format matches"
	case ReasonLength:
		return fmt.Sprintf("%d characters expected, %d given", r.ExpectedLen, r.FoundLen)
	case ReasonCharacter:
		return fmt.Sprintf("character %d should be %s, not '%s'", r.Position+1, r.Expected, r.Found)
	case ReasonCheckDigit:
		return fmt.Sprintf("the check digit should be %s, not %s", r.Expected, r.Found)
	case ReasonUnknownCountry:
		return fmt.Sprintf("%s is not a UPU member country", r.Found)
	case ReasonReservedService:
		return fmt.Sprintf("service indicator %s is reserved", r.Found)
	}
	return r.Code.String()
}

// String is the message prefixed with the format name when there is one,
// e.g. "UPU S10: 13 characters expected, 12 given".
func (r Reason) String() string {
	if r.format == nil {
		return r.Message()
	}
	return r.format.name + ": " + r.Message()
}
