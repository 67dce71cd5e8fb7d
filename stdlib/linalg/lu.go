package linalg

import (
	"calc/stdlib/array"

	"gonum.org/v1/gonum/mat"
)

// maxCond is the largest condition number Solve and Inv accept: beyond 1/eps
// not one digit of the answer is trustworthy.
const maxCond = 1 / eps

// Solve returns x with a·x = b for a square matrix a, like
// numpy.linalg.solve. A vector b of length n gives a vector x; an n×k matrix
// b gives the n×k matrix x solving for its columns at once.
//
// Solve factorizes a as P·L·U with partial pivoting (LAPACK's getrf) and
// back-substitutes (getrs), in O(n³ + n²k). It reports ErrSingular when a
// pivot is exactly zero, as numpy does, and also when LAPACK's gecon
// estimate of the 1-norm condition number exceeds 1/eps ≈ 4.5e15, where
// numpy would return a solution without a single correct digit.
func Solve(a, b *array.Array) (*array.Array, error) {
	A, err := dense("solve", a, true)
	if err != nil {
		return nil, err
	}
	B, vector, err := rhs("solve", b, a.Shape[0])
	if err != nil {
		return nil, err
	}
	x, err := luSolve("solve", A, B)
	if err != nil {
		return nil, err
	}
	if vector {
		x = array.Vector(x.Floats())
	}
	return x, nil
}

// Inv returns the inverse of the square matrix a, like numpy.linalg.inv,
// by solving a·x = I as Solve does, with the same rule for ErrSingular.
// It costs O(n³).
func Inv(a *array.Array) (*array.Array, error) {
	A, err := dense("inv", a, true)
	if err != nil {
		return nil, err
	}
	return luSolve("inv", A, identity(a.Shape[0]))
}

// Det returns the determinant of the square matrix a, like numpy.linalg.det:
// the signed product of the pivots of its LU factorization, accumulated in
// log space as numpy does (so det([[1, 2], [3, 4]]) is -2 within rounding),
// and exactly 0 when a pivot is zero. It costs O(n³).
func Det(a *array.Array) (float64, error) {
	A, err := dense("det", a, true)
	if err != nil {
		return 0, err
	}
	var lu mat.LU
	lu.Factorize(A)
	return lu.Det(), nil
}

// luSolve solves A·X = B through the LU factorization of A, reporting
// ErrSingular under the rule Solve documents.
func luSolve(name string, A, B *mat.Dense) (*array.Array, error) {
	var lu mat.LU
	lu.Factorize(A)
	n, _ := A.Dims()
	_, k := B.Dims()
	x := mat.NewDense(n, k, nil)
	// SolveTo errs on an exact zero pivot and above mat.ConditionTolerance;
	// maxCond is the stricter bound.
	if err := lu.SolveTo(x, false, B); err != nil || lu.Cond() > maxCond {
		return nil, fail(name, ErrSingular)
	}
	return toArray(x), nil
}

// identity returns the n×n identity matrix.
func identity(n int) *mat.Dense {
	id := mat.NewDense(n, n, nil)
	for i := range n {
		id.Set(i, i, 1)
	}
	return id
}
