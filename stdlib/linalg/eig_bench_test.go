package linalg

import (
	"math/rand/v2"
	"testing"

	"calc/stdlib/array"
)

// BenchmarkEig500 is issue 16's eig target (bench/numerics.sh): the
// eigenvalues and eigenvectors of a random 500×500 matrix.
func BenchmarkEig500(b *testing.B) { benchmarkEig(b, true) }

// BenchmarkEigvals500 is eigvals of the same matrix: no Schur form, no
// eigenvectors.
func BenchmarkEigvals500(b *testing.B) { benchmarkEig(b, false) }

func benchmarkEig(b *testing.B, vectors bool) {
	r := rand.New(rand.NewPCG(16, 16))
	a := array.Zeros(500, 500)
	for i := range a.Len() {
		a.Floats()[i] = r.NormFloat64()
	}
	for b.Loop() {
		if _, _, err := Eig(a, vectors); err != nil {
			b.Fatal(err)
		}
	}
}
