package journey

import (
	"slices"
	"time"

	"github.com/parcelwatch/parcelwatch/parcel"
)

// alerts works out what the person should know or do. At most one alert
// comes from where the parcel stands (delivered, a return, an exception,
// the pickup point, or a stall); the buyer-protection alerts and not_found
// come on top.
func (f *folder) alerts() {
	lang := langIndex(f.opts.Lang)
	now := f.now
	loc := now.Location()
	out := f.j.Alerts[:0]
	add := func(code string, sev parcel.Severity, raised, due time.Time, key string, args ...any) {
		msg, act := render(key, lang, args...)
		out = append(out, parcel.Alert{Code: code, Severity: sev, RaisedAt: raised, DueAt: due, Message: msg, Action: act})
	}

	var protEnd time.Time
	if !f.opts.OrderDate.IsZero() {
		protEnd = f.opts.OrderDate.AddDate(0, 0, f.opts.ProtectionDays)
	}

	if len(f.j.Events) == 0 && !f.opts.AddedAt.IsZero() {
		if at := f.opts.AddedAt.AddDate(0, 0, NotFoundAfterDays); !now.Before(at) {
			add(AlertNotFound, parcel.SeverityWarning, at, time.Time{}, "not_found", spanText(lang, now.Sub(f.opts.AddedAt)))
		}
	}

	// Delivered or going back, the buyer has until the end of protection
	// to complain or dispute.
	protDue := func(from time.Time) time.Time {
		if protEnd.After(from) {
			return protEnd
		}
		return time.Time{}
	}

	st := f.j.State
	switch {
	case f.j.Status == parcel.StatusDelivered:
		at := f.reached[rkDelivered].at
		add(AlertDelivered, parcel.SeverityInfo, at, protDue(at), "delivered", dateText(lang, at.In(loc)))

	case st.Exception == parcel.ExceptionReturned:
		add(AlertReturned, parcel.SeverityCritical, f.excAt, protDue(f.excAt), "returned")

	case st.Exception == parcel.ExceptionReturning:
		due := protDue(f.excAt)
		switch f.excWhy {
		case returnUnclaimed:
			add(AlertReturning, parcel.SeverityCritical, f.excAt, due, "returning.unclaimed", dateText(lang, f.excAt.In(loc)))
		case returnExport:
			add(AlertReturning, parcel.SeverityWarning, f.excAt, due, "returning.export")
		default:
			add(AlertReturning, parcel.SeverityWarning, f.excAt, due, "returning.explicit")
		}

	case st.Exception == parcel.ExceptionCustomsHeld:
		sev, key := parcel.SeverityWarning, "customs_held.other"
		switch st.SubStatus {
		case parcel.SubStatusDutiesDue:
			sev, key = parcel.SeverityCritical, "customs_held.duties_due"
		case parcel.SubStatusDocumentsRequired:
			sev, key = parcel.SeverityCritical, "customs_held.documents_required"
		case parcel.SubStatusInspection:
			sev, key = parcel.SeverityInfo, "customs_held.inspection"
		}
		add(AlertCustomsHeld, sev, f.excAt, time.Time{}, key)

	case st.Exception == parcel.ExceptionDeliveryFailed:
		kept := f.excAt.AddDate(0, 0, f.opts.StorageDays)
		sev, key, due := parcel.SeverityWarning, "delivery_failed.other", kept
		switch st.SubStatus {
		case parcel.SubStatusNoOneHome:
			key = "delivery_failed.no_one_home"
		case parcel.SubStatusRefused:
			sev, key, due = parcel.SeverityCritical, "delivery_failed.refused", time.Time{}
		case parcel.SubStatusAddressIssue:
			sev, key = parcel.SeverityCritical, "delivery_failed.address_issue"
		case parcel.SubStatusSecurity:
			key = "delivery_failed.security"
		}
		add(AlertDeliveryFailed, sev, f.excAt, due, key, dateText(lang, kept.In(loc)))

	case st.Exception == parcel.ExceptionOther:
		sev, key := parcel.SeverityWarning, "exception.other"
		switch st.SubStatus {
		case parcel.SubStatusLost:
			sev, key = parcel.SeverityCritical, "exception.lost"
		case parcel.SubStatusDestroyed:
			sev, key = parcel.SeverityCritical, "exception.destroyed"
		case parcel.SubStatusDamaged:
			key = "exception.damaged"
		case parcel.SubStatusCancelled:
			key = "exception.cancelled"
		case parcel.SubStatusDelayed:
			sev, key = parcel.SeverityInfo, "exception.delayed"
		}
		add(AlertException, sev, f.excAt, time.Time{}, key)

	case f.maxRank == rkAvailableForPickup:
		arrived := f.reached[rkAvailableForPickup].at
		due := arrived.AddDate(0, 0, f.opts.StorageDays)
		lastDays := due.AddDate(0, 0, -PickupLastDays)
		remind := arrived.AddDate(0, 0, PickupReminderDays)
		sev, raised, key := parcel.SeverityInfo, arrived, "awaiting_pickup"
		switch {
		case !now.Before(lastDays):
			sev, raised, key = parcel.SeverityCritical, lastDays, "awaiting_pickup.last_days"
		case !now.Before(remind):
			sev, raised, key = parcel.SeverityWarning, remind, "awaiting_pickup.reminder"
		}
		add(AlertAwaitingPickup, sev, raised, due, key,
			dateText(lang, due.In(loc)), spanText(lang, due.Sub(now)), spanText(lang, now.Sub(arrived)))

	case f.maxRank > 0:
		f.stalled(lang, add)
	}

	if !protEnd.IsZero() && f.j.Status != parcel.StatusDelivered {
		warnFrom := protEnd.AddDate(0, 0, -ProtectionWarnDays)
		switch {
		case !now.Before(protEnd):
			add(AlertProtectionExpired, parcel.SeverityCritical, protEnd, protEnd, "protection_expired", dateText(lang, protEnd.In(loc)))
		case !now.Before(warnFrom):
			add(AlertProtectionEnding, parcel.SeverityWarning, warnFrom, protEnd, "protection_ending",
				dateText(lang, protEnd.In(loc)), spanText(lang, protEnd.Sub(now)))
		}
	}

	if len(out) > 1 {
		slices.SortStableFunc(out, func(a, b parcel.Alert) int { return severityRank(b.Severity) - severityRank(a.Severity) })
	}
	f.j.Alerts = out
}

