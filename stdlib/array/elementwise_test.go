package array

import (
	"math"
	"math/rand/v2"
	"testing"
)

func add(x, y float64) float64 { return x + y }
func sub(x, y float64) float64 { return x - y }

func TestShapeString(t *testing.T) {
	for _, c := range []struct {
		shape []int
		want  string
	}{
		{nil, "()"},
		{shape(), "()"},
		{shape(4), "(4,)"},
		{shape(2, 3), "(2, 3)"},
		{shape(0, 1, 5), "(0, 1, 5)"},
	} {
		if got := ShapeString(c.shape); got != c.want {
			t.Errorf("ShapeString(%v) = %q, want %q", c.shape, got, c.want)
		}
	}
}

func TestBroadcastShapes(t *testing.T) {
	for _, c := range []struct {
		a, b, want []int
		err        string
	}{
		{a: shape(2, 3), b: shape(3), want: shape(2, 3)},
		{a: shape(2, 1), b: shape(1, 3), want: shape(2, 3)},
		{a: shape(), b: shape(2), want: shape(2)},
		{a: shape(5, 1, 4), b: shape(3, 1), want: shape(5, 3, 4)},
		{a: shape(0), b: shape(1), want: shape(0)},
		{a: shape(1), b: shape(0), want: shape(0)},
		{a: shape(2, 3), b: shape(4), err: "shapes (2, 3) and (4,) cannot be broadcast"},
		{a: shape(2), b: shape(0), err: "shapes (2,) and (0,) cannot be broadcast"},
		{a: shape(100000, 1), b: shape(100000), err: "shapes (100000, 1) and (100000,) broadcast to (100000, 100000), which has more than 1073741824 elements"},
		{a: shape(0, 1<<40), b: shape(1<<40, 1, 1), want: shape(1<<40, 0, 1<<40)},
	} {
		got, err := BroadcastShapes(c.a, c.b)
		name := ShapeString(c.a) + " with " + ShapeString(c.b)
		if c.want == nil {
			check(t, name, nil, err, nil, c.err, 0)
		} else if err != nil || !sameShape(got, c.want) {
			t.Errorf("BroadcastShapes(%s) = %v, %v; want %v", name, got, err, c.want)
		}
	}
}

func TestBroadcast(t *testing.T) {
	for _, c := range []struct {
		name string
		a, b *Array
		f    func(x, y float64) float64
		want *Array
		err  string
	}{
		{"same shape", vec(1, 2, 3), vec(10, 20, 30), sub, vec(-9, -18, -27), ""},
		{"scalar right", vec(1, 2, 3), scalar(10), sub, vec(-9, -8, -7), ""},
		{"scalar left", scalar(10), vec(1, 2, 3), sub, vec(9, 8, 7), ""},
		{"0-d with 0-d", scalar(2), scalar(3), add, scalar(5), ""},
		{"one element adds axes", vec(1, 2, 3), arr(shape(1, 1), 1), add, arr(shape(1, 3), 2, 3, 4), ""},
		{"one element on the left", arr(shape(1, 1), 1), vec(1, 2, 3), sub, arr(shape(1, 3), 0, -1, -2), ""},
		{"row", arr(shape(2, 3), 1, 2, 3, 4, 5, 6), vec(10, 20, 30), add,
			arr(shape(2, 3), 11, 22, 33, 14, 25, 36), ""},
		{"column", arr(shape(2, 3), 1, 2, 3, 4, 5, 6), arr(shape(2, 1), 10, 20), sub,
			arr(shape(2, 3), -9, -8, -7, -16, -15, -14), ""},
		{"outer", arr(shape(2, 1), 1, 2), arr(shape(1, 3), 10, 20, 30), sub,
			arr(shape(2, 3), -9, -19, -29, -8, -18, -28), ""},
		{"row minus matrix", vec(1, 2), arr(shape(2, 2), 1, 1, 2, 2), sub, arr(shape(2, 2), 0, 1, -1, 0), ""},
		{"3-d", arr(shape(2, 1, 3), 0, 1, 2, 3, 4, 5), arr(shape(2, 1), 10, 20), add,
			arr(shape(2, 2, 3), 10, 11, 12, 20, 21, 22, 13, 14, 15, 23, 24, 25), ""},
		{"empty", Zeros(0, 3), vec(1, 2, 3), add, Zeros(0, 3), ""},
		{"empty with one element", Zeros(0), scalar(1), add, Zeros(0), ""},
		{"mismatch", Zeros(2, 3), Zeros(4), add, nil, "shapes (2, 3) and (4,) cannot be broadcast"},
		{"mismatch inner", Zeros(2, 3), Zeros(3, 3), add, nil, "shapes (2, 3) and (3, 3) cannot be broadcast"},
	} {
		got, err := Broadcast(c.a, c.b, c.f)
		check(t, c.name, got, err, c.want, c.err, 0)
	}
}

