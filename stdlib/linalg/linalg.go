// Package linalg implements calc's dense linear algebra on array.Array
// values with numpy.linalg's semantics: solving, inverting, determinants,
// least squares, pseudo-inverses and the SVD, symmetric eigen, QR and
// Cholesky factorizations. The numerical work is done by gonum's port of
// LAPACK; inputs are wrapped as *mat.Dense without copying (gonum never
// writes to its operands), and results are returned over the storage gonum
// allocated for them.
//
// Every function takes 2-d arrays and reports a wrongly shaped argument,
// including an empty one, which gonum cannot represent, with an error that
// names the numpy function and the shape, such as
//
//	inv: expected a square matrix, got shape (2, 3)
//
// Numerical failures wrap the sentinel errors below, so callers can test
// them with errors.Is. NaN and infinities propagate through the direct
// methods (Det, Trace, QR, Cholesky, and Solve and Inv unless they make the
// matrix count as singular) as they do in numpy, and are rejected with
// ErrNonFinite by those built on the SVD or eigh. No input makes these
// functions panic.
package linalg

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"calc/stdlib/array"

	"gonum.org/v1/gonum/mat"
)

// ErrSingular reports a matrix too close to singular to solve with or invert.
var ErrSingular = errors.New("singular matrix")

// ErrNotSymmetric reports a non-symmetric matrix given to a function that
// needs a symmetric one.
var ErrNotSymmetric = errors.New("matrix is not symmetric")

// ErrNotPositiveDefinite reports a symmetric matrix without a Cholesky
// factorization.
var ErrNotPositiveDefinite = errors.New("matrix is not positive definite")

// ErrNonFinite reports NaN or an infinity given to a function built on an
// iterative factorization (the SVD or the symmetric eigendecomposition),
// whose iterations would not converge or, in gonum, may return finite
// nonsense. numpy raises "SVD did not converge" for such input.
var ErrNonFinite = errors.New("matrix contains NaN or infinity")

// ErrNoConvergence reports an iterative factorization that did not converge
// on finite input, which LAPACK allows but does not expect.
var ErrNoConvergence = errors.New("did not converge")

// eps is the machine epsilon of float64, numpy's finfo(float64).eps.
const eps = 0x1p-52

// symmetryTol is the largest |a[i,j] - a[j,i]|, relative to the largest
// |a[i,j]|, that Eigh and Cholesky accept as symmetric. It admits the
// rounding of computed products such as A·Aᵀ while catching matrices that
// were never meant to be symmetric.
const symmetryTol = 1e-10

// fail prefixes err with the name of the function that met it.
func fail(name string, err error) error { return fmt.Errorf("%s: %w", name, err) }

// formatShape prints shape as numpy does: (2, 3), (4,) or ().
func formatShape(shape []int) string {
	dims := make([]string, len(shape))
	for i, d := range shape {
		dims[i] = strconv.Itoa(d)
	}
	if len(dims) == 1 {
		return "(" + dims[0] + ",)"
	}
	return "(" + strings.Join(dims, ", ") + ")"
}

// checkMatrix returns the dimensions of a after checking that it is a
// non-empty 2-d array, and square if square is set.
func checkMatrix(name string, a *array.Array, square bool) (m, n int, err error) {
	want := "a matrix"
	if square {
		want = "a square matrix"
	}
	if len(a.Shape) != 2 || square && a.Shape[0] != a.Shape[1] {
		hint := ""
		if len(a.Shape) == 1 && square {
			hint = " (" + array.VectorNotMatrix + ")"
		}
		return 0, 0, fmt.Errorf("%s: expected %s, got shape %s%s", name, want, formatShape(a.Shape), hint)
	}
	m, n = a.Shape[0], a.Shape[1]
	if m == 0 || n == 0 {
		return 0, 0, fmt.Errorf("%s: expected a non-empty matrix, got shape %s", name, formatShape(a.Shape))
	}
	return m, n, nil
}

// dense checks a as checkMatrix does and returns it as a *mat.Dense sharing
// a's data.
func dense(name string, a *array.Array, square bool) (*mat.Dense, error) {
	m, n, err := checkMatrix(name, a, square)
	if err != nil {
		return nil, err
	}
	return mat.NewDense(m, n, a.Floats()), nil
}

// rhs returns the right-hand side b of a system with m equations as an m×k
// *mat.Dense sharing b's data. A vector b is one column; vector reports it,
// so that the solution can be returned as a vector too, as numpy does.
func rhs(name string, b *array.Array, m int) (B *mat.Dense, vector bool, err error) {
	switch {
	case len(b.Shape) == 1 && b.Shape[0] == m:
		return mat.NewDense(m, 1, b.Floats()), true, nil
	case len(b.Shape) == 2 && b.Shape[0] == m && b.Shape[1] > 0:
		return mat.NewDense(m, b.Shape[1], b.Floats()), false, nil
	}
	return nil, false, fmt.Errorf("%s: b must have shape (%d,) or (%d, k) with k > 0, got %s", name, m, m, formatShape(b.Shape))
}

// checkSymmetric reports ErrNotSymmetric unless the n×n matrix a is
// symmetric to within symmetryTol, a finite matrix.
func checkSymmetric(name string, a *array.Array, n int) error {
	scale, data := 0.0, a.Floats()
	for _, v := range data {
		scale = max(scale, math.Abs(v))
	}
	for i := range n {
		for j := range i {
			if math.Abs(data[i*n+j]-data[j*n+i]) > symmetryTol*scale {
				return fail(name, ErrNotSymmetric)
			}
		}
	}
	return nil
}

// checkFinite reports ErrNonFinite if data holds NaN or an infinity.
func checkFinite(name string, data []float64) error {
	for _, v := range data {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fail(name, ErrNonFinite)
		}
	}
	return nil
}

// toArray returns m as a 2-d array. A *mat.Dense with contiguous rows, as
// every freshly allocated one has, lends its storage; anything else is
// copied.
func toArray(m mat.Matrix) *array.Array {
	d, ok := m.(*mat.Dense)
	if !ok || d.RawMatrix().Stride != d.RawMatrix().Cols {
		d = mat.DenseCopyOf(m)
	}
	raw := d.RawMatrix()
	return array.New([]int{raw.Rows, raw.Cols}, raw.Data[:raw.Rows*raw.Cols])
}
