package optimize_test

import (
	"fmt"

	"calc/stdlib/optimize"
)

// The seed problem f(x) = x² − 4x + 8, minimal at x = 2, from 1.3; the
// counts are scipy 1.10's.
func ExampleNelderMead() {
	f := func(x []float64) float64 { return x[0]*x[0] - 4*x[0] + 8 }
	r, err := optimize.NelderMead(f, []float64{1.3}, nil)
	if err != nil {
		panic(err)
	}
	fmt.Printf("x = %.8f, f = %.6f\n%d iterations, %d evaluations: %s\n",
		r.X[0], r.F, r.Iterations, r.FuncEvals, r.Message)
	// Output:
	// x = 2.00001953, f = 4.000000
	// 16 iterations, 32 evaluations: Optimization terminated successfully.
}

func ExamplePowell() {
	f := func(x []float64) float64 { return x[0]*x[0] - 4*x[0] + 8 }
	r, _ := optimize.Powell(f, []float64{1.3}, nil)
	fmt.Printf("x = %.11f after %d iterations, %d evaluations\n", r.X[0], r.Iterations, r.FuncEvals)
	// Output: x = 1.99999999997 after 2 iterations, 51 evaluations
}

// Without a gradient BFGS uses forward differences, whose evaluations
// count in FuncEvals as in scipy.
func ExampleBFGS() {
	f := func(x []float64) float64 { return x[0]*x[0] - 4*x[0] + 8 }
	r, _ := optimize.BFGS(optimize.Problem{Func: f}, []float64{1.3}, nil)
	fmt.Printf("x = %.8f: %d iterations, %d evaluations of f, %d gradients\n",
		r.X[0], r.Iterations, r.FuncEvals, r.GradEvals)
	// Output: x = 1.99999999: 2 iterations, 6 evaluations of f, 3 gradients
}

// Rosenbrock's function from (−1.2, 1) with its gradient.
func ExampleCG() {
	p := optimize.Problem{Func: rosen, Grad: rosenGrad}
	r, _ := optimize.CG(p, []float64{-1.2, 1}, nil)
	fmt.Printf("x = (%.6f, %.6f): %d iterations, %d values, %d gradients\n",
		r.X[0], r.X[1], r.Iterations, r.FuncEvals, r.GradEvals)
	// Output: x = (1.000000, 1.000000): 36 iterations, 78 values, 77 gradients
}

// With a Hessian–vector product Newton-CG needs no differences of the
// gradient.
func ExampleNewtonCG() {
	p := optimize.Problem{Func: rosen, Grad: rosenGrad, HessVec: rosenHessVec}
	r, _ := optimize.NewtonCG(p, []float64{-1.2, 1}, nil)
	fmt.Printf("x = (%.4f, %.4f): %d iterations, %d Hessian–vector products\n",
		r.X[0], r.X[1], r.Iterations, r.HessEvals)
	// Output: x = (1.0000, 1.0000): 83 iterations, 142 Hessian–vector products
}

func ExampleLineSearch() {
	p := optimize.Problem{Func: rosen, Grad: rosenGrad}
	r, _ := optimize.LineSearch(p, []float64{0.5, 0.5}, []float64{1, 0}, nil)
	fmt.Printf("α = %.6f, f: %.4f → %.4f, %d values, %d gradients\n", r.Alpha, r.F0, r.F, r.FuncEvals, r.GradEvals)
	// Output: α = 0.219439, f: 6.5000 → 0.1097, 4 values, 1 gradients
}

func ExampleBrent() {
	r, _ := optimize.Brent(func(x float64) float64 { return (x - 1.5) * (x - 1.5) * (x + 2) }, nil, nil)
	fmt.Printf("x = %.8f, %d iterations, %d evaluations\n", r.X, r.Iterations, r.FuncEvals)
	// Output: x = 1.50000000, 10 iterations, 13 evaluations
}

func ExampleGolden() {
	r, _ := optimize.Golden(func(x float64) float64 { return x*x - 4*x + 8 }, nil, nil)
	fmt.Printf("x = %.6f, %d evaluations\n", r.X, r.FuncEvals)
	// Output: x = 2.000000, 42 evaluations
}

func ExampleBounded() {
	r, _ := optimize.Bounded(func(x float64) float64 { return x*x - 4*x + 8 }, -1, 1, nil)
	fmt.Printf("x = %.4f, f = %.4f: %s\n", r.X, r.F, r.Message)
	// Output: x = 1.0000, f = 5.0000: Solution found.
}

func ExampleBracket() {
	r, _ := optimize.Bracket(func(x float64) float64 { return x*x - 4*x + 8 }, 0, 1, nil)
	fmt.Printf("%.4f < %.4f < %.4f, f = %.4f, %.4f, %.4f\n", r.XA, r.XB, r.XC, r.FA, r.FB, r.FC)
	// Output: 1.0000 < 2.0000 < 2.6180, f = 5.0000, 4.0000, 4.3820
}

func ExampleApproxGrad() {
	g, n := optimize.ApproxGrad(rosen, []float64{-1.2, 1}, 0)
	fmt.Printf("∇f ≈ (%.3f, %.3f) from %d evaluations\n", g[0], g[1], n)
	// Output: ∇f ≈ (-215.600, -88.000) from 3 evaluations
}
