package fft

import (
	"math/rand/v2"
	"testing"
)

// TestRadix4VectorExact checks that a group of radix-4 butterflies gives
// butterflies4's (and without twiddles unitButterflies4's) Go results to
// the bit when radix4Vector does part of it (in assembly where the CPU
// allows), for groups of every length up to 9.
func TestRadix4VectorExact(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	w := [3]complex128{root(1, 7), root(2, 7), root(3, 7)}
	for n := range 10 {
		x := make([][]complex128, 4)
		for i := range x {
			x[i] = make([]complex128, n)
			for q := range x[i] {
				x[i][q] = complex(r.NormFloat64(), r.NormFloat64())
			}
		}
		want, got := make([][]complex128, 4), make([][]complex128, 4)
		for i := range want {
			want[i], got[i] = make([]complex128, n), make([]complex128, n)
		}
		butterflies4(x[0], x[1], x[2], x[3], want[0], want[1], want[2], want[3], w[0], w[1], w[2])
		done := radix4Vector(x[0], x[1], x[2], x[3], got[0], got[1], got[2], got[3], &w)
		butterflies4(x[0][done:], x[1][done:], x[2][done:], x[3][done:], got[0][done:], got[1][done:], got[2][done:], got[3][done:], w[0], w[1], w[2])
		compareOutputs(t, "twiddled", n, got, want)
		unitButterflies4(x[0], x[1], x[2], x[3], want[0], want[1], want[2], want[3])
		done = radix4Vector(x[0], x[1], x[2], x[3], got[0], got[1], got[2], got[3], nil)
		unitButterflies4(x[0][done:], x[1][done:], x[2][done:], x[3][done:], got[0][done:], got[1][done:], got[2][done:], got[3][done:])
		compareOutputs(t, "unit", n, got, want)
	}
}

func compareOutputs(t *testing.T, name string, n int, got, want [][]complex128) {
	t.Helper()
	for i := range want {
		for q := range want[i] {
			if got[i][q] != want[i][q] {
				t.Fatalf("%s, length %d: output %d[%d] is %v, the Go loop's %v", name, n, i, q, got[i][q], want[i][q])
			}
		}
	}
}
