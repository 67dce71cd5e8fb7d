//go:build !amd64

package image

// linearDown is linearDownGo on this architecture.
func linearDown(out []uint8, r0, r1 []int32, b0, b1 int32) { linearDownGo(out, r0, r1, b0, b1) }

// linearAcross is linearAcrossGo on this architecture.
func linearAcross(in []uint8, c int, off, w, row []int32) { linearAcrossGo(in, c, off, w, row) }

// cubicAcross8 is cubicAcross8Go on this architecture.
func cubicAcross8(in []uint8, c int, base []int32, wx [][4]int16, row []int32) {
	cubicAcross8Go(in, c, base, wx, row)
}

// cubicVector8 is cubicVector8Go on this architecture.
func cubicVector8(r [4][]int32, bf *[4]float32, dst []uint8) { cubicVector8Go(r, bf, dst) }

// newAreaAcross8 returns areaAcross of the table across for 8-bit rows of
// pixels of c values, on this architecture.
func newAreaAcross8(across []areaTab, first []int, c int) func(row []uint8, sums []float32) {
	return func(row []uint8, sums []float32) { areaAcross(row, c, across, first, sums) }
}

// newLinearAcross returns linearAcrossGo with the offsets off and weights
// w, on this architecture.
func newLinearAcross(c int, off, w []int32) func(in []uint8, row []int32) {
	return func(in []uint8, row []int32) { linearAcrossGo(in, c, off, w, row) }
}

// addScaledBytes is addScaledBytesGo on this architecture.
func addScaledBytes(dst []int32, src []uint8, k int32) { addScaledBytesGo(dst, src, k) }

// addScaled is addScaledGo on this architecture.
func addScaled(dst, src []int32, k int32) { addScaledGo(dst, src, k) }

// roundShift is roundShiftGo on this architecture.
func roundShift(out []uint8, sums []int32, add int32, shift uint) {
	roundShiftGo(out, sums, add, shift)
}
