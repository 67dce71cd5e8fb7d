package fft

import (
	"math/cmplx"
	"sync"
)

// plans caches the plans of the lengths last used, as numpy's pocketfft
// keeps an LRU cache of 16: building one costs as much as a few
// transforms. It is safe for concurrent use and invisible to callers.
var plans struct {
	sync.Mutex
	order []*Plan
}

// planFor returns a plan for length n from the cache, or a new one.
func planFor(n int) *Plan {
	plans.Lock()
	defer plans.Unlock()
	for i, p := range plans.order {
		if p.n == n {
			copy(plans.order[1:i+1], plans.order[:i])
			plans.order[0] = p
			return p
		}
	}
	p := NewPlan(n)
	plans.order = append([]*Plan{p}, plans.order...)
	if len(plans.order) > 16 {
		plans.order = plans.order[:16]
	}
	return p
}

// FFT returns the forward transform of x, as numpy.fft.fft.
func FFT(x []complex128) []complex128 {
	out := make([]complex128, len(x))
	if len(x) > 0 {
		planFor(len(x)).Forward(out, x)
	}
	return out
}

// IFFT returns the inverse transform of x, as numpy.fft.ifft.
func IFFT(x []complex128) []complex128 {
	out := make([]complex128, len(x))
	if len(x) > 0 {
		planFor(len(x)).Inverse(out, x)
	}
	return out
}

// RFFT returns the n/2+1 non-negative-frequency terms of the transform of
// the real x, as numpy.fft.rfft (the rest are their conjugates).
func RFFT(x []float64) []complex128 {
	n := len(x)
	if n == 0 {
		return nil
	}
	c := make([]complex128, n)
	for i, v := range x {
		c[i] = complex(v, 0)
	}
	planFor(n).Forward(c, c)
	return c[:n/2+1]
}

// IRFFT returns the real signal of length n whose rfft is X, as
// numpy.fft.irfft: X is cut or padded with zeros to n/2+1 terms, the
// spectrum completed by Hermitian symmetry, and the imaginary parts of
// the zero-frequency term (and of the Nyquist term for even n) ignored.
func IRFFT(X []complex128, n int) []float64 {
	if n <= 0 {
		return nil
	}
	full := make([]complex128, n)
	for k := 0; k <= n/2 && k < len(X); k++ {
		full[k] = X[k]
		if k > 0 && n-k != k {
			full[n-k] = cmplx.Conj(X[k])
		}
	}
	full[0] = complex(real(full[0]), 0)
	if n%2 == 0 && n/2 < len(X) {
		full[n/2] = complex(real(full[n/2]), 0)
	}
	planFor(n).Inverse(full, full)
	out := make([]float64, n)
	for i, v := range full {
		out[i] = real(v)
	}
	return out
}

// Freq returns the sample frequencies of an n-point transform with sample
// spacing d, as numpy.fft.fftfreq: [0, 1, ..., ⌈n/2⌉-1, -⌊n/2⌋, ..., -1]/(d·n).
func Freq(n int, d float64) []float64 {
	out := make([]float64, n)
	val := 1 / (float64(n) * d)
	for i := range out {
		k := i
		if i >= (n+1)/2 {
			k = i - n
		}
		out[i] = float64(k) * val
	}
	return out
}

// RFreq returns the n/2+1 non-negative sample frequencies of rfft, as
// numpy.fft.rfftfreq.
func RFreq(n int, d float64) []float64 {
	out := make([]float64, n/2+1)
	val := 1 / (float64(n) * d)
	for i := range out {
		out[i] = float64(i) * val
	}
	return out
}
