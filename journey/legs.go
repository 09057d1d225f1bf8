package journey

import (
	"strings"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// legOf returns the index of the leg with this carrier and number, adding
// the leg when the journey does not know it yet. An empty carrier matches
// any carrier (and a leg without a carrier takes the first one named), so a
// number revealed without its carrier joins the leg its events later name.
// linked marks a number revealed by another leg's event.
func (f *folder) legOf(carrier, number string, src parcel.LegSource, linked bool) int {
	if number == "" {
		return -1
	}
	legs := f.j.Legs
	found := -1
	if !linked && f.lastLeg < len(legs) && legMatches(&legs[f.lastLeg], carrier, number) {
		found = f.lastLeg // events of one leg usually come together
	} else {
		for i := range legs {
			if legMatches(&legs[i], carrier, number) {
				found = i
				break
			}
		}
	}
	if found >= 0 {
		if legs[found].Carrier == "" && carrier != "" {
			legs[found].Carrier = carrier
		}
		if !linked {
			f.lastLeg = found
		}
		return found
	}
	f.j.Legs = append(legs, parcel.Leg{ShipmentID: f.sh.ID, Carrier: carrier, Number: number,
		Role: parcel.RoleUnknown, Source: src})
	f.stats = append(f.stats, legStat{linked: linked})
	i := len(f.j.Legs) - 1
	if !linked {
		f.lastLeg = i
	}
	return i
}

func legMatches(l *parcel.Leg, carrier, number string) bool {
	return sameNumber(l.Number, number) &&
		(l.Carrier == carrier || l.Carrier == "" || carrier == "" || strings.EqualFold(l.Carrier, carrier))
}

// assignRoles gives a role to each leg of a several-leg journey whose role
// the caller did not set, from what its events show, then from its place:
//
//   - events only from arrival in the destination country on: last_mile;
//   - events only up to departure from the origin country: origin;
//   - otherwise the first leg is the origin leg, a number revealed by
//     another leg's event with no events of its own yet is the last mile
//     (Cainiao's last-mile number, 17TRACK's local number), the last leg is
//     the last mile and a leg between them is transit.
//
// A single leg keeps the role it has: one carrier end to end has none.
func (f *folder) assignRoles() {
	legs := f.j.Legs
	if len(legs) < 2 {
		return
	}
	last := len(legs) - 1
	for i := range legs {
		s := f.stats[i]
		if s.explicit {
			continue
		}
		var role parcel.LegRole
		switch {
		case s.n > 0 && s.min >= rkArrivedDestination:
			role = parcel.RoleLastMile
		case s.n > 0 && s.max <= rkDepartedOrigin:
			role = parcel.RoleOrigin
		case i == 0:
			role = parcel.RoleOrigin
		case s.n == 0 && s.linked, i == last:
			role = parcel.RoleLastMile
		default:
			role = parcel.RoleTransit
		}
		legs[i].Role = role
	}
}
