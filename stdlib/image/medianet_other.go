//go:build !amd64

package image

// fastNet reports whether the networks run on vectors of 32 bytes or
// more: not on this architecture, where the 5×5 median slides a histogram
// instead.
const fastNet = false

// netBytes applies a comparator network to 32 lanes of bytes: netSWAR on
// this architecture.
var netBytes = netSWAR

// asmRow returns nil: there is no assembly for this architecture.
func asmRow(int) netRow { return nil }
