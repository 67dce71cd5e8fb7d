package fft

import (
	"math/cmplx"
	"sync"
	"sync/atomic"
)

// plans caches the plans of the lengths last used, as numpy's pocketfft
// keeps an LRU cache of 16: building one costs as much as a few
// transforms. It is safe for concurrent use and invisible to callers.
// last, the plan most recently returned, is found without the lock, so
// that repeated transforms of one small length pay no locking.
var plans struct {
	sync.Mutex
	order []*Plan
	last  atomic.Pointer[Plan]
}

// planFor returns a plan for length n from the cache, or a new one.
func planFor(n int) *Plan {
	if p := plans.last.Load(); p != nil && p.n == n {
		return p
	}
	p := cachedPlan(n)
	plans.last.Store(p)
	return p
}

// cachedPlan returns the plan for length n from the LRU list, moving it
// to the front, or a new one added there.
func cachedPlan(n int) *Plan {
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
// the real x, as numpy.fft.rfft (the rest are their conjugates). An even
// n packs x into n/2 complex numbers z[j] = x[2j] + i·x[2j+1], transforms
// those, and separates the spectra of the even and odd samples:
// X[k] = E[k] + w^k·O[k] with E[k] = (Z[k] + conj Z[n/2−k])/2,
// O[k] = (Z[k] − conj Z[n/2−k])/(2i) and w = exp(−2πi/n), half the work
// of a complex transform of length n.
func RFFT(x []float64) []complex128 {
	n := len(x)
	if n == 0 {
		return nil
	}
	if n%2 == 1 || n == 2 {
		c := make([]complex128, n)
		for i, v := range x {
			c[i] = complex(v, 0)
		}
		planFor(n).Forward(c, c)
		return c[:n/2+1]
	}
	h := n / 2
	out := make([]complex128, h+1)
	for j := range h {
		out[j] = complex(x[2*j], x[2*j+1])
	}
	p := planFor(h)
	p.Forward(out[:h], out[:h])
	separateHalves(out, p.halfRoots())
	return out
}

// separateHalves turns z[:h], the transform of the even samples plus i
// times that of the odd ones, into the n/2+1 = h+1 terms of the real
// transform, in place: terms k and h−k are made together from Z[k] and
// Z[h−k]. w[k] = exp(−2πi·k/n) for k ≤ h/2. With E and O the halves' k-th
// terms, term h−k is conj(E − w^k·O), as E and O at h−k are conj(E) and
// conj(O) and w^(h−k) = −conj(w^k): one complex product per pair.
func separateHalves(z, w []complex128) {
	h := len(z) - 1
	z0 := z[0]
	z[0], z[h] = complex(real(z0)+imag(z0), 0), complex(real(z0)-imag(z0), 0)
	for k := 1; 2*k <= h; k++ {
		a, b := z[k], z[h-k]
		// E = (a + conj b)/2, D = (a − conj b)/2 and O = D/i.
		er, ei := (real(a)+real(b))*0.5, (imag(a)-imag(b))*0.5
		dr, di := (real(a)-real(b))*0.5, (imag(a)+imag(b))*0.5
		t := w[k] * complex(di, -dr)
		z[k] = complex(er+real(t), ei+imag(t))
		z[h-k] = complex(er-real(t), imag(t)-ei)
	}
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
