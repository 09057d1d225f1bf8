// Package trackingno recognises parcel tracking numbers: it says which
// courier and format a number belongs to, whether its check digit holds,
// what the number itself tells (S10 service and issuing post, UPS shipper
// account and service, Russian Post office postcode, …), why an invalid
// number is invalid, and which valid numbers are one typo away.
//
// # Use
//
//	r := trackingno.Parse("rb 1234 5678 5gb")
//	best, _ := r.Best()        // s10, valid, confidence 0.97
//	facts := best.Facts()      // service indicator RB = registered letter post, GB = Royal Mail, …
//	trackingno.Parse("RB123456783GB").Reason.Message() // "the check digit should be 5, not 3"
//	trackingno.Suggest("RB123456783GB")                 // RB123456785GB among others
//
// Input may be a bare number in any case, with spaces, dashes or stray
// punctuation, with fullwidth or Cyrillic look-alike characters, or a URL or
// sentence containing a number. Result.Number is the normalised number.
//
// # Formats as data
//
// Formats live in formats.json, embedded in the binary: an id, a courier, an
// RE2 pattern over the normalised number with named groups, an optional
// check-digit rule with its parameters (mod10 with multipliers and
// direction, luhn, mod7, sum_product with weights and moduli, s10,
// mod37_36, and a prefix to prepend to the serial), extra rules (S10
// service indicator and country), a confidence, and the facts to report.
// The file covers the 39 formats of jkeen/tracking_number_data, Russian Post
// 14-digit domestic numbers, and marketplace formats without a check digit
// (Cainiao LP and CNUSUP, SF Express, J&T, 4PX) that rank below every format
// with a check digit. upu_operators.tsv names the S10 issuers. The three
// dataset patterns that need look-ahead (DHL E-Commerce, USPS IMpb N and C)
// are written as alternations.
//
// # Speed
//
// Patterns are not run through a regexp engine. Patterns may not use * or +,
// so at load time each expands into a finite list of fixed-length "shapes":
// one character class per position, with every group's position known in
// advance (USPS IMpb C becomes ten shapes, DHL E-Commerce's 10 prefixes
// times 30 lengths 300; all formats together about 400). Shapes are indexed
// by length and first
// character, so a 13-character number starting with R is compared with a
// handful of shapes, one table look-up per character. A test checks that
// the shapes accept exactly what Go's regexp accepts, with the same groups.
//
// Parsing a normalised number allocates nothing: Result holds its
// candidates in a fixed array, reasons refer to static text and to slices
// of the number, and messages and facts are only formatted when asked for.
// Use Parser.ParseInto with a reused Result in loops; Parse returns the
// Result by value. Normalising other input costs one allocation, and text
// search a few more.
//
// # Ranking and validity
//
// A number can fit several formats; all matching formats are returned as
// candidates, valid first, then formats with a check digit, then by
// confidence. A format without a check digit cannot reject a number of the
// right shape, so any 14 digits are a valid DHL E-Commerce (14) number even
// when their Russian Post check digit fails. Such a number is reported valid
// (with DHL first), its Russian Post candidate carries the check-digit
// reason, and Suggest offers corrections for it.
//
// Among the shapes of one format, the first that matches is used, as a
// leftmost-first regexp would choose; this matches the reference
// implementation (jkeen/tracking_number).
//
// # Explanations and suggestions
//
// A Reason has a code (check digit, unknown country, reserved service,
// length, character, unknown format, empty), the position it concerns, and
// expected and found values; Message turns it into a sentence. When no
// format matches, the format the input misses by one character (too few,
// too many, or of the wrong kind) is named.
//
// Suggest tries look-alike fixes (O/0, I/1, S/5, B/8, …, also two at once),
// swaps of neighbours, and every single substitution, deletion and
// insertion, keeps the edits that give a valid number of a format with a
// check digit, and ranks them: formats with a check digit first, then
// look-alikes, swaps, substitutions, deletions, insertions. The work is
// bounded (a few thousand candidate strings at most).
//
// # Sources
//
// Format facts follow jkeen/tracking_number_data (MIT), used only as the
// test oracle; the UPU S10 service-indicator table follows the UPU standard
// as summarised on Wikipedia; the Russian Post check digit (digits
// 1,3,…,13 weighted 3, the others 1, check = (10 - sum mod 10) mod 10)
// follows third-party descriptions and was confirmed on the published
// sample 42382396002056. The marketplace shapes come from third-party
// sources and are detection hints only.
package trackingno
