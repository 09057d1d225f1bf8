package classify

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkClassifyCode: events keyed by a carrier code, the common case for
// carriers with an API.
func BenchmarkClassifyCode(b *testing.B) {
	c := Default()
	inputs := []Input{
		{Carrier: "russianpost", Code: "8.2", Text: "Прибыло в место вручения"},
		{Carrier: "upu", Code: "EMD"},
		{Carrier: "usps", Code: "OF", Text: "Out for Delivery"},
		{Carrier: "ups", Code: "D"},
		{Carrier: "russianpost", Code: "14.1"},
		{Carrier: "fedex", Code: "DL"},
	}
	// Code-keyed events come with the carrier's text; the text is not read
	// when the code is conclusive... but Classify reads both, so measure that.
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		in := inputs[i%len(inputs)]
		in.Text = ""
		c.Classify(in)
	}
}

// BenchmarkClassifyText: free text in many languages, from the labelled
// corpus.
func BenchmarkClassifyText(b *testing.B) {
	c := Default()
	var inputs []Input
	files, _ := filepath.Glob("testdata/corpus/*.tsv")
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := ReadLabelled(f)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range rows {
			inputs = append(inputs, Input{Carrier: r.Carrier, Text: r.Text})
		}
	}
	if len(inputs) < 500 {
		b.Fatalf("only %d corpus strings", len(inputs))
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c.Classify(inputs[i%len(inputs)])
	}
}
