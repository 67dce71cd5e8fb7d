package plot_test

import (
	"fmt"
	"math"

	"calc/stdlib/plot"
)

// A curve is sampled more densely where it bends.
func ExampleSample() {
	x, _ := plot.Sample(math.Sin, 0, 2*math.Pi, plot.Sampling{})
	y, _ := plot.Sample(math.Sin, 0, 2*math.Pi, plot.Sampling{MaxAngle: 1})
	fmt.Println(len(x), len(y))
	// Output: 141 457
}

func ExampleFigure_Braille() {
	x, y := plot.Sample(math.Abs, -1, 1, plot.Sampling{})
	fig, err := (&plot.Figure{Title: "|x|"}).With(&plot.Line{X: x, Y: y})
	if err != nil {
		panic(err)
	}
	fmt.Println(fig)
	fmt.Print(fig.Braille(12, 3))
	// Output:
	// <figure 640×480: |x|, 1 series>
	//         |x|
	//  1.05 ┤⠲⣄⠀⠀⠀⠀⠀⠀⠀⠀⣠⠖
	//       │⠀⠈⠑⢦⡀⠀⠀⢀⡴⠊⠁⠀
	// -0.05 ┤⠀⠀⠀⠀⠙⠦⡴⠋⠀⠀⠀⠀
	//       └────────────
	//       -1          1
}

// Histogram counts as numpy's histogram does.
func ExampleHistogram() {
	x := []float64{1, 2, 2, 3, 3, 3, 4, 4, 5}
	edges, _ := plot.BinEdges(1, 5, 4)
	counts, _ := plot.Histogram(x, edges, false)
	fmt.Println(edges, counts)
	// Output: [1 2 3 4 5] [1 2 3 3]
}
