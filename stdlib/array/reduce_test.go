package array

import (
	"math"
	"testing"
)

func TestReductions(t *testing.T) {
	x := arr(shape(2, 3), 1, 2, 3, 4, 5, 6)
	y := arr(shape(2, 3), 3, 1, 4, 1, 5, 9)
	nan := math.NaN()
	const axisError = "axis 2 is out of bounds for array of dimension 2"
	for _, c := range []struct {
		name string
		f    func(*Array, int) (*Array, error)
		a    *Array
		axis int
		want *Array
		err  string
	}{
		{"sum", Sum, x, AllAxes, scalar(21), ""},
		{"sum", Sum, x, 0, vec(5, 7, 9), ""},
		{"sum", Sum, x, 1, vec(6, 15), ""},
		{"sum", Sum, x, -1, vec(6, 15), ""},
		{"sum", Sum, x, -2, vec(5, 7, 9), ""},
		{"sum", Sum, x, 2, nil, axisError},
		{"sum", Sum, x, -3, nil, "axis -3 is out of bounds for array of dimension 2"},
		{"sum", Sum, vec(1, 2), 0, scalar(3), ""},
		{"sum", Sum, scalar(4), AllAxes, scalar(4), ""},
		{"sum", Sum, scalar(4), 0, nil, "axis 0 is out of bounds for array of dimension 0"},
		{"sum", Sum, Zeros(0), AllAxes, scalar(0), ""},
		{"sum", Sum, Zeros(0, 3), 0, vec(0, 0, 0), ""},
		{"sum", Sum, Zeros(0, 3), 1, Zeros(0), ""},
		// Pairwise summation, as numpy's, makes ten 0.1s add up to exactly 1.
		{"sum", Sum, Full(shape(10), 0.1), AllAxes, scalar(1), ""},
		{"sum", Sum, iota(2, 3, 4), 1, arr(shape(2, 4), 12, 15, 18, 21, 48, 51, 54, 57), ""},
		{"prod", Prod, x, AllAxes, scalar(720), ""},
		{"prod", Prod, x, 0, vec(4, 10, 18), ""},
		{"prod", Prod, x, 1, vec(6, 120), ""},
		{"prod", Prod, Zeros(0), AllAxes, scalar(1), ""},
		{"mean", Mean, x, AllAxes, scalar(3.5), ""},
		{"mean", Mean, x, 0, vec(2.5, 3.5, 4.5), ""},
		{"mean", Mean, x, 1, vec(2, 5), ""},
		{"mean", Mean, Full(shape(10), 0.1), AllAxes, scalar(0.1), ""},
		{"mean", Mean, Zeros(0), AllAxes, scalar(nan), ""},
		{"min", Min, y, AllAxes, scalar(1), ""},
		{"min", Min, y, 0, vec(1, 1, 4), ""},
		{"min", Min, y, 1, vec(1, 1), ""},
		{"min", Min, vec(1, nan, 0), 0, scalar(nan), ""},
		{"min", Min, Zeros(0), AllAxes, nil, "zero-size array to reduction operation min which has no identity"},
		{"min", Min, Zeros(0, 3), 0, nil, "zero-size array to reduction operation min which has no identity"},
		{"min", Min, Zeros(0, 3), 1, Zeros(0), ""},
		{"min", Min, x, 2, nil, axisError},
		{"max", Max, y, AllAxes, scalar(9), ""},
		{"max", Max, y, 0, vec(3, 5, 9), ""},
		{"max", Max, y, 1, vec(4, 9), ""},
		{"max", Max, vec(1, nan, 3), 0, scalar(nan), ""},
		{"max", Max, vec(math.Inf(-1)), 0, scalar(math.Inf(-1)), ""},
		{"max", Max, Zeros(2, 0), 1, nil, "zero-size array to reduction operation max which has no identity"},
		{"argmin", Argmin, y, AllAxes, scalar(1), ""},
		{"argmin", Argmin, y, 0, vec(1, 0, 0), ""},
		{"argmin", Argmin, y, 1, vec(1, 0), ""},
		{"argmin", Argmin, vec(2, nan, 1, nan), 0, scalar(1), ""},
		{"argmin", Argmin, Zeros(0), AllAxes, nil, "zero-size array to reduction operation argmin which has no identity"},
		{"argmax", Argmax, y, AllAxes, scalar(5), ""},
		{"argmax", Argmax, y, 0, vec(0, 1, 1), ""},
		{"argmax", Argmax, y, -1, vec(2, 2), ""},
		{"argmax", Argmax, vec(1, 3, 3), 0, scalar(1), ""},
		{"argmax", Argmax, vec(1, 3, nan), 0, scalar(2), ""},
		{"argmax", Argmax, x, 2, nil, axisError},
	} {
		got, err := c.f(c.a, c.axis)
		check(t, c.name+" "+ShapeString(c.a.Shape), got, err, c.want, c.err, 0)
	}
}

