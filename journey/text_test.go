package journey

import (
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/parcelwatch/parcelwatch/parcel"
)

func hasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// checkText fails on an empty, unfilled or wrongly scripted text.
func checkText(t *testing.T, where, lang, s string) {
	t.Helper()
	switch {
	case strings.TrimSpace(s) == "":
		t.Errorf("%s [%s]: empty", where, lang)
	case strings.Contains(s, "%!") || strings.Contains(s, "%["):
		t.Errorf("%s [%s]: unfilled or broken verb: %q", where, lang, s)
	case lang == "ru" && !hasCyrillic(s):
		t.Errorf("%s [ru]: no Cyrillic: %q", where, s)
	case lang != "ru" && hasCyrillic(s):
		t.Errorf("%s [%s]: Cyrillic in a Latin-script text: %q", where, lang, s)
	}
}

// TestAlertTextsComplete renders every text in every language with the
// arguments its key gets.
func TestAlertTextsComplete(t *testing.T) {
	for key := range alertTexts {
		for li, lang := range Languages() {
			if langIndex(lang) != li {
				t.Fatalf("Languages()[%d] = %s does not match its index", li, lang)
			}
			args := []any{dateText(li, fxT0), spanText(li, 3*fxDay), spanText(li, 9*fxDay)}
			msg, act := render(key, li, args...)
			checkText(t, key+" message", lang, msg)
			checkText(t, key+" action", lang, act)
		}
	}
}

// alertScenarios raise every alert code, and every text variant.
func alertScenarios() map[string]struct {
	sh     func(*parcel.Shipment)
	events []parcel.Event
	now    float64
} {
	base := fxUpTo(parcel.MilestoneDestinationFacility)
	arrived := fxUpTo(parcel.MilestoneArrivedDestination)
	held := func(s parcel.SubStatus) []parcel.Event {
		return fxCat(arrived, []parcel.Event{fxExc(10, parcel.ExceptionCustomsHeld, s)})
	}
	failed := func(s parcel.SubStatus) []parcel.Event {
		return fxCat(base, []parcel.Event{fxEv(14, parcel.MilestoneOutForDelivery), fxExc(14.5, parcel.ExceptionDeliveryFailed, s)})
	}
	exc := func(s parcel.SubStatus) []parcel.Event {
		return fxCat(base, []parcel.Event{fxExc(14, parcel.ExceptionOther, s)})
	}
	pickup := fxCat(base, []parcel.Event{fxEv(15, parcel.MilestoneAvailableForPickup)})
	order := func(sh *parcel.Shipment) { sh.OrderDate = fxAt(-50) } // protection ends on day 10
	type sc = struct {
		sh     func(*parcel.Shipment)
		events []parcel.Event
		now    float64
	}
	return map[string]sc{
		"not_found":                       {nil, nil, 10},
		"stalled.label":                   {nil, fxUpTo(parcel.MilestoneLabelCreated), 11},
		"stalled.origin":                  {nil, fxUpTo(parcel.MilestonePickedUp), 9},
		"stalled.export":                  {nil, fxUpTo(parcel.MilestoneExportCustoms), 65},
		"stalled.transit":                 {nil, fxUpTo(parcel.MilestoneDepartedOrigin), 27},
		"stalled.customs":                 {nil, fxUpTo(parcel.MilestoneImportCustoms), 21},
		"stalled.lastmile":                {nil, fxUpTo(parcel.MilestoneCustomsReleased), 19},
		"customs_held.duties_due":         {nil, held(parcel.SubStatusDutiesDue), 11},
		"customs_held.documents_required": {nil, held(parcel.SubStatusDocumentsRequired), 11},
		"customs_held.inspection":         {nil, held(parcel.SubStatusInspection), 11},
		"customs_held.other":              {nil, held(parcel.SubStatusOther), 11},
		"delivery_failed.no_one_home":     {nil, failed(parcel.SubStatusNoOneHome), 15},
		"delivery_failed.refused":         {nil, failed(parcel.SubStatusRefused), 15},
		"delivery_failed.address_issue":   {nil, failed(parcel.SubStatusAddressIssue), 15},
		"delivery_failed.security":        {nil, failed(parcel.SubStatusSecurity), 15},
		"delivery_failed.other":           {nil, failed(parcel.SubStatusOther), 15},
		"awaiting_pickup":                 {nil, pickup, 16},
		"awaiting_pickup.reminder":        {nil, pickup, 23},
		"awaiting_pickup.last_days":       {nil, pickup, 42},
		"protection_ending":               {order, fxUpTo(parcel.MilestoneDepartedOrigin), 6},
		"protection_expired":              {order, fxUpTo(parcel.MilestoneDepartedOrigin), 11},
		"returning.explicit":              {nil, fxCat(base, []parcel.Event{fxExc(14, parcel.ExceptionReturning, "")}), 15},
		"returning.export":                {nil, fxCat(base, []parcel.Event{fxEv(14, parcel.MilestoneExportCustoms, fxIn("RU"))}), 15},
		"returning.unclaimed":             {nil, pickup, 46},
		"returned":                        {nil, fxCat(base, []parcel.Event{fxExc(14, parcel.ExceptionReturned, "")}), 15},
		"delivered":                       {nil, fxTrip(), 15},
		"exception.lost":                  {nil, exc(parcel.SubStatusLost), 15},
		"exception.damaged":               {nil, exc(parcel.SubStatusDamaged), 15},
		"exception.destroyed":             {nil, exc(parcel.SubStatusDestroyed), 15},
		"exception.cancelled":             {nil, exc(parcel.SubStatusCancelled), 15},
		"exception.delayed":               {nil, exc(parcel.SubStatusDelayed), 15},
		"exception.other":                 {nil, exc(parcel.SubStatusOther), 15},
	}
}

