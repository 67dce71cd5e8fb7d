package fft

import (
	"fmt"

	"calc/stdlib/array"
)

// stopEvery is the multiply-adds between polls of a stop function: about
// a millisecond.
const stopEvery = 1 << 20

// Correlate returns the cross-correlation c[k] = Σ a[n+k]·v[n] of two
// non-empty real sequences, as numpy.correlate, for the lags k that mode
// selects: "full" all N+M-1 from -(M-1) to N-1, "same" the max(N, M)
// centred ones, "valid" the |N-M|+1 where the shorter lies wholly inside
// the longer. It sums directly, in O(N·M), as numpy does, and polls stop
// (when not nil) as it goes, giving up with array.ErrStopped once it
// reports true.
func Correlate(a, v []float64, mode string, stop func() bool) ([]float64, error) {
	n, m := len(a), len(v)
	if n == 0 || m == 0 {
		return nil, fmt.Errorf("correlate: the sequences must not be empty")
	}
	full := make([]float64, n+m-1)
	work := 0
	for i := range full {
		if work += m; work >= stopEvery {
			if work = 0; stop != nil && stop() {
				return nil, array.ErrStopped
			}
		}
		k := i - (m - 1)
		s := 0.0
		for j := max(0, -k); j < m && j+k < n; j++ {
			s += a[j+k] * v[j]
		}
		full[i] = s
	}
	lo, length, err := window(n, m, mode)
	if err != nil {
		return nil, err
	}
	if m > n {
		// numpy swaps the operands and reverses, which mirrors the window.
		lo = len(full) - lo - length
	}
	return full[lo : lo+length], nil
}

// Convolve returns the discrete linear convolution of two non-empty real
// sequences, (a∗v)[k] = Σ a[j]·v[k-j], as numpy.convolve, with the same
// modes as Correlate ("full" by default in numpy).
func Convolve(a, v []float64, mode string, stop func() bool) ([]float64, error) {
	if len(v) > len(a) {
		a, v = v, a
	}
	r := make([]float64, len(v))
	for i, x := range v {
		r[len(v)-1-i] = x
	}
	return Correlate(a, r, mode, stop)
}

// window returns where numpy's mode takes its result from the full
// correlation of lengths n and m, and how long it is.
func window(n, m int, mode string) (lo, length int, err error) {
	long, short := max(n, m), min(n, m)
	switch mode {
	case "full":
		return 0, n + m - 1, nil
	case "same":
		return short - 1 - short/2, long, nil
	case "valid":
		return short - 1, long - short + 1, nil
	}
	return 0, 0, fmt.Errorf("mode must be \"full\", \"same\" or \"valid\", got %q", mode)
}
