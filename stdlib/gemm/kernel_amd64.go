package gemm

import "golang.org/x/sys/cpu"

// hasAVX2FMA reports whether the CPU and OS support AVX2 and FMA3, which
// kernelFMA needs.
var hasAVX2FMA = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// bestKernel is the micro-kernel Dgemm uses: kernelFMA where the CPU has
// AVX2 and FMA, else the portable one.
var bestKernel = func() kernel {
	if hasAVX2FMA {
		return kernelFMA
	}
	return kernelGo
}()

// kernelFMA is the 6×8 micro-kernel of BLIS's Haswell configuration in
// assembly: twelve YMM accumulators (a row of C is two registers of four
// doubles), two registers for the row of the B panel and one element of
// A's column at a time, broadcast from its place in A, twelve VFMADD231PD
// per step of k. The bounds checks here keep the assembly within the
// slices.
func kernelFMA(k int, alpha, beta float64, a []float64, rsa, csa int, b, c []float64, ldc int) {
	_, _, _ = a[(mr-1)*rsa+(k-1)*csa], b[k*nr-1], c[(mr-1)*ldc+nr-1]
	dgemmKernel6x8(k, alpha, beta, &a[0], rsa, csa, &b[0], &c[0], ldc)
}

// dgemmKernel6x8 is kernelFMA without bounds checks; k must be positive.
//
//go:noescape
func dgemmKernel6x8(k int, alpha, beta float64, a *float64, rsa, csa int, b, c *float64, ldc int)
