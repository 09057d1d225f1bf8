package trackingno

// Fact is one thing read from a number, such as the S10 service indicator
// and what it means, or the UPS shipper account.
type Fact struct {
	Name    string `json:"name"`              // stable identifier: "service_indicator", "country", …
	Label   string `json:"label"`             // human label: "Service indicator"
	Value   string `json:"value"`             // the characters of the number, or the looked-up name
	Meaning string `json:"meaning,omitempty"` // what the value means, "" when not known
}

// Facts lists what the candidate's format says about the number. Facts are
// computed on demand so that Parse itself does not pay for them.
func (c *Candidate) Facts() []Fact { return c.AppendFacts(nil) }

// AppendFacts appends the candidate's facts to dst and returns it.
func (c *Candidate) AppendFacts(dst []Fact) []Fact {
	if c.shape == nil {
		return dst
	}
	f := c.shape.format
	cat := f.cat
	for _, spec := range f.facts {
		sp := c.shape.groups[spec.group]
		if !sp.ok() {
			continue
		}
		fact := Fact{Name: spec.name, Label: spec.label, Value: c.Number[sp.start:sp.end]}
		switch spec.lookup {
		case "":
		case "s10_service":
			if k := letterPair(fact.Value[0], fact.Value[1]); k >= 0 {
				fact.Meaning = cat.s10Service[k].meaning
			}
		case "upu_country":
			if op, ok := cat.operator(fact.Value); ok {
				fact.Meaning = op.country
				if op.territory {
					fact.Meaning += " (territory)"
				}
			} else {
				fact.Meaning = "not a UPU member country"
			}
		case "upu_operator":
			op, ok := cat.operator(fact.Value)
			if !ok {
				continue
			}
			fact.Value = op.name
		case "russianpost_month":
			fact.Meaning = "counter of the month the barcode batch was printed"
		default:
			fact.Meaning = cat.lookups[spec.lookup][fact.Value]
		}
		dst = append(dst, fact)
	}
	return dst
}
