package fft

import "fmt"

// Correlate returns the cross-correlation c[k] = Σ a[n+k]·v[n] of two
// non-empty real sequences, as numpy.correlate, for the lags k that mode
// selects: "full" all N+M-1 from -(M-1) to N-1, "same" the max(N, M)
// centred ones, "valid" the |N-M|+1 where the shorter lies wholly inside
// the longer. It sums directly, in O(N·M), as numpy does.
func Correlate(a, v []float64, mode string) ([]float64, error) {
	n, m := len(a), len(v)
	if n == 0 || m == 0 {
		return nil, fmt.Errorf("correlate: the sequences must not be empty")
	}
	full := make([]float64, n+m-1)
	for i := range full {
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
func Convolve(a, v []float64, mode string) ([]float64, error) {
	if len(v) > len(a) {
		a, v = v, a
	}
	r := make([]float64, len(v))
	for i, x := range v {
		r[len(v)-1-i] = x
	}
	return Correlate(a, r, mode)
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
