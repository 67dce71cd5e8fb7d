package linalg

import (
	"slices"

	"calc/stdlib/array"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack/lapack64"
)

// Cholesky returns the lower triangular L with positive diagonal such that
// a = L·Lᵀ, like numpy.linalg.cholesky, reporting ErrNotPositiveDefinite
// when a symmetric a has none.
//
// Unlike numpy, which silently reads the lower triangle, Cholesky reports
// ErrNotSymmetric when a differs from its transpose by more than 1e-10
// times its largest entry; within that tolerance it reads the lower
// triangle, as numpy does. It calls LAPACK's potrf directly rather than
// mat.Cholesky, which factorizes the upper triangle and would need two more
// copies to deliver L, and costs about n³/3 flops.
func Cholesky(a *array.Array) (*array.Array, error) {
	n, _, err := checkMatrix("cholesky", a, true)
	if err != nil {
		return nil, err
	}
	if err := checkSymmetric("cholesky", a, n); err != nil {
		return nil, err
	}
	l := slices.Clone(a.Floats())
	if _, ok := lapack64.Potrf(blas64.Symmetric{Uplo: blas.Lower, N: n, Stride: n, Data: l}); !ok {
		return nil, fail("cholesky", ErrNotPositiveDefinite)
	}
	// potrf leaves the strict upper triangle as it found it.
	for i := range n {
		clear(l[i*n+i+1 : (i+1)*n])
	}
	return array.New([]int{n, n}, l), nil
}
