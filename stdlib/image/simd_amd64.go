package image

import "golang.org/x/sys/cpu"

// This file holds the vector loops (simd_amd64.s) of the 8-bit resizes and
// of the integer separable filters, each used where the CPU has the
// instructions, for whole groups of values, its Go loop doing the rest; on
// other architectures simd_other.go runs the Go loops. simd_test.go checks
// each against its Go loop.

// linearDownAVX2 is linearDownGo for len(out), a multiple of 16, values,
// 16 at a time: the rows shifted and packed to 16 bits (their values are
// below 2¹⁵ after the shift), multiplied by the weights keeping the high
// halves (VPMULHW: the same (b·r) >> 16), summed, rounded and packed to
// bytes with saturation. r0 and r1 hold at least len(out) values.
//
//go:noescape
func linearDownAVX2(out []uint8, r0, r1 []int32, b0, b1 int32)

// linearAcrossAVX2 is linearAcrossGo for len(off), a multiple of 8,
// values, 8 at a time, for pixels of at most 3 values: it gathers the 4
// bytes from each offset (VPGATHERDD), moves the two it needs into words
// (VPSHUFB with shuffle, bytes 0 and c of each 4), and multiplies and adds
// the words with the weights (VPMADDWD). It reads up to 3 bytes past an
// offset, which must lie within the row.
//
//go:noescape
func linearAcrossAVX2(in []uint8, off, w, row []int32, shuffle *[32]uint8)

// acrossShuffles are the shuffles of linearAcrossAVX2 for pixels of 1, 2
// and 3 values: for each 4 bytes gathered, words of byte 0 and byte c.
var acrossShuffles = func() (s [4][32]uint8) {
	for c := 1; c <= 3; c++ {
		for k := range 8 {
			lane := 4 * (k % 4)
			copy(s[c][4*k:], []uint8{uint8(lane), 0x80, uint8(lane + c), 0x80})
		}
	}
	return s
}()

// linearAcross is linearAcrossGo, with AVX2 for whole groups of 8 values
// of pixels of 1 to 3 values where the CPU has it.
func linearAcross(in []uint8, c int, off, w, row []int32) {
	if cpu.X86.HasAVX2 && c <= 3 {
		n := len(off) &^ 7
		linearAcrossAVX2(in, off[:n], w[:n], row[:n], &acrossShuffles[c])
		off, w, row = off[n:], w[n:], row[n:]
	}
	linearAcrossGo(in, c, off, w, row)
}

// linearAcrossVBMI is linearAcrossGo for gray rows in blocks of 32 values
// whose source values lie within 64 bytes: for block b, the 64 bytes from
// starts[b] on, permuted (VPERMB) by the block's 64 indices idx into the
// pairs of source values of its outputs, widened to words and multiplied
// and added with the weights (VPMADDWD). len(w) and len(row) are
// 32·len(starts); it reads 64 bytes from each start.
//
//go:noescape
func linearAcrossVBMI(in []uint8, starts []int32, idx []uint8, w, row []int32)

// permuteBytes reports whether the CPU has AVX-512 with byte permutes
// (VBMI), which make the rows of a linear resize without gathers.
var permuteBytes = cpu.X86.HasAVX512F && cpu.X86.HasAVX512BW && cpu.X86.HasAVX512VBMI

// newLinearAcross returns the function that sets row to the source row in
// (followed by acrossSlack spare bytes) interpolated across with the
// offsets off and the weights w, as linearAcrossGo: by byte permutes for
// gray rows where the CPU has them and each block of 32 outputs reads
// within 64 bytes (shrinking by up to about 2), else by linearAcross.
func newLinearAcross(c int, off, w []int32) func(in []uint8, row []int32) {
	byGathers := func(in []uint8, row []int32) { linearAcross(in, c, off, w, row) }
	blocks := len(off) / 32
	if !permuteBytes || c != 1 || blocks == 0 {
		return byGathers
	}
	starts, idx := make([]int32, blocks), make([]uint8, 64*blocks)
	for b := range blocks {
		starts[b] = off[32*b]
		for j, o := range off[32*b : 32*b+32] {
			d := o - starts[b] // offsets do not decrease along a row
			if d+1 >= 64 {
				return byGathers
			}
			idx[64*b+2*j], idx[64*b+2*j+1] = uint8(d), uint8(d+1)
		}
	}
	n := 32 * blocks
	return func(in []uint8, row []int32) {
		linearAcrossVBMI(in, starts, idx, w[:n], row[:n])
		linearAcross(in, c, off[n:], w[n:], row[n:])
	}
}

// linearDown is linearDownGo, with AVX2 for whole groups of 16 values
// where the CPU has it.
func linearDown(out []uint8, r0, r1 []int32, b0, b1 int32) {
	if cpu.X86.HasAVX2 {
		n := len(out) &^ 15
		linearDownAVX2(out[:n], r0[:n], r1[:n], b0, b1)
		out, r0, r1 = out[n:], r0[n:], r1[n:]
	}
	linearDownGo(out, r0, r1, b0, b1)
}

