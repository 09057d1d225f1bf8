package trackingno

import "testing"

// Table tests for every check-digit algorithm, with published or dataset
// examples, including the edge cases of each rule.
func TestCheckDigitAlgorithms(t *testing.T) {
	fedex12 := []int{3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1}
	fedex34 := []int{1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1}
	tests := []struct {
		name   string
		check  checksum
		serial string
		want   byte
	}{
		// mod10: UPS maps letters to (ASCII-3) mod 10.
		{"mod10 UPS digits", checksum{algo: algoMod10, evens: 1, odds: 2}, "5R8939035756712", '7'},
		{"mod10 UPS letters", checksum{algo: algoMod10, evens: 1, odds: 2}, "XX3150YW4407002", '3'},
		{"mod10 UPS waybill", checksum{algo: algoMod10, evens: 1, odds: 2}, "150623562", '0'},
		{"mod10 OnTrac prepend 4", checksum{algo: algoMod10, evens: 1, odds: 2, prependUnless: "4", prepend: "4"}, "1103150000187", '9'},
		{"mod10 OnTrac D prepend 5", checksum{algo: algoMod10, evens: 1, odds: 2, prependUnless: "5", prepend: "5"}, "1001135445370", '7'},
		{"mod10 FedEx Ground", checksum{algo: algoMod10, evens: 1, odds: 3}, "04144176022896", '4'},
		{"mod10 Canada Post", checksum{algo: algoMod10, evens: 3, odds: 1}, "007393800054929", '7'},
		{"mod10 USPS 20", checksum{algo: algoMod10, evens: 3, odds: 1}, "0307179000052348374", '1'},
		{"mod10 USPS Legacy prepend 91", checksum{algo: algoMod10, evens: 3, odds: 1, prependUnless: "91", prepend: "91"}, "7196901075600307738", '5'},
		{"mod10 USPS IMpb C", checksum{algo: algoMod10, evens: 3, odds: 1}, "926129098349792366623", '8'},
		// reverse only matters for even-length serials: GS1 triples from the
		// right. EAN-13 4006381333931 has check 1; reading left to right
		// would give 7.
		{"mod10 reverse IMpb N", checksum{algo: algoMod10, evens: 3, odds: 1, reverse: true}, "940011120620640626078", '7'},
		{"mod10 reverse even length (GS1)", checksum{algo: algoMod10, evens: 3, odds: 1, reverse: true}, "400638133393", '1'},
		{"mod10 forward even length", checksum{algo: algoMod10, evens: 3, odds: 1}, "400638133393", '7'},
		{"mod10 sum ending in 0", checksum{algo: algoMod10, evens: 3, odds: 1}, "0000000000000", '0'},
		// Russian Post: digits 1,3,…,13 ×3, 2,…,12 ×1.
		{"russian post sample", checksum{algo: algoMod10, evens: 3, odds: 1}, "4238239600205", '6'},
		{"russian post zeros", checksum{algo: algoMod10, evens: 3, odds: 1}, "1010000000000", '4'},
		// Luhn.
		{"luhn classic", checksum{algo: algoLuhn}, "7992739871", '3'},
		{"luhn Purolator", checksum{algo: algoLuhn}, "32059546393", '8'},
		{"luhn Old Dominion", checksum{algo: algoLuhn}, "0720956276", '3'},
		{"luhn doubled 9", checksum{algo: algoLuhn}, "9", '1'},
		// mod7: DHL Express, 9 and 10 digit serials.
		{"mod7 10 digits", checksum{algo: algoMod7}, "7389105114", '6'},
		{"mod7 9 digits", checksum{algo: algoMod7}, "331881002", '5'},
		{"mod7 remainder 0", checksum{algo: algoMod7}, "000000007", '0'},
		// sum_product (FedEx), remainder 10 becomes 0.
		{"sum_product FedEx 12", checksum{algo: algoSumProduct, weights: fedex12, mod1: 11, mod2: 10}, "98657878885", '5'},
		{"sum_product FedEx 34", checksum{algo: algoSumProduct, weights: fedex34, mod1: 11, mod2: 10}, "0077901797269", '7'},
		{"sum_product remainder 10", checksum{algo: algoSumProduct, weights: fedex12, mod1: 11, mod2: 10}, "70000000000", '0'},
		// S10: worked example, and the 10→0 and 11→5 mappings.
		{"s10 worked example", checksum{algo: algoS10}, "47312482", '9'},
		{"s10 dataset", checksum{algo: algoS10}, "12345678", '5'},
		{"s10 r=1 gives 0", checksum{algo: algoS10}, "00000008", '0'},
		{"s10 r=0 gives 5", checksum{algo: algoS10}, "00000000", '5'},
		{"s10 Hongkong Post", checksum{algo: algoS10}, "00071761", '8'},
		// mod_37_36 (DPD), check may be a letter.
		{"mod37_36 DPD 28", checksum{algo: algoMod37_36}, "008182709980000020033350276", 'C'},
		{"mod37_36 DPD 28 N", checksum{algo: algoMod37_36}, "008182709980000020045327276", 'N'},
		{"mod37_36 DPD 14 F", checksum{algo: algoMod37_36}, "09980000020033", 'F'},
		{"mod37_36 DPD 14 D", checksum{algo: algoMod37_36}, "09980000020034", 'D'},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := expectedCheck(&tc.check, tc.serial)
			if !ok || got != tc.want {
				t.Errorf("check of %q = %q (ok=%v), want %q", tc.serial, got, ok, tc.want)
			}
			gotB, okB := expectedCheck(&tc.check, []byte(tc.serial))
			if gotB != got || okB != ok {
				t.Errorf("[]byte path gives %q, string path %q", gotB, got)
			}
		})
	}
}

