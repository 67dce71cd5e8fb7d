package image

import (
	"math/bits"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestMedianNets checks the window networks on every input of 0s and 1s
// with sorted columns, and the column networks on every input of 0s and
// 1s, which by the 0-1 principle covers every input.
func TestMedianNets(t *testing.T) {
	for _, k := range []int{3, 5} {
		n := newMedianNet(k)
		in := sortedColumnInputs(k)
		out := in.run(n.window)
		count := 1
		for range k {
			count *= k + 1
		}
		for i := range count {
			ones := 0
			for w := range in {
				ones += int(in[w][i/64] >> (i % 64) & 1)
			}
			want := uint64(0)
			if ones >= (k*k+1)/2 {
				want = 1
			}
			if got := out[n.median][i/64] >> (i % 64) & 1; got != want {
				t.Fatalf("k=%d: input %d with %d ones gives median %d", k, i, ones, got)
			}
		}
		columns := make(bitInputs, k)
		for w := range columns {
			columns[w] = make([]uint64, 1)
			for i := range 1 << k {
				columns[w][0] |= uint64(i>>w&1) << i
			}
		}
		sorted := columns.run(n.column)
		for i := range 1 << k {
			ones := bits.OnesCount(uint(i))
			for r, w := range n.rank {
				if got, want := sorted[w][0]>>i&1 == 1, r >= k-ones; got != want {
					t.Fatalf("k=%d: column input %b puts %v at rank %d", k, i, got, r)
				}
			}
		}
		t.Logf("k=%d: %d comparators per column, %d per window", k, len(n.column), len(n.window))
	}
}

// TestMedianNet8 compares the networks' medians, in assembly, with
// netBytes and with netSWAR, with the sliding histogram's on random 8-bit
// images of widths that leave partial vectors.
func TestMedianNet8(t *testing.T) {
	fast := netBytes
	defer func() { netBytes = fast }()
	rng := rand.New(rand.NewPCG(5, 6))
	for _, shape := range [][]int{{37, 70}, {9, 22, 3}, {2, 64}, {64, 100, 4}, {3, 129}, {40, 2048}} {
		img := randomArray(rng, 0, 256, shape...)
		src := make([]uint8, img.Len())
		for i, v := range img.Floats() {
			src[i] = uint8(v)
		}
		l, _ := layoutOf("test", img)
		got, want := make([]uint8, len(src)), make([]uint8, len(src))
		for _, k := range []int{3, 5} {
			if err := medianHist8(bg, src, l, k, want); err != nil {
				t.Fatal(err)
			}
			net := medianNets()[k]
			wiresRows := func() netRow { return wiresRow{net, new(wires)} }
			// Each way of running the networks: its netBytes and netRow.
			type variant struct {
				name   string
				bytes  func(*wires, []comparator)
				newRow func() netRow
			}
			variants := []variant{{"AVX2/wires", fast, wiresRows}, {"SWAR", netSWAR, wiresRows}}
			if asmRow(k) != nil {
				variants = append(variants, variant{"assembly", fast, func() netRow { return asmRow(k) }})
			}
			for _, v := range variants {
				netBytes = v.bytes
				clear(got)
				if err := medianRows(bg, src, l, net, v.newRow, got); err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, want) {
					t.Errorf("shape %v, ksize %d: the medians of %s differ from the histogram's", shape, k, v.name)
				}
			}
		}
	}
}
