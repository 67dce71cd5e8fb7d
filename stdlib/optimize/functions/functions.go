// Package functions is a catalogue of test problems for unconstrained
// minimization with their published minima: the problems of J. J. Moré,
// B. S. Garbow and K. E. Hillstrom, "Testing Unconstrained Optimization
// Software", ACM Transactions on Mathematical Software 7(1), 1981, pp.
// 17–41 (MGH), each with its standard starting point. Every problem is a
// sum of squares f(x) = Σ r_i(x)², given by its residuals and their
// Jacobian, so the catalogue serves least-squares solvers too.
//
// The package depends on nothing else of calc: its functions have the
// plain Go types that optimize.Func, optimize.Grad, optimize.Residuals
// and optimize.Jacobian name.
package functions

// Problem is a test problem f(x) = Σ_{i<M} r_i(x)² in N variables.
type Problem struct {
	// Name is the problem's name in MGH, with the dimension where it
	// varies, e.g. "Watson n=6".
	Name string
	// Number is the problem's number in MGH.
	Number int
	N, M   int
	// X0 is the standard starting point.
	X0 []float64
	// Minima are the published local minimum values, the global one
	// first. A minimizer that reaches none of them has failed.
	Minima []float64
	// XMin is the published global minimizer, nil where MGH gives none.
	XMin []float64
	// Residuals writes r(x) into r (length M).
	Residuals func(x, r []float64)
	// Jacobian writes ∂r_i/∂x_j into jac[i*N+j].
	Jacobian func(x, jac []float64)
}

// Func returns f(x) = Σ r_i(x)², summed in index order.
func (p Problem) Func(x []float64) float64 {
	r := make([]float64, p.M)
	p.Residuals(x, r)
	var f float64
	for _, v := range r {
		f += v * v
	}
	return f
}

// Grad writes ∇f(x) = 2·Jᵀr into grad, accumulated residual by residual.
func (p Problem) Grad(x, grad []float64) {
	r := make([]float64, p.M)
	jac := make([]float64, p.M*p.N)
	p.Residuals(x, r)
	p.Jacobian(x, jac)
	for j := range grad {
		grad[j] = 0
	}
	for i, ri := range r {
		for j := range grad {
			grad[j] += 2 * ri * jac[i*p.N+j]
		}
	}
}

// Fill sets every element of v to c and returns v.
func fill(v []float64, c float64) []float64 {
	for i := range v {
		v[i] = c
	}
	return v
}
