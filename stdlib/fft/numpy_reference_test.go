package fft

import (
	"encoding/json"
	"math"
	"math/cmplx"
	"os"
	"testing"
)

// pairs decodes [re, im, re, im, ...].
func pairs(f []float64) []complex128 {
	z := make([]complex128, len(f)/2)
	for i := range z {
		z[i] = complex(f[2*i], f[2*i+1])
	}
	return z
}

// maxErr returns max|got - want| / max|want|.
func maxErr(got, want []complex128) float64 {
	if len(got) != len(want) {
		return math.Inf(1)
	}
	e, s := 0.0, 0.0
	for i := range want {
		e = max(e, cmplx.Abs(got[i]-want[i]))
		s = max(s, cmplx.Abs(want[i]))
	}
	if s == 0 {
		return e
	}
	return e / s
}

func reals(x []float64) []complex128 {
	z := make([]complex128, len(x))
	for i, v := range x {
		z[i] = complex(v, 0)
	}
	return z
}

func TestNumpyReference(t *testing.T) {
	raw, err := os.ReadFile("testdata/numpy_reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Numpy string
		FFTs  []struct {
			N                            int
			X, FFT, IFFT, R, RFFT, IRFFT []float64
		}
		Freqs []struct {
			N                 int
			D                 float64
			FFTFreq, RFFTFreq []float64
		}
		Convs []struct {
			A, V                []float64
			Mode                string
			Convolve, Correlate []float64
		}
	}
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatal(err)
	}
	t.Logf("numpy %s", ref.Numpy)
	// pocketfft and this package round differently; both are accurate to
	// a small multiple of eps·log n relative to the largest term.
	const tol = 1e-14
	for _, c := range ref.FFTs {
		x := pairs(c.X)
		if e := maxErr(FFT(x), pairs(c.FFT)); e > tol {
			t.Errorf("fft n=%d: relative error %.3g", c.N, e)
		}
		if c.IFFT == nil {
			continue
		}
		if e := maxErr(IFFT(x), pairs(c.IFFT)); e > tol {
			t.Errorf("ifft n=%d: relative error %.3g", c.N, e)
		}
		if e := maxErr(RFFT(c.R), pairs(c.RFFT)); e > tol {
			t.Errorf("rfft n=%d: relative error %.3g", c.N, e)
		}
		spectrum := RFFT(c.R)
		for i := range spectrum {
			spectrum[i] += 0.5i
		}
		if e := maxErr(reals(IRFFT(spectrum, c.N)), reals(c.IRFFT)); e > tol {
			t.Errorf("irfft n=%d: relative error %.3g", c.N, e)
		}
	}
	for _, c := range ref.Freqs {
		if e := maxErr(reals(Freq(c.N, c.D)), reals(c.FFTFreq)); e != 0 {
			t.Errorf("fftfreq(%d, %v) differs by %.3g", c.N, c.D, e)
		}
		if e := maxErr(reals(RFreq(c.N, c.D)), reals(c.RFFTFreq)); e != 0 {
			t.Errorf("rfftfreq(%d, %v) differs by %.3g", c.N, c.D, e)
		}
	}
	for _, c := range ref.Convs {
		conv, err := Convolve(c.A, c.V, c.Mode, nil)
		if err != nil || maxErr(reals(conv), reals(c.Convolve)) > 1e-15 {
			t.Errorf("convolve(%d, %d, %s) = %v (%v), want %v", len(c.A), len(c.V), c.Mode, conv, err, c.Convolve)
		}
		corr, err := Correlate(c.A, c.V, c.Mode, nil)
		if err != nil || maxErr(reals(corr), reals(c.Correlate)) > 1e-15 {
			t.Errorf("correlate(%d, %d, %s) = %v (%v), want %v", len(c.A), len(c.V), c.Mode, corr, err, c.Correlate)
		}
	}
}

// TestLongPrime checks Bluestein's algorithm at a prime length far past
// the reference file's against the direct O(n²) sum.
func TestLongPrime(t *testing.T) {
	const n = 4099
	x := make([]complex128, n)
	for i := range x {
		x[i] = complex(math.Sin(float64(i)*0.37), math.Cos(float64(i*i%97)))
	}
	got := FFT(x)
	want := make([]complex128, n)
	for k := range want {
		var s complex128
		for j, v := range x {
			s += v * root(j*k%n, n)
		}
		want[k] = s
	}
	if e := maxErr(got, want); e > 1e-13 {
		t.Errorf("fft of prime length %d: relative error %.3g against the direct sum", n, e)
	}
	if e := maxErr(IFFT(got), x); e > 1e-14 {
		t.Errorf("ifft(fft(x)) of length %d: relative error %.3g", n, e)
	}
}
