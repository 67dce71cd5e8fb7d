//go:build !amd64

package gemm

// dotUnit returns Σ u[i]·x[i] over len(u) elements.
func dotUnit(u, x []float64) float64 { return dot(u, x, 1) }

// axpyUnit adds alpha·u[i] to y[i].
func axpyUnit(alpha float64, u, y []float64) { axpy(alpha, u, y, 1) }
