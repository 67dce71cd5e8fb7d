//go:build !race

package autodiff

// raceEnabled reports that the race detector is on.
const raceEnabled = false
