package roots

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// bracketMethods are the bracketing methods under scipy's names.
var bracketMethods = map[string]func(f func(float64) float64, a, b float64, s *BracketSettings) (Result, error){
	"bisect": Bisect,
	"ridder": Ridder,
	"brentq": Brentq,
	"brenth": Brenth,
}

// checkCounts compares a Result with scipy's: counts exactly, the root to
// a few ulps (the methods follow scipy's arithmetic step by step).
func checkCounts(t *testing.T, name string, libm bool, got Result, root float64, iters, calls int, conv bool, flag Flag) {
	t.Helper()
	slack, rtol := 0, 1e-14
	if libm {
		slack, rtol = 1, 1e-11
	}
	if abs(got.Iterations-iters) > slack || abs(got.FunctionCalls-calls) > 2*slack || got.Converged != conv || got.Flag != flag {
		t.Errorf("%s: got %d iterations, %d calls, %v %q; scipy %d, %d, %v %q",
			name, got.Iterations, got.FunctionCalls, got.Converged, got.Flag, iters, calls, conv, flag)
	}
	if !near(got.Root, root, rtol) {
		t.Errorf("%s: root %v, scipy %v", name, got.Root, root)
	}
}

func TestBracketingAgainstScipy(t *testing.T) {
	d := loadScipy(t)
	for _, c := range d.Scalar {
		p := scalarProblems[c.Problem]
		name := c.Problem + "/" + c.Method
		var got Result
		var err error
		if c.Method == "toms748" {
			name += map[int]string{1: "/k=1", 2: "/k=2"}[c.K]
			got, err = TOMS748(p.f, c.A, c.B, &TOMS748Settings{K: c.K})
		} else {
			if c.MaxIter != 100 {
				name += "/maxiter=3"
			}
			got, err = bracketMethods[c.Method](p.f, c.A, c.B, &BracketSettings{MaxIter: c.MaxIter})
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if c.Iterations > c.MaxIter {
			// scipy 1.10's C solvers leave the count unset when f
			// vanishes at an end of the bracket.
			c.Iterations = 0
		}
		checkCounts(t, name, p.libm, got, c.Root, c.Iterations, c.FunctionCalls, c.Converged, c.Flag)
		if got.Converged && !near(got.Root, p.root, 1e-11) {
			t.Errorf("%s: root %v, exact %v", name, got.Root, p.root)
		}
		if !got.Converged && got.Message == "" {
			t.Errorf("%s: no message for a failure", name)
		}
	}
}

func TestNewtonAgainstScipy(t *testing.T) {
	d := loadScipy(t)
	for _, c := range d.Newton {
		p := scalarProblems[c.Problem]
		df, d2f := p.df, p.d2f
		switch c.Method {
		case "secant":
			df, d2f = nil, nil
		case "newton":
			d2f = nil
		}
		got, err := Newton(p.f, df, d2f, c.X0, &NewtonSettings{X1: c.X1})
		name := c.Problem + "/" + c.Method
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		checkCounts(t, name, p.libm, got, c.Root, c.Iterations, c.FunctionCalls, c.Converged, c.Flag)
		if !got.Converged && got.Message == "" {
			t.Errorf("%s: no message for a failure", name)
		}
	}
}

func TestFixedPointAgainstScipy(t *testing.T) {
	d := loadScipy(t)
	for _, c := range d.FixedPoint {
		s := &FixedPointSettings{}
		if c.Method == "iteration" {
			s.Method = Iteration
		}
		got, err := FixedPoint(fixedProblems[c.Problem], c.X0, s)
		name := c.Problem + "/" + c.Method
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got.FunctionCalls != c.FunctionCalls || got.Converged != c.Converged {
			t.Errorf("%s: %d calls, converged %v; scipy %d, %v", name, got.FunctionCalls, got.Converged, c.FunctionCalls, c.Converged)
		}
		if c.Root != nil && !near(got.Root, *c.Root, 1e-14) {
			t.Errorf("%s: root %v, scipy %v", name, got.Root, *c.Root)
		}
		if !c.Converged && !strings.HasPrefix(c.Message, strings.TrimSuffix(got.Message, "1000")) {
			t.Errorf("%s: message %q, scipy %q", name, got.Message, c.Message)
		}
	}
}

func TestBracketErrors(t *testing.T) {
	sq := func(x float64) float64 { return x*x + 1 }
	nan := func(x float64) float64 {
		if x > 1.5 {
			return math.NaN()
		}
		return x - 1.7
	}
	for name, m := range bracketMethods {
		if _, err := m(sq, 0, 1, nil); !errors.Is(err, ErrSign) || err.Error() != "f(a) and f(b) must have different signs" {
			t.Errorf("%s without a sign change: %v", name, err)
		}
		_, err := m(nan, 0, 2, nil)
		var ne *NaNError
		if !errors.As(err, &ne) {
			t.Errorf("%s with a NaN: %v", name, err)
		}
		if _, err := m(sq, 0, 1, &BracketSettings{XTol: -1}); err == nil {
			t.Errorf("%s accepts xtol = -1", name)
		}
		if _, err := m(sq, 0, 1, &BracketSettings{RTol: 1e-17}); err == nil {
			t.Errorf("%s accepts rtol = 1e-17", name)
		}
		if _, err := m(sq, math.Inf(-1), 1, nil); err == nil {
			t.Errorf("%s accepts an infinite bracket", name)
		}
	}
	if _, err := TOMS748(sq, 0, 1, nil); !errors.Is(err, ErrSign) {
		t.Errorf("TOMS748 without a sign change: %v", err)
	}
	if r, err := TOMS748(nan, 0, 2, nil); err == nil || r.Flag != ValueError {
		t.Errorf("TOMS748 with a NaN: %v %v", r.Flag, err)
	}
	if _, err := TOMS748(sq, 1, 0, nil); err == nil {
		t.Error("TOMS748 accepts b < a")
	}
	if _, err := Newton(func(float64) float64 { return math.NaN() }, nil, nil, 1, nil); err == nil {
		t.Error("Newton accepts a NaN")
	}
	if _, err := Newton(sq, nil, nil, 1, &NewtonSettings{X1: new(1.0)}); err == nil {
		t.Error("the secant method accepts x1 == x0")
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// TestBracketingUnderflow checks a sign change between values whose
// product underflows: exp(−x²) − 1e-300 on [20, 30] has its root at
// 26.28260884878467 (scipy 1.10's brentq, brenth and toms748). scipy's
// bisect and ridder compare signs by that product and return 30, a wrong
// answer; here every method compares the signs themselves.
func TestBracketingUnderflow(t *testing.T) {
	f := func(x float64) float64 { return math.Exp(-x*x) - 1e-300 }
	const root = 26.28260884878467
	for name, m := range bracketMethods {
		r, err := m(f, 20, 30, nil)
		if err != nil || !r.Converged || !near(r.Root, root, 1e-12) {
			t.Errorf("%s: %v %+v, want %v", name, err, r, root)
		}
	}
	if r, err := TOMS748(f, 20, 30, nil); err != nil || !near(r.Root, root, 1e-12) {
		t.Errorf("toms748: %v %+v, want %v", err, r, root)
	}
}

// TestFixedPointVec checks the vector fixed point on the example of
// scipy's documentation: sqrt(c1/(x + c2)) with c1 = [10, 12], c2 = [3,
// 5] from [1.2, 1.3]; scipy 1.10 gives [1.4920333, 1.37228132] by either
// method.
func TestFixedPointVec(t *testing.T) {
	g := func(x, y []float64) {
		c1, c2 := []float64{10, 12}, []float64{3, 5}
		for i := range x {
			y[i] = math.Sqrt(c1[i] / (x[i] + c2[i]))
		}
	}
	want := []float64{1.4920333010795233, 1.3722813232690143}
	for _, m := range []FixedPointMethod{Del2, Iteration} {
		r, err := FixedPointVec(g, []float64{1.2, 1.3}, &FixedPointSettings{Method: m})
		if err != nil || !r.Converged || !closeVec(r.X, want, 1e-8) {
			t.Errorf("method %d: %+v %v, want %v", m, r, err, want)
		}
	}
	r, err := FixedPointVec(g, []float64{1.2, 1.3}, &FixedPointSettings{MaxIter: 1, Method: Iteration})
	if err != nil || r.Converged || r.Message == "" {
		t.Errorf("MaxIter 1: %+v %v", r, err)
	}
	if _, err := FixedPointVec(func(x, y []float64) { y[0], y[1] = math.NaN(), 0 }, []float64{1, 1}, nil); err == nil {
		t.Error("NaN accepted")
	}
}