func TestSumIsPairwise(t *testing.T) {
	if got, _ := Sum(iota(1000), AllAxes); got.Floats()[0] != 499500 {
		t.Errorf("Sum of 0..999 = %v, want 499500", got.Floats()[0])
	}
	// Added in order, a million 0.1s come to 100000.00000133288; pairwise
	// summation keeps the error near one rounding.
	if got, _ := Sum(Full(shape(1000000), 0.1), AllAxes); math.Abs(got.Floats()[0]-1e5) > 1e-9 {
		t.Errorf("Sum of a million 0.1s = %v, want 100000 within 1e-9", got.Floats()[0])
	}
}

func TestVarStd(t *testing.T) {
	x := arr(shape(2, 2), 1, 2, 3, 4)
	for _, c := range []struct {
		name       string
		f          func(*Array, int, int) (*Array, error)
		a          *Array
		axis, ddof int
		want       *Array
		err        string
	}{
		{"var", Var, vec(1, 2, 3, 4), AllAxes, 0, scalar(1.25), ""},
		{"var", Var, vec(1, 2, 3, 4), 0, 1, scalar(5.0 / 3), ""},
		{"var", Var, x, AllAxes, 0, scalar(1.25), ""},
		{"var", Var, x, 0, 0, vec(1, 1), ""},
		{"var", Var, x, 1, 0, vec(0.25, 0.25), ""},
		{"var", Var, vec(1), 0, 1, scalar(math.NaN()), ""},
		{"var", Var, vec(1, 2), 0, 2, scalar(math.Inf(1)), ""},
		{"var", Var, x, 3, 0, nil, "axis 3 is out of bounds for array of dimension 2"},
		{"std", Std, vec(1, 2, 3, 4), AllAxes, 0, scalar(math.Sqrt(1.25)), ""},
		{"std", Std, vec(2, 4, 4, 4, 5, 5, 7, 9), AllAxes, 0, scalar(2), ""},
		{"std", Std, x, 1, 1, vec(math.Sqrt(0.5), math.Sqrt(0.5)), ""},
		{"std", Std, x, -3, 0, nil, "axis -3 is out of bounds for array of dimension 2"},
	} {
		got, err := c.f(c.a, c.axis, c.ddof)
		check(t, c.name+" "+ShapeString(c.a.Shape), got, err, c.want, c.err, 1e-15)
	}
}

func TestAccumulate(t *testing.T) {
	x := arr(shape(2, 2), 1, 2, 3, 4)
	for _, c := range []struct {
		name string
		f    func(*Array, int) (*Array, error)
		a    *Array
		axis int
		want *Array
		err  string
	}{
		{"cumsum", Cumsum, vec(1, 2, 3), 0, vec(1, 3, 6), ""},
		{"cumsum", Cumsum, x, 0, arr(shape(2, 2), 1, 2, 4, 6), ""},
		{"cumsum", Cumsum, x, 1, arr(shape(2, 2), 1, 3, 3, 7), ""},
		{"cumsum", Cumsum, x, -1, arr(shape(2, 2), 1, 3, 3, 7), ""},
		{"cumsum", Cumsum, x, AllAxes, vec(1, 3, 6, 10), ""},
		{"cumsum", Cumsum, scalar(5), AllAxes, vec(5), ""},
		{"cumsum", Cumsum, Zeros(0), 0, Zeros(0), ""},
		{"cumsum", Cumsum, Zeros(2, 0), 1, Zeros(2, 0), ""},
		// Running sums are sequential, so unlike Sum they round as a loop does.
		{"cumsum", Cumsum, Full(shape(10), 0.1), 0, vec(0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6, 0.7,
			0.7999999999999999, 0.8999999999999999, 0.9999999999999999), ""},
		{"cumsum", Cumsum, x, 2, nil, "axis 2 is out of bounds for array of dimension 2"},
		{"cumsum", Cumsum, scalar(5), 0, nil, "axis 0 is out of bounds for array of dimension 0"},
		{"cumprod", Cumprod, vec(1, 2, 3, 4), AllAxes, vec(1, 2, 6, 24), ""},
		{"cumprod", Cumprod, x, 0, arr(shape(2, 2), 1, 2, 3, 8), ""},
		{"cumprod", Cumprod, x, 1, arr(shape(2, 2), 1, 2, 3, 12), ""},
	} {
		got, err := c.f(c.a, c.axis)
		check(t, c.name+" "+ShapeString(c.a.Shape), got, err, c.want, c.err, 0)
	}
}

