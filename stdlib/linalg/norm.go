package linalg

import (
	"fmt"
	"math"

	"calc/stdlib/array"
)

// NormOrder selects a norm as numpy.linalg.norm's ord does. Name is ""
// for a number P (1, 2, inf, ... or any p for vectors), "default" for
// ord=None (the 2-norm of a vector, the Frobenius norm of a matrix),
// "fro" or "nuc".
type NormOrder struct {
	Name string
	P    float64
}

// Norm returns the norm of a vector or a matrix as numpy.linalg.norm:
// for vectors, (Σ|x|^p)^(1/p) with p = inf and -inf the largest and
// smallest magnitude and 0 the count of nonzeros; for matrices, "fro"
// (and the default) √Σa², "nuc" the sum of the singular values, 2 and -2
// the largest and smallest singular value, 1 and -1 the largest and
// smallest column sum of magnitudes, inf and -inf the same for rows.
func Norm(a *array.Array, ord NormOrder) (float64, error) {
	if a.Ndim() <= 1 {
		switch ord.Name {
		case "default":
			return array.Norm(a, 2)
		case "":
			return array.Norm(a, ord.P)
		}
		return 0, fmt.Errorf("norm: invalid norm order %q for vectors", ord.Name)
	}
	if a.Ndim() != 2 {
		return 0, fmt.Errorf("norm: improper number of dimensions to norm: shape %s", formatShape(a.Shape))
	}
	switch {
	case ord.Name == "default" || ord.Name == "fro":
		return array.Norm(array.Flatten(a), 2)
	case ord.Name == "nuc" || ord.Name == "" && math.Abs(ord.P) == 2:
		s, err := SingularValues("norm", a)
		if err != nil {
			return 0, err
		}
		switch {
		case ord.Name == "nuc":
			t := 0.0
			for _, v := range s {
				t += v
			}
			return t, nil
		case ord.P == 2:
			return s[0], nil
		}
		return s[len(s)-1], nil
	case ord.Name == "" && (math.Abs(ord.P) == 1 || math.IsInf(ord.P, 0)):
		return array.Norm(a, ord.P)
	}
	return 0, fmt.Errorf("norm: invalid norm order %v for matrices", ord)
}

// Cond returns the condition number of a in the given norm, as
// numpy.linalg.cond: with the default order (or ±2) the ratio of the
// largest to the smallest singular value (of the smallest to the largest
// for -2), and otherwise norm(a)·norm(inv(a)) for a square a. A singular
// matrix has condition number +Inf.
func Cond(a *array.Array, ord NormOrder) (float64, error) {
	if ord.Name == "default" || ord.Name == "" && math.Abs(ord.P) == 2 {
		s, err := SingularValues("cond", a)
		if err != nil {
			return 0, err
		}
		if ord.P == -2 {
			return s[len(s)-1] / s[0], nil
		}
		return s[0] / s[len(s)-1], nil
	}
	if _, err := dense("cond", a, true); err != nil {
		return 0, err
	}
	inv, err := Inv(a)
	if err != nil {
		return math.Inf(1), nil // numpy too: a singular matrix's inverse is all inf
	}
	x, err := Norm(a, ord)
	if err != nil {
		return 0, err
	}
	y, err := Norm(inv, ord)
	return x * y, err
}

// NullSpace returns an orthonormal basis of the null space of a as the
// columns of a matrix, as scipy.linalg.null_space: the right singular
// vectors whose singular values are at most rcond times the largest
// (rcond ≤ 0 selects scipy's default, max(m, n)·eps).
func NullSpace(a *array.Array, rcond float64) (*array.Array, error) {
	_, s, vt, err := SVD(a, true)
	if err != nil {
		return nil, err
	}
	m, n := a.Shape[0], a.Shape[1]
	if rcond <= 0 {
		rcond = float64(max(m, n)) * eps
	}
	tol := s.Floats()[0] * rcond
	rank := 0
	for rank < s.Len() && s.Floats()[rank] > tol {
		rank++
	}
	out := array.Zeros(n, n-rank)
	od, vd := out.Floats(), vt.Floats()
	for i := range n {
		for j := rank; j < n; j++ {
			od[i*(n-rank)+j-rank] = vd[j*n+i]
		}
	}
	return out, nil
}
