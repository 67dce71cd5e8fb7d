package linalg

import (
	"fmt"

	"calc/stdlib/array"
)

// Kron returns the Kronecker product of the matrices (or vectors) a and b,
// as numpy.kron: the block matrix whose (i, j) block is a[i,j]·b. Vectors
// give a vector.
func Kron(a, b *array.Array) (*array.Array, error) {
	if a.Ndim() > 2 || b.Ndim() > 2 {
		return nil, fmt.Errorf("kron: needs vectors or matrices, got shapes %s and %s", formatShape(a.Shape), formatShape(b.Shape))
	}
	if a.Ndim() <= 1 && b.Ndim() <= 1 {
		out := make([]float64, 0, a.Len()*b.Len())
		for _, x := range a.Floats() {
			for _, y := range b.Floats() {
				out = append(out, x*y)
			}
		}
		return array.Vector(out), nil
	}
	ar, ac := rowsCols(a)
	br, bc := rowsCols(b)
	cols := ac * bc
	out := array.Zeros(ar*br, cols)
	ad, bd, od := a.Floats(), b.Floats(), out.Floats()
	for i := range ar {
		for j := range ac {
			x := ad[i*ac+j]
			for k := range br {
				row := od[(i*br+k)*cols+j*bc:]
				for l := range bc {
					row[l] = x * bd[k*bc+l]
				}
			}
		}
	}
	return out, nil
}

// rowsCols returns the dimensions of a as a matrix, a vector being one row.
func rowsCols(a *array.Array) (int, int) {
	if a.Ndim() == 2 {
		return a.Shape[0], a.Shape[1]
	}
	return 1, a.Len()
}

// Diag returns, as numpy.diag, the square matrix with the vector v on its
// k-th diagonal (above the main one for k > 0, below for k < 0), or the
// k-th diagonal of the matrix v as a vector.
func Diag(v *array.Array, k int) (*array.Array, error) {
	switch v.Ndim() {
	case 1:
		n := v.Len() + abs(k)
		out := array.Zeros(n, n)
		for i, x := range v.Floats() {
			r, c := i, i
			if k > 0 {
				c += k
			} else {
				r -= k
			}
			out.Floats()[r*n+c] = x
		}
		return out, nil
	case 2:
		rows, cols := v.Shape[0], v.Shape[1]
		var out []float64
		for i := max(0, -k); i < rows && i+k < cols; i++ {
			out = append(out, v.Floats()[i*cols+i+k])
		}
		return array.Vector(out), nil
	}
	return nil, fmt.Errorf("diag: input must be a vector or a matrix, got shape %s", formatShape(v.Shape))
}

// abs returns |k|.
func abs(k int) int { return max(k, -k) }

// Triangle returns a copy of the matrix m with the elements below its
// k-th diagonal set to zero (numpy.triu) when upper is set, and those
// above it (numpy.tril) otherwise.
func Triangle(m *array.Array, k int, upper bool) (*array.Array, error) {
	if m.Ndim() != 2 {
		return nil, fmt.Errorf("triu/tril: expected a matrix, got shape %s", formatShape(m.Shape))
	}
	rows, cols := m.Shape[0], m.Shape[1]
	out := array.Zeros(rows, cols)
	od, md := out.Floats(), m.Floats()
	for i := range rows {
		for j := range cols {
			keep := j-i >= k
			if !upper {
				keep = j-i <= k
			}
			if keep {
				od[i*cols+j] = md[i*cols+j]
			}
		}
	}
	return out, nil
}
