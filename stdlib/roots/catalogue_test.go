package roots

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

// This file holds the test problems, each under the name it has in
// testdata/scipy_roots.py, with its published solution where there is
// one, and the loader of scipy's outputs for them.

// The problems are written with the arithmetic of scipy_roots.py, operation
// for operation, so that both sides compute the same floating-point
// values. Problems that call cos, sin or exp are marked libm: Go's math
// package and the C library behind Python may differ there in the last
// bit, which can move a stopping test by one iteration.

// powi is x**n by repeated multiplication, as _pow in scipy_roots.py.
func powi(x float64, n int) float64 {
	p := 1.0
	for range n {
		p *= x
	}
	return p
}

// scalarProblem is an equation f(x) = 0 with its derivatives, a bracket
// and a starting point for Newton.
type scalarProblem struct {
	f, df, d2f func(float64) float64
	a, b, x0   float64
	root       float64 // the exact root in [a, b]
	libm       bool
}

var scalarProblems = map[string]scalarProblem{
	"cubic": {
		f:   func(x float64) float64 { return x*x*x - 2*x - 5 },
		df:  func(x float64) float64 { return 3*x*x - 2 },
		d2f: func(x float64) float64 { return 6 * x },
		a:   2, b: 3, x0: 2,
		root: 2.0945514815423265, // Wallis's equation
	},
	"cos": {
		f:   func(x float64) float64 { return math.Cos(x) - x },
		df:  func(x float64) float64 { return -math.Sin(x) - 1 },
		d2f: func(x float64) float64 { return -math.Cos(x) },
		a:   0, b: 1, x0: 1,
		root: 0.7390851332151607, // the Dottie number
		libm: true,
	},
	"exp": {
		f:   func(x float64) float64 { return math.Exp(x) - 2 },
		df:  math.Exp,
		d2f: math.Exp,
		a:   0, b: 2, x0: 0,
		root: math.Ln2,
		libm: true,
	},
	"square": {
		f:   func(x float64) float64 { return x*x - 4 },
		df:  func(x float64) float64 { return 2 * x },
		d2f: func(float64) float64 { return 2 },
		a:   1, b: 5, x0: 1,
		root: 2,
	},
	"triple": {
		f:   func(x float64) float64 { return (x - 1) * (x - 1) * (x - 1) },
		df:  func(x float64) float64 { return 3 * (x - 1) * (x - 1) },
		d2f: func(x float64) float64 { return 6 * (x - 1) },
		a:   0, b: 3, x0: 3,
		root: 1,
	},
	"pow10": {
		f:   func(x float64) float64 { return powi(x, 10) - 1 },
		df:  func(x float64) float64 { return 10 * powi(x, 9) },
		d2f: func(x float64) float64 { return 90 * powi(x, 8) },
		a:   0, b: 1.3, x0: 1.3,
		root: 1,
	},
	"endpoint": {
		f:   func(x float64) float64 { return x * (x - 2) },
		df:  func(x float64) float64 { return 2*x - 2 },
		d2f: func(float64) float64 { return 2 },
		a:   0, b: 1, x0: 0,
		root: 0,
	},
	"flat": {
		f:  func(x float64) float64 { return x*x - 4 },
		df: func(x float64) float64 { return 2 * x },
		x0: 0, root: 2,
	},
	"noroot": {
		f:  func(x float64) float64 { return x*x + 1 },
		df: func(x float64) float64 { return 2 * x },
		x0: 0.5, root: math.NaN(),
	},
}

// fixedProblems are maps g whose fixed point x = g(x) is wanted.
var fixedProblems = map[string]func(float64) float64{
	"sqrt":  func(x float64) float64 { return math.Sqrt(10 / (x + 3)) },
	"cos":   math.Cos,
	"shift": func(x float64) float64 { return x + 1 }, // no fixed point
}

// sysProblem is a square system F(x) = 0 with its Jacobian (row-major) and a
// starting point, and a published solution where the problem has one.
type sysProblem struct {
	f    func(x, fx []float64)
	jac  func(x, j []float64)
	x0   []float64
	sol  []float64
	note string
}

