package linalg

import (
	"math"

	"calc/stdlib/array"

	"gonum.org/v1/gonum/mat"
)

// gonum's LAPACK is real only. A complex system A·x = b with A = P + iQ is
// the real system of twice its size
//
//	[P −Q] [Re x]   [Re b]
//	[Q  P] [Im x] = [Im b],
//
// whose matrix has the same singular values as A, each twice, and so the
// same 2-norm condition number: solving it by Solve's LU loses nothing
// that a complex LU would keep, and inherits Solve's singularity rule.

// ComplexSolve returns x with a·x = b for a square complex matrix a, like
// numpy.linalg.solve: a vector b gives a vector x, an n×k matrix b the n×k
// matrix x. It solves the real system of size 2n above in O(n³ + n²k)
// and reports ErrSingular under Solve's rule.
func ComplexSolve(a, b *array.Complex) (*array.Complex, error) {
	if _, _, err := checkMatrix("solve", a.Re, true); err != nil {
		return nil, err
	}
	n := a.Shape()[0]
	B, vector, err := rhs("solve", b.Re, n)
	if err != nil {
		return nil, err
	}
	_, k := B.Dims()
	x, err := luSolve("solve", realForm(a), stackParts(b, n, k))
	if err != nil {
		return nil, err
	}
	shape := []int{n, k}
	if vector {
		shape = []int{n}
	}
	return splitParts(x.Floats(), n, k, shape), nil
}

// ComplexInv returns the inverse of the square complex matrix a, like
// numpy.linalg.inv, by solving a·x = I as ComplexSolve does.
func ComplexInv(a *array.Complex) (*array.Complex, error) {
	if _, _, err := checkMatrix("inv", a.Re, true); err != nil {
		return nil, err
	}
	n := a.Shape()[0]
	id := array.Real(toArray(identity(n)))
	x, err := luSolve("inv", realForm(a), stackParts(id, n, n))
	if err != nil {
		return nil, err
	}
	return splitParts(x.Floats(), n, n, []int{n, n}), nil
}

// ComplexDet returns the determinant of the square complex matrix a, like
// numpy.linalg.det: the product of the pivots of its LU factorization
// with partial pivoting, negated for each row exchange. Pivots are chosen
// by LAPACK's zgetrf rule, the largest |Re| + |Im| in the column. It
// costs O(n³) and is exactly 0 when a pivot is zero.
func ComplexDet(a *array.Complex) (complex128, error) {
	if _, _, err := checkMatrix("det", a.Re, true); err != nil {
		return 0, err
	}
	n := a.Shape()[0]
	lu := a.Values()
	det := complex(1, 0)
	for j := range n {
		p := j
		for i := j + 1; i < n; i++ {
			if cabs1(lu[i*n+j]) > cabs1(lu[p*n+j]) {
				p = i
			}
		}
		if p != j {
			for c := range n {
				lu[j*n+c], lu[p*n+c] = lu[p*n+c], lu[j*n+c]
			}
			det = -det
		}
		pivot := lu[j*n+j]
		det *= pivot
		if pivot == 0 {
			return det, nil
		}
		for i := j + 1; i < n; i++ {
			f := lu[i*n+j] / pivot
			for c := j + 1; c < n; c++ {
				lu[i*n+c] -= f * lu[j*n+c]
			}
		}
	}
	return det, nil
}

// cabs1 is BLAS's cheap modulus |Re z| + |Im z|, by which zgetrf pivots.
func cabs1(z complex128) float64 { return math.Abs(real(z)) + math.Abs(imag(z)) }

// realForm returns the 2n×2n real matrix [P −Q; Q P] of the n×n complex
// matrix P + iQ.
func realForm(a *array.Complex) *mat.Dense {
	n := a.Shape()[0]
	m := mat.NewDense(2*n, 2*n, nil)
	re, im := a.Re.Floats(), a.Im.Floats()
	for i := range n {
		for j := range n {
			p, q := re[i*n+j], im[i*n+j]
			m.Set(i, j, p)
			m.Set(i, n+j, -q)
			m.Set(n+i, j, q)
			m.Set(n+i, n+j, p)
		}
	}
	return m
}

// stackParts returns the 2n×k real matrix [Re b; Im b] of the complex
// right-hand sides b, a vector (k = 1) or an n×k matrix.
func stackParts(b *array.Complex, n, k int) *mat.Dense {
	data := make([]float64, 2*n*k)
	copy(data, b.Re.Floats())
	copy(data[n*k:], b.Im.Floats())
	return mat.NewDense(2*n, k, data)
}

// splitParts returns the complex array of the given shape whose real parts
// are the first n rows of the 2n×k row-major data and whose imaginary
// parts are the rest.
func splitParts(data []float64, n, k int, shape []int) *array.Complex {
	return array.NewComplex(array.New(shape, data[:n*k]), array.New(append([]int(nil), shape...), data[n*k:]))
}
