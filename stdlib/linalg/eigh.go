package linalg

import (
	"calc/stdlib/array"

	"gonum.org/v1/gonum/mat"
)

// Eigh returns the eigenvalues of the symmetric matrix a in ascending order
// and the orthonormal eigenvectors as the columns of vectors, so that
// a·vectors[:, i] = values[i]·vectors[:, i], like numpy.linalg.eigh.
//
// Unlike numpy, which silently reads one triangle, Eigh reports
// ErrNotSymmetric when a differs from its transpose by more than 1e-10 times
// its largest entry; within that tolerance it reads the upper triangle.
// It uses LAPACK's syev (tridiagonal reduction then implicit QL/QR) in
// O(n³).
func Eigh(a *array.Array) (values, vectors *array.Array, err error) {
	n, _, err := checkMatrix("eigh", a, true)
	if err != nil {
		return nil, nil, err
	}
	if err := checkFinite("eigh", a.Floats()); err != nil {
		return nil, nil, err
	}
	if err := checkSymmetric("eigh", a, n); err != nil {
		return nil, nil, err
	}
	var e mat.EigenSym
	if !e.Factorize(mat.NewSymDense(n, a.Floats()), true) {
		return nil, nil, fail("eigh", ErrNoConvergence)
	}
	// The factorization is discarded, so its storage can be handed over.
	return array.Vector(e.RawValues()), toArray(e.RawQ()), nil
}
