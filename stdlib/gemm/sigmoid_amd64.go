package gemm

import "golang.org/x/sys/cpu"

// hasAVX512DQ reports whether sigmoidAVX512 can run: it takes the signs of
// eight elements into a mask register with VPMOVQ2M, an AVX-512DQ
// instruction.
var hasAVX512DQ = hasAVX512 && cpu.X86.HasAVX512DQ

// bestSigmoid is the Sigmoid used: sixteen elements at a time with
// AVX-512, eight with AVX2 and FMA, else the portable loop.
var bestSigmoid = func() func(dst, src []float64) {
	switch {
	case hasAVX512DQ:
		return sigmoidAVX512
	case hasAVX2FMA:
		return sigmoidFMA
	}
	return sigmoidGo
}()

// sigmoidFMA runs the AVX2 assembly over the largest multiple of eight
// elements and the portable loop over the rest.
func sigmoidFMA(dst, src []float64) {
	dst = dst[:len(src)]
	n := len(src) &^ 7
	if n > 0 {
		sigmoid8(&dst[0], &src[0], n)
	}
	sigmoidGo(dst[n:], src[n:])
}

// sigmoidAVX512 runs the AVX-512 assembly over the largest multiple of
// sixteen elements and sigmoidFMA over the rest.
func sigmoidAVX512(dst, src []float64) {
	dst = dst[:len(src)]
	n := len(src) &^ 15
	if n > 0 {
		sigmoid16(&dst[0], &src[0], n)
	}
	sigmoidFMA(dst[n:], src[n:])
}

// sigmoid8 and sigmoid16 are sigmoid applied to n elements of src, n a
// positive multiple of 8 (16), written to dst.
//
//go:noescape
func sigmoid8(dst, src *float64, n int)

//go:noescape
func sigmoid16(dst, src *float64, n int)
