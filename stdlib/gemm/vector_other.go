//go:build !amd64

package gemm

// dotUnit returns Σ u[i]·x[i] over len(u) elements.
func dotUnit(u, x []float64) float64 { return dot(u, x, 1) }

// axpyUnit adds alpha·u[i] to y[i].
func axpyUnit(alpha float64, u, y []float64) { axpy(alpha, u, y, 1) }

// axpyRows leaves all of y to axpyUnit on this architecture.
func axpyRows(float64, []float64, int, []float64, int, int, []float64) int { return 0 }

// mulVec is Mul: the portable loop on this architecture.
func mulVec(dst, y, x []float64) { mulGo(dst, y, x) }

// mulAffineVec is MulAffine: the portable loop on this architecture.
func mulAffineVec(dst, y, x []float64, c, d float64) { mulAffineGo(dst, y, x, c, d) }
