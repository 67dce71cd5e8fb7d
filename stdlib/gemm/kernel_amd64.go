package gemm

import "golang.org/x/sys/cpu"

// hasAVX2FMA reports whether the CPU and OS support AVX2 and FMA3, which
// kernelFMA needs; hasAVX512 whether they support AVX-512 Foundation,
// which kernelAVX512 needs.
var (
	hasAVX2FMA = cpu.X86.HasAVX2 && cpu.X86.HasFMA
	hasAVX512  = cpu.X86.HasAVX512F && hasAVX2FMA
)

// bestKernel is the micro-kernel Dgemm uses: kernelAVX512 where the CPU
// has AVX-512, kernelFMA where it has AVX2 and FMA, else the portable one.
var bestKernel = func() kernel {
	switch {
	case hasAVX512:
		return kernelAVX512
	case hasAVX2FMA:
		return kernelFMA
	}
	return kernelGo
}()

// kernelFMA is the 6×8 micro-kernel of BLIS's Haswell configuration in
// assembly: twelve YMM accumulators (a row of C is two registers of four
// doubles), two registers for the row of the B panel and one element of
// A's column at a time, broadcast from its place in A, twelve VFMADD231PD
// per step of k.
var kernelFMA = kernel{mr, nr, func(k int, alpha, beta float64, a []float64, rsa, csa int, b []float64, rsb int, c []float64, ldc int) {
	_, _, _ = a[(mr-1)*rsa+(k-1)*csa], b[(k-1)*rsb+nr-1], c[(mr-1)*ldc+nr-1]
	dgemmKernel6x8(k, alpha, beta, &a[0], rsa, csa, &b[0], rsb, &c[0], ldc)
}}

// kernelAVX512 is an 8×16 micro-kernel with AVX-512: sixteen ZMM
// accumulators of eight doubles (a row of C is two registers), the row of
// the B panel in two more and A's elements broadcast one at a time,
// sixteen VFMADD231PD per step of k. Eight rows rather than more keep A
// readable in place (two base registers and three strides address them)
// and divide the sizes neural networks use; sixteen accumulators already
// hide the FMA latency (four cycles, two units: eight in flight).
var kernelAVX512 = kernel{8, 16, func(k int, alpha, beta float64, a []float64, rsa, csa int, b []float64, rsb int, c []float64, ldc int) {
	_, _, _ = a[7*rsa+(k-1)*csa], b[(k-1)*rsb+15], c[7*ldc+15]
	dgemmKernel8x16(k, alpha, beta, &a[0], rsa, csa, &b[0], rsb, &c[0], ldc)
}}

// dgemmKernel6x8 and dgemmKernel8x16 are the kernels' bodies without
// bounds checks (the closures above do them); k must be positive.
//
//go:noescape
func dgemmKernel6x8(k int, alpha, beta float64, a *float64, rsa, csa int, b *float64, rsb int, c *float64, ldc int)

//go:noescape
func dgemmKernel8x16(k int, alpha, beta float64, a *float64, rsa, csa int, b *float64, rsb int, c *float64, ldc int)

// peakAVX512 and peakAVX2 run n steps of twelve independent FMAs on ZMM
// (192 flops a step) or YMM registers (96 flops): the yardstick the
// benchmarks measure the processor's peak with (peak_amd64.s).
//
//go:noescape
func peakAVX512(n int)

//go:noescape
func peakAVX2(n int)
