package linalg

import (
	"calc/stdlib/array"

	"gonum.org/v1/gonum/mat"
)

// Eig returns the eigenvalues of the square real matrix a and, when
// vectors is set, its right eigenvectors, as numpy.linalg.eig: the k-th
// column of the n×n row-major matrix vecs (vecs[i*n+k]) belongs to
// values[k] and has unit 2-norm. Complex eigenvalues come in conjugate
// pairs. It uses LAPACK's geev through gonum (Hessenberg reduction, then
// the shifted QR algorithm) in O(n³). Finite input only.
func Eig(a *array.Array, vectors bool) (values, vecs []complex128, err error) {
	A, err := dense("eig", a, true)
	if err != nil {
		return nil, nil, err
	}
	if err := checkFinite("eig", a.Data); err != nil {
		return nil, nil, err
	}
	kind := mat.EigenNone
	if vectors {
		kind = mat.EigenRight
	}
	var e mat.Eigen
	if !e.Factorize(A, kind) {
		return nil, nil, fail("eig", ErrNoConvergence)
	}
	values = e.Values(nil)
	if vectors {
		var V mat.CDense
		e.VectorsTo(&V)
		n := len(values)
		vecs = make([]complex128, n*n)
		for i := range n {
			for k := range n {
				vecs[i*n+k] = V.At(i, k)
			}
		}
	}
	return values, vecs, nil
}
