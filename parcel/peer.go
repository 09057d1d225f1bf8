package parcel

import "fmt"

// Peer taxonomies: 17TRACK's main status and sub-status, and AfterShip's tag
// and subtag. parcelwatch reads both (to import their webhooks) and writes
// both (to export in their shapes). The maps are lossy in places, because the
// models cut the world differently; the tables below are the documented
// choice, and peer_test.go pins every row.

// Track17 is a 17TRACK status pair.
type Track17 struct {
	Status    string `json:"status"`
	SubStatus string `json:"sub_status"`
}

// AfterShip is an AfterShip tag pair.
type AfterShip struct {
	Tag    string `json:"tag"`
	Subtag string `json:"subtag"`
}

var track17ByMilestone = map[Milestone]Track17{
	MilestoneNone:                {"NotFound", "NotFound_Other"},
	MilestoneUnknown:             {"InTransit", "InTransit_Other"},
	MilestoneLabelCreated:        {"InfoReceived", "InfoReceived"},
	MilestonePickedUp:            {"InTransit", "InTransit_PickedUp"},
	MilestoneOriginFacility:      {"InTransit", "InTransit_Other"},
	MilestoneExportCustoms:       {"InTransit", "InTransit_CustomsProcessing"},
	MilestoneDepartedOrigin:      {"InTransit", "InTransit_Departure"},
	MilestoneInTransit:           {"InTransit", "InTransit_Other"},
	MilestoneArrivedDestination:  {"InTransit", "InTransit_Arrival"},
	MilestoneImportCustoms:       {"InTransit", "InTransit_CustomsProcessing"},
	MilestoneCustomsReleased:     {"InTransit", "InTransit_CustomsReleased"},
	MilestoneHandedToLastMile:    {"InTransit", "InTransit_Other"},
	MilestoneDestinationFacility: {"InTransit", "InTransit_Other"},
	MilestoneOutForDelivery:      {"OutForDelivery", "OutForDelivery_Other"},
	MilestoneAvailableForPickup:  {"AvailableForPickup", "AvailableForPickup_Other"},
	MilestoneDelivered:           {"Delivered", "Delivered_Other"},
}

type exceptionKey struct {
	e Exception
	s SubStatus
}

var track17ByException = map[exceptionKey]Track17{
	{ExceptionDeliveryFailed, SubStatusNone}:         {"DeliveryFailure", "DeliveryFailure_Other"},
	{ExceptionDeliveryFailed, SubStatusOther}:        {"DeliveryFailure", "DeliveryFailure_Other"},
	{ExceptionDeliveryFailed, SubStatusNoOneHome}:    {"DeliveryFailure", "DeliveryFailure_NoBody"},
	{ExceptionDeliveryFailed, SubStatusRefused}:      {"DeliveryFailure", "DeliveryFailure_Rejected"},
	{ExceptionDeliveryFailed, SubStatusAddressIssue}: {"DeliveryFailure", "DeliveryFailure_InvalidAddress"},
	{ExceptionDeliveryFailed, SubStatusSecurity}:     {"DeliveryFailure", "DeliveryFailure_Security"},
	// 17TRACK files customs trouble under "security, customs or fee".
	{ExceptionCustomsHeld, SubStatusNone}:              {"Exception", "Exception_Security"},
	{ExceptionCustomsHeld, SubStatusOther}:             {"Exception", "Exception_Security"},
	{ExceptionCustomsHeld, SubStatusDutiesDue}:         {"Exception", "Exception_Security"},
	{ExceptionCustomsHeld, SubStatusInspection}:        {"Exception", "Exception_Security"},
	{ExceptionCustomsHeld, SubStatusDocumentsRequired}: {"InTransit", "InTransit_CustomsRequiringInformation"},
	{ExceptionReturning, SubStatusNone}:                {"Exception", "Exception_Returning"},
	{ExceptionReturned, SubStatusNone}:                 {"Exception", "Exception_Returned"},
	{ExceptionOther, SubStatusNone}:                    {"Exception", "Exception_Other"},
	{ExceptionOther, SubStatusOther}:                   {"Exception", "Exception_Other"},
	{ExceptionOther, SubStatusLost}:                    {"Exception", "Exception_Lost"},
	{ExceptionOther, SubStatusDamaged}:                 {"Exception", "Exception_Damage"},
	{ExceptionOther, SubStatusDestroyed}:               {"Exception", "Exception_Destroyed"},
	{ExceptionOther, SubStatusCancelled}:               {"Exception", "Exception_Cancel"},
	{ExceptionOther, SubStatusDelayed}:                 {"Exception", "Exception_Delayed"},
}

