package linalg

import (
	"math"

	"calc/stdlib/gemm"

	"gonum.org/v1/gonum/blas/blas64"
)

// This file is LAPACK's dtrevc3 for the right eigenvectors of all
// eigenvalues, back-transformed (side "R", howmny "B"), reorganized for
// row-major storage. dtrevc3 solves (T − λ)x = 0 column by column: each
// solved entry x_j is subtracted times column j of T from the remaining
// right-hand side, which in gonum's row-major T is a stride-n axpy and
// was a fifth of eig's time. Here entry j is instead the solution of its
// row, x_j = −(row j of T right of the diagonal)·x / (T_jj − λ): a dot
// product over contiguous memory. The arithmetic is the same sums in
// another order; the pivots, the 2×2 blocks of complex pairs, the
// perturbation of pivots smaller than smin and the scaling against
// overflow (dlaln2, and dtrevc3's test of x's growth against the column
// norms of T) are dtrevc3's. The eigenvectors are then multiplied by the
// Schur vectors with calc's gemm, in column blocks that skip the zeros
// below each triangular vector, as dtrevc3's blocked version does.

// trevcBlock is the number of eigenvectors back-transformed by one matrix
// product.
const trevcBlock = 64

// rightEigenvectors returns Q·X, where the columns of X are the right
// eigenvectors of the n×n upper quasi-triangular real Schur form t and q
// holds the Schur vectors (both row-major, leading dimension n). The
// result is in LAPACK's packed real form (see geev), unnormalized.
func rightEigenvectors(n int, t, q []float64) []float64 {
	// xt's row k is the k-th column of X; entries past the vector's last
	// nonzero stay zero.
	xt := make([]float64, n*n)
	s := newTriangularSolver(n, t)
	for ki := n - 1; ki >= 0; ki-- {
		if ki == 0 || t[ki*n+ki-1] == 0 {
			s.realVector(ki, xt[ki*n:ki*n+ki+1])
			continue
		}
		s.complexVector(ki, xt[(ki-1)*n:(ki-1)*n+ki+1], xt[ki*n:ki*n+ki+1])
		ki--
	}
	vr := make([]float64, n*n)
	for c0 := 0; c0 < n; c0 += trevcBlock {
		c1 := min(n, c0+trevcBlock)
		depth := min(n, c1+1) // a complex pair may straddle the block's end
		gemm.Dgemm(false, true, n, c1-c0, depth, 1, q, n, xt[c0*n:], n, 0, vr[c0:], n)
	}
	return vr
}

// triangularSolver solves (T − λ)x = 0 on the leading rows of the real
// Schur form t for one eigenvalue λ of t at a time.
type triangularSolver struct {
	n      int
	t      []float64
	norms  []float64 // 1-norms of the columns of t above the diagonal
	bignum float64
	smlnum float64
}

func newTriangularSolver(n int, t []float64) *triangularSolver {
	smlnum := float64(n) / dlamchP * dlamchS
	s := &triangularSolver{n: n, t: t, norms: make([]float64, n),
		smlnum: smlnum, bignum: (1 - dlamchP) / smlnum}
	for i := range n {
		for j := i + 1; j < n; j++ {
			s.norms[j] += math.Abs(t[i*n+j])
		}
	}
	return s
}

// row returns the entries of row i of t from column i+1 through column
// last.
func (s *triangularSolver) row(i, last int) []float64 {
	return s.t[i*s.n+i+1 : i*s.n+last+1]
}

// isBlockEnd reports whether row j is the second row of a 2×2 diagonal
// block (a complex pair).
func (s *triangularSolver) isBlockEnd(j int) bool {
	return j > 0 && s.t[j*s.n+j-1] != 0
}

