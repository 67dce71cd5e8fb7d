package linalg

import "calc/stdlib/array"

// Trace returns the sum of the diagonal a[i, i], i < min(m, n), of the m×n
// matrix a, like numpy.trace: a need not be square.
func Trace(a *array.Array) (float64, error) {
	m, n, err := checkMatrix("trace", a, false)
	if err != nil {
		return 0, err
	}
	sum := 0.0
	for i := range min(m, n) {
		sum += a.Floats()[i*n+i]
	}
	return sum, nil
}
