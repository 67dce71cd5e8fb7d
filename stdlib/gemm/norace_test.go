//go:build !race

package gemm

// raceEnabled reports that the race detector is on.
const raceEnabled = false
