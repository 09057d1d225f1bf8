package classify

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parcelwatch/parcelwatch/parcel"
)

func TestNormalize(t *testing.T) {
	f := newFolder()
	tests := []struct{ in, want string }{
		{"[Shenzhen] Departed from Sorting Center", " departed from sorting center "},
		{"Carrier note: ENTREGUÉ à 12:30, 17/06/2022", " carrier note entregue a "},
		{"Приём  — ОПС 101000", " прием опс "},
		{"【深圳市】快件已揽收", " 深圳市 快件已揽收 "},
		{"รับฝาก", " รับฝาก "},
		{"वितरित किया गया", " वितरित किया गया "},
		{"Zugestellt (Straße)", " zugestellt strasse "},
		{"Doręczono; ŁÓDŹ", " doreczono lodz "},
		{"收件人已簽收，貨件送達", " 收件人已签收 货件送达 "},
		{"", " "},
	}
	for _, tt := range tests {
		if got := string(f.normalize(nil, tt.in)); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// testRules builds a classifier from inline rules, to test the engine apart
// from the shipped rule files.
func testRules(t *testing.T, rules, codes string) *Classifier {
	t.Helper()
	fsys := fstest.MapFS{
		"rules/t.rules": {Data: []byte(rules)},
		"codes/x.tsv":   {Data: []byte("code\trole\tmilestone\texception\tsubstatus\tconfidence\tdescription\n" + codes)},
	}
	c, err := New(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEngine(t *testing.T) {
	c := testRules(t, `
rule t.delivered -> delivered : delivered & !not
rule t.failed -> unknown+delivery_failed/other : attempt|not delivered
rule t.failed.absent -> unknown+delivery_failed/no_one_home p=86 : attempt & absent|not home
rule t.facility -> @facility : sorting center|hub$
rule t.customs -> @customs : customs
rule t.zh -> delivered : 签收
rule t.export -> departed_origin : left the country
rule t.origin -> origin_facility : origin facility
rule t.accepted -> picked_up : accepted
`, "A1\t\tpicked_up\t\t\t0.95\tAccepted\nA1\tlast_mile\thanded_to_last_mile\t\t\t0.9\tAccepted locally\n8\t\tdestination_facility\t\t\t0.6\tProcessing\n8.2\t\tavailable_for_pickup\t\t\t0.97\tAt the delivery office\n")
	tests := []struct {
		name string
		in   Input
		want parcel.State
		rule string
	}{
		{"plain", Input{Text: "Delivered"}, parcel.State{Milestone: parcel.MilestoneDelivered}, "t.delivered"},
		{"negation", Input{Text: "Not delivered"}, parcel.State{Milestone: parcel.MilestoneUnknown, Exception: parcel.ExceptionDeliveryFailed, SubStatus: parcel.SubStatusOther}, "t.failed"},
		{"priority", Input{Text: "Delivery attempt: item could not be delivered"}, parcel.State{Milestone: parcel.MilestoneUnknown, Exception: parcel.ExceptionDeliveryFailed, SubStatus: parcel.SubStatusOther}, "t.failed"},
		{"specific sub-status wins", Input{Text: "Attempt made, addressee absent"}, parcel.State{Milestone: parcel.MilestoneUnknown, Exception: parcel.ExceptionDeliveryFailed, SubStatus: parcel.SubStatusNoOneHome}, "t.failed.absent"},
		{"prefix at word start only", Input{Text: "Undelivered mail hub"}, parcel.State{Milestone: parcel.MilestoneUnknown}, "t.facility"},
		{"whole word", Input{Text: "Hubert Street", Carrier: "usps"}, parcel.State{Milestone: parcel.MilestoneUnknown}, "none"},
		{"facility at origin", Input{Text: "[Guangzhou] Arrived at sorting center", Role: parcel.RoleOrigin}, parcel.State{Milestone: parcel.MilestoneOriginFacility}, "t.facility"},
		{"facility on last mile", Input{Text: "Arrived at sorting center", Role: parcel.RoleLastMile}, parcel.State{Milestone: parcel.MilestoneDestinationFacility}, "t.facility"},
		{"facility by carrier side", Input{Text: "Arrived at sorting center", Carrier: "russianpost"}, parcel.State{Milestone: parcel.MilestoneDestinationFacility}, "t.facility"},
		{"facility side unknown", Input{Text: "Arrived at sorting center", Carrier: "dhl"}, parcel.State{Milestone: parcel.MilestoneUnknown}, "t.facility"},
		{"carrier id spelled another way", Input{Text: "Arrived at sorting center", Carrier: "Russian-Post"}, parcel.State{Milestone: parcel.MilestoneDestinationFacility}, "t.facility"},
		{"carrier's national branch", Input{Text: "Arrived at sorting center", Carrier: "postnord_se"}, parcel.State{Milestone: parcel.MilestoneDestinationFacility}, "t.facility"},
		{"local language, unknown carrier", Input{Text: "Arrived at sorting center", Language: "pl"}, parcel.State{Milestone: parcel.MilestoneDestinationFacility}, "t.facility"},
		{"local language, carrier on both sides", Input{Text: "Arrived at sorting center", Language: "de", Carrier: "DHL"}, parcel.State{Milestone: parcel.MilestoneUnknown}, "t.facility"},
		{"English tells no side", Input{Text: "Arrived at sorting center", Language: "en"}, parcel.State{Milestone: parcel.MilestoneUnknown}, "t.facility"},
		{"customs at origin", Input{Text: "Customs", Carrier: "chinapost"}, parcel.State{Milestone: parcel.MilestoneExportCustoms}, "t.customs"},
		{"customs otherwise import", Input{Text: "Customs"}, parcel.State{Milestone: parcel.MilestoneImportCustoms}, "t.customs"},
		{"spaceless script", Input{Text: "您的快件已签收，感谢使用"}, parcel.State{Milestone: parcel.MilestoneDelivered}, "t.zh"},
		{"code", Input{Carrier: "x", Code: "A1"}, parcel.State{Milestone: parcel.MilestonePickedUp}, "x.code.A1"},
		{"code by role", Input{Carrier: "x", Code: "a1", Role: parcel.RoleLastMile}, parcel.State{Milestone: parcel.MilestoneHandedToLastMile}, "x.code.A1"},
		{"two-level code", Input{Carrier: "x", Code: "8/2"}, parcel.State{Milestone: parcel.MilestoneAvailableForPickup}, "x.code.8.2"},
		{"two-level fallback", Input{Carrier: "x", Code: "8.99"}, parcel.State{Milestone: parcel.MilestoneDestinationFacility}, "x.code.8"},
		{"confident code beats text", Input{Carrier: "x", Code: "8.2", Text: "Delivered"}, parcel.State{Milestone: parcel.MilestoneAvailableForPickup}, "x.code.8.2"},
		{"text beats a generic code", Input{Carrier: "x", Code: "8.99", Text: "Delivered"}, parcel.State{Milestone: parcel.MilestoneDelivered}, "t.delivered"},
		{"export from the destination is a return", Input{Text: "Left the country", Country: "RU", DestinationCountry: "RU"}, parcel.State{Milestone: parcel.MilestoneUnknown, Exception: parcel.ExceptionReturning}, "t.export+export_from_destination"},
		{"export from the origin", Input{Text: "Left the country", Country: "CN", DestinationCountry: "RU"}, parcel.State{Milestone: parcel.MilestoneDepartedOrigin}, "t.export"},
		{"17track code", Input{Carrier: "17track", Code: "InTransit_CustomsReleased"}, parcel.State{Milestone: parcel.MilestoneCustomsReleased}, "17track.code.InTransit_CustomsReleased"},
		{"aftership code", Input{Carrier: "aftership", Code: "Exception_013"}, parcel.State{Milestone: parcel.MilestoneUnknown, Exception: parcel.ExceptionOther, SubStatus: parcel.SubStatusLost}, "aftership.code.Exception_013"},
		{"nothing known", Input{Text: "Thank you for choosing us"}, parcel.State{Milestone: parcel.MilestoneUnknown}, "none"},
		{"origin facility of a last-mile carrier", Input{Text: "Processed at origin facility", Role: parcel.RoleLastMile}, parcel.State{Milestone: parcel.MilestoneDestinationFacility}, "t.origin+last_mile_leg"},
		{"origin facility of an origin carrier", Input{Text: "Processed at origin facility", Role: parcel.RoleOrigin}, parcel.State{Milestone: parcel.MilestoneOriginFacility}, "t.origin"},
		{"acceptance by the last mile", Input{Text: "Item accepted", Role: parcel.RoleLastMile}, parcel.State{Milestone: parcel.MilestoneHandedToLastMile}, "t.accepted+last_mile_leg"},
		{"acceptance, side from the carrier only", Input{Text: "Item accepted", Carrier: "usps"}, parcel.State{Milestone: parcel.MilestonePickedUp}, "t.accepted"},
	}
	for _, tt := range tests {
		got := c.Classify(tt.in)
		if got.State != tt.want || got.Rule != tt.rule {
			t.Errorf("%s: %+v -> %+v rule %s; want %+v rule %s", tt.name, tt.in, got.State, got.Rule, tt.want, tt.rule)
		}
		if got.Milestone == parcel.MilestoneUnknown && got.Exception == parcel.ExceptionNone && got.Confidence > 0.5 {
			t.Errorf("%s: unknown with confidence %.2f; an unknown must never look sure", tt.name, got.Confidence)
		}
	}
}

func TestRuleSyntaxErrors(t *testing.T) {
	bad := []string{
		"rule x delivered : delivered",
		"rule x -> teleported : beam",
		"rule x -> unknown+customs_held/refused : x",
		"rule x -> delivered p=high : x",
		"rule x -> delivered c=2 : x",
		"rule x -> delivered : !not",
		"rule x -> delivered : a| |b",
		"rule x -> delivered : a\nrule x -> delivered : b",
	}
	for _, rules := range bad {
		_, err := New(fstest.MapFS{"rules/t.rules": {Data: []byte(rules)}})
		if err == nil {
			t.Errorf("%q: want an error", rules)
		} else if !strings.Contains(err.Error(), "t.rules") {
			t.Errorf("%q: error %q does not name the file", rules, err)
		}
	}
}

// TestShippedRulesLoad checks the embedded rules and tables, and that each
// rule can fire: a rule none of whose first group's terms could ever be
// found would be dead weight.
func TestShippedRulesLoad(t *testing.T) {
	c := Default()
	if len(c.rules) < 100 {
		t.Fatalf("only %d rules loaded", len(c.rules))
	}
	for _, r := range c.rules {
		if len(r.groups) == 0 || len(r.groups[0]) == 0 {
			t.Errorf("rule %s has no terms", r.id)
		}
	}
}

// TestRuleLanguageSettlesSide checks that, with no carrier, leg or language
// given, the language of the rule that read a text settles the side.
func TestRuleLanguageSettlesSide(t *testing.T) {
	c := Default()
	tests := []struct {
		text string
		want parcel.Milestone
	}{
		{"Przesyłka dotarła do sortowni", parcel.MilestoneDestinationFacility},
		{"Arrived at the sorting center", parcel.MilestoneUnknown},
		{"快件已到达【广州转运中心】", parcel.MilestoneOriginFacility},
	}
	for _, tt := range tests {
		if got := c.Classify(Input{Text: tt.text}); got.Milestone != tt.want {
			t.Errorf("%q: %s (rule %s), want %s", tt.text, got.Milestone, got.Rule, tt.want)
		}
	}
}

func TestCarrierSide(t *testing.T) {
	tests := []struct {
		carrier string
		want    parcel.LegRole
		settled bool
	}{
		{"russianpost", parcel.RoleLastMile, true},
		{"cainiao", parcel.RoleOrigin, true},
		{"dhl", parcel.RoleUnknown, true},      // works on both sides
		{"kerryth", parcel.RoleLastMile, true}, // a listed parent's branch
		{"speedybg", parcel.RoleLastMile, true},
		{"dexpressrs", parcel.RoleLastMile, true},
		{"fastlogisticscn", parcel.RoleOrigin, true},
		{"somecourier", parcel.RoleUnknown, false},
	}
	for _, tt := range tests {
		side, settled := carrierSide(tt.carrier, parcel.RoleUnknown)
		if side != tt.want || settled != tt.settled {
			t.Errorf("carrierSide(%q) = %s, %v; want %s, %v", tt.carrier, side, settled, tt.want, tt.settled)
		}
	}
	if side, _ := carrierSide("cainiao", parcel.RoleLastMile); side != parcel.RoleLastMile {
		t.Errorf("the leg's role must win over the carrier's usual side, got %s", side)
	}
}

func TestLooseMatch(t *testing.T) {
	c := testRules(t, `
rule t.returned -> unknown+returned : returned to sender
rule t.failed -> unknown+delivery_failed/other : not delivered
rule t.cleared -> customs_released : customs clearance completed
rule t.delivered -> delivered : delivered & !not
`, "")
	tests := []struct {
		text, rule string
		want       parcel.Milestone
		exc        parcel.Exception
	}{
		{"Returned to sender", "t.returned", parcel.MilestoneUnknown, parcel.ExceptionReturned},
		{"Item returned to the original sender", "t.returned~loose", parcel.MilestoneUnknown, parcel.ExceptionReturned},
		{"Completed: clearance of customs", "t.cleared~loose", parcel.MilestoneCustomsReleased, parcel.ExceptionNone},
		// a phrase with a negation is matched only as written
		{"Delivered, signature not required", "none", parcel.MilestoneUnknown, parcel.ExceptionNone},
		// one content word is not enough
		{"Returned", "none", parcel.MilestoneUnknown, parcel.ExceptionNone},
	}
	for _, tt := range tests {
		got := c.Classify(Input{Text: tt.text})
		if got.Rule != tt.rule || got.Milestone != tt.want || got.Exception != tt.exc {
			t.Errorf("%q: %s/%s rule %s, want %s/%s rule %s", tt.text, got.Milestone, got.Exception, got.Rule, tt.want, tt.exc, tt.rule)
		}
		if strings.HasSuffix(got.Rule, "~loose") && got.Confidence > 0.85*looseConfidence+1e-9 {
			t.Errorf("%q: loose match with confidence %.2f", tt.text, got.Confidence)
		}
	}
}
