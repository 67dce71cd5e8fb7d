package gemm

import "runtime"

// vector computes p when C is a single row or column, a matrix-vector
// product y = alpha·M·x + beta·y that packing cannot speed up (each element
// of the matrix is used once). M is op(A) with x the column op(B) when
// n is 1, else op(B)ᵀ with x the row op(A). When M's rows are contiguous
// each y_i is a dot product; otherwise y accumulates multiples of M's
// columns (BLAS's axpy), reading the matrix in storage order either way.
// Large products split y into ranges computed on Dgemm's threads (w's
// vec is their phase).
func (p *problem) vector(w *workspace) {
	v := &w.vec
	*v = matVec{p: p, length: p.m, y: p.c, incy: p.ldc, mat: p.a, ld: p.lda, byRows: !p.transA, x: p.b, incx: p.ldb}
	if p.transB {
		v.incx = 1
	}
	if p.n != 1 {
		v.length, v.incy = p.n, 1
		v.mat, v.ld, v.byRows = p.b, p.ldb, p.transB
		v.x, v.incx = p.a, 1
		if p.transA {
			v.incx = p.lda
		}
	}
	defer func() { *v = matVec{} }() // let the operands go
	threads := min(runtime.GOMAXPROCS(0), v.length/vecGrain, p.k*v.length/minVecWork)
	if threads <= 1 || v.incy != 1 {
		v.rows(0, v.length)
		return
	}
	v.size = roundUp((v.length+threads-1)/threads, vecGrain)
	runPhase(v, (v.length+v.size-1)/v.size, threads, nil)
}

// A matrix-vector product is split across threads when it has at least
// minVecWork multiply-adds (about two microseconds' worth, reading the
// matrix from the level-2 cache), into one range of y a thread, a whole
// multiple of vecGrain elements (the assembly's width): shorter ranges
// would cost a call per column of M each.
const (
	minVecWork = 1 << 14
	vecGrain   = 16
)

// matVec is a matrix-vector product y = alpha·M·x + beta·y as vector
// sets it up, y's length elements incy apart, M's rows ld apart (its
// columns when not byRows), x's elements incx apart; when split, size
// elements of y a piece.
type matVec struct {
	p                      *problem
	length, incy, ld, incx int
	size                   int
	byRows                 bool
	y, mat, x              []float64
}

func (v *matVec) piece(i int, _ *workspace) { v.rows(i*v.size, min((i+1)*v.size, v.length)) }

// rows computes y's elements [lo, hi).
func (v *matVec) rows(lo, hi int) {
	p := v.p
	if v.byRows {
		for i := lo; i < hi; i++ {
			row := v.mat[i*v.ld : i*v.ld+p.k]
			var s float64
			if v.incx == 1 {
				s = p.alpha * dotUnit(row, v.x)
			} else {
				s = p.alpha * dot(row, v.x, v.incx)
			}
			if p.beta != 0 {
				s += p.beta * v.y[i*v.incy]
			}
			v.y[i*v.incy] = s
		}
		return
	}
	scale(hi-lo, 1, p.beta, v.y[lo*v.incy:], v.incy)
	for q := range p.k {
		col := v.mat[q*v.ld+lo : q*v.ld+hi]
		if v.incy == 1 {
			axpyUnit(p.alpha*v.x[q*v.incx], col, v.y[lo:hi])
		} else {
			axpy(p.alpha*v.x[q*v.incx], col, v.y[lo*v.incy:], v.incy)
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

// Mul sets dst[i] *= x[i]; x must be at least as long as dst. With
// MulAffine it computes the elementwise products of a network's backward
// pass (y·(1-y)·Δ) at vector speed.
func Mul(dst, x []float64) { mulVec(dst, x[:len(dst)]) }

// MulAffine sets dst[i] *= c + d·x[i]; x must be at least as long as
// dst. The product d·x[i] and the sum are rounded separately (no fused
// multiply-add), as Go evaluates the expression, so that every CPU gives
// the same bits.
func MulAffine(dst, x []float64, c, d float64) { mulAffineVec(dst, x[:len(dst)], c, d) }

// mulGo is the portable Mul.
func mulGo(dst, x []float64) {
	x = x[:len(dst)]
	for i := range dst {
		dst[i] *= x[i]
	}
}

// mulAffineGo is the portable MulAffine.
func mulAffineGo(dst, x []float64, c, d float64) {
	x = x[:len(dst)]
	for i := range dst {
		dst[i] *= c + d*x[i]
	}
}
