package trackingno

// FormatInfo describes one format the parser knows.
type FormatInfo struct {
	ID          string
	Name        string
	Courier     string
	CourierName string
	// Checksum names the check-digit algorithm, "" when the format has none.
	Checksum string
	// Lengths lists the possible lengths of the normalised number.
	Lengths     []int
	Confidence  float64
	Marketplace bool
	Pattern     string
	Note        string
}

// Formats lists the built-in formats in catalog order.
func Formats() []FormatInfo { return defaultParser.Formats() }

// Formats lists the parser's formats in catalog order.
func (p *Parser) Formats() []FormatInfo {
	out := make([]FormatInfo, 0, len(p.cat.formats))
	for _, f := range p.cat.formats {
		out = append(out, FormatInfo{
			ID: f.id, Name: f.name, Courier: f.courier, CourierName: f.courierName,
			Checksum: f.check.name, Lengths: append([]int(nil), f.lengths...),
			Confidence: f.confidence, Marketplace: f.marketplace, Pattern: f.pattern, Note: f.note,
		})
	}
	return out
}
