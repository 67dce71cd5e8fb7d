package integrate_test

import (
	"fmt"

	"calc/stdlib/integrate"
)

// Robertson's stiff kinetics: LSODA starts with Adams and switches to BDF.
func ExampleOdeint() {
	f := func(_ float64, y, d []float64) {
		d[0] = -0.04*y[0] + 1e4*y[1]*y[2]
		d[1] = 0.04*y[0] - 1e4*y[1]*y[2] - 3e7*y[1]*y[1]
		d[2] = 3e7 * y[1] * y[1]
	}
	res, err := integrate.Odeint(f, nil, []float64{1, 0, 0}, []float64{0, 0.4, 40}, nil)
	if err != nil {
		panic(err)
	}
	for k, y := range res.Y {
		fmt.Printf("y(%g) = [%.4f %.2e %.4f]\n", []float64{0, 0.4, 40}[k], y[0], y[1], y[2])
	}
	fmt.Println(res.Message, "Method used last:", res.MUsed[len(res.MUsed)-1])
	// Output:
	// y(0) = [1.0000 0.00e+00 0.0000]
	// y(0.4) = [0.9852 3.39e-05 0.0148]
	// y(40) = [0.7158 9.19e-06 0.2842]
	// Integration successful. Method used last: 2
}

// A ball thrown up at 10 m/s: the integration stops when it lands and
// records its apex on the way.
func ExampleSolveIVP() {
	ball := func(_ float64, y, d []float64) { d[0], d[1] = y[1], -9.81 }
	res, err := integrate.SolveIVP(ball, [2]float64{0, 10}, []float64{0, 10}, &integrate.IVPSettings{
		Method: integrate.DOP853,
		Events: []integrate.Event{
			{G: func(_ float64, y []float64) float64 { return y[0] }, Terminal: true, Direction: -1},
			{G: func(_ float64, y []float64) float64 { return y[1] }},
		},
		DenseOutput: true,
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("lands at t = %.6f, apex at t = %.6f, height %.4f\n",
		res.TEvents[0][0], res.TEvents[1][0], res.YEvents[1][0][0])
	y := make([]float64, 2)
	res.Sol.At(1, y)
	fmt.Printf("y(1) = %.4f\n%s\n", y[0], res.Message)
	// Output:
	// lands at t = 2.038736, apex at t = 1.019368, height 5.0968
	// y(1) = 5.0950
	// A termination event occurred.
}
