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
	// half[k] = exp(−2πi·k/2n) for k ≤ n/2, the twiddles with which
	// RFFT of length 2n completes this plan's transform; made on first use.
	half     []complex128
	halfOnce sync.Once
}

// halfRoots returns p.half, computing it the first time.
func (p *Plan) halfRoots() []complex128 {
	p.halfOnce.Do(func() {
		p.half = make([]complex128, p.n/2+1)
		for k := range p.half {
			p.half[k] = root(k, 2*p.n)
		}
	})
	return p.half
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

// goodSize returns the least n ≥ least whose only prime factors are 2, 3
// and 5, the lengths the specialised passes handle.
func goodSize(least int) int {
	best := math.MaxInt
	for p2 := 1; p2 < best; p2 *= 2 {
		for p3 := p2; p3 < best; p3 *= 3 {
			p5 := p3
			for p5 < least {
				p5 *= 5
			}
			best = min(best, p5)
		}
	}
	return best
}

// NewPlan returns a plan for transforms of length n ≥ 1.
func NewPlan(n int) *Plan {
	p := &Plan{n: n}
	radices, ok := factor(n)
	if ok {
		p.radices = radices
		p.roots = unitRoots(n)
	} else {
		m := goodSize(2*n - 1)
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
		// n for the passes' output, maxDirect for radixP's values.
		size := n + maxDirect
		if p.inner != nil {
			size = 2*p.inner.n + maxDirect
		}
		buf := make([]complex128, size)
		return &buf
	}
	return p
}

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
		p.stockham(dst, src, buf)
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
	a, scratch := buf[:m], buf[m:]
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
		case 3:
			radix3(x, y, m, s, stride, p.roots)
		case 5:
			radix5(x, y, m, s, stride, p.roots)
		default:
			radixP(x, y, buf[n:n+r], r, m, s, stride, p.roots, n)
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

// The passes below each take the slices of one group's inputs and
// outputs, all of length s, so that the compiler drops the bounds checks
// in the inner loops; group j = 0 has unit twiddles and skips them.

func radix2(x, y []complex128, m, s, stride int, roots []complex128) {
	for j := range m {
		w := roots[j*stride]
		x0, x1 := x[s*j:s*j+s], x[s*(j+m):s*(j+m)+s]
		y0, y1 := y[s*2*j:s*2*j+s], y[s*(2*j+1):s*(2*j+1)+s]
		x1, y0, y1 = x1[:len(x0)], y0[:len(x0)], y1[:len(x0)]
		if j == 0 {
			for q, a := range x0 {
				b := x1[q]
				y0[q], y1[q] = a+b, a-b
			}
			continue
		}
		for q, a := range x0 {
			b := x1[q]
			y0[q], y1[q] = a+b, (a-b)*w
		}
	}
}

func radix4(x, y []complex128, m, s, stride int, roots []complex128) {
	if s == 1 {
		// The first pass: one butterfly per group, so no inner loop.
		x0, x1, x2, x3 := x[:m], x[m:2*m], x[2*m:3*m], x[3*m:4*m]
		y = y[:4*m]
		for j, a := range x0 {
			b, c, d := x1[j], x2[j], x3[j]
			w1, w2, w3 := roots[j*stride], roots[2*j*stride], roots[3*j*stride]
			apc, amc := a+c, a-c
			bpd, bmd := b+d, b-d
			mibmd := complex(imag(bmd), -real(bmd))
			o := y[4*j : 4*j+4]
			o[0] = apc + bpd
			o[1] = (amc + mibmd) * w1
			o[2] = (apc - bpd) * w2
			o[3] = (amc - mibmd) * w3
		}
		return
	}
	for j := range m {
		w1, w2, w3 := roots[j*stride], roots[2*j*stride], roots[3*j*stride]
		x0 := x[s*j : s*j+s]
		x1 := x[s*(j+m) : s*(j+m)+s][:len(x0)]
		x2 := x[s*(j+2*m) : s*(j+2*m)+s][:len(x0)]
		x3 := x[s*(j+3*m) : s*(j+3*m)+s][:len(x0)]
		y0 := y[s*4*j : s*4*j+s][:len(x0)]
		y1 := y[s*(4*j+1) : s*(4*j+1)+s][:len(x0)]
		y2 := y[s*(4*j+2) : s*(4*j+2)+s][:len(x0)]
		y3 := y[s*(4*j+3) : s*(4*j+3)+s][:len(x0)]
		if j == 0 {
			done := radix4Vector(x0, x1, x2, x3, y0, y1, y2, y3, nil)
			unitButterflies4(x0[done:], x1[done:], x2[done:], x3[done:], y0[done:], y1[done:], y2[done:], y3[done:])
			continue
		}
		done := radix4Vector(x0, x1, x2, x3, y0, y1, y2, y3, &[3]complex128{w1, w2, w3})
		butterflies4(x0[done:], x1[done:], x2[done:], x3[done:], y0[done:], y1[done:], y2[done:], y3[done:], w1, w2, w3)
	}
}

// unitButterflies4 is butterflies4 for the group with unit twiddles.
func unitButterflies4(x0, x1, x2, x3, y0, y1, y2, y3 []complex128) {
	x1, x2, x3 = x1[:len(x0)], x2[:len(x0)], x3[:len(x0)]
	y0, y1, y2, y3 = y0[:len(x0)], y1[:len(x0)], y2[:len(x0)], y3[:len(x0)]
	for q, a := range x0 {
		b, c, d := x1[q], x2[q], x3[q]
		apc, amc := a+c, a-c
		bpd, bmd := b+d, b-d
		// −i·(b − d)
		mibmd := complex(imag(bmd), -real(bmd))
		y0[q], y1[q], y2[q], y3[q] = apc+bpd, amc+mibmd, apc-bpd, amc-mibmd
	}
}

// butterflies4 is a radix-4 pass's loop over the inputs x0..x3 and outputs
// y0..y3 of one group, with twiddles w1, w2, w3.
func butterflies4(x0, x1, x2, x3, y0, y1, y2, y3 []complex128, w1, w2, w3 complex128) {
	x1, x2, x3 = x1[:len(x0)], x2[:len(x0)], x3[:len(x0)]
	y0, y1, y2, y3 = y0[:len(x0)], y1[:len(x0)], y2[:len(x0)], y3[:len(x0)]
	for q, a := range x0 {
		b, c, d := x1[q], x2[q], x3[q]
		apc, amc := a+c, a-c
		bpd, bmd := b+d, b-d
		mibmd := complex(imag(bmd), -real(bmd))
		y0[q] = apc + bpd
		y1[q] = (amc + mibmd) * w1
		y2[q] = (apc - bpd) * w2
		y3[q] = (amc - mibmd) * w3
	}
}

// The constants of the 3- and 5-point DFTs: sin(π/3), and cos and sin of
// 2π/5 and 4π/5.
const (
	sin60 = 0.86602540378443864676372317075293618
	c51   = 0.30901699437494742410229341718281906
	c52   = -0.80901699437494742410229341718281906
	s51   = 0.95105651629515357211643933337938214
	s52   = 0.58778525229247312916870595463907277
)

func radix3(x, y []complex128, m, s, stride int, roots []complex128) {
	for j := range m {
		w1, w2 := roots[j*stride], roots[2*j*stride]
		x0 := x[s*j : s*j+s]
		x1 := x[s*(j+m) : s*(j+m)+s][:len(x0)]
		x2 := x[s*(j+2*m) : s*(j+2*m)+s][:len(x0)]
		y0 := y[s*3*j : s*3*j+s][:len(x0)]
		y1 := y[s*(3*j+1) : s*(3*j+1)+s][:len(x0)]
		y2 := y[s*(3*j+2) : s*(3*j+2)+s][:len(x0)]
		for q, a := range x0 {
			b, c := x1[q], x2[q]
			t := b + c
			u := a - 0.5*t
			// −i·sin60·(b − c)
			d := b - c
			v := complex(sin60*imag(d), -sin60*real(d))
			y0[q] = a + t
			y1[q] = (u + v) * w1
			y2[q] = (u - v) * w2
		}
	}
}

func radix5(x, y []complex128, m, s, stride int, roots []complex128) {
	for j := range m {
		w1, w2, w3, w4 := roots[j*stride], roots[2*j*stride], roots[3*j*stride], roots[4*j*stride]
		x0 := x[s*j : s*j+s]
		x1 := x[s*(j+m) : s*(j+m)+s][:len(x0)]
		x2 := x[s*(j+2*m) : s*(j+2*m)+s][:len(x0)]
		x3 := x[s*(j+3*m) : s*(j+3*m)+s][:len(x0)]
		x4 := x[s*(j+4*m) : s*(j+4*m)+s][:len(x0)]
		y0 := y[s*5*j : s*5*j+s][:len(x0)]
		y1 := y[s*(5*j+1) : s*(5*j+1)+s][:len(x0)]
		y2 := y[s*(5*j+2) : s*(5*j+2)+s][:len(x0)]
		y3 := y[s*(5*j+3) : s*(5*j+3)+s][:len(x0)]
		y4 := y[s*(5*j+4) : s*(5*j+4)+s][:len(x0)]
		for q, a := range x0 {
			b, c, d, e := x1[q], x2[q], x3[q], x4[q]
			t1, t2 := b+e, c+d
			t3, t4 := b-e, c-d
			r1 := a + complex(c51, 0)*t1 + complex(c52, 0)*t2
			r2 := a + complex(c52, 0)*t1 + complex(c51, 0)*t2
			// −i·(s51·t3 + s52·t4) and −i·(s52·t3 − s51·t4)
			i1 := complex(s51, 0)*t3 + complex(s52, 0)*t4
			i2 := complex(s52, 0)*t3 - complex(s51, 0)*t4
			v1 := complex(imag(i1), -real(i1))
			v2 := complex(imag(i2), -real(i2))
			y0[q] = a + t1 + t2
			y1[q] = (r1 + v1) * w1
			y2[q] = (r2 + v2) * w2
			y3[q] = (r2 - v2) * w3
			y4[q] = (r1 - v1) * w4
		}
	}
}

// radixP is a pass of any radix r, by a direct r-point DFT; a holds r
// values.
func radixP(x, y, a []complex128, r, m, s, stride int, roots []complex128, n int) {
	rootStep := n / r // w_r^1 = roots[n/r]
	for j := range m {
		for q := range s {
			for t := range r {
				a[t] = x[q+s*(j+t*m)]
			}
			for u := range r {
				var sum complex128
				k := 0
				for t := range r {
					sum += a[t] * roots[k*rootStep]
					k += u
					if k >= r {
						k -= r
					}
				}
				y[q+s*(r*j+u)] = sum * roots[j*u*stride]
			}
		}
	}
}
