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

// TestMedianNet8 compares the networks' medians, with netBytes and with
// netSWAR, with the sliding histogram's on random 8-bit images of widths
// that leave partial vectors.
func TestMedianNet8(t *testing.T) {
	fast := netBytes
	defer func() { netBytes = fast }()
	for _, net := range []func(*wires, []comparator){fast, netSWAR} {
		netBytes = net
		testMedianNet8(t)
	}
}

func testMedianNet8(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, shape := range [][]int{{37, 53}, {9, 2, 3}, {1, 1}, {64, 100, 4}, {3, 17}} {
		img := randomArray(rng, 0, 256, shape...)
		for i, v := range img.Floats() {
			img.Floats()[i] = float64(int(v))
		}
		l, _ := layoutOf("test", img)
		got, want := make([]float64, img.Len()), make([]float64, img.Len())
		for _, k := range []int{3, 5} {
			if err := medianNet8(bg, img.Floats(), l, k, got); err != nil {
				t.Fatal(err)
			}
			if err := medianHist8(bg, img.Floats(), l, k, want); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("shape %v, ksize %d: the networks' medians differ from the histogram's", shape, k)
			}
		}
	}
}
