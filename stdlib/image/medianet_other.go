//go:build !amd64

package image

// fastNet reports whether netBytes runs on vectors of 32 bytes: not on
// this architecture, where the 5×5 median slides a histogram instead.
const fastNet = false

// netBytes applies a comparator network to 32 lanes of bytes: netSWAR on
// this architecture.
var netBytes = netSWAR
