package gemm

// vector computes p when C is a single row or column, a matrix-vector
// product y = alpha·M·x + beta·y that packing cannot speed up (each element
// of the matrix is used once). M is op(A) with x the column op(B) when
// n is 1, else op(B)ᵀ with x the row op(A). When M's rows are contiguous
// each y_i is a dot product; otherwise y accumulates multiples of M's
// columns (BLAS's axpy), reading the matrix in storage order either way.
func (p *problem) vector() {
	length, y, incy := p.m, p.c, p.ldc
	mat, ld, byRows := p.a, p.lda, !p.transA
	x, incx := p.b, p.ldb
	if p.transB {
		incx = 1
	}
	if p.n != 1 {
		length, incy = p.n, 1
		mat, ld, byRows = p.b, p.ldb, p.transB
		x, incx = p.a, 1
		if p.transA {
			incx = p.lda
		}
	}
	if byRows {
		for i := range length {
			row := mat[i*ld : i*ld+p.k]
			var s float64
			if incx == 1 {
				s = p.alpha * dotUnit(row, x)
			} else {
				s = p.alpha * dot(row, x, incx)
			}
			if p.beta != 0 {
				s += p.beta * y[i*incy]
			}
			y[i*incy] = s
		}
		return
	}
	scale(length, 1, p.beta, y, incy)
	done := 0 // the leading elements of y that axpyRows computed
	if incy == 1 {
		done = axpyRows(p.alpha, x, incx, mat, ld, p.k, y[:length])
	}
	for q := range p.k {
		col := mat[q*ld+done : q*ld+length]
		if incy == 1 {
			axpyUnit(p.alpha*x[q*incx], col, y[done:length])
		} else {
			axpy(p.alpha*x[q*incx], col, y, incy)
		}
	}
}

// dot returns Σ u_i·x[i*incx] with four partial sums, which keeps four
// additions in flight.
func dot(u, x []float64, incx int) float64 {
	var s0, s1, s2, s3 float64
	n := len(u) &^ 3
	for i := 0; i < n; i += 4 {
		s0 += u[i] * x[i*incx]
		s1 += u[i+1] * x[(i+1)*incx]
		s2 += u[i+2] * x[(i+2)*incx]
		s3 += u[i+3] * x[(i+3)*incx]
	}
	for i := n; i < len(u); i++ {
		s0 += u[i] * x[i*incx]
	}
	return (s0 + s1) + (s2 + s3)
}

// axpy adds alpha·u_i to y[i*incy].
func axpy(alpha float64, u, y []float64, incy int) {
	for i, v := range u {
		y[i*incy] += alpha * v
	}
}

// Mul sets dst[i] = y[i]·x[i]; y and x must be at least as long as dst,
// and dst may be y. With MulAffine it computes the elementwise products
// of a network's backward pass (y·(1-y)·Δ) at vector speed.
func Mul(dst, y, x []float64) { mulVec(dst, y[:len(dst)], x[:len(dst)]) }

// MulAffine sets dst[i] = y[i]·(c + d·x[i]); y and x must be at least as
// long as dst, and dst may be y. The product d·x[i] and the sum are
// rounded separately (no fused multiply-add), as Go evaluates the
// expression, so that every CPU gives the same bits.
func MulAffine(dst, y, x []float64, c, d float64) {
	mulAffineVec(dst, y[:len(dst)], x[:len(dst)], c, d)
}

// mulGo is the portable Mul.
func mulGo(dst, y, x []float64) {
	y, x = y[:len(dst)], x[:len(dst)]
	for i := range dst {
		dst[i] = y[i] * x[i]
	}
}

// mulAffineGo is the portable MulAffine.
func mulAffineGo(dst, y, x []float64, c, d float64) {
	y, x = y[:len(dst)], x[:len(dst)]
	for i := range dst {
		dst[i] = y[i] * (c + d*x[i])
	}
}

// Add sets dst[i] += x[i]; x must be at least as long as dst. It runs
// with the vector loops of the matrix-vector products: a fused
// multiply-add by 1 rounds as the addition does, so the sums are the
// same to the bit on every CPU.
func Add(dst, x []float64) { axpyUnit(1, x[:len(dst)], dst) }
