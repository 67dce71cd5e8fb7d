package linalg

import (
	"calc/stdlib/array"

	"gonum.org/v1/gonum/lapack/lapack64"
	"gonum.org/v1/gonum/mat"
)

// QR returns the QR factorization a = q·r of the m×n matrix a, like
// numpy.linalg.qr. With k = min(m, n): in its default 'reduced' mode
// (complete false) q is m×k with orthonormal columns and r is k×n upper
// triangular (upper trapezoidal when m < n); in its 'complete' mode q is
// m×m orthogonal and r is m×n, zero below row k.
//
// It calls LAPACK's geqrf (Householder reflections) and orgqr, as numpy
// does, directly: mat.QR requires m ≥ n and only yields the full m×m Q.
// It costs O(mnk), O(m²n) for the complete q.
func QR(a *array.Array, complete bool) (q, r *array.Array, err error) {
	A, err := dense("qr", a, false)
	if err != nil {
		return nil, nil, err
	}
	m, n := A.Dims()
	k := min(m, n)
	f := mat.DenseCopyOf(A)
	tau := make([]float64, k)
	withWorkspace(func(work []float64, lwork int) { lapack64.Geqrf(f.RawMatrix(), tau, work, lwork) })

	// geqrf leaves R on and above the diagonal and the Householder vectors
	// below it, from which orgqr builds the first k columns of Q in place
	// (all m of them, from the same k reflections, for the complete Q).
	rows, cols := k, k
	if complete {
		rows, cols = m, m
	}
	R := mat.NewDense(rows, n, nil)
	for i := range k {
		for j := i; j < n; j++ {
			R.Set(i, j, f.At(i, j))
		}
	}
	Q := mat.NewDense(m, cols, nil)
	Q.Copy(f.Slice(0, m, 0, k))
	withWorkspace(func(work []float64, lwork int) { lapack64.Orgqr(Q.RawMatrix(), tau, work, lwork) })
	return toArray(Q), toArray(R), nil
}

// withWorkspace runs a LAPACK routine twice, first with lwork = -1 to learn
// the optimal workspace length, then with a workspace of that length.
func withWorkspace(call func(work []float64, lwork int)) {
	work := []float64{0}
	call(work, -1)
	work = make([]float64, int(work[0]))
	call(work, len(work))
}
