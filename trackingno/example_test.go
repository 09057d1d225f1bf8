package trackingno_test

import (
	"fmt"

	"github.com/parcelwatch/parcelwatch/trackingno"
)

func ExampleParse() {
	r := trackingno.Parse("rb 1234 5678 5gb")
	best, _ := r.Best()
	fmt.Println(r.Number, r.Valid, best.Courier, best.Format)
	for _, f := range best.Facts() {
		if f.Meaning != "" {
			fmt.Printf("%s: %s (%s)\n", f.Label, f.Value, f.Meaning)
		} else {
			fmt.Printf("%s: %s\n", f.Label, f.Value)
		}
	}
	// Output:
	// RB123456785GB true s10 s10
	// Service indicator: RB (registered letter post)
	// Serial number: 12345678
	// Check digit: 5
	// Issuing country: GB (United Kingdom)
	// Postal operator: Royal Mail
}

func ExampleParse_invalid() {
	r := trackingno.Parse("RB123456783GB")
	fmt.Println(r.Valid, r.Reason.Code, r.Reason.Message())
	fmt.Println(trackingno.Parse("RB123456785XX").Reason)
	fmt.Println(trackingno.Parse("RB12345678GB").Reason)
	// Output:
	// false check_digit the check digit should be 5, not 3
	// UPU S10: XX is not a UPU member country
	// UPU S10: 13 characters expected, 12 given
}

func ExampleSuggest() {
	for _, s := range trackingno.Suggest("RB1234567B5GB") {
		fmt.Println(s.Number, s.Edit, s.Format)
	}
	// Output:
	// RB123456785GB look-alike s10
	// RB123456745GB substitute s10
}

func ExampleParser_ParseInto() {
	p := trackingno.NewParser()
	var r trackingno.Result // reused: no allocation per number
	for _, n := range []string{"1Z5R89390357567127", "42382396002056", "LP00724622449605"} {
		p.ParseInto(&r, n)
		best, _ := r.Best()
		fmt.Println(best.Courier, best.Format, best.Checksum != "")
	}
	// Output:
	// ups ups true
	// russianpost russianpost true
	// cainiao cainiao_lp false
}