// stalled raises the stalled alert when the parcel has been at its current
// milestone for longer than normal: the lane's learned figure when the
// Estimator has one, else the priors. Twice the normal time, or an expired
// tracking, makes it critical.
func (f *folder) stalled(lang int, add func(string, parcel.Severity, time.Time, time.Time, string, ...any)) {
	p := stallByRank[f.maxRank]
	if p.stage == stageNone || p.stage == stagePickup {
		return
	}
	since := f.reached[f.maxRank].at
	normal := time.Duration(p.days) * 24 * time.Hour
	if est := f.opts.Estimator; est != nil {
		if d, ok := est.NormalGap(f.query()); ok && d > 0 {
			normal = d
		}
	}
	gap := f.now.Sub(since)
	if gap <= normal {
		return
	}
	sev := parcel.SeverityWarning
	if gap > 2*normal || f.j.State.Expired {
		sev = parcel.SeverityCritical
	}
	key := "stalled.origin"
	switch p.stage {
	case stageLabel:
		key = "stalled.label"
	case stageExport:
		key = "stalled.export"
	case stageTransit:
		key = "stalled.transit"
	case stageCustoms:
		key = "stalled.customs"
	case stageLastMile:
		key = "stalled.lastmile"
	}
	add(AlertStalled, sev, since.Add(normal), time.Time{}, key,
		spanText(lang, gap), milestoneText(lang, byRank[f.maxRank]), spanText(lang, normal))
}

func severityRank(s parcel.Severity) int {
	switch s {
	case parcel.SeverityCritical:
		return 2
	case parcel.SeverityWarning:
		return 1
	}
	return 0
}
