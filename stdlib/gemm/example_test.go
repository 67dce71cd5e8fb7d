package gemm_test

import (
	"fmt"

	"calc/stdlib/gemm"
)

// C = A·Bᵀ for a 2×3 A and a B stored as 2×3, so op(B) is 3×2.
func ExampleDgemm() {
	a := []float64{
		1, 2, 3,
		4, 5, 6,
	}
	b := []float64{
		1, 0, -1,
		2, 1, 0,
	}
	c := make([]float64, 4)
	gemm.Dgemm(false, true, 2, 2, 3, 1, a, 3, b, 3, 0, c, 2)
	fmt.Println(c)
	// Output: [-2 4 -2 13]
}

func ExampleSigmoid() {
	x := []float64{-2, 0, 2, 40}
	gemm.Sigmoid(x, x)
	fmt.Printf("%.6f\n", x)
	// Output: [0.119203 0.500000 0.880797 1.000000]
}
