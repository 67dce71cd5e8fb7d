package array_test

import (
	"fmt"

	"calc/stdlib/array"
)

func ExampleBroadcast() {
	m := array.New([]int{2, 3}, []float64{1, 2, 3, 4, 5, 6})
	row := array.Vector([]float64{10, 20, 30})
	sum, err := array.Broadcast(m, row, func(x, y float64) float64 { return x + y })
	fmt.Println(array.Format(sum, array.FormatOptions{}), err)

	_, err = array.Broadcast(m, array.Zeros(4), func(x, y float64) float64 { return x + y })
	fmt.Println(err)
	// Output:
	// [[11, 22, 33],
	//  [14, 25, 36]] <nil>
	// shapes (2, 3) and (4,) cannot be broadcast
}

func ExampleSum() {
	m := array.New([]int{2, 3}, []float64{1, 2, 3, 4, 5, 6})
	total, _ := array.Sum(m, array.AllAxes)
	cols, _ := array.Sum(m, 0)
	rows, _ := array.Sum(m, -1)
	fmt.Println(array.ShapeString(total.Shape), total.Floats(), cols.Floats(), rows.Floats())
	// Output: () [21] [5 7 9] [6 15]
}

func ExampleSlice() {
	a, _ := array.Arange(0, 10, 1)
	evens, _ := array.Slice(a, 0, 0, 2, false, false)
	tail, _ := array.Slice(a, -3, 0, 1, true, false)
	backwards, _ := array.Slice(a, 8, 2, -2, true, true)
	fmt.Println(evens.Floats(), tail.Floats(), backwards.Floats())
	// Output: [0 2 4 6 8] [7 8 9] [8 6 4]
}

func ExampleFormat() {
	a, _ := array.Linspace(0, 1, 5, true)
	fmt.Println(array.Format(a, array.FormatOptions{}))
	big, _ := array.Arange(0, 10000, 1)
	m, _ := array.Reshape(big, []int{100, -1})
	fmt.Println(array.Format(m, array.FormatOptions{EdgeItems: 2}))
	// Output:
	// [0.  , 0.25, 0.5 , 0.75, 1.  ]
	// [[   0,    1, ...,   98,   99],
	//  [ 100,  101, ...,  198,  199],
	//  ...,
	//  [9800, 9801, ..., 9898, 9899],
	//  [9900, 9901, ..., 9998, 9999]]
}

func ExampleDot() {
	a := array.New([]int{2, 2}, []float64{1, 2, 3, 4})
	b := array.New([]int{2, 2}, []float64{5, 6, 7, 8})
	c, _ := array.Dot(a, b)
	fmt.Println(c.Floats())
	_, err := array.Dot(array.Zeros(2, 3), array.Zeros(2, 3))
	fmt.Println(err)
	// Output:
	// [19 22 43 50]
	// dot: shapes (2, 3) and (2, 3) not aligned: 3 (dim 1) != 2 (dim 0)
}
