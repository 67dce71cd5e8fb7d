package linalg

import (
	"calc/stdlib/array"
)

// Eig returns the eigenvalues of the square real matrix a and, when
// vectors is set, its right eigenvectors, as numpy.linalg.eig: the k-th
// column of the n×n row-major matrix vecs (vecs[i*n+k]) belongs to
// values[k] and has unit 2-norm. Complex eigenvalues come in conjugate
// pairs. It is LAPACK's geev over gonum's routines (see geev.go):
// balancing, Hessenberg reduction, then the multishift QR algorithm with
// aggressive early deflation, in O(n³). Finite input only.
func Eig(a *array.Array, vectors bool) (values, vecs []complex128, err error) {
	if _, _, err := checkMatrix("eig", a, true); err != nil {
		return nil, nil, err
	}
	if err := checkFinite("eig", a.Floats()); err != nil {
		return nil, nil, err
	}
	n := a.Shape[0]
	wr, wi, vr, ok := geev(append([]float64(nil), a.Floats()...), n, vectors)
	if !ok {
		return nil, nil, fail("eig", ErrNoConvergence)
	}
	values = make([]complex128, n)
	for k := range n {
		values[k] = complex(wr[k], wi[k])
	}
	if vectors {
		vecs = unpackVectors(n, wi, vr)
	}
	return values, vecs, nil
}

// unpackVectors returns the complex eigenvectors, as columns of an n×n
// row-major matrix, from LAPACK's packed real form (see geev).
func unpackVectors(n int, wi, vr []float64) []complex128 {
	vecs := make([]complex128, n*n)
	for k := 0; k < n; k++ {
		if wi[k] == 0 {
			for i := range n {
				vecs[i*n+k] = complex(vr[i*n+k], 0)
			}
			continue
		}
		for i := range n {
			re, im := vr[i*n+k], vr[i*n+k+1]
			vecs[i*n+k], vecs[i*n+k+1] = complex(re, im), complex(re, -im)
		}
		k++
	}
	return vecs
}
