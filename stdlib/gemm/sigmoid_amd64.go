package gemm

// bestSigmoid is the Sigmoid used: eight elements at a time in assembly
// where the CPU has AVX2 and FMA, else the portable loop.
var bestSigmoid = func() func(dst, src []float64) {
	if hasAVX2FMA {
		return sigmoidFMA
	}
	return sigmoidGo
}()

// sigmoidFMA runs the assembly over the largest multiple of eight elements
// and the portable loop over the rest.
func sigmoidFMA(dst, src []float64) {
	dst = dst[:len(src)]
	n := len(src) &^ 7
	if n > 0 {
		sigmoid8(&dst[0], &src[0], n)
	}
	sigmoidGo(dst[n:], src[n:])
}

// sigmoid8 is sigmoid applied to n elements of src, n a positive multiple
// of 8, written to dst.
//
//go:noescape
func sigmoid8(dst, src *float64, n int)
