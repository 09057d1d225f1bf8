package classify

import "github.com/parcelwatch/parcelwatch/parcel"

// carrierSides says on which side of the border a carrier usually handles a
// cross-border marketplace parcel, when the leg's role is not known: Chinese
// operators carry the first mile, national posts and local couriers of the
// buyer's country the last. Express integrators work on both sides and are
// left out.
var carrierSides = map[string]parcel.LegRole{
	// origin side
	"cainiao": parcel.RoleOrigin, "chinapost": parcel.RoleOrigin, "china_post": parcel.RoleOrigin, "ems_cn": parcel.RoleOrigin,
	"chinaems": parcel.RoleOrigin,
	"sf":       parcel.RoleOrigin, "sf_express": parcel.RoleOrigin, "zto": parcel.RoleOrigin,
	"yto": parcel.RoleOrigin, "best": parcel.RoleOrigin, "sto": parcel.RoleOrigin, "jt_express": parcel.RoleOrigin,
	"hongkongpost": parcel.RoleOrigin,
	// last-mile side: national posts and local couriers
	"russianpost": parcel.RoleLastMile, "usps": parcel.RoleLastMile, "correios": parcel.RoleLastMile,
	"correios_br": parcel.RoleLastMile, "ctt": parcel.RoleLastMile, "cttexpress": parcel.RoleLastMile,
	"correos": parcel.RoleLastMile, "seur": parcel.RoleLastMile, "mrw": parcel.RoleLastMile, "gls": parcel.RoleLastMile,
	"gls_es": parcel.RoleLastMile, "laposte": parcel.RoleLastMile, "colissimo": parcel.RoleLastMile,
	"chronopost": parcel.RoleLastMile, "postnl": parcel.RoleLastMile, "bpost": parcel.RoleLastMile,
	"deutschepost": parcel.RoleLastMile, "dhl_paket": parcel.RoleLastMile, "dhl_de": parcel.RoleLastMile,
	"dhl_pl": parcel.RoleLastMile, "hermes": parcel.RoleLastMile, "evri": parcel.RoleLastMile, "dpd": parcel.RoleLastMile,
	"royalmail": parcel.RoleLastMile, "posteitaliane": parcel.RoleLastMile, "pocztapolska": parcel.RoleLastMile,
	"inpost": parcel.RoleLastMile, "allegro_one": parcel.RoleLastMile, "czechpost": parcel.RoleLastMile,
	"postat": parcel.RoleLastMile, "austrianpost": parcel.RoleLastMile, "swisspost": parcel.RoleLastMile,
	"novaposhta": parcel.RoleLastMile, "ukrposhta": parcel.RoleLastMile, "ptt": parcel.RoleLastMile,
	"japanpost": parcel.RoleLastMile, "koreapost": parcel.RoleLastMile, "auspost": parcel.RoleLastMile,
	"canadapost": parcel.RoleLastMile, "nzpost": parcel.RoleLastMile, "correosmx": parcel.RoleLastMile,
	"estafeta": parcel.RoleLastMile, "andreani": parcel.RoleLastMile, "correoargentino": parcel.RoleLastMile,
	"posmalaysia": parcel.RoleLastMile, "thailandpost": parcel.RoleLastMile, "foxpost": parcel.RoleLastMile,
	"packeta": parcel.RoleLastMile, "omniva": parcel.RoleLastMile, "posti": parcel.RoleLastMile,
	"postnord": parcel.RoleLastMile, "bring": parcel.RoleLastMile, "magyarposta": parcel.RoleLastMile,
	"cdek": parcel.RoleLastMile, "boxberry": parcel.RoleLastMile,
}

// sideOf is the leg's role, or the carrier's usual side when the leg's role
// is unknown.
func sideOf(carrier string, role parcel.LegRole) parcel.LegRole {
	if role != "" && role != parcel.RoleUnknown {
		return role
	}
	if side, ok := carrierSides[carrier]; ok {
		return side
	}
	return parcel.RoleUnknown
}
