package linalg_test

import (
	"fmt"

	"calc/stdlib/array"
	"calc/stdlib/linalg"
)

func ExampleSolve() {
	a := array.New([]int{2, 2}, []float64{3, 1, 1, 2})
	x, err := linalg.Solve(a, array.Vector([]float64{9, 8}))
	fmt.Printf("%.4g %v\n", x.Floats(), err)

	_, err = linalg.Inv(array.New([]int{2, 2}, []float64{1, 2, 2, 4}))
	fmt.Println(err)
	// Output:
	// [2 3] <nil>
	// inv: singular matrix
}

func ExampleLstsq() {
	// Fit y = c0 + c1·x through (0, 1), (1, 3), (2, 5), (3, 7).
	a := array.New([]int{4, 2}, []float64{1, 0, 1, 1, 1, 2, 1, 3})
	c, residuals, rank, _, _ := linalg.Lstsq(a, array.Vector([]float64{1, 3, 5, 7}), 0)
	fmt.Printf("c = %.4g, residuals = %.2f, rank = %d\n", c.Floats(), residuals.Floats(), rank)
	// Output:
	// c = [1 2], residuals = [0.00], rank = 2
}

func ExampleEigh() {
	values, vectors, _ := linalg.Eigh(array.New([]int{2, 2}, []float64{2, 1, 1, 2}))
	fmt.Printf("%.4g %v\n", values.Floats(), vectors.Shape)

	_, _, err := linalg.Eigh(array.New([]int{2, 3}, make([]float64, 6)))
	fmt.Println(err)
	// Output:
	// [1 3] [2 2]
	// eigh: expected a square matrix, got shape (2, 3)
}
