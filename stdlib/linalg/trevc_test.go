package linalg

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
)

// TestRightEigenvectorsMatchDtrevc3 compares rightEigenvectors with
// gonum's Dtrevc3, LAPACK's dtrevc3 as written: on the real Schur forms
// of random matrices (complex pairs, orders on both sides of the blocked
// back-transformation) and on triangular matrices with repeated
// eigenvalues, where the smallest-pivot perturbation decides the vectors.
func TestRightEigenvectorsMatchDtrevc3(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for _, n := range []int{1, 2, 3, 7, 40, 130} {
		a := make([]float64, n*n)
		for i := range a {
			a[i] = r.NormFloat64()
		}
		tt, q := realSchur(t, n, a)
		compareWithDtrevc3(t, "random", n, tt, q)
	}
	// Upper triangular, diagonal 1, 1, 1, 2, 2, 3: defective eigenvalues.
	n := 6
	tt, q := make([]float64, n*n), make([]float64, n*n)
	for i, d := range []float64{1, 1, 1, 2, 2, 3} {
		tt[i*n+i], q[i*n+i] = d, 1
		for j := i + 1; j < n; j++ {
			tt[i*n+j] = r.NormFloat64()
		}
	}
	compareWithDtrevc3(t, "defective", n, tt, q)
}

// realSchur returns the real Schur form of the n×n matrix a and its
// Schur vectors, as geev computes them (without balancing).
func realSchur(t *testing.T, n int, a []float64) (tt, q []float64) {
	t.Helper()
	tau := make([]float64, n-1)
	work := workFor(func(w []float64, l int) { impl.Dgehrd(n, 0, n-1, a, n, tau, w, l) })
	impl.Dgehrd(n, 0, n-1, a, n, tau, work, len(work))
	q = append([]float64(nil), a...)
	work = workFor(func(w []float64, l int) { impl.Dorghr(n, 0, n-1, q, n, tau, w, l) })
	impl.Dorghr(n, 0, n-1, q, n, tau, work, len(work))
	if hseqr(true, n, 0, n-1, a, make([]float64, n), make([]float64, n), q) != 0 {
		t.Fatalf("order %d: no convergence", n)
	}
	return a, q
}

func compareWithDtrevc3(t *testing.T, name string, n int, tt, q []float64) {
	t.Helper()
	got := rightEigenvectors(n, tt, q)
	want := append([]float64(nil), q...)
	work := workFor(func(w []float64, l int) {
		impl.Dtrevc3(lapack.EVRight, lapack.EVAllMulQ, nil, n, tt, n, nil, 1, want, n, n, w, l)
	})
	impl.Dtrevc3(lapack.EVRight, lapack.EVAllMulQ, nil, n, tt, n, nil, 1, want, n, n, work, len(work))
	wi := make([]float64, n)
	for k := 0; k+1 < n; k++ {
		if tt[(k+1)*n+k] != 0 {
			wi[k], wi[k+1] = 1, -1
			k++
		}
	}
	normalizeVectors(n, wi, got)
	normalizeVectors(n, wi, want)
	bi := blas64.Implementation()
	for i := range got {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Errorf("%s, order %d: entry %d is %v, dtrevc3's %v (max %v)", name, n, i, got[i], want[i],
				math.Abs(want[bi.Idamax(len(want), want, 1)]))
			return
		}
	}
}
