package image

import (
	"encoding/binary"
	"sync"
)

// This file builds the comparator networks of the 3×3 and 5×5 8-bit
// medians (medianBlur with ksize 3 or 5), and of any k×k one, and applies
// them to 32 values at once (the straight-line AVX-512 code generated from
// them, medianet_avx512_amd64.s, to 64). A k×k window's median is found
// in two steps, as in the sorting-network median filters OpenCV uses for these
// sizes, but with the columns' work shared: first each column of k source
// values is sorted (one sort per column and output row, shared by the k
// windows that contain the column); then a network picks the median of the
// k sorted columns of a window. That network is Batcher's odd-even merge of
// the columns (K. E. Batcher, "Sorting networks and their applications",
// AFIPS 1968), pruned of every comparator that cannot change the median:
// those that never swap when the columns come sorted, and those whose
// outputs the median does not depend on. Both checks run over every input
// of 0s and 1s with sorted columns, which by the 0-1 principle (Knuth, The
// Art of Computer Programming 3, §5.3.4) covers every input.

// comparator puts the smaller of wires lo and hi on lo and the larger on
// hi.
type comparator struct{ lo, hi uint8 }

// medianNet is the pair of networks of a k×k median.
type medianNet struct {
	// column sorts k wires; rank[r] is the wire holding the r-th smallest.
	column []comparator
	rank   []int
	// window takes the k² wires of k sorted columns, column j's r-th
	// smallest on wire j·k + r, and leaves the median on wire median.
	window []comparator
	median int
}

// medianNets holds the networks of ksize 3 (3 comparators a column and 14
// a window) and 5 (9 and 82), built on first use.
var medianNets = sync.OnceValue(func() map[int]*medianNet {
	return map[int]*medianNet{3: newMedianNet(3), 5: newMedianNet(5)}
})

// wires are the values of a network's wires (up to 32) in 32 lanes:
// w[i][j] is wire i's value in lane j.
type wires [32][32]byte

// netSWAR applies net to w eight lanes at a time, packed in a uint64 (see
// minMax8).
func netSWAR(w *wires, net []comparator) {
	for _, c := range net {
		lo, hi := &w[c.lo&31], &w[c.hi&31]
		for q := 0; q < 32; q += 8 {
			a, b := minMax8(binary.LittleEndian.Uint64(lo[q:]), binary.LittleEndian.Uint64(hi[q:]))
			binary.LittleEndian.PutUint64(lo[q:], a)
			binary.LittleEndian.PutUint64(hi[q:], b)
		}
	}
}

// newMedianNet builds the networks of a k×k median.
func newMedianNet(k int) *medianNet {
	n := &medianNet{}
	singles := make([][]int, k)
	for i := range singles {
		singles[i] = []int{i}
	}
	n.rank = mergeAll(singles, &n.column)
	cols := make([][]int, k)
	for j := range cols {
		for r := range k {
			cols[j] = append(cols[j], j*k+r)
		}
	}
	var window []comparator
	order := mergeAll(cols, &window)
	n.median = order[k*k/2]
	n.window = prune(window, sortedColumnInputs(k), n.median)
	return n
}

// mergeAll merges sorted lists of wires pairwise, round after round, until
// one is left, appending the comparators to net, and returns the wires in
// the order of their values.
func mergeAll(lists [][]int, net *[]comparator) []int {
	for len(lists) > 1 {
		var next [][]int
		for i := 0; i+1 < len(lists); i += 2 {
			next = append(next, oddEvenMerge(lists[i], lists[i+1], net))
		}
		if len(lists)%2 == 1 {
			next = append(next, lists[len(lists)-1])
		}
		lists = next
	}
	return lists[0]
}

// oddEvenMerge appends to net Batcher's merge of the sorted lists of wires
// a and b, of any lengths, and returns the wires in the order of their
// values afterwards: the even-indexed elements of both merged, the
// odd-indexed merged, the two interleaved, and neighbours compared.
func oddEvenMerge(a, b []int, net *[]comparator) []int {
	if len(a) == 0 || len(b) == 0 {
		return append(append([]int(nil), a...), b...)
	}
	if len(a) == 1 && len(b) == 1 {
		*net = append(*net, comparator{uint8(a[0]), uint8(b[0])})
		return []int{a[0], b[0]}
	}
	even := oddEvenMerge(every2(a, 0), every2(b, 0), net)
	odd := oddEvenMerge(every2(a, 1), every2(b, 1), net)
	out := make([]int, 0, len(a)+len(b))
	for i := range even {
		out = append(out, even[i])
		if i < len(odd) {
			out = append(out, odd[i])
		}
	}
	for i := 1; i+1 < len(out); i += 2 {
		*net = append(*net, comparator{uint8(out[i]), uint8(out[i+1])})
	}
	return out
}

