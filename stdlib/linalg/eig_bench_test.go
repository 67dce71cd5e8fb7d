package linalg

import (
	"math/rand/v2"
	"testing"

	"calc/stdlib/array"
)

// BenchmarkEig500 is issue 16's eig target (bench/numerics.sh): the
// eigenvalues and eigenvectors of a random 500×500 matrix.
func BenchmarkEig500(b *testing.B) {
	r := rand.New(rand.NewPCG(16, 16))
	a := array.Zeros(500, 500)
	for i := range a.Data {
		a.Data[i] = r.NormFloat64()
	}
	for b.Loop() {
		if _, _, err := Eig(a, true); err != nil {
			b.Fatal(err)
		}
	}
}