var systems = map[string]sysProblem{
	"cubic2": {
		f: func(x, f []float64) {
			d, e := x[0]-x[1], x[1]-x[0]
			f[0] = x[0] + 0.5*(d*d*d) - 1
			f[1] = 0.5*(e*e*e) + x[1]
		},
		jac: func(x, j []float64) {
			d := 1.5 * (x[0] - x[1]) * (x[0] - x[1])
			j[0], j[1], j[2], j[3] = 1+d, -d, -d, 1+d
		},
		x0:   []float64{0, 0},
		sol:  []float64{0.8411639019140096, 0.1588360980859903},
		note: "scipy's fsolve example",
	},
	"trig2": {
		f: func(x, f []float64) {
			f[0] = x[0]*math.Cos(x[1]) - 4
			f[1] = x[1]*x[0] - x[1] - 5
		},
		jac: func(x, j []float64) {
			j[0], j[1] = math.Cos(x[1]), -x[0]*math.Sin(x[1])
			j[2], j[3] = x[1], x[0]-1
		},
		x0:   []float64{1, 1},
		sol:  []float64{6.504097106706196, 0.908414205469625},
		note: "scipy's fsolve documentation",
	},
	"burden3": {
		f: func(x, f []float64) {
			f[0] = 3*x[0] - math.Cos(x[1]*x[2]) - 0.5
			f[1] = x[0]*x[0] - 81*(x[1]+0.1)*(x[1]+0.1) + math.Sin(x[2]) + 1.06
			f[2] = math.Exp(-x[0]*x[1]) + 20*x[2] + (10*math.Pi-3)/3
		},
		jac: func(x, j []float64) {
			s := math.Sin(x[1] * x[2])
			e := math.Exp(-x[0] * x[1])
			copy(j, []float64{
				3, x[2] * s, x[1] * s,
				2 * x[0], -162 * (x[1] + 0.1), math.Cos(x[2]),
				-x[1] * e, -x[0] * e, 20,
			})
		},
		x0:   []float64{0.1, 0.1, -0.1},
		sol:  []float64{0.5, 0, -math.Pi / 6},
		note: "Burden and Faires, Numerical Analysis, §10.1",
	},
	"rosenbrock": {
		f: func(x, f []float64) {
			f[0] = 10 * (x[1] - x[0]*x[0])
			f[1] = 1 - x[0]
		},
		jac: func(x, j []float64) {
			j[0], j[1], j[2], j[3] = -20*x[0], 10, -1, 0
		},
		x0:   []float64{-1.2, 1},
		sol:  []float64{1, 1},
		note: "Moré, Garbow, Hillstrom 1981, problem 1",
	},
	"powell_badly_scaled": {
		f: func(x, f []float64) {
			f[0] = 1e4*x[0]*x[1] - 1
			f[1] = math.Exp(-x[0]) + math.Exp(-x[1]) - 1.0001
		},
		jac: func(x, j []float64) {
			j[0], j[1] = 1e4*x[1], 1e4*x[0]
			j[2], j[3] = -math.Exp(-x[0]), -math.Exp(-x[1])
		},
		x0:   []float64{0, 1},
		sol:  []float64{1.098159e-5, 9.106146},
		note: "Moré, Garbow, Hillstrom 1981, problem 3",
	},
	"powell_singular": {
		f: func(x, f []float64) {
			f[0] = x[0] + 10*x[1]
			f[1] = math.Sqrt(5) * (x[2] - x[3])
			f[2] = (x[1] - 2*x[2]) * (x[1] - 2*x[2])
			f[3] = math.Sqrt(10) * (x[0] - x[3]) * (x[0] - x[3])
		},
		jac: func(x, j []float64) {
			s5, s10 := math.Sqrt(5), math.Sqrt(10)
			u, v := x[1]-2*x[2], x[0]-x[3]
			copy(j, []float64{
				1, 10, 0, 0,
				0, 0, s5, -s5,
				0, 2 * u, -4 * u, 0,
				2 * s10 * v, 0, 0, -2 * s10 * v,
			})
		},
		x0:   []float64{3, -1, 0, 1},
		sol:  []float64{0, 0, 0, 0},
		note: "Moré, Garbow, Hillstrom 1981, problem 13; singular Jacobian at the root",
	},
	"broyden_tridiagonal": {
		f: func(x, f []float64) {
			n := len(x)
			for i := range x {
				var xm, xp float64
				if i > 0 {
					xm = x[i-1]
				}
				if i < n-1 {
					xp = x[i+1]
				}
				f[i] = (3-2*x[i])*x[i] - xm - 2*xp + 1
			}
		},
		jac: func(x, j []float64) {
			n := len(x)
			clear(j)
			for i := range x {
				j[i*n+i] = 3 - 4*x[i]
				if i > 0 {
					j[i*n+i-1] = -1
				}
				if i < n-1 {
					j[i*n+i+1] = -2
				}
			}
		},
		x0:   []float64{-1, -1, -1, -1, -1},
		sol:  []float64{-0.5648283986961291, -0.6662737170855518, -0.6609170439438629, -0.5950500479928289, -0.4162011083149392},
		note: "Moré, Garbow, Hillstrom 1981, problem 30, n = 5",
	},
	"noroot2": {
		f: func(x, f []float64) {
			f[0] = x[0]*x[0] + 1
			f[1] = x[1] - 1
		},
		jac: func(x, j []float64) {
			j[0], j[1], j[2], j[3] = 2*x[0], 0, 0, 1
		},
		x0:   []float64{1, 0},
		note: "no real solution",
	},
}