// every2 returns s[from], s[from+2], ...
func every2(s []int, from int) []int {
	var out []int
	for i := from; i < len(s); i += 2 {
		out = append(out, s[i])
	}
	return out
}

// bitInputs are inputs of 0s and 1s to a network, bit-sliced: bit i of
// wire w's words is wire w's value in input i.
type bitInputs [][]uint64

// sortedColumnInputs returns every input of 0s and 1s to the k² wires of
// k columns that are each sorted: in column j, the ones are on the top t_j
// ranks, for each choice of t_0, ..., t_(k-1) in [0, k].
func sortedColumnInputs(k int) bitInputs {
	count := 1
	for range k {
		count *= k + 1
	}
	in := make(bitInputs, k*k)
	for w := range in {
		in[w] = make([]uint64, (count+63)/64)
	}
	for i := range count {
		rest := i
		for j := range k {
			ones := rest % (k + 1)
			rest /= k + 1
			for r := k - ones; r < k; r++ {
				in[j*k+r][i/64] |= 1 << (i % 64)
			}
		}
	}
	return in
}

// run applies the network to a copy of the inputs and returns the outputs.
func (in bitInputs) run(net []comparator) bitInputs {
	out := make(bitInputs, len(in))
	for w := range in {
		out[w] = append([]uint64(nil), in[w]...)
	}
	for _, c := range net {
		lo, hi := out[c.lo], out[c.hi]
		for i := range lo {
			lo[i], hi[i] = lo[i]&hi[i], lo[i]|hi[i]
		}
	}
	return out
}

// prune returns the comparators of net that can change wire keep's output
// on the given inputs: it drops those that never swap (their lo wire never
// holds a 1 over a 0 on hi), then those neither of whose outputs reaches
// keep.
func prune(net []comparator, in bitInputs, keep int) []comparator {
	var swapping []comparator
	state := in.run(nil)
	for _, c := range net {
		lo, hi := state[c.lo], state[c.hi]
		swaps := false
		for i := range lo {
			swaps = swaps || lo[i]&^hi[i] != 0
		}
		if swaps {
			swapping = append(swapping, c)
			for i := range lo {
				lo[i], hi[i] = lo[i]&hi[i], lo[i]|hi[i]
			}
		}
	}
	needed := make([]bool, len(in))
	needed[keep] = true
	var kept []comparator
	for i := len(swapping) - 1; i >= 0; i-- {
		c := swapping[i]
		if needed[c.lo] || needed[c.hi] {
			kept = append(kept, c)
			needed[c.lo], needed[c.hi] = true, true
		}
	}
	for i, j := 0, len(kept)-1; i < j; i, j = i+1, j-1 {
		kept[i], kept[j] = kept[j], kept[i]
	}
	return kept
}

// minMax8 returns the byte-wise minimum and maximum of the eight unsigned
// bytes packed in a and b, without branches (SIMD within a register): the
// top bit of each byte of ge says a ≥ b there, from the bytes' top bits
// when they differ and otherwise from the difference of their low 7 bits,
// which the top bit set in a keeps from borrowing across bytes; ge is
// then spread to whole bytes as a mask of where to swap.
func minMax8(a, b uint64) (lo, hi uint64) {
	const top = 0x8080808080808080
	low := (a | top) - (b &^ top)
	ge := (a&^b | ^(a^b)&low) & top
	swap := (a ^ b) & (ge - ge>>7 | ge)
	return a ^ swap, b ^ swap
}

// newRow returns the fastest netRow of net on this CPU: in assembly, or
// else the Go loops of wiresRow.
func (net *medianNet) newRow() netRow {
	if r := asmRow(len(net.rank)); r != nil {
		return r
	}
	return wiresRow{net, new(wires)}
}
