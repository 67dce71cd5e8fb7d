package optimize

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

func TestNNLSScipy(t *testing.T) {
	for name, want := range consScipy(t) {
		if len(name) < 5 || name[:5] != "NNLS/" {
			continue
		}
		x, rnorm, err := NNLS(want.A, want.B, 0)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if math.Abs(rnorm-want.Rnorm) > 1e-10*math.Max(1, want.Rnorm) {
			t.Errorf("%s: rnorm %.15g, scipy %.15g", name, rnorm, want.Rnorm)
		}
		for i := range x {
			if math.Abs(x[i]-want.X[i]) > 1e-12 {
				t.Errorf("%s: x = %v, scipy %v", name, x, want.X)
				break
			}
		}
	}
}

func TestNNLSErrors(t *testing.T) {
	if _, _, err := NNLS([][]float64{{1, 2}, {3}}, []float64{1, 2}, 0); err == nil {
		t.Error("ragged A accepted")
	}
	if _, _, err := NNLS(nil, nil, 0); err == nil {
		t.Error("empty A accepted")
	}
	// Each of the three variables enters in an iteration of its own.
	A := [][]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}
	if _, _, err := NNLS(A, []float64{1, 2, 3}, 2); !errors.Is(err, ErrNNLSIterations) {
		t.Errorf("iteration limit: %v", err)
	}
	if x, _, err := NNLS(A, []float64{1, 2, 3}, 3); err != nil || x[2] != 3 {
		t.Errorf("3 iterations: %v %v", x, err)
	}
}

func ExampleNNLS() {
	// The unconstrained least squares solution has x[0] < 0; with
	// x >= 0 the best fit uses the second column alone, as scipy's.
	A := [][]float64{{1, 2}, {3, 4}, {5, 6}}
	x, rnorm, err := NNLS(A, []float64{3, 2, 1}, 0)
	if err != nil {
		panic(err)
	}
	fmt.Printf("x = [%.4f %.4f], ||Ax-b|| = %.4f\n", x[0], x[1], rnorm)
	// Output:
	// x = [0.0000 0.3571], ||Ax-b|| = 2.6186
}