// TestAlertsInEveryLanguage folds a scenario for every alert text and
// checks the alert it raises in English, Russian and Spanish (and that
// "ru-RU" is Russian and an unknown language English).
func TestAlertsInEveryLanguage(t *testing.T) {
	scenarios := alertScenarios()
	for key := range alertTexts {
		if _, ok := scenarios[key]; !ok {
			t.Errorf("no scenario raises %s", key)
		}
	}
	codes := map[string]bool{}
	for key, sc := range scenarios {
		code, _, _ := strings.Cut(key, ".")
		codes[code] = true
		for _, lang := range []string{"en", "ru", "es", "ru-RU", "ES", "de", ""} {
			sh := fxShip()
			if sc.sh != nil {
				sc.sh(&sh)
			}
			j := Fold(sh, sc.events, Options{Now: fxAt(sc.now), Lang: lang})
			a, ok := j.Alert(code)
			if !ok {
				t.Errorf("%s [%s]: no %s alert; got %+v", key, lang, code, j.Alerts)
				continue
			}
			want := Languages()[langIndex(lang)]
			checkText(t, key+" message", want, a.Message)
			checkText(t, key+" action", want, a.Action)
			if text := alertTexts[key][langIndex(lang)]; !sameFormat(a.Message, text.msg) || !sameFormat(a.Action, text.act) {
				t.Errorf("%s [%s]: raised another variant: %q", key, lang, a.Message)
			}
		}
	}
	for _, code := range []string{AlertNotFound, AlertStalled, AlertCustomsHeld, AlertDeliveryFailed, AlertAwaitingPickup,
		AlertProtectionEnding, AlertProtectionExpired, AlertReturning, AlertReturned, AlertDelivered, AlertException} {
		if !codes[code] {
			t.Errorf("alert %s has no text", code)
		}
	}
}

func TestSpanText(t *testing.T) {
	tests := []struct {
		lang int
		d    time.Duration
		want string
	}{
		{langEN, fxDay * 1 / 2, "12 hours"},
		{langEN, time.Minute, "1 hour"},
		{langEN, 47 * time.Hour, "47 hours"},
		{langEN, 2 * fxDay, "2 days"},
		{langEN, 10*fxDay + 11*time.Hour, "10 days"},
		{langEN, 10*fxDay + 13*time.Hour, "11 days"},
		{langRU, 21 * time.Hour, "21 час"},
		{langRU, 22 * time.Hour, "22 часа"},
		{langRU, 5 * time.Hour, "5 часов"},
		{langRU, 2 * fxDay, "2 дня"},
		{langRU, 5 * fxDay, "5 дней"},
		{langRU, 11 * fxDay, "11 дней"},
		{langRU, 12 * fxDay, "12 дней"},
		{langRU, 21 * fxDay, "21 день"},
		{langRU, 24 * fxDay, "24 дня"},
		{langRU, 111 * fxDay, "111 дней"},
		{langES, time.Hour, "1 hora"},
		{langES, 3 * fxDay, "3 días"},
	}
	for _, tt := range tests {
		if got := spanText(tt.lang, tt.d); got != tt.want {
			t.Errorf("spanText(%d, %v) = %q, want %q", tt.lang, tt.d, got, tt.want)
		}
	}
}

func TestDateText(t *testing.T) {
	d := time.Date(2026, 5, 4, 23, 0, 0, 0, time.UTC)
	for lang, want := range map[int]string{langEN: "4 May 2026", langRU: "4 мая 2026", langES: "4 de mayo de 2026"} {
		if got := dateText(lang, d); got != want {
			t.Errorf("dateText(%d) = %q, want %q", lang, got, want)
		}
	}
	// Dates are written in the zone of Options.Now.
	msk := time.FixedZone("MSK", 3*3600)
	j := Fold(fxShip(), fxTrip(), Options{Now: time.Date(2026, 3, 20, 0, 0, 0, 0, msk)})
	delivered := fxAt(14.3) // 16 March 16:12 UTC
	if a, _ := j.Alert(AlertDelivered); a.Message != "The parcel was delivered on "+dateText(langEN, delivered.In(msk))+"." {
		t.Errorf("message %q", a.Message)
	}
}

func TestLangIndex(t *testing.T) {
	for in, want := range map[string]int{"en": langEN, "ru": langRU, "RU": langRU, "ru-RU": langRU, "ru_UA": langRU,
		"es": langES, "es-AR": langES, "de": langEN, "": langEN, "r": langEN, "rus": langEN} {
		if got := langIndex(in); got != want {
			t.Errorf("langIndex(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestMilestoneNames(t *testing.T) {
	for _, m := range parcel.Milestones() {
		names, ok := milestoneNames[m]
		if !ok {
			t.Errorf("%s has no name", m)
			continue
		}
		for li, lang := range Languages() {
			checkText(t, string(m), lang, names[li])
		}
	}
}

func TestPriorGap(t *testing.T) {
	for _, m := range parcel.Milestones() {
		d, src, ok := PriorGap(m)
		if m == parcel.MilestoneDelivered {
			if ok {
				t.Error("delivered has no stall threshold")
			}
			continue
		}
		if !ok || d <= 0 || src == "" {
			t.Errorf("%s: PriorGap = %v, %q, %v", m, d, src, ok)
		}
	}
	if d, _, _ := PriorGap(parcel.MilestonePickedUp); d != 7*fxDay {
		t.Errorf("picked_up: %v, want 7 days (domain.md: 5-7 days without change)", d)
	}
	if _, _, ok := PriorGap(parcel.MilestoneUnknown); ok {
		t.Error("unknown has no stall threshold")
	}
}