func TestDiff(t *testing.T) {
	sq := vec(1, 4, 9, 16)
	m := arr(shape(2, 3), 1, 3, 6, 0, 5, 6)
	for _, c := range []struct {
		a       *Array
		n, axis int
		want    *Array
		err     string
	}{
		{sq, 1, -1, vec(3, 5, 7), ""},
		{sq, 2, -1, vec(2, 2), ""},
		{sq, 0, -1, sq, ""},
		{sq, 4, -1, Zeros(0), ""},
		{sq, 9, 0, Zeros(0), ""},
		{m, 1, -1, arr(shape(2, 2), 2, 3, 5, 1), ""},
		{m, 1, 0, arr(shape(1, 3), -1, 2, 0), ""},
		{m, 2, 1, arr(shape(2, 1), 1, -4), ""},
		{m, 3, 0, Zeros(0, 3), ""},
		{iota(2, 2, 2), 1, 1, arr(shape(2, 1, 2), 2, 2, 2, 2), ""},
		{sq, -1, 0, nil, "diff: order must be non-negative, got -1"},
		{scalar(1), 1, -1, nil, "diff: needs an array of at least one dimension"},
		{m, 1, 2, nil, "axis 2 is out of bounds for array of dimension 2"},
	} {
		got, err := Diff(c.a, c.n, c.axis)
		check(t, "diff "+ShapeString(c.a.Shape), got, err, c.want, c.err, 0)
	}
}

func TestNorm(t *testing.T) {
	inf := math.Inf(1)
	v := vec(3, -4)
	m := arr(shape(2, 2), 1, -2, 3, 4)
	for _, c := range []struct {
		a    *Array
		ord  float64
		want float64
		err  string
	}{
		{v, 2, 5, ""},
		{v, 1, 7, ""},
		{v, inf, 4, ""},
		{v, -inf, 3, ""},
		{v, 0, 2, ""},
		{v, 3, math.Cbrt(91), ""},
		{v, -1, 1 / (1.0/3 + 1.0/4), ""},
		{vec(1e200, 1e200), 2, math.Sqrt2 * 1e200, ""},
		{scalar(-2), 2, 2, ""},
		{Zeros(0), 2, 0, ""},
		{Zeros(0), inf, 0, "zero-size array to reduction operation norm which has no identity"},
		{m, 2, math.Sqrt(30), ""},
		{m, 1, 6, ""},
		{m, -1, 4, ""},
		{m, inf, 7, ""},
		{m, -inf, 3, ""},
		{Zeros(0, 3), 1, 0, ""},
		{Zeros(3, 0), 1, 0, "zero-size array to reduction operation norm which has no identity"},
		{m, 3, 0, "norm: order 3 is not supported for matrices"},
		{iota(2, 2, 2), 2, math.Sqrt(140), ""},
		{iota(2, 2, 2), 1, 0, "norm: order 1 is not supported for an array of shape (2, 2, 2)"},
	} {
		got, err := Norm(c.a, c.ord)
		name := ShapeString(c.a.Shape)
		switch {
		case c.err != "":
			if err == nil || err.Error() != c.err {
				t.Errorf("Norm(%s, %v): error %v, want %q", name, c.ord, err, c.err)
			}
		case err != nil:
			t.Errorf("Norm(%s, %v): %v", name, c.ord, err)
		case math.Abs(got-c.want) > 1e-15*c.want:
			t.Errorf("Norm(%s, %v) = %v, want %v", name, c.ord, got, c.want)
		}
	}
}
