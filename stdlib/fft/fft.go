// Package fft computes discrete Fourier transforms of any length, with
// numpy.fft's conventions: the forward transform is
// X[k] = Σ x[j]·exp(-2πi·jk/n), unnormalized, and the inverse divides by
// n. Lengths whose prime factors are all small use a mixed-radix Stockham
// autosort FFT (radices 4, 2, 3, 5 and a direct DFT for primes up to
// maxDirect); any other length uses Bluestein's chirp-z algorithm over a
// power-of-two FFT. Both cost O(n log n).
package fft

import (
	"math"
	"math/cmplx"
	"sync"
)

// maxDirect is the largest prime radix done by a direct DFT step, O(p²)
// per group of p; lengths with a larger prime factor go to Bluestein.
const maxDirect = 37

// Plan holds what transforms of one length need: the radices and the
// twiddle factors, or Bluestein's chirp and the transform of its
// conjugate. A Plan is safe for concurrent use.
type Plan struct {
	n       int
	radices []int
	// roots[k] = exp(-2πi·k/n), for k < n.
	roots []complex128
	// Bluestein: chirp[k] = exp(-πi·k²/n), the transform of the
	// conjugate chirp padded to m, and the plan for m.
	chirp  []complex128
	kernel []complex128
	inner  *Plan
	// scratch buffers, one per concurrent caller.
	pool sync.Pool
}

// factor splits n into the radices Stockham uses: fours first, then a
// two, threes, fives and other primes up to maxDirect. ok is false when n
// has a prime factor above maxDirect.
func factor(n int) (radices []int, ok bool) {
	for n%4 == 0 {
		radices = append(radices, 4)
		n /= 4
	}
	for _, p := range []int{2, 3, 5} {
		for n%p == 0 {
			radices = append(radices, p)
			n /= p
		}
	}
	for p := 7; p <= maxDirect && n > 1; p += 2 {
		for n%p == 0 {
			radices = append(radices, p)
			n /= p
		}
	}
	return radices, n == 1
}

// unitRoots returns exp(-2πi·k/n) for k < n, each computed from an
// argument reduced to the first octant so that all are accurate to an ulp.
func unitRoots(n int) []complex128 {
	w := make([]complex128, n)
	for k := range w {
		w[k] = root(k, n)
	}
	return w
}

// root returns exp(-2πi·k/n) accurately, by symmetry from an angle of at
// most π/4.
func root(k, n int) complex128 {
	k %= n
	// 8k/n in octants; use exact symmetries of sin and cos.
	oct := 8 * k / n
	var c, s float64
	angle := func(num int) float64 { return 2 * math.Pi * float64(num) / float64(8*n) }
	r := 8*k - oct*n // 8k mod n, so k/n = (oct·n + r)/(8n)
	switch oct {
	case 0:
		c, s = math.Cos(angle(r)), math.Sin(angle(r))
	case 1:
		s, c = math.Cos(angle(n-r)), math.Sin(angle(n-r))
	case 2:
		c, s = -math.Sin(angle(r)), math.Cos(angle(r))
	case 3:
		c, s = -math.Cos(angle(n-r)), math.Sin(angle(n-r))
	case 4:
		c, s = -math.Cos(angle(r)), -math.Sin(angle(r))
	case 5:
		s, c = -math.Cos(angle(n-r)), -math.Sin(angle(n-r))
	case 6:
		c, s = math.Sin(angle(r)), -math.Cos(angle(r))
	default:
		c, s = math.Cos(angle(n-r)), -math.Sin(angle(n-r))
	}
	return complex(c, -s)
}

// NewPlan returns a plan for transforms of length n ≥ 1.
func NewPlan(n int) *Plan {
	p := &Plan{n: n}
	radices, ok := factor(n)
	if ok {
		p.radices = radices
		p.roots = unitRoots(n)
	} else {
		m := 1
		for m < 2*n-1 {
			m *= 2
		}
		p.chirp = make([]complex128, n)
		for k := range p.chirp {
			// k² mod 2n keeps the angle small and exact.
			k2 := (int64(k) * int64(k)) % int64(2*n)
			p.chirp[k] = root(int(k2), 2*n)
		}
		p.inner = NewPlan(m)
		b := make([]complex128, m)
		b[0] = cmplx.Conj(p.chirp[0])
		for k := 1; k < n; k++ {
			b[k] = cmplx.Conj(p.chirp[k])
			b[m-k] = b[k]
		}
		p.inner.Forward(b, b)
		p.kernel = b
	}
	p.pool.New = func() any {
		size := n
		if p.inner != nil {
			size = 2 * p.inner.n
		}
		buf := make([]complex128, size)
		return &buf
	}
	return p
}

// Len returns the plan's transform length.
func (p *Plan) Len() int { return p.n }

// Forward sets dst to the forward transform of src (both of length n;
// they may be the same slice).
func (p *Plan) Forward(dst, src []complex128) { p.transform(dst, src, false) }

// Inverse sets dst to the inverse transform of src, divided by n as
// numpy.fft.ifft does (both of length n; they may be the same slice).
func (p *Plan) Inverse(dst, src []complex128) {
	p.transform(dst, src, true)
	scale := 1 / float64(p.n)
	for i := range dst {
		dst[i] = complex(real(dst[i])*scale, imag(dst[i])*scale)
	}
}

