package fft

import "golang.org/x/sys/cpu"

// hasAVX2 reports whether the CPU and OS support AVX2, which
// radix4AVX2 needs.
var hasAVX2 = cpu.X86.HasAVX2

// radix4Vector does the radix-4 butterflies of one group (inputs x0..x3,
// outputs y0..y3, of equal length; twiddles w, or none when w is nil) two
// at a time in AVX2 assembly where the CPU has it, and returns how many it
// did; the caller does the rest. The assembly rounds each product and sum
// as Go's complex arithmetic does (no fused multiply-add), so the results
// are the same to the bit.
func radix4Vector(x0, x1, x2, x3, y0, y1, y2, y3 []complex128, w *[3]complex128) int {
	n := len(x0) &^ 1
	if !hasAVX2 || n == 0 {
		return 0
	}
	_, _, _ = x1[n-1], x2[n-1], x3[n-1]
	_, _, _, _ = y0[n-1], y1[n-1], y2[n-1], y3[n-1]
	if w == nil {
		radix4UnitAVX2(&x0[0], &x1[0], &x2[0], &x3[0], &y0[0], &y1[0], &y2[0], &y3[0], n)
	} else {
		radix4AVX2(&x0[0], &x1[0], &x2[0], &x3[0], &y0[0], &y1[0], &y2[0], &y3[0], n, w)
	}
	return n
}

// radix4UnitAVX2 is radix4Vector's loop without twiddles.
//
//go:noescape
func radix4UnitAVX2(x0, x1, x2, x3, y0, y1, y2, y3 *complex128, n int)

// radix4AVX2 is radix4Vector's loop over n butterflies, n a positive
// even number.
//
//go:noescape
func radix4AVX2(x0, x1, x2, x3, y0, y1, y2, y3 *complex128, n int, w *[3]complex128)
