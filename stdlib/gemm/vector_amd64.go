package gemm

// dotUnit returns Σ u[i]·x[i] over len(u) elements, sixteen at a time in
// assembly where the CPU has AVX2 and FMA. The sum is associated
// differently from dot's, as any BLAS's is.
func dotUnit(u, x []float64) float64 {
	x = x[:len(u)]
	n := len(u) &^ 15
	if !hasAVX2FMA || n == 0 {
		return dot(u, x, 1)
	}
	return dotFMA(&u[0], &x[0], n) + dot(u[n:], x[n:], 1)
}

// axpyUnit adds alpha·u[i] to y[i], thirty-two at a time in assembly
// where the CPU has AVX-512, then sixteen where it has AVX2 and FMA.
func axpyUnit(alpha float64, u, y []float64) {
	y = y[:len(u)]
	n := 0
	if wide := len(u) &^ 31; hasAVX512 && wide > 0 {
		axpy512(alpha, &u[0], &y[0], wide)
		n = wide
	}
	if m := (len(u) - n) &^ 15; hasAVX2FMA && m > 0 {
		axpyFMA(alpha, &u[n], &y[n], m)
		n += m
	}
	axpy(alpha, u[n:], y[n:], 1)
}

// axpyRows adds alpha·x[q·incx]·mat[q·ld+i] to y[i] for the rows q <
// rows in order, on the leading elements of y that a multiple of 32
// covers where the CPU has AVX-512 (none elsewhere), and returns how many
// it did. It runs down the rows with a block of y in registers, instead
// of a pass over y per row (axpyUnit's, which for a short y costs more in
// calls than in arithmetic), with the same fused multiply-add per element
// and row, in the same order: the sums are axpyUnit's to the bit.
func axpyRows(alpha float64, x []float64, incx int, mat []float64, ld, rows int, y []float64) int {
	wide := len(y) &^ 31
	if !hasAVX512 || wide == 0 || rows == 0 {
		return 0
	}
	_, _ = x[(rows-1)*incx], mat[(rows-1)*ld+wide-1]
	axpyRows512(alpha, &x[0], incx, &mat[0], ld, &y[0], rows, wide)
	return wide
}

// mulVec is Mul, sixteen elements at a time in assembly where the CPU
// has AVX2.
func mulVec(dst, y, x []float64) {
	n := len(dst) &^ 15
	if hasAVX2FMA && n > 0 {
		mulFMA(&dst[0], &y[0], &x[0], n)
	}
	mulGo(dst[n:], y[n:], x[n:])
}

// mulAffineVec is MulAffine, thirty-two elements at a time in assembly
// where the CPU has AVX-512, then sixteen where it has AVX2.
func mulAffineVec(dst, y, x []float64, c, d float64) {
	n := 0
	if wide := len(dst) &^ 31; hasAVX512 && wide > 0 {
		mulAffine512(&dst[0], &y[0], &x[0], wide, c, d)
		n = wide
	}
	if m := (len(dst) - n) &^ 15; hasAVX2FMA && m > 0 {
		mulAffineFMA(&dst[n], &y[n], &x[n], m, c, d)
		n += m
	}
	mulAffineGo(dst[n:], y[n:], x[n:], c, d)
}

// dotFMA, axpyFMA, mulFMA and mulAffineFMA are the assembly loops, n a
// positive multiple of 16; axpy512 and mulAffine512 their AVX-512
// versions, n a positive multiple of 32.
//
//go:noescape
func dotFMA(x, y *float64, n int) float64

//go:noescape
func axpyFMA(alpha float64, x, y *float64, n int)

//go:noescape
func mulFMA(dst, y, x *float64, n int)

//go:noescape
func mulAffineFMA(dst, y, x *float64, n int, c, d float64)

//go:noescape
func axpy512(alpha float64, x, y *float64, n int)

// axpyRows512 is axpyRows's loop, n a positive multiple of 32 and rows
// positive.
//
//go:noescape
func axpyRows512(alpha float64, x *float64, incx int, mat *float64, ld int, y *float64, rows, n int)

//go:noescape
func mulAffine512(dst, y, x *float64, n int, c, d float64)
