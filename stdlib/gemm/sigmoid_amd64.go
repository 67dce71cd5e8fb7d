package gemm

// bestSigmoid is the Sigmoid used: four elements at a time in assembly
// where the CPU has AVX2 and FMA, else the portable loop.
var bestSigmoid = func() func(dst, src []float64) {
	if hasFMA {
		return sigmoidFMA
	}
	return sigmoidGo
}()

// sigmoidFMA runs the assembly over the largest multiple of four elements
// and the portable loop over the rest.
func sigmoidFMA(dst, src []float64) {
	dst = dst[:len(src)]
	n := len(src) &^ 3
	if n > 0 {
		sigmoid4(&dst[0], &src[0], n)
	}
	sigmoidGo(dst[n:], src[n:])
}

// sigmoid4 is sigmoid applied to n elements of src, n a positive multiple
// of 4, written to dst.
//
//go:noescape
func sigmoid4(dst, src *float64, n int)
