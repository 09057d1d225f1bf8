// Command trackingno-peer measures package trackingno on a file of tracking
// numbers, for comparison with a peer library run on the same file (see
// ../trackingno-vs-peer.sh).
//
//	trackingno-peer -gen 1000000 -seed 1 -o numbers.txt   # write the mix
//	trackingno-peer -in numbers.txt                        # parse it, print the rate
//
// The file is read into memory first; only the parsing loop is timed.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/parcelwatch/parcelwatch/trackingno"
	"github.com/parcelwatch/parcelwatch/trackingno/sample"
)

func main() {
	gen := flag.Int("gen", 0, "write this many numbers of the realistic mix instead of parsing")
	seed := flag.Int64("seed", 1, "seed for -gen")
	out := flag.String("o", "", "output file for -gen (default stdout)")
	in := flag.String("in", "", "file of numbers to parse, one per line")
	rounds := flag.Int("rounds", 1, "parse the file this many times and report the best round")
	flag.Parse()

	var err error
	switch {
	case *gen > 0:
		err = generate(*gen, *seed, *out)
	case *in != "":
		err = measure(*in, *rounds)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "trackingno-peer:", err)
		os.Exit(1)
	}
}

func generate(n int, seed int64, path string) error {
	w := os.Stdout
	if path != "" {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	g := sample.New(seed)
	for i := 0; i < n; i++ {
		bw.WriteString(g.Next())
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func measure(path string, rounds int) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	numbers := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	p := trackingno.NewParser()
	var r trackingno.Result
	best := time.Duration(0)
	valid := 0
	for round := 0; round < max(rounds, 1); round++ {
		valid = 0
		start := time.Now()
		for _, n := range numbers {
			p.ParseInto(&r, n)
			if r.Valid {
				valid++
			}
		}
		if d := time.Since(start); best == 0 || d < best {
			best = d
		}
	}
	rate := float64(len(numbers)) / best.Seconds()
	fmt.Printf("count=%d valid=%d elapsed_ms=%.1f rate_per_s=%.0f\n", len(numbers), valid, best.Seconds()*1000, rate)
	return nil
}
