package classify

import (
	"strings"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// carrierSides says on which side of the border a carrier usually handles a
// cross-border marketplace parcel, when the leg's role is not known: Chinese
// operators and consolidators carry the first mile, national posts and local
// couriers of the buyer's country the last; express integrators and
// end-to-end consolidators work on both sides (RoleUnknown). Keys are
// carrier ids squashed by squashCarrier, so "correios_br", "Correios-BR"
// and "correiosbr" are one carrier.
var carrierSides = sideTable(map[parcel.LegRole][]string{
	parcel.RoleOrigin: {
		"cainiao", "chinapost", "chinaems", "emscn", "ems_china", "epacket", "sf", "sfexpress", "sfinternational",
		"zto", "ztoexpress", "yto", "ytoexpress", "best", "bestexpress", "sto", "stoexpress", "yunda",
		"jtexpress", "jtexpresscn", "jdlogistics", "jd", "hongkongpost", "yanwen", "sunyou", "wishpost",
		"cne", "cneexpress", "equick", "anjun", "flytexpress", "chinapostregistered",
	},
	parcel.RoleUnknown: {
		"dhl", "ups", "fedex", "tnt", "aramex", "dhlecommerce", "dhlglobalmail", "4px", "fourpx",
		"yunexpress", "yuntu", "ubi", "winit", "aliexpress", "aliexpressstandard", "asendia",
		"landmark", "spring", "passport", "globalpost", "epostglobal", "skynet", "ems",
	},
	parcel.RoleLastMile: {
		// Europe
		"russianpost", "pochta", "cdek", "boxberry", "ozon", "wildberries", "belpost", "kazpost",
		"ukrposhta", "novaposhta", "meest", "correos", "correosexpress", "seur", "mrw", "nacex", "gls",
		"glses", "glsit", "glsde", "glsnl", "glshu", "glscz", "glspl", "cttexpress", "ctt",
		"laposte", "colissimo", "chronopost", "mondialrelay", "relaiscolis", "colisprive", "dpd", "dpdde",
		"dpdfr", "dpduk", "dpdpl", "dpdnl", "dpdbe", "dpdat", "dpdcz", "dpdro", "dpdlt", "dpdlv", "dpdee",
		"postnl", "bpost", "dhlnl", "dhlparcelnl", "deutschepost", "dhlpaket", "dhlde", "dhlparcelde",
		"hermes", "hermesde", "evri", "royalmail", "parcelforce", "yodel", "anpost", "dpdireland",
		"posteitaliane", "poste", "brt", "sda", "inpost", "pocztapolska", "dhlpl", "allegroone",
		"orlenpaczka", "czechpost", "ceskaposta", "ppl", "packeta", "zasilkovna", "slovakpost",
		"slovenskaposta", "postat", "austrianpost", "swisspost", "postch", "magyarposta", "foxpost",
		"expressone", "postaromana", "fancourier", "sameday", "elta", "acs", "ptt", "yurtici",
		"araskargo", "mngkargo", "suratkargo", "postnord", "bring", "posten", "posti", "budbee",
		"instabox", "dao", "omniva", "lpexpress", "lietuvospastas", "latvijaspasts", "hrvatskaposta",
		"postaslovenije", "postasrbije", "bulgarianpost", "bgpost", "econt", "speedy", "cypruspost",
		"maltapost", "postlu", "islandspostur", "dexpress", "dac", "ukmail", "whistl", "dx", "dpdlocal",
		// the Americas
		"usps", "canadapost", "postescanada", "purolator", "canpar", "correosmx", "correosdemexico",
		"sepomex", "estafeta", "paquetexpress", "andreani", "correoargentino", "oca", "chilexpress",
		"correoschile", "bluexpress", "starken", "servientrega", "coordinadora", "472", "serpost",
		"olva", "correios", "correiosbr", "jadlog", "loggi", "totalexpress", "mercadoenvios",
		"ontrac", "lasership", "amazonlogistics", "veho", "uniuni",
		// Asia, Oceania, the Middle East and Africa
		"japanpost", "yamato", "sagawa", "koreapost", "cjlogistics", "cj", "hanjin", "lotte",
		"thailandpost", "kerry", "kex", "flashexpress", "vnpost", "ghn", "viettelpost", "posindonesia",
		"jne", "sicepat", "jtexpressid", "posmalaysia", "poslaju", "ninjavan", "singpost", "lbc",
		"phlpost", "indiapost", "delhivery", "bluedart", "ekart", "israelpost", "emiratespost", "spl",
		"saudipost", "smsa", "qatarpost", "auspost", "australiapost", "nzpost", "couriersplease",
		"sendle", "aramexau", "fastway", "postnet", "sapo", "shopeexpress", "spx", "lazadaexpress", "lex",
		"logen", "kdexp", "cvsnet", "coupangls", "xpost", "jnt", "jntexpress", "lbcexpress",
		"chunghwapost", "kerrytj", "tcat", "hct", "ezship", "familymart", "seveneleven",
		"upsmi", "upsmailinnovations", "viacargo", "buspack", "interrapidisimo", "dicom", "nationex",
		"amazonbr", "amazon", "envialia", "pagopa", "pagoparecapitista", "cargus", "speedex", "geniki",
		"gls", "dpd", "hermes", "tipsa", "seurs", "zasilkovna", "urbano", "deprisa", "tcc", "starken",
	},
})

// sideTable inverts a role -> carriers listing into a squashed-id lookup.
func sideTable(byRole map[parcel.LegRole][]string) map[string]parcel.LegRole {
	out := map[string]parcel.LegRole{}
	for role, ids := range byRole {
		for _, id := range ids {
			out[squashCarrier(id)] = role
		}
	}
	return out
}

// squashCarrier folds a carrier id to lower-case letters and digits, so
// that the spellings integrations use for one carrier meet.
func squashCarrier(id string) string {
	if isSquashed(id) {
		return id // the common case: no copy on the hot path
	}
	var b strings.Builder
	b.Grow(len(id))
	for _, r := range strings.ToLower(id) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isSquashed(id string) bool {
	for i := 0; i < len(id); i++ {
		if c := id[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// carrierAliases maps squashed ids that name a carrier whose code table is
// filed under another id.
var carrierAliases = map[string]string{
	"pochta": "russianpost", "russianpostru": "russianpost", "pochtaru": "russianpost",
	"dhlexpress": "dhl", "mydhl": "dhl", "dhlunified": "dhl",
	"fedexground": "fedex", "fedexexpress": "fedex",
	"upsfreight": "ups", "upsexpress": "ups",
	"uspsinternational": "usps",
	"colissimofr":       "colissimo", "postnlinternational": "postnl",
	"correoses": "correos", "correosspain": "correos",
	"track17": "17track", "17trackapi": "17track",
}

// canonicalCarrier is the id the code tables and side table use for a
// carrier id as an integration wrote it.
func canonicalCarrier(id string) string {
	s := squashCarrier(id)
	if a, ok := carrierAliases[s]; ok {
		return a
	}
	return s
}

// sideOf is the leg's role, or the carrier's usual side when the leg's role
// is unknown.
func sideOf(carrier string, role parcel.LegRole) parcel.LegRole {
	side, _ := carrierSide(carrier, role)
	return side
}

// carrierSide is sideOf, and whether the leg or the carrier settled it: a
// carrier known to work on both sides settles it as unknown, so that the
// language of its text is not taken for a side.
func carrierSide(carrier string, role parcel.LegRole) (parcel.LegRole, bool) {
	if role != "" && role != parcel.RoleUnknown {
		return role, true
	}
	if side, ok := carrierSides[carrier]; ok {
		return side, true
	}
	// "kerry_th", "jnt_ph", "gls_ro": a carrier's branch in one country
	// works on the side its parent does. A branch of a carrier not listed
	// ("speedy_bg", "dexpress_rs") is a local carrier of that country: the
	// buyer's, unless the country is where marketplace parcels start.
	if n := len(carrier); n > 4 {
		if country := carrier[n-2:]; countrySuffixes[country] {
			if side, ok := carrierSides[carrier[:n-2]]; ok {
				return side, true
			}
			if originCountries[country] {
				return parcel.RoleOrigin, true
			}
			return parcel.RoleLastMile, true
		}
	}
	return parcel.RoleUnknown, false
}

// countrySuffixes are the country codes integrations append to a carrier
// id for its national branch.
var countrySuffixes = map[string]bool{
	"ar": true, "at": true, "au": true, "be": true, "bg": true, "br": true, "ca": true, "ch": true,
	"cl": true, "co": true, "cz": true, "de": true, "dk": true, "ee": true, "es": true, "fi": true,
	"fr": true, "gb": true, "gr": true, "hk": true, "hr": true, "hu": true, "id": true, "ie": true,
	"in": true, "it": true, "jp": true, "kr": true, "lt": true, "lv": true, "mx": true, "my": true,
	"nl": true, "no": true, "nz": true, "pe": true, "ph": true, "pl": true, "pt": true, "ro": true,
	"se": true, "sg": true, "si": true, "sk": true, "th": true, "tr": true, "tw": true, "uk": true,
	"us": true, "vn": true, "cn": true, "rs": true, "ba": true, "mk": true, "ua": true,
	"ru": true, "by": true, "kz": true, "il": true, "ae": true, "sa": true, "eg": true, "za": true,
	"ma": true, "ng": true, "ke": true, "pk": true, "bd": true, "lk": true, "qa": true, "kw": true,
	"om": true, "bh": true, "jo": true, "lb": true, "cy": true, "mt": true, "lu": true, "is": true,
	"uy": true, "py": true, "bo": true, "ec": true, "ve": true, "cr": true, "pa": true, "gt": true,
	"do": true, "pr": true,
}

// originCountries are where marketplace parcels start.
var originCountries = map[string]bool{"cn": true, "hk": true}

// languageSide guesses the side of a text from its language when neither the
// leg nor the carrier tells: a marketplace parcel's own-language texts come
// from the buyer's local carrier, except Chinese, written at origin. English
// is written on both sides and tells nothing.
func languageSide(lang string) parcel.LegRole {
	lang = strings.ToLower(lang)
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	switch {
	case lang == "zh":
		return parcel.RoleOrigin
	case lang != "en" && localLanguages[lang]:
		return parcel.RoleLastMile
	}
	return parcel.RoleUnknown
}

// localLanguages are the languages of the buyers' local carriers.
var localLanguages = map[string]bool{
	"ar": true, "bg": true, "ca": true, "cs": true, "da": true, "de": true, "el": true, "es": true,
	"et": true, "fa": true, "fi": true, "fr": true, "he": true, "hi": true, "hr": true, "hu": true,
	"id": true, "it": true, "ja": true, "kk": true, "ko": true, "lt": true, "lv": true, "mk": true, "ms": true, "bs": true,
	"nb": true, "nl": true, "nn": true, "no": true, "pl": true, "pt": true, "ro": true, "ru": true,
	"sk": true, "sl": true, "sr": true, "sv": true, "th": true, "tr": true, "uk": true, "vi": true,
}
