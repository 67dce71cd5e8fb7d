package linalg

import "golang.org/x/sys/cpu"

// hasAVX2 reports whether the CPU and OS support AVX2, which
// reflectRows3AVX2 needs.
var hasAVX2 = cpu.X86.HasAVX2

// reflectRows3Vector applies the reflection with v₁, v₂ and τ·(1, v₁, v₂)
// = (t1, t2, t3) to the columns of the rows r1, r2, r3 (of equal length)
// four at a time, in AVX2 assembly where the CPU has it, and returns how
// many columns it did; the caller does the rest. The assembly rounds each
// product and sum as the Go loop does (no fused multiply-add), so the
// results are the same to the bit.
func reflectRows3Vector(r1, r2, r3 []float64, v1, v2, t1, t2, t3 float64) int {
	n := len(r1) &^ 3
	if !hasAVX2 || n == 0 {
		return 0
	}
	reflectRows3AVX2(&r1[0], &r2[0], &r3[0], n, v1, v2, t1, t2, t3)
	return n
}

// reflectRows3AVX2 is reflectRows3Vector's loop over n columns, n a
// positive multiple of 4.
//
//go:noescape
func reflectRows3AVX2(r1, r2, r3 *float64, n int, v1, v2, t1, t2, t3 float64)