// naiveBroadcast is the definition of broadcasting, one multi-index at a
// time, against which TestBroadcastRandomShapes checks Broadcast.
func naiveBroadcast(a, b *Array, shape []int, f func(x, y float64) float64) *Array {
	out := Zeros(shape...)
	idx := make([]int, len(shape))
	offset := func(s []int) int {
		off := 0
		for j, d := range s {
			i := idx[len(shape)-len(s)+j]
			if d == 1 {
				i = 0
			}
			off = off*d + i
		}
		return off
	}
	for k := range out.Len() {
		out.Floats()[k] = f(a.Floats()[offset(a.Shape)], b.Floats()[offset(b.Shape)])
		for j := len(shape) - 1; j >= 0; j-- {
			if idx[j]++; idx[j] < shape[j] {
				break
			}
			idx[j] = 0
		}
	}
	return out
}

func TestBroadcastRandomShapes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		full := make([]int, rng.IntN(5))
		for i := range full {
			full[i] = 1 + rng.IntN(4)
		}
		// Each operand keeps a suffix of full, with some lengths set to 1.
		operand := func() *Array {
			s := append([]int(nil), full[rng.IntN(len(full)+1):]...)
			for i := range s {
				if rng.IntN(3) == 0 {
					s[i] = 1
				}
			}
			a := Zeros(s...)
			for i := range a.Len() {
				a.Floats()[i] = float64(rng.IntN(100))
			}
			return a
		}
		a, b := operand(), operand()
		got, err := Broadcast(a, b, sub)
		if err != nil {
			t.Fatalf("Broadcast %s with %s: %v", ShapeString(a.Shape), ShapeString(b.Shape), err)
		}
		if want := naiveBroadcast(a, b, got.Shape, sub); !Equal(got, want) {
			t.Fatalf("Broadcast %s with %s = %v, want %v", ShapeString(a.Shape), ShapeString(b.Shape), got.Floats(), want.Floats())
		}
	}
}

func TestBroadcastTo(t *testing.T) {
	got, err := BroadcastTo(vec(1, 2), shape(2, 2))
	check(t, "(2,) to (2, 2)", got, err, arr(shape(2, 2), 1, 2, 1, 2), "", 0)
	got, err = BroadcastTo(arr(shape(2, 1), 1, 2), shape(2, 3))
	check(t, "(2, 1) to (2, 3)", got, err, arr(shape(2, 3), 1, 1, 1, 2, 2, 2), "", 0)
	got, err = BroadcastTo(vec(1, 2, 3), shape(2, 2))
	check(t, "(3,) to (2, 2)", got, err, nil, "cannot broadcast shape (3,) to (2, 2)", 0)
	got, err = BroadcastTo(Zeros(2, 2), shape(2))
	check(t, "(2, 2) to (2,)", got, err, nil, "cannot broadcast shape (2, 2) to (2,)", 0)
}

func TestMap(t *testing.T) {
	got := Map(arr(shape(2, 2), 1, 4, 9, 16), math.Sqrt)
	check(t, "Map sqrt", got, nil, arr(shape(2, 2), 1, 2, 3, 4), "", 0)
}

func TestWhere(t *testing.T) {
	nan := math.NaN()
	got, err := Where(vec(1, 0, nan), vec(1, 2, 3), scalar(-1))
	check(t, "Where 1-d", got, err, vec(1, -1, 3), "", 0)
	got, err = Where(arr(shape(2, 1), 1, 0), vec(1, 2), arr(shape(2, 2), 5, 6, 7, 8))
	check(t, "Where broadcast", got, err, arr(shape(2, 2), 1, 2, 7, 8), "", 0)
	got, err = Where(vec(1, 0), vec(1, 2, 3), scalar(0))
	check(t, "Where mismatch", got, err, nil, "shapes (2,) and (3,) cannot be broadcast", 0)
	got, err = Where(vec(1, 0), vec(1, 2), vec(1, 2, 3))
	check(t, "Where mismatch y", got, err, nil, "shapes (2,) and (3,) cannot be broadcast", 0)
}

func TestClip(t *testing.T) {
	nan := math.NaN()
	check(t, "Clip", Clip(vec(-5, 0.5, 5, nan), 0, 1), nil, vec(0, 0.5, 1, nan), "", 0)
	check(t, "Clip lo > hi", Clip(vec(-5, 5), 2, 1), nil, vec(1, 1), "", 0)
}

func TestEqual(t *testing.T) {
	for _, c := range []struct {
		a, b *Array
		want bool
	}{
		{vec(1, 2), vec(1, 2), true},
		{vec(1, 2), vec(1, 3), false},
		{vec(1, 2), arr(shape(1, 2), 1, 2), false},
		{scalar(1), vec(1), false},
		{vec(math.NaN()), vec(math.NaN()), false},
		{Zeros(0, 2), Zeros(0, 2), true},
	} {
		if got := Equal(c.a, c.b); got != c.want {
			t.Errorf("Equal(%v %v, %v %v) = %v", c.a.Shape, c.a.Floats(), c.b.Shape, c.b.Floats(), got)
		}
	}
}

func BenchmarkBroadcastAdd1e6(b *testing.B) {
	x, y := iota(1000000), iota(1000000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Broadcast(x, y, add); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBroadcastAddRow1e6(b *testing.B) {
	x, y := iota(1000, 1000), iota(1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Broadcast(x, y, add); err != nil {
			b.Fatal(err)
		}
	}
}
