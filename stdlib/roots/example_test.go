package roots_test

import (
	"fmt"
	"math"

	"calc/stdlib/roots"
)

func ExampleBrentq() {
	f := func(x float64) float64 { return x*x*x - 2*x - 5 }
	r, err := roots.Brentq(f, 2, 3, nil)
	fmt.Printf("%.12f %d %d %s %v\n", r.Root, r.Iterations, r.FunctionCalls, r.Flag, err)
	_, err = roots.Brentq(f, 3, 4, nil)
	fmt.Println(err)
	// Output:
	// 2.094551481542 7 8 converged <nil>
	// f(a) and f(b) must have different signs
}

func ExampleNewton() {
	f := func(x float64) float64 { return x*x - 4 }
	df := func(x float64) float64 { return 2 * x }
	r, _ := roots.Newton(f, df, nil, 1, nil)
	fmt.Println(r.Root, r.Iterations, r.Converged)
	r, _ = roots.Newton(f, df, nil, 0, nil)
	fmt.Println(r.Converged, r.Flag, r.Message)
	// Output:
	// 2 6 true
	// false convergence error Derivative was zero.
}

func ExampleHybr() {
	f := func(x, fx []float64) {
		fx[0] = x[0]*math.Cos(x[1]) - 4
		fx[1] = x[1]*x[0] - x[1] - 5
	}
	res, _ := roots.Hybr(f, nil, []float64{1, 1}, nil)
	fmt.Printf("%.6f %d %s\n", res.X, res.NFev, res.Message)
	// Output:
	// [6.504097 0.908414] 17 The solution converged.
}

func ExampleFindAll() {
	rs, _ := roots.FindAll(func(x float64) float64 { return math.Sin(x) * math.Sin(x) * (x - 1) }, -1, 7, nil)
	fmt.Printf("%.6f\n", rs.Roots)
	// Output:
	// [0.000000 1.000000 3.141593 6.283185]
}

func ExampleExtrema() {
	f := func(x float64) float64 { return x*x*x - 3*x }
	df := func(x float64) float64 { return 3*x*x - 3 }
	e, _ := roots.Extrema(f, df, -2, 3, nil)
	fmt.Println(e.Critical, e.Min, e.ArgMin, e.Max, e.ArgMax)
	// Output:
	// [-1 1] -2 -2 18 3
}
