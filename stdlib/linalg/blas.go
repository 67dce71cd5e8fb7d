package linalg

import (
	"calc/stdlib/gemm"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/gonum"
)

// gemmBLAS is gonum's BLAS with its matrix product replaced by calc's
// (package gemm: packed panels and SIMD micro-kernels, several times
// gonum's speed). Every blocked LAPACK routine spends most of its time in
// Dgemm: half of the Hessenberg reduction, most of the multishift QR
// sweeps once they accumulate their reflections, the back-transformation
// of the eigenvectors.
type gemmBLAS struct{ gonum.Implementation }

// Dgemm computes C = alpha·op(A)·op(B) + beta·C with gemm.Dgemm.
func (gemmBLAS) Dgemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	gemm.Dgemm(tA != blas.NoTrans, tB != blas.NoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// The BLAS is process-wide in gonum; calc sets it once, before any
// factorization runs, and never changes it.
func init() { blas64.Use(gemmBLAS{}) }