// cubicAcrossAVX2 is cubicAcross8Go for gray rows (c = 1) and len(base),
// a multiple of 8, values, 8 at a time: it gathers the 4 bytes from each
// base offset (VPGATHERDD), widens them to words and multiplies and adds
// them with the weights (VPMADDWD, then VPHADDD of the pairs).
//
//go:noescape
func cubicAcrossAVX2(in []uint8, base []int32, wx [][4]int16, row []int32)

// cubicAcross8 is cubicAcross8Go, with AVX2 for whole groups of 8 values
// of gray rows where the CPU has it.
func cubicAcross8(in []uint8, c int, base []int32, wx [][4]int16, row []int32) {
	if cpu.X86.HasAVX2 && c == 1 {
		n := len(base) &^ 7
		cubicAcrossAVX2(in, base[:n], wx[:n], row[:n])
		base, wx, row = base[n:], wx[n:], row[n:]
	}
	cubicAcross8Go(in, c, base, wx, row)
}

// cubicVectorAVX2 is cubicVector8Go for len(dst), a multiple of 8,
// values, 8 at a time: converted to float32, multiplied and added in the
// same order, converted back rounding half to even (the default rounding)
// and packed to bytes with saturation. Each of r holds len(dst) values.
//
//go:noescape
func cubicVectorAVX2(dst []uint8, r0, r1, r2, r3 *int32, bf *[4]float32)

// cubicVector8 is cubicVector8Go, with AVX2 for whole groups of 8 values
// where the CPU has it.
func cubicVector8(r [4][]int32, bf *[4]float32, dst []uint8) {
	if n := len(dst) &^ 7; cpu.X86.HasAVX2 && n > 0 {
		for k := range r {
			r[k] = r[k][:len(dst)]
		}
		cubicVectorAVX2(dst[:n], &r[0][0], &r[1][0], &r[2][0], &r[3][0], bf)
		for k := range r {
			r[k] = r[k][n:]
		}
		dst = dst[n:]
	}
	cubicVector8Go(r, bf, dst)
}

// areaAcrossAVX2 is areaAcross for gray 8-bit rows and len(sums), a
// multiple of 8, output pixels, 8 at a time with the table g: for each of
// its k entries, the 4 bytes at the 8 offsets gathered, the first kept,
// converted to float32, multiplied by the weights and added, each product
// and sum rounded to float32 as the Go loop rounds them.
//
//go:noescape
func areaAcrossAVX2(row []uint8, from []int32, alpha []float32, k int, sums []float32)

// newAreaAcross8 returns the function that sets sums to the 8-bit row of
// pixels of c values, followed by acrossSlack spare bytes, summed across
// with the table across as areaAcross does: with AVX2 for whole groups of
// 8 output pixels of gray rows where the CPU has it.
func newAreaAcross8(across []areaTab, first []int, c int) func(row []uint8, sums []float32) {
	if !cpu.X86.HasAVX2 || c != 1 {
		return func(row []uint8, sums []float32) { areaAcross(row, c, across, first, sums) }
	}
	g := newAreaGather(across, first)
	n := (len(first) - 1) &^ 7
	return func(row []uint8, sums []float32) {
		areaAcrossAVX2(row, g.from, g.alpha, g.k, sums[:n])
		areaAcross(row, c, across, first[n:], sums[n:])
	}
}

// addScaledBytesAVX2 is addScaledBytesGo for len(dst), a multiple of 8,
// values, 8 at a time (VPMOVZXBD, VPMULLD, VPADDD).
//
//go:noescape
func addScaledBytesAVX2(dst []int32, src []uint8, k int32)

// addScaledAVX2 is addScaledGo for len(dst), a multiple of 8, values, 8 at
// a time (VPMULLD, VPADDD).
//
//go:noescape
func addScaledAVX2(dst, src []int32, k int32)

// addScaledBytes is addScaledBytesGo, with AVX2 for whole groups of 8
// values where the CPU has it.
func addScaledBytes(dst []int32, src []uint8, k int32) {
	if n := len(dst) &^ 7; cpu.X86.HasAVX2 && n > 0 {
		addScaledBytesAVX2(dst[:n], src[:n], k)
		dst, src = dst[n:], src[n:]
	}
	addScaledBytesGo(dst, src, k)
}

// addScaled is addScaledGo, with AVX2 for whole groups of 8 values where
// the CPU has it.
func addScaled(dst, src []int32, k int32) {
	if n := len(dst) &^ 7; cpu.X86.HasAVX2 && n > 0 {
		addScaledAVX2(dst[:n], src[:n], k)
		dst, src = dst[n:], src[n:]
	}
	addScaledGo(dst, src, k)
}

// roundShiftAVX2 is roundShiftGo for len(out), a multiple of 8, values, 8
// at a time: added, shifted (VPSRAD) and packed to bytes with saturation.
//
//go:noescape
func roundShiftAVX2(out []uint8, sums []int32, add int32, shift uint64)

// roundShift is roundShiftGo, with AVX2 for whole groups of 8 values where
// the CPU has it.
func roundShift(out []uint8, sums []int32, add int32, shift uint) {
	if n := len(out) &^ 7; cpu.X86.HasAVX2 && n > 0 {
		roundShiftAVX2(out[:n], sums[:n], add, uint64(shift))
		out, sums = out[n:], sums[n:]
	}
	roundShiftGo(out, sums, add, shift)
}
