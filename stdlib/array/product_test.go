package array

import (
	"math/rand/v2"
	"testing"
)

func TestOuter(t *testing.T) {
	check(t, "Outer", Outer(vec(1, 2), vec(3, 4, 5)), nil, arr(shape(2, 3), 3, 4, 5, 6, 8, 10), "", 0)
	check(t, "Outer flattens", Outer(iota(2, 1), scalar(2)), nil, arr(shape(2, 1), 0, 2), "", 0)
	check(t, "Outer empty", Outer(vec(), vec(1)), nil, Zeros(0, 1), "", 0)
}

func TestDot(t *testing.T) {
	m := arr(shape(2, 3), 1, 2, 3, 4, 5, 6)
	for _, c := range []struct {
		name string
		a, b *Array
		want *Array
		err  string
	}{
		{"vector·vector", vec(1, 2, 3), vec(4, 5, 6), scalar(32), ""},
		{"matrix·vector", m, vec(1, 0, -1), vec(-2, -2), ""},
		{"vector·matrix", vec(1, 2), m, vec(9, 12, 15), ""},
		{"matrix·matrix", arr(shape(2, 2), 1, 2, 3, 4), arr(shape(2, 2), 5, 6, 7, 8), arr(shape(2, 2), 19, 22, 43, 50), ""},
		{"matrix·matrixᵀ", m, Transpose(m), arr(shape(2, 2), 14, 32, 32, 77), ""},
		{"number·vector", scalar(2), vec(1, 2), vec(2, 4), ""},
		{"matrix·number", m, scalar(-1), arr(shape(2, 3), -1, -2, -3, -4, -5, -6), ""},
		{"empty inner", Zeros(2, 0), Zeros(0, 3), Zeros(2, 3), ""},
		{"empty vectors", vec(), vec(), scalar(0), ""},
		{"empty rows", Zeros(0, 2), Zeros(2, 3), Zeros(0, 3), ""},
		{"matrix·matrix mismatch", m, m, nil, "dot: shapes (2, 3) and (2, 3) not aligned: 3 (dim 1) != 2 (dim 0)"},
		{"vector·vector mismatch", vec(1, 2, 3), vec(1, 2), nil, "dot: shapes (3,) and (2,) not aligned: 3 (dim 0) != 2 (dim 0)"},
		{"vector·matrix mismatch", vec(1, 2, 3), m, nil, "dot: shapes (3,) and (2, 3) not aligned: 3 (dim 0) != 2 (dim 0)"},
		{"matrix·vector mismatch", m, vec(1, 2), nil, "dot: shapes (2, 3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)"},
		{"3-d", iota(2, 2, 2), vec(1, 2), nil, "dot: shapes (2, 2, 2) and (2,): arrays of more than 2 dimensions are not supported"},
	} {
		got, err := Dot(c.a, c.b)
		check(t, c.name, got, err, c.want, c.err, 0)
	}
}

func TestDotMatchesDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	random := func(dims ...int) *Array {
		a := Zeros(dims...)
		for i := range a.Len() {
			a.Floats()[i] = float64(rng.IntN(21) - 10)
		}
		return a
	}
	a, b := random(7, 5), random(5, 3)
	got, err := Dot(a, b)
	if err != nil {
		t.Fatal(err)
	}
	want := Zeros(7, 3)
	for i := range 7 {
		for j := range 3 {
			for k := range 5 {
				want.Floats()[i*3+j] += a.Floats()[i*5+k] * b.Floats()[k*3+j]
			}
		}
	}
	check(t, "Dot (7, 5)·(5, 3)", got, err, want, "", 0)
}

func BenchmarkDot200(b *testing.B) {
	x, y := iota(200, 200), Transpose(iota(200, 200))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Dot(x, y); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDotStop: a stop function that says stop ends a matrix product with
// ErrStopped; one that never does gives the product.
func TestDotStop(t *testing.T) {
	a := Full([]int{300, 300}, 1)
	if _, err := DotStop(a, a, func() bool { return true }); err != ErrStopped {
		t.Errorf("stopped product: error %v, want ErrStopped", err)
	}
	r, err := DotStop(a, a, func() bool { return false })
	if err != nil || r.Floats()[0] != 300 || r.Floats()[r.Len()-1] != 300 {
		t.Errorf("unstopped product: %v, %v", err, r.Floats()[:1])
	}
}