// To17Track writes s as a 17TRACK status pair.
func (s State) To17Track() Track17 {
	if s.Status() == StatusDelivered {
		return track17ByMilestone[MilestoneDelivered]
	}
	if s.Exception != ExceptionNone {
		if t, ok := track17ByException[exceptionKey{s.Exception, s.SubStatus}]; ok {
			return t
		}
		return track17ByException[exceptionKey{s.Exception, SubStatusNone}]
	}
	if s.Expired {
		return Track17{"Expired", "Expired_Other"}
	}
	return track17ByMilestone[s.Milestone]
}

// track17Sub reads 17TRACK sub-statuses into states. The milestone is
// unknown where the sub-status says nothing about place.
var track17Sub = map[string]State{
	"NotFound_Other":                        {},
	"NotFound_InvalidCode":                  {},
	"InfoReceived":                          {Milestone: MilestoneLabelCreated},
	"InTransit_PickedUp":                    {Milestone: MilestonePickedUp},
	"InTransit_Other":                       {Milestone: MilestoneInTransit},
	"InTransit_Departure":                   {Milestone: MilestoneDepartedOrigin},
	"InTransit_Arrival":                     {Milestone: MilestoneArrivedDestination},
	"InTransit_CustomsProcessing":           {Milestone: MilestoneImportCustoms},
	"InTransit_CustomsReleased":             {Milestone: MilestoneCustomsReleased},
	"InTransit_CustomsRequiringInformation": {Milestone: MilestoneImportCustoms, Exception: ExceptionCustomsHeld, SubStatus: SubStatusDocumentsRequired},
	"InTransit_TransportDeparted":           {Milestone: MilestoneInTransit},
	"InTransit_TransportArrived":            {Milestone: MilestoneInTransit},
	"Expired_Other":                         {Milestone: MilestoneUnknown, Expired: true},
	"AvailableForPickup_Other":              {Milestone: MilestoneAvailableForPickup},
	"OutForDelivery_Other":                  {Milestone: MilestoneOutForDelivery},
	"DeliveryFailure_Other":                 {Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusOther},
	"DeliveryFailure_NoBody":                {Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusNoOneHome},
	"DeliveryFailure_Security":              {Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusSecurity},
	"DeliveryFailure_Rejected":              {Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusRefused},
	"DeliveryFailure_InvalidAddress":        {Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusAddressIssue},
	"Delivered_Other":                       {Milestone: MilestoneDelivered},
	"Exception_Other":                       {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusOther},
	"Exception_Returning":                   {Milestone: MilestoneUnknown, Exception: ExceptionReturning},
	"Exception_Returned":                    {Milestone: MilestoneUnknown, Exception: ExceptionReturned},
	// Found before any attempt: the recipient can't be reached or refused.
	"Exception_NoBody":    {Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusNoOneHome},
	"Exception_Rejected":  {Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusRefused},
	"Exception_Security":  {Milestone: MilestoneUnknown, Exception: ExceptionCustomsHeld, SubStatus: SubStatusOther},
	"Exception_Damage":    {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusDamaged},
	"Exception_Delayed":   {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusDelayed},
	"Exception_Lost":      {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusLost},
	"Exception_Destroyed": {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusDestroyed},
	"Exception_Cancel":    {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusCancelled},
	"Exception_Held":      {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusOther},
}

// track17Main reads a main status alone, for a pair whose sub-status is
// missing or newer than this table.
var track17Main = map[string]State{
	"NotFound":           {},
	"InfoReceived":       {Milestone: MilestoneLabelCreated},
	"InTransit":          {Milestone: MilestoneInTransit},
	"Expired":            {Milestone: MilestoneUnknown, Expired: true},
	"AvailableForPickup": {Milestone: MilestoneAvailableForPickup},
	"OutForDelivery":     {Milestone: MilestoneOutForDelivery},
	"DeliveryFailure":    {Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusOther},
	"Delivered":          {Milestone: MilestoneDelivered},
	"Exception":          {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusOther},
}