// transform computes the unnormalized forward or (conjugate-exponent)
// backward transform. The backward one is the forward one of the
// conjugate, conjugated.
func (p *Plan) transform(dst, src []complex128, backward bool) {
	if len(dst) != p.n || len(src) != p.n {
		panic("fft: slice length differs from the plan's")
	}
	bufp := p.pool.Get().(*[]complex128)
	defer p.pool.Put(bufp)
	buf := *bufp
	if backward {
		for i, v := range src {
			dst[i] = cmplx.Conj(v)
		}
		src = dst
	}
	if p.inner != nil {
		p.bluestein(dst, src, buf)
	} else {
		p.stockham(dst, src, buf[:p.n])
	}
	if backward {
		for i, v := range dst {
			dst[i] = cmplx.Conj(v)
		}
	}
}

// bluestein computes the forward transform by Bluestein's algorithm
// (L. I. Bluestein, "A linear filtering approach to the computation of the
// discrete Fourier transform", 1968): with jk = (j² + k² - (k-j)²)/2,
// X[k] = c[k]·Σ x[j]c[j]·conj(c[k-j]) for the chirp c[k] = exp(-πi·k²/n),
// a convolution done by FFTs of a power-of-two length m ≥ 2n-1.
func (p *Plan) bluestein(dst, src, buf []complex128) {
	m := p.inner.n
	a, scratch := buf[:m], buf[m:2*m]
	for k, v := range src {
		a[k] = v * p.chirp[k]
	}
	clear(a[p.n:])
	p.inner.stockham(a, a, scratch)
	for i := range a {
		a[i] = cmplx.Conj(a[i] * p.kernel[i])
	}
	// The inverse transform as the conjugate of a forward one.
	p.inner.stockham(a, a, scratch)
	scale := 1 / float64(m)
	for k := range dst {
		v := cmplx.Conj(a[k])
		dst[k] = complex(real(v)*scale, imag(v)*scale) * p.chirp[k]
	}
}

// stockham computes the forward transform by the self-sorting Stockham
// algorithm, one decimation-in-frequency pass per radix (C. Van Loan,
// Computational Frameworks for the Fast Fourier Transform, SIAM 1992,
// §1.7): a pass of radix r over length l = r·m with stride s maps
// x[q + s(j + t·m)], t < r, to y[q + s(r·j + u)], u < r, as the r-point
// DFT times the twiddle w_l^(j·u). Passes alternate between the caller's
// slices and buf; the output lands in dst.
func (p *Plan) stockham(dst, src, buf []complex128) {
	n := p.n
	if n == 1 {
		dst[0] = src[0]
		return
	}
	x, y := src, buf
	// Choose the first target so that the last pass writes into dst; an
	// in-place transform then first moves its input out of the way.
	if len(p.radices)%2 == 1 {
		y = dst
		if &src[0] == &dst[0] {
			copy(buf, src)
			x = buf
		}
	}
	l, s := n, 1
	for pass, r := range p.radices {
		m := l / r
		stride := n / l // roots index step for w_l
		switch r {
		case 4:
			radix4(x, y, m, s, stride, p.roots)
		case 2:
			radix2(x, y, m, s, stride, p.roots)
		default:
			radixP(x, y, r, m, s, stride, p.roots, n)
		}
		l, s = m, s*r
		x = y
		if pass+1 < len(p.radices) {
			if &y[0] == &dst[0] {
				y = buf
			} else {
				y = dst
			}
		}
	}
}

func radix2(x, y []complex128, m, s, stride int, roots []complex128) {
	for j := range m {
		w := roots[j*stride]
		for q := range s {
			a, b := x[q+s*j], x[q+s*(j+m)]
			y[q+s*2*j] = a + b
			y[q+s*(2*j+1)] = (a - b) * w
		}
	}
}

func radix4(x, y []complex128, m, s, stride int, roots []complex128) {
	for j := range m {
		w1, w2, w3 := roots[j*stride], roots[2*j*stride], roots[3*j*stride]
		in := x[s*j:]
		out := y[s*4*j:]
		for q := range s {
			a, b, c, d := in[q], in[q+s*m], in[q+2*s*m], in[q+3*s*m]
			apc, amc := a+c, a-c
			bpd := b + d
			// -i·(b - d)
			bmd := b - d
			mibmd := complex(imag(bmd), -real(bmd))
			out[q] = apc + bpd
			out[q+s] = (amc + mibmd) * w1
			out[q+2*s] = (apc - bpd) * w2
			out[q+3*s] = (amc - mibmd) * w3
		}
	}
}

// radixP is a pass of any radix r, by a direct r-point DFT.
func radixP(x, y []complex128, r, m, s, stride int, roots []complex128, n int) {
	a := make([]complex128, r)
	rootStep := n / r // w_r^1 = roots[n/r]
	for j := range m {
		for q := range s {
			for t := range r {
				a[t] = x[q+s*(j+t*m)]
			}
			for u := range r {
				var sum complex128
				for t := range r {
					sum += a[t] * roots[(t*u%r)*rootStep]
				}
				y[q+s*(r*j+u)] = sum * roots[(j*u*stride)%n]
			}
		}
	}
}