func TestCheckDigitRejectsBadCharacters(t *testing.T) {
	for _, c := range []checksum{
		{algo: algoLuhn}, {algo: algoMod7}, {algo: algoS10},
		{algo: algoSumProduct, weights: []int{1}, mod1: 11, mod2: 10},
	} {
		if _, ok := expectedCheck(&c, "12A4"); ok {
			t.Errorf("%v accepted a letter", c.algo)
		}
	}
	if _, ok := expectedCheck(&checksum{algo: algoS10}, "1234567"); ok {
		t.Error("s10 accepted 7 digits")
	}
	if _, ok := expectedCheck(&checksum{algo: algoMod10, evens: 1, odds: 2}, "12-4"); ok {
		t.Error("mod10 accepted '-'")
	}
}

// The package algorithms agree with the plain reference versions on many
// serials (the references are in reference_test.go).
func TestCheckDigitsAgreeWithReference(t *testing.T) {
	fedex12 := []int{3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1}
	serial := []byte("0000000000000000000000000000")
	for i := 0; i < 20000; i++ {
		x := uint64(i)*2654435761 + 12345
		for k := range serial {
			serial[k] = byte('0' + x%10)
			x = x/10 + uint64(k)*7919
		}
		for _, n := range []int{8, 9, 10, 13, 15, 21, 27} {
			s := string(serial[:n])
			type pair struct {
				c   checksum
				ref func(string) (string, bool)
			}
			for _, p := range []pair{
				{checksum{algo: algoMod10, evens: 3, odds: 1}, func(s string) (string, bool) { return refMod10(s, 3, 1, false) }},
				{checksum{algo: algoMod10, evens: 3, odds: 1, reverse: true}, func(s string) (string, bool) { return refMod10(s, 3, 1, true) }},
				{checksum{algo: algoMod10, evens: 1, odds: 2}, func(s string) (string, bool) { return refMod10(s, 1, 2, false) }},
				{checksum{algo: algoLuhn}, refLuhn},
				{checksum{algo: algoSumProduct, weights: fedex12, mod1: 11, mod2: 10}, func(s string) (string, bool) { return refSumProduct(s, fedex12, 11, 10) }},
				{checksum{algo: algoMod37_36}, refMod37_36},
			} {
				got, _ := expectedCheck(&p.c, s)
				want, _ := p.ref(s)
				if string(got) != want {
					t.Fatalf("%s on %s: got %q, reference %q", p.c.name, s, got, want)
				}
			}
			if n <= 10 {
				got, _ := expectedCheck(&checksum{algo: algoMod7}, s)
				if want, _ := refMod7(s); string(got) != want {
					t.Fatalf("mod7 on %s: got %q, reference %q", s, got, want)
				}
			}
			if n == 8 {
				got, _ := expectedCheck(&checksum{algo: algoS10}, s)
				if want, _ := refS10(s); string(got) != want {
					t.Fatalf("s10 on %s: got %q, reference %q", s, got, want)
				}
			}
		}
	}
}