// realVector sets x (length ki+1) to the eigenvector of the real
// eigenvalue t[ki, ki]: x_ki = 1 and rows ki−1 … 0 solved upwards.
func (s *triangularSolver) realVector(ki int, x []float64) {
	n, t := s.n, s.t
	bi := blas64.Implementation()
	wr := t[ki*n+ki]
	smin := math.Max(dlamchP*math.Abs(wr), s.smlnum)
	x[ki] = 1
	var b, sol [4]float64
	for j := ki - 1; j >= 0; j-- {
		if !s.isBlockEnd(j) {
			b[0] = -dotRest(s.row(j, ki), x[j+1:])
			scale, xnorm, _ := impl.Dlaln2(false, 1, 1, smin, 1, t[j*n+j:], n, 1, 1, b[:], 2, wr, 0, sol[:1], 2)
			if xnorm > 1 && s.norms[j] > s.bignum/xnorm {
				sol[0] /= xnorm
				scale /= xnorm
			}
			if scale != 1 {
				bi.Dscal(ki-j, scale, x[j+1:], 1)
			}
			x[j] = sol[0]
			continue
		}
		b[0] = -dotRest(s.row(j-1, ki)[1:], x[j+1:])
		b[2] = -dotRest(s.row(j, ki), x[j+1:])
		scale, xnorm, _ := impl.Dlaln2(false, 2, 1, smin, 1, t[(j-1)*n+j-1:], n, 1, 1, b[:], 2, wr, 0, sol[:3], 2)
		if xnorm > 1 && math.Max(s.norms[j-1], s.norms[j]) > s.bignum/xnorm {
			sol[0] /= xnorm
			sol[2] /= xnorm
			scale /= xnorm
		}
		if scale != 1 {
			bi.Dscal(ki-j, scale, x[j+1:], 1)
		}
		x[j-1], x[j] = sol[0], sol[2]
		j--
	}
}

// complexVector sets re and im (length ki+1) to the real and imaginary
// parts of the eigenvector of wr + i·wi, the eigenvalue with positive
// imaginary part of the 2×2 block in rows ki−1 and ki: that block's
// null vector, then rows ki−2 … 0 solved upwards.
func (s *triangularSolver) complexVector(ki int, re, im []float64) {
	n, t := s.n, s.t
	bi := blas64.Implementation()
	wr := t[ki*n+ki]
	wi := math.Sqrt(math.Abs(t[ki*n+ki-1])) * math.Sqrt(math.Abs(t[(ki-1)*n+ki]))
	smin := math.Max(dlamchP*(math.Abs(wr)+math.Abs(wi)), s.smlnum)
	if math.Abs(t[(ki-1)*n+ki]) >= math.Abs(t[ki*n+ki-1]) {
		re[ki-1], im[ki] = 1, wi/t[(ki-1)*n+ki]
	} else {
		re[ki-1], im[ki] = -wi/t[ki*n+ki-1], 1
	}
	re[ki], im[ki-1] = 0, 0
	// b and sol hold a 2×2 matrix: rows j−1 and j (or only j), columns
	// the real and imaginary parts.
	var b, sol [4]float64
	for j := ki - 2; j >= 0; j-- {
		if !s.isBlockEnd(j) {
			row := s.row(j, ki)
			b[0], b[1] = -dotRest(row, re[j+1:]), -dotRest(row, im[j+1:])
			scale, xnorm, _ := impl.Dlaln2(false, 1, 2, smin, 1, t[j*n+j:], n, 1, 1, b[:], 2, wr, wi, sol[:2], 2)
			if xnorm > 1 && s.norms[j] > s.bignum/xnorm {
				sol[0] /= xnorm
				sol[1] /= xnorm
				scale /= xnorm
			}
			if scale != 1 {
				bi.Dscal(ki-j, scale, re[j+1:], 1)
				bi.Dscal(ki-j, scale, im[j+1:], 1)
			}
			re[j], im[j] = sol[0], sol[1]
			continue
		}
		upper, lower := s.row(j-1, ki)[1:], s.row(j, ki)
		b[0], b[1] = -dotRest(upper, re[j+1:]), -dotRest(upper, im[j+1:])
		b[2], b[3] = -dotRest(lower, re[j+1:]), -dotRest(lower, im[j+1:])
		scale, xnorm, _ := impl.Dlaln2(false, 2, 2, smin, 1, t[(j-1)*n+j-1:], n, 1, 1, b[:], 2, wr, wi, sol[:], 2)
		if xnorm > 1 && math.Max(s.norms[j-1], s.norms[j]) > s.bignum/xnorm {
			rec := 1 / xnorm
			for i := range sol {
				sol[i] *= rec
			}
			scale *= rec
		}
		if scale != 1 {
			bi.Dscal(ki-j, scale, re[j+1:], 1)
			bi.Dscal(ki-j, scale, im[j+1:], 1)
		}
		re[j-1], im[j-1], re[j], im[j] = sol[0], sol[1], sol[2], sol[3]
		j--
	}
}

// dotRest returns the dot product of row with the leading len(row)
// entries of x.
func dotRest(row, x []float64) float64 {
	return blas64.Implementation().Ddot(len(row), row, 1, x, 1)
}
