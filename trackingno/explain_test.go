package trackingno

import "testing"

func TestExplanations(t *testing.T) {
	tests := []struct {
		input    string
		code     ReasonCode
		format   string
		message  string
		position int
	}{
		{"RB123456783GB", ReasonCheckDigit, "s10", "the check digit should be 5, not 3", 10},
		{"RB123456785XX", ReasonUnknownCountry, "s10", "XX is not a UPU member country", 11},
		{"JB123456785GB", ReasonReservedService, "s10", "service indicator J is reserved", 0},
		{"RB12345678GB", ReasonLength, "s10", "13 characters expected, 12 given", -1},
		{"RB1234567855GB", ReasonLength, "s10", "13 characters expected, 14 given", -1},
		{"RB123456785G8", ReasonCharacter, "s10", "character 13 should be a letter, not '8'", 12},
		{"1Z5R89390357567128", ReasonCheckDigit, "ups", "the check digit should be 7, not 8", 17},
		{"1Z5R8939035756712", ReasonLength, "ups", "18 characters expected, 17 given", -1},
		{"TBA50288727400A", ReasonCharacter, "amazon_logistics", "character 15 should be a digit, not 'A'", 14},
		{"9400111206206406260788", ReasonCheckDigit, "usps_impb_n", "the check digit should be 7, not 8", 21},
		{"008182709980000020033350276A", ReasonCheckDigit, "dpd", "the check digit should be C, not A", 27},
		{"", ReasonEmpty, "", "no tracking number given", -1},
		{" - ", ReasonEmpty, "", "no tracking number given", -1},
		{"hello", ReasonUnknownFormat, "", "no known tracking-number format matches these 5 characters", -1},
		// 13 digits: one digit off Russian Post (14) and FedEx Express (12)
		// alike; the explanation does not pick one.
		{"1234567890123", ReasonUnknownFormat, "", "no known tracking-number format matches these 13 characters", -1},
	}
	for _, tc := range tests {
		t.Run(tc.input, func(t *testing.T) {
			r := Parse(tc.input)
			if r.Valid {
				t.Fatalf("reported valid")
			}
			got := r.Reason
			if got.Code != tc.code || got.Format() != tc.format || got.Message() != tc.message || got.Position != tc.position {
				t.Errorf("got %v/%q/%q@%d, want %v/%q/%q@%d", got.Code, got.Format(), got.Message(), got.Position,
					tc.code, tc.format, tc.message, tc.position)
			}
		})
	}
}

func TestReasonStringNamesTheFormat(t *testing.T) {
	r := Parse("RB12345678GB")
	if got, want := r.Reason.String(), "UPU S10: 13 characters expected, 12 given"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got := r.Reason.Code.String(); got != "length" {
		t.Errorf("Code.String() = %q", got)
	}
	if got := r.Reason.ExpectedLen; got != 13 {
		t.Errorf("ExpectedLen = %d", got)
	}
}

// A number can have several problems; all are listed, the first is the
// result's reason.
func TestSeveralReasons(t *testing.T) {
	r := Parse("JB123456783XX")
	c, ok := r.Candidate("s10")
	if !ok {
		t.Fatal("no s10 candidate")
	}
	var codes []ReasonCode
	for _, reason := range c.Reasons() {
		codes = append(codes, reason.Code)
	}
	want := []ReasonCode{ReasonReservedService, ReasonUnknownCountry, ReasonCheckDigit}
	if len(codes) != len(want) {
		t.Fatalf("reasons %v, want %v", codes, want)
	}
	for i := range want {
		if codes[i] != want[i] {
			t.Fatalf("reasons %v, want %v", codes, want)
		}
	}
	if r.Reason.Code != ReasonReservedService {
		t.Errorf("result reason %v", r.Reason.Code)
	}
}

// Any 14 digits are a DHL E-Commerce (14) number, so a Russian Post number
// with a wrong check digit is still "valid"; its Russian Post reading says
// what is wrong, and Suggest offers the fix.
func TestRussianPostTypoIsExplainedBesideDHL(t *testing.T) {
	r := Parse("42382396002055")
	if !r.Valid || r.Courier() != "dhl" {
		t.Fatalf("want valid as DHL E-Commerce (14), got %v %s", r.Valid, r.Courier())
	}
	c, ok := r.Candidate("russianpost")
	if !ok || c.Valid || c.Reason().Message() != "the check digit should be 6, not 5" {
		t.Fatalf("russianpost candidate: %v", c)
	}
	found := false
	for _, s := range Suggest("42382396002055") {
		found = found || s.Number == "42382396002056"
	}
	if !found {
		t.Error("42382396002056 not suggested")
	}
	good := Parse("42382396002056")
	if good.Courier() != "russianpost" {
		t.Errorf("valid Russian Post number ranked %s first", good.Courier())
	}
}

func TestFacts(t *testing.T) {
	tests := []struct {
		input  string
		format string
		want   map[string][2]string // name -> value, meaning
	}{
		{"EE471108151FR", "s10", map[string][2]string{
			"service_indicator": {"EE", "EMS (express mail service)"},
			"serial":            {"47110815", ""},
			"country":           {"FR", "France"},
			"postal_operator":   {"La Poste", ""},
		}},
		{"RB123456785GB", "s10", map[string][2]string{
			"service_indicator": {"RB", "registered letter post"},
			"postal_operator":   {"Royal Mail", ""},
		}},
		{"CP123456785DE", "s10", map[string][2]string{"service_indicator": {"CP", "parcel post"}}},
		{"LX123456785CN", "s10", map[string][2]string{"service_indicator": {"LX", "letter post, tracked (express)"}}},
		{"UA123456785CN", "s10", map[string][2]string{"postal_operator": {"China Post", ""}}},
		{"1Z5R89390357567127", "ups", map[string][2]string{
			"shipper_account": {"5R8939", ""},
			"service_code":    {"03", "Ground"},
			"package_id":      {"5756712", ""},
		}},
		{"42382396002056", "russianpost", map[string][2]string{
			"office_postcode": {"423823", ""},
			"month_batch":     {"96", "counter of the month the barcode batch was printed"},
			"item_number":     {"00205", ""},
			"check_digit":     {"6", ""},
		}},
		{"420 22153 9101026837331000039521", "usps_legacy", map[string][2]string{
			"destination_zip": {"22153", ""},
		}},
	}
	for _, tc := range tests {
		r := Parse(tc.input)
		c, ok := r.Candidate(tc.format)
		if !ok {
			t.Errorf("%s: no %s candidate", tc.input, tc.format)
			continue
		}
		facts := map[string]Fact{}
		for _, f := range c.Facts() {
			facts[f.Name] = f
		}
		for name, want := range tc.want {
			got, ok := facts[name]
			if !ok || got.Value != want[0] || got.Meaning != want[1] {
				t.Errorf("%s: fact %s = %+v, want %q (%q)", tc.input, name, got, want[0], want[1])
			}
		}
	}
	// Service indicators with a reserved first letter are named as such.
	r := Parse("JB123456785GB")
	c, _ := r.Candidate("s10")
	if f := c.Facts()[0]; f.Meaning != "reserved" {
		t.Errorf("JB fact %+v", f)
	}
}
