package array

import "math"

// radixMin is the length from which sorting goes through radixSort;
// below it pdqsort's lower constant wins.
const radixMin = 1 << 12

// sortKey maps a float64 (not NaN) to a uint64 that orders the same way:
// the sign bit flipped for non-negative numbers, every bit for negative
// ones (so -0 sorts just before +0).
func sortKey(x float64) uint64 {
	b := math.Float64bits(x)
	if b>>63 == 1 {
		return ^b
	}
	return b | 1<<63
}

// radixSort sorts keys (and, when idx is not nil, the int32 indices that
// travel with them) by an LSD radix sort of 8-bit digits, stable, in
// O(8n) with one buffer of each; a pass whose digit is the same for every
// key is skipped. (Knuth, TAOCP vol. 3, §5.2.5.)
func radixSort(keys []uint64, idx []int32) {
	n := len(keys)
	kb := make([]uint64, n)
	var ib []int32
	if idx != nil {
		ib = make([]int32, n)
	}
	var counts [8][256]int
	for _, k := range keys {
		for d := range 8 {
			counts[d][(k>>(8*d))&0xff]++
		}
	}
	src, dst, isrc, idst := keys, kb, idx, ib
	for d := range 8 {
		c := &counts[d]
		if c[(src[0]>>(8*d))&0xff] == n {
			continue
		}
		var offsets [256]int
		sum := 0
		for i, v := range c {
			offsets[i] = sum
			sum += v
		}
		shift := uint(8 * d)
		if isrc == nil {
			for _, k := range src {
				b := (k >> shift) & 0xff
				dst[offsets[b]] = k
				offsets[b]++
			}
		} else {
			for i, k := range src {
				b := (k >> shift) & 0xff
				o := offsets[b]
				dst[o] = k
				idst[o] = isrc[i]
				offsets[b]++
			}
		}
		src, dst, isrc, idst = dst, src, idst, isrc
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
		if idx != nil {
			copy(idx, isrc)
		}
	}
}