// nonlinProblems are the systems given to scipy's quasi-Newton solvers,
// from scipy's test_nonlin.py and the fsolve example.
var nonlinProblems = map[string]sysProblem{
	"diag_cubic": {
		f: func(x, f []float64) {
			d := []float64{3, 2, 1.5, 1, 0.5}
			var xx float64
			for _, v := range x {
				xx += v * v
			}
			for i := range x {
				f[i] = -d[i]*x[i] - 0.01*xx*x[i]
			}
		},
		x0:  []float64{1, 1, 1, 1, 1},
		sol: []float64{0, 0, 0, 0, 0},
	},
	"linear3": {
		f: func(x, f []float64) {
			f[0] = -2*x[0] + x[1] - 1
			f[1] = x[0] - 2*x[1] + x[2] - 2
			f[2] = x[1] - 2*x[2] - 3
		},
		x0:  []float64{1, 2, 3},
		sol: []float64{-2.5, -4, -3.5},
	},
	"cubic2": {f: systems["cubic2"].f, x0: []float64{0, 0}, sol: systems["cubic2"].sol},
	"powell4": {
		f: func(x, f []float64) {
			f[0] = 1e4*x[0]*x[1] - 1
			f[1] = math.Exp(-x[0]) + math.Exp(-x[1]) - (1 + 1e-4)
		},
		x0: []float64{-1, -2},
	},
}

// scipyData is testdata/scipy_roots.json, written by scipy_roots.py.
type scipyData struct {
	Scipy  string `json:"scipy"`
	Scalar []struct {
		Problem, Method string
		K               int
		A, B            float64
		MaxIter         int `json:"maxiter"`
		Root            float64
		Iterations      int
		FunctionCalls   int `json:"function_calls"`
		Converged       bool
		Flag            Flag
	}
	Newton []struct {
		Problem, Method string
		X0              float64
		X1              *float64
		Root            float64
		Iterations      int
		FunctionCalls   int `json:"function_calls"`
		Converged       bool
		Flag            Flag
	}
	FixedPoint []struct {
		Problem, Method string
		X0              float64
		Root            *float64
		FunctionCalls   int `json:"function_calls"`
		Converged       bool
		Message         string
	} `json:"fixed_point"`
	Fsolve []struct {
		Problem         string
		Jac             bool
		MaxFuncEvals    int `json:"maxfev"`
		X, Fvec, R, Qtf []float64
		Fjac            [][]float64
		Ier, NFev, NJev int
		Message         string
	}
	LM []struct {
		Problem      string
		Jac          bool
		X, Fvec, Qtf []float64
		Ipvt         []int
		Status       int
		Success      bool
		Message      string
		NFev, NJev   int
	}
	Nonlin []struct {
		Problem, Method string
		MaxIter         int `json:"maxiter"`
		X, Fun          []float64
		Nit, Status     int
		Success         bool
		Message, Error  string
		NFev            int
	}
}

func loadScipy(t testing.TB) *scipyData {
	t.Helper()
	b, err := os.ReadFile("testdata/scipy_roots.json")
	if err != nil {
		t.Fatal(err)
	}
	var d scipyData
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return &d
}

// near reports |got - want| <= tol*max(1, |want|).
func near(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}
