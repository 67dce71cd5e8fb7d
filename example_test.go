package calc_test

import (
	"fmt"
	"os"

	"calc"
)

// Example runs calc source from Go: define a function, evaluate it, and
// read the value back.
func Example() {
	s := calc.NewSession()
	calc.Run(s, "<example>", "f(x) = x**2 - 4*x + 8\nf(3)\nxs = map(f, range(4))", os.Stdout, os.Stderr)
	v, err := s.Eval("sum(xs)")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v.Float())
	xs, _ := s.Get("xs")
	fmt.Println(xs.Array().Floats())
	// Output:
	// 5
	// 22
	// [8 5 4 5]
}
