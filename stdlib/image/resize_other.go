//go:build !amd64

package image

// linearDown is linearDownGo on this architecture.
func linearDown(out []uint8, r0, r1 []int32, b0, b1 int32) { linearDownGo(out, r0, r1, b0, b1) }

// linearAcross is linearAcrossGo on this architecture.
func linearAcross(in []uint8, c int, off, w, row []int32) { linearAcrossGo(in, c, off, w, row) }
