//go:build !amd64

package image

// vectorSlack is the room suppressVector needs in edges beyond a row's
// pixels.
const vectorSlack = 0

// suppressVector does none of suppressRow's pixels: there is no vector
// code for this architecture.
func suppressVector(_, _, _, _, _ []int32, _, _ int32, _ []uint8, _ int, edges []int32) (int, []int32) {
	return 0, edges
}

// hasGradientVector reports whether gradientVector runs here: not on this
// architecture.
const hasGradientVector = false

// gradientVector is not called on this architecture.
func gradientVector(_, _, _ []uint8, _ bool, _, _, _ []int32) {}