// From17Track reads a 17TRACK status pair. An unknown sub-status falls back
// to its main status; an unknown main status is an error.
func From17Track(t Track17) (State, error) {
	if s, ok := track17Sub[t.SubStatus]; ok {
		return s, nil
	}
	if s, ok := track17Main[t.Status]; ok {
		return s, nil
	}
	return State{}, fmt.Errorf("unknown 17TRACK status %q / sub-status %q", t.Status, t.SubStatus)
}

var afterShipByMilestone = map[Milestone]AfterShip{
	MilestoneNone:                {"Pending", "Pending_001"},
	MilestoneUnknown:             {"InTransit", "InTransit_001"},
	MilestoneLabelCreated:        {"InfoReceived", "InfoReceived_001"},
	MilestonePickedUp:            {"InTransit", "InTransit_002"},
	MilestoneOriginFacility:      {"InTransit", "InTransit_003"},
	MilestoneExportCustoms:       {"InTransit", "InTransit_006"},
	MilestoneDepartedOrigin:      {"InTransit", "InTransit_007"},
	MilestoneInTransit:           {"InTransit", "InTransit_001"},
	MilestoneArrivedDestination:  {"InTransit", "InTransit_004"},
	MilestoneImportCustoms:       {"InTransit", "InTransit_006"},
	MilestoneCustomsReleased:     {"InTransit", "InTransit_005"},
	MilestoneHandedToLastMile:    {"InTransit", "InTransit_002"},
	MilestoneDestinationFacility: {"InTransit", "InTransit_003"},
	MilestoneOutForDelivery:      {"OutForDelivery", "OutForDelivery_001"},
	MilestoneAvailableForPickup:  {"AvailableForPickup", "AvailableForPickup_001"},
	MilestoneDelivered:           {"Delivered", "Delivered_001"},
}

var afterShipByException = map[exceptionKey]AfterShip{
	{ExceptionDeliveryFailed, SubStatusNone}:           {"AttemptFail", "AttemptFail_001"},
	{ExceptionDeliveryFailed, SubStatusOther}:          {"AttemptFail", "AttemptFail_001"},
	{ExceptionDeliveryFailed, SubStatusSecurity}:       {"AttemptFail", "AttemptFail_001"},
	{ExceptionDeliveryFailed, SubStatusNoOneHome}:      {"AttemptFail", "AttemptFail_002"},
	{ExceptionDeliveryFailed, SubStatusRefused}:        {"Exception", "Exception_003"},
	{ExceptionDeliveryFailed, SubStatusAddressIssue}:   {"Exception", "Exception_007"},
	{ExceptionCustomsHeld, SubStatusNone}:              {"Exception", "Exception_004"},
	{ExceptionCustomsHeld, SubStatusOther}:             {"Exception", "Exception_004"},
	{ExceptionCustomsHeld, SubStatusInspection}:        {"Exception", "Exception_004"},
	{ExceptionCustomsHeld, SubStatusDutiesDue}:         {"Exception", "Exception_006"},
	{ExceptionCustomsHeld, SubStatusDocumentsRequired}: {"Exception", "Exception_018"},
	{ExceptionReturning, SubStatusNone}:                {"Exception", "Exception_010"},
	{ExceptionReturned, SubStatusNone}:                 {"Exception", "Exception_011"},
	{ExceptionOther, SubStatusNone}:                    {"Exception", "Exception_001"},
	{ExceptionOther, SubStatusOther}:                   {"Exception", "Exception_001"},
	{ExceptionOther, SubStatusLost}:                    {"Exception", "Exception_013"},
	{ExceptionOther, SubStatusDamaged}:                 {"Exception", "Exception_012"},
	{ExceptionOther, SubStatusDestroyed}:               {"Exception", "Exception_021"},
	{ExceptionOther, SubStatusCancelled}:               {"Exception", "Exception_020"},
	{ExceptionOther, SubStatusDelayed}:                 {"Exception", "Exception_005"},
}

// ToAfterShip writes s as an AfterShip tag pair.
func (s State) ToAfterShip() AfterShip {
	if s.Status() == StatusDelivered {
		return afterShipByMilestone[MilestoneDelivered]
	}
	if s.Exception != ExceptionNone {
		if t, ok := afterShipByException[exceptionKey{s.Exception, s.SubStatus}]; ok {
			return t
		}
		return afterShipByException[exceptionKey{s.Exception, SubStatusNone}]
	}
	if s.Expired {
		return AfterShip{"Expired", "Expired_001"}
	}
	return afterShipByMilestone[s.Milestone]
}

