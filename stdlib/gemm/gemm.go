// Package gemm multiplies dense row-major matrices of float64: Dgemm, with
// the semantics of BLAS's dgemm, organised after Goto and van de Geijn's
// layered algorithm so that the arithmetic runs at the speed of a small
// register-blocked micro-kernel, in AVX-512 or AVX2+FMA assembly on amd64
// and in Go elsewhere. Large products run on all of runtime.GOMAXPROCS's
// threads, and DgemmStop can be stopped part way. The elementwise work a
// neural network does around such products is vectorised the same way
// (Sigmoid, the logistic function; Mul and MulAffine, the products of its
// backward pass) and runs on the same threads (Split).
//
// Reference: K. Goto and R. A. van de Geijn, "Anatomy of High-Performance
// Matrix Multiplication", ACM Transactions on Mathematical Software 34(3),
// article 12, 2008; the block sizes and the 6×8 micro-kernel follow BLIS's
// Haswell configuration (F. G. Van Zee and R. A. van de Geijn, "BLIS: A
// Framework for Rapidly Instantiating BLAS Functionality", ACM TOMS 41(3),
// 2015).
package gemm

import "fmt"

// Dgemm computes C = alpha·op(A)·op(B) + beta·C for row-major matrices,
// as BLAS's dgemm does on row-major data (cblas_dgemm with CblasRowMajor),
// where op(X) is X, or Xᵀ when the matching trans flag is set. op(A) is
// m×k, op(B) is k×n and C is m×n; element (i, j) of C is c[i*ldc+j], and
// A is stored as m×k with a[i*lda+p] (k×m with a[p*lda+i] when transA),
// likewise B as k×n (n×k when transB).
//
// As in the reference BLAS, C is not read when beta is 0 (so it may hold
// NaN), A and B are not read when alpha is 0 or k is 0, and nothing is
// done when m or n is 0. Dgemm panics, as gonum's BLAS does, when a
// dimension is negative, a leading dimension is smaller than its row
// length (or 1), or, unless m or n is 0, a slice is too short for its
// matrix.
//
// Cost: 2·m·n·k flops, plus O(k·n) to pack B into cache-sized panels
// (A is read in place, and so is a small B that is not transposed).
func Dgemm(transA, transB bool, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	dgemm(bestKernel, 0, nil, nil, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// DgemmThen is Dgemm followed by then (unless nil) on every element of C, as a
// network layer's activation follows its product: then(row) replaces each
// element of row, a run of consecutive elements of one row of C, by a
// function of it. It is called on each tile of C as soon as the tile is
// final, on the thread that computed it and while the tile is in its
// cache, so the elementwise work costs no pass over memory and no phase
// of its own. then must be safe to call concurrently on disjoint slices.
func DgemmThen(then func(row []float64), transA, transB bool, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	dgemm(bestKernel, 0, nil, then, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// DgemmPart is DgemmThen on the calling goroutine alone, for a caller
// that cuts its work into parts and runs them on Dgemm's threads itself
// (see Parts): a part's products then stay on the thread, and in the
// caches, of the part.
func DgemmPart(then func(row []float64), transA, transB bool, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	dgemm(bestKernel, 1, nil, then, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// DgemmStop is Dgemm that asks stop, between tiles of the work, whether
// to give up: a tile is at most mc·kc·nc multiply-adds (7.5·10⁷, about a
// millisecond on one core of a 2020s x86 with AVX-512), so an interactive
// caller's Ctrl-C stops even a 4000×4000 product within milliseconds. When stop says so, DgemmStop returns false with C
// partly updated; otherwise it returns true. stop may be called from
// several threads at once, so it must be safe for concurrent use (an
// atomic load, say). Matrix-vector products (m or n is 1), being quick,
// do not ask.
func DgemmStop(stop func() bool, transA, transB bool, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) bool {
	return dgemm(bestKernel, 0, stop, nil, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// dgemm is DgemmStop, DgemmThen and DgemmPart with the micro-kernel as a
// parameter, so that tests run every kernel this CPU has, and the number
// of threads: at most threads, or runtime.GOMAXPROCS's when it is 0.
func dgemm(kern kernel, threads int, stop func() bool, then func([]float64), transA, transB bool, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) bool {
	ar, ac := m, k
	if transA {
		ar, ac = k, m
	}
	br, bc := k, n
	if transB {
		br, bc = n, k
	}
	switch {
	case m < 0 || n < 0 || k < 0:
		panic(fmt.Sprintf("gemm: negative dimension m=%d n=%d k=%d", m, n, k))
	case lda < max(1, ac):
		panic(fmt.Sprintf("gemm: lda=%d < %d", lda, max(1, ac)))
	case ldb < max(1, bc):
		panic(fmt.Sprintf("gemm: ldb=%d < %d", ldb, max(1, bc)))
	case ldc < max(1, n):
		panic(fmt.Sprintf("gemm: ldc=%d < %d", ldc, max(1, n)))
	case m == 0 || n == 0:
		return true
	case len(a) < span(ar, ac, lda):
		panic(fmt.Sprintf("gemm: len(a)=%d < %d", len(a), span(ar, ac, lda)))
	case len(b) < span(br, bc, ldb):
		panic(fmt.Sprintf("gemm: len(b)=%d < %d", len(b), span(br, bc, ldb)))
	case len(c) < span(m, n, ldc):
		panic(fmt.Sprintf("gemm: len(c)=%d < %d", len(c), span(m, n, ldc)))
	}
	if alpha == 0 || k == 0 {
		scale(m, n, beta, c, ldc)
		finish(then, m, n, c, ldc)
		return true
	}
	w := workspaces.Get().(*workspace)
	defer workspaces.Put(w)
	p := &w.prob // in the workspace, so that it is not allocated
	*p = problem{kern: kern, threads: threads, then: then, transA: transA, transB: transB, m: m, n: n, k: k,
		alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc}
	defer func() { *p = problem{} }() // let the operands go
	if n == 1 || m == 1 {
		p.vector()
		finish(then, m, n, c, ldc)
		return true
	}
	return p.compute(w, stop)
}

// span is the length a rows×cols matrix with leading dimension ld needs.
func span(rows, cols, ld int) int {
	if rows == 0 || cols == 0 {
		return 0
	}
	return (rows-1)*ld + cols
}

// scale sets C = beta·C, writing zeros without reading C when beta is 0.
func scale(m, n int, beta float64, c []float64, ldc int) {
	if beta == 1 {
		return
	}
	for i := range m {
		row := c[i*ldc : i*ldc+n]
		if beta == 0 {
			clear(row)
			continue
		}
		for j := range row {
			row[j] *= beta
		}
	}
}

// finish applies then, if set, to the m×n matrix C: at once when its rows
// are contiguous, else row by row.
func finish(then func([]float64), m, n int, c []float64, ldc int) {
	switch {
	case then == nil:
	case ldc == n:
		then(c[:m*n])
	default:
		for i := range m {
			then(c[i*ldc : i*ldc+n])
		}
	}
}

// problem is one call's arguments, with the micro-kernel to use, the
// threads it may take and the function to apply to C's final elements.
type problem struct {
	kern           kernel
	threads        int // at most this many threads, unless 0
	then           func([]float64)
	transA, transB bool
	m, n, k        int
	alpha, beta    float64
	a, b, c        []float64
	lda, ldb, ldc  int
}