var afterShipSub = map[string]State{
	"Delivered_001":          {Milestone: MilestoneDelivered},
	"Delivered_002":          {Milestone: MilestoneDelivered},
	"Delivered_003":          {Milestone: MilestoneDelivered},
	"Delivered_004":          {Milestone: MilestoneDelivered},
	"Delivered_005":          {Milestone: MilestoneDelivered},
	"AvailableForPickup_001": {Milestone: MilestoneAvailableForPickup},
	"Exception_001":          {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusOther},
	"Exception_002":          {Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusAddressIssue},
	"Exception_003":          {Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusRefused},
	"Exception_004":          {Milestone: MilestoneImportCustoms, Exception: ExceptionCustomsHeld, SubStatus: SubStatusOther},
	"Exception_005":          {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusDelayed},
	"Exception_006":          {Milestone: MilestoneImportCustoms, Exception: ExceptionCustomsHeld, SubStatus: SubStatusDutiesDue},
	"Exception_007":          {Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusAddressIssue},
	// Not collected from the pickup point: still there, but overdue.
	"Exception_008":      {Milestone: MilestoneAvailableForPickup, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusOther},
	"Exception_009":      {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusOther},
	"Exception_010":      {Milestone: MilestoneUnknown, Exception: ExceptionReturning},
	"Exception_011":      {Milestone: MilestoneUnknown, Exception: ExceptionReturned},
	"Exception_012":      {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusDamaged},
	"Exception_013":      {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusLost},
	"Exception_016":      {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusDelayed},
	"Exception_017":      {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusDelayed},
	"Exception_018":      {Milestone: MilestoneImportCustoms, Exception: ExceptionCustomsHeld, SubStatus: SubStatusDocumentsRequired},
	"Exception_019":      {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusDelayed},
	"Exception_020":      {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusCancelled},
	"Exception_021":      {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusDestroyed},
	"AttemptFail_001":    {Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusOther},
	"AttemptFail_002":    {Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusNoOneHome},
	"AttemptFail_003":    {Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusNoOneHome},
	"InTransit_001":      {Milestone: MilestoneInTransit},
	"InTransit_002":      {Milestone: MilestonePickedUp},
	"InTransit_003":      {Milestone: MilestoneInTransit},
	"InTransit_004":      {Milestone: MilestoneArrivedDestination},
	"InTransit_005":      {Milestone: MilestoneCustomsReleased},
	"InTransit_006":      {Milestone: MilestoneImportCustoms},
	"InTransit_007":      {Milestone: MilestoneInTransit},
	"InTransit_008":      {Milestone: MilestoneInTransit},
	"InTransit_009":      {Milestone: MilestoneInTransit},
	"InfoReceived_001":   {Milestone: MilestoneLabelCreated},
	"OutForDelivery_001": {Milestone: MilestoneOutForDelivery},
	// Legacy: "available for pickup at sorting centre".
	"OutForDelivery_002": {Milestone: MilestoneAvailableForPickup},
	"OutForDelivery_003": {Milestone: MilestoneOutForDelivery},
	"OutForDelivery_004": {Milestone: MilestoneOutForDelivery},
	"Pending_001":        {},
	"Expired_001":        {Milestone: MilestoneUnknown, Expired: true},
}

var afterShipTag = map[string]State{
	"Pending":            {},
	"InfoReceived":       {Milestone: MilestoneLabelCreated},
	"InTransit":          {Milestone: MilestoneInTransit},
	"OutForDelivery":     {Milestone: MilestoneOutForDelivery},
	"AttemptFail":        {Milestone: MilestoneUnknown, Exception: ExceptionDeliveryFailed, SubStatus: SubStatusOther},
	"Delivered":          {Milestone: MilestoneDelivered},
	"AvailableForPickup": {Milestone: MilestoneAvailableForPickup},
	"Exception":          {Milestone: MilestoneUnknown, Exception: ExceptionOther, SubStatus: SubStatusOther},
	"Expired":            {Milestone: MilestoneUnknown, Expired: true},
}

// FromAfterShip reads an AfterShip tag pair. A subtag this table does not
// know (AfterShip adds them over time) falls back to its tag.
func FromAfterShip(a AfterShip) (State, error) {
	if s, ok := afterShipSub[a.Subtag]; ok {
		return s, nil
	}
	if s, ok := afterShipTag[a.Tag]; ok {
		return s, nil
	}
	return State{}, fmt.Errorf("unknown AfterShip tag %q / subtag %q", a.Tag, a.Subtag)
}
