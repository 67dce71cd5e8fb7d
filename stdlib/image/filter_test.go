package image

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"calc/stdlib/array"
)

// naiveCorrelate is Filter2D by its definition, one output value at a time
// with the border looked up per term: the reference the fast engine is
// checked against, and the baseline of the benchmarks.
func naiveCorrelate(img, k *array.Array, ax, ay int, delta float64, b Border) *array.Array {
	h, w, c := img.Shape[0], img.Shape[1], 1
	if img.Ndim() == 3 {
		c = img.Shape[2]
	}
	kh, kw := k.Shape[0], k.Shape[1]
	out := like(img)
	for y := range h {
		for x := range w {
			for ch := range c {
				s := delta
				for i := range kh {
					sy := b.index(y+i-ay, h)
					for j := range kw {
						sx := b.index(x+j-ax, w)
						if sy >= 0 && sx >= 0 && k.Floats()[i*kw+j] != 0 {
							s += k.Floats()[i*kw+j] * img.Floats()[(sy*w+sx)*c+ch]
						}
					}
				}
				out.Floats()[(y*w+x)*c+ch] = s
			}
		}
	}
	return out
}

// randomArray returns an array of the given shape with values uniform in
// [lo, hi).
func randomArray(r *rand.Rand, lo, hi float64, shape ...int) *array.Array {
	a := array.Zeros(shape...)
	for i := range a.Len() {
		a.Floats()[i] = lo + (hi-lo)*r.Float64()
	}
	return a
}

// TestEngineMatchesNaive checks the padded, banded, parallel engine against
// the definition for random images (gray and colour, down to one pixel, and
// large enough to run in parallel), kernels (including ones larger than the
// image, where reflections repeat) and anchors, in every border.
func TestEngineMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	shapes := [][]int{{1, 1}, {1, 7}, {6, 1}, {5, 4, 3}, {9, 13}, {2, 3, 2}, {300, 200}, {120, 90, 3}}
	kernels := [][2]int{{1, 1}, {3, 3}, {1, 5}, {4, 2}, {7, 7}, {11, 9}}
	for _, shape := range shapes {
		img := randomArray(r, -100, 100, shape...)
		for _, ks := range kernels {
			k := randomArray(r, -1, 1, ks[0], ks[1])
			k.Floats()[0] = 0
			for b := Reflect101; b <= Wrap; b++ {
				ax, ay := r.IntN(ks[1]), r.IntN(ks[0])
				want := naiveCorrelate(img, k, ax, ay, 0.5, b)
				got, err := Filter2D(bg, img, k, ax, ay, 0.5, b)
				if err != nil {
					t.Fatal(err)
				}
				if d, at := maxDiff(got, want, 0); d > 1e-12 {
					t.Errorf("shape %v kernel %v anchor (%d,%d) %v: differs by %g at %d", shape, ks, ax, ay, b, d, at)
				}
				// The separable engine, on the outer product of a column and a row.
				kx, ky := k.Floats()[:ks[1]], make([]float64, ks[0])
				for i := range ky {
					ky[i] = k.Floats()[i*ks[1]]
				}
				outer := array.Outer(array.Vector(ky), array.Vector(kx))
				outer.Shape = []int{ks[0], ks[1]}
				want = naiveCorrelate(img, outer, ax, ay, 0.5, b)
				sep := separable{kx: kx, ky: ky, ax: ax, ay: ay, delta: 0.5, border: b}
				got = like(img)
				l, _ := layoutOf("test", img)
				if err := sep.apply(bg, img.Floats(), l, got.Floats()); err != nil {
					t.Fatal(err)
				}
				if d, at := maxDiff(got, want, 0); d > 1e-11 {
					t.Errorf("separable: shape %v kernel %v anchor (%d,%d) %v: differs by %g at %d", shape, ks, ax, ay, b, d, at)
				}
			}
		}
	}
}

func TestBorderIndex(t *testing.T) {
	// The pictures in Border's documentation, for abcdefgh and 3 pixels out.
	for _, c := range []struct {
		b    Border
		want string
	}{
		{Reflect101, "dcb|abcdefgh|gfe"},
		{Reflect, "cba|abcdefgh|hgf"},
		{Replicate, "aaa|abcdefgh|hhh"},
		{Constant, "000|abcdefgh|000"},
		{Wrap, "fgh|abcdefgh|abc"},
	} {
		var s strings.Builder
		for p := -3; p < 11; p++ {
			if p == 0 || p == 8 {
				s.WriteByte('|')
			}
			if i := c.b.index(p, 8); i < 0 {
				s.WriteByte('0')
			} else {
				s.WriteByte("abcdefgh"[i])
			}
		}
		if s.String() != c.want {
			t.Errorf("%v: %s, want %s", c.b, s.String(), c.want)
		}
	}
	// Far out, reflections repeat; a line of one pixel reflects to itself.
	if got := Reflect101.index(-9, 4); got != 3 {
		t.Errorf("Reflect101.index(-9, 4) = %d, want 3", got)
	}
	if got := Reflect.index(13, 4); got != 2 {
		t.Errorf("Reflect.index(13, 4) = %d, want 2", got)
	}
	if got := Reflect101.index(5, 1); got != 0 {
		t.Errorf("Reflect101.index(5, 1) = %d, want 0", got)
	}
	if got := Wrap.index(-9, 4); got != 3 {
		t.Errorf("Wrap.index(-9, 4) = %d, want 3", got)
	}
}

func TestParseBorder(t *testing.T) {
	for b := Reflect101; b <= Wrap; b++ {
		if got, err := ParseBorder(strings.ToUpper(b.String())); got != b || err != nil {
			t.Errorf("ParseBorder(%q) = %v, %v", b.String(), got, err)
		}
	}
	if got, err := ParseBorder("default"); got != Reflect101 || err != nil {
		t.Errorf("ParseBorder(default) = %v, %v", got, err)
	}
	if _, err := ParseBorder("mirror"); err == nil || !strings.Contains(err.Error(), "reflect_101, reflect") {
		t.Errorf("ParseBorder(mirror) = %v, want the list of names", err)
	}
	if s := Border(9).String(); s != "Border(9)" {
		t.Errorf("Border(9).String() = %s", s)
	}
}

// TestErrors checks that bad arguments give errors naming them.
func TestErrors(t *testing.T) {
	img := array.Zeros(5, 6)
	k3 := array.Zeros(3, 3)
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"even ksize", errOf(Sobel(bg, img, 1, 0, 4, 1, 0, Reflect101)), "sobel: ksize must be odd in [1, 31], or -1 for Scharr, got 4"},
		{"big ksize", errOf(Sobel(bg, img, 1, 0, 33, 1, 0, Reflect101)), "got 33"},
		{"zero ksize", errOf(Sobel(bg, img, 1, 0, 0, 1, 0, Reflect101)), "got 0"},
		{"no derivative", errOf(Sobel(bg, img, 0, 0, 3, 1, 0, Reflect101)), "dx+dy must be positive"},
		{"negative dx", errOf(Sobel(bg, img, -1, 1, 3, 1, 0, Reflect101)), "dx must be ≥ 0, got -1"},
		{"dx too big", errOf(Sobel(bg, img, 3, 0, 3, 1, 0, Reflect101)), "dx must be less than the kernel size 3, got 3"},
		{"dy too big", errOf(Sobel(bg, img, 0, 3, 1, 1, 0, Reflect101)), "dy must be less than the kernel size 3, got 3"},
		{"dx with ksize 5", errOf(Sobel(bg, img, 5, 0, 5, 1, 0, Reflect101)), "dx must be less than the kernel size 5"},
		{"Scharr orders", errOf(Scharr(bg, img, 1, 1, 1, 0, Reflect101)), "scharr: Scharr (ksize -1) needs dx, dy ≥ 0 with dx+dy = 1"},
		{"1-d image", errOf(Sobel(bg, array.Zeros(5), 1, 0, 3, 1, 0, Reflect101)), "sobel: image must be 2-d (H×W gray) or 3-d (H×W×C colour), got shape (5,)"},
		{"4-d image", errOf(Laplacian(bg, array.Zeros(2, 2, 2, 2), 1, 1, 0, Reflect101)), "laplacian: image must be 2-d"},
		{"empty image", errOf(GaussianBlur(bg, array.Zeros(0, 4), 3, 3, 0, 0, Reflect101)), "gaussianBlur: image is empty"},
		{"nil image", errOf(Filter2D(bg, nil, k3, -1, -1, 0, Reflect101)), "filter2D: image is nil"},
		{"bad border", errOf(Sobel(bg, img, 1, 0, 3, 1, 0, Border(7))), "sobel: unknown border 7"},
		{"laplacian ksize", errOf(Laplacian(bg, img, 2, 1, 0, Reflect101)), "laplacian: ksize must be odd in [1, 31], got 2"},
		{"kernel shape", errOf(Filter2D(bg, img, array.Zeros(3), -1, -1, 0, Reflect101)), "filter2D: kernel must be a non-empty 2-d array, got shape (3,)"},
		{"nil kernel", errOf(Filter2D(bg, img, nil, -1, -1, 0, Reflect101)), "got shape nil"},
		{"anchorX", errOf(Filter2D(bg, img, k3, 3, -1, 0, Reflect101)), "filter2D: anchorX must be -1 or in [0, 3) for a kernel of size 3, got 3"},
		{"anchorY", errOf(Filter2D(bg, img, k3, 0, -2, 0, Reflect101)), "anchorY must be -1 or in [0, 3)"},
		{"gaussian even", errOf(GaussianBlur(bg, img, 4, 3, 1, 1, Reflect101)), "gaussianBlur: ksizeX must be odd in [1, 65535], or 0 to derive it from sigmaX, got 4"},
		{"gaussian negative", errOf(GaussianBlur(bg, img, 3, -3, 1, 1, Reflect101)), "ksizeY must be odd"},
		{"gaussian no sigma", errOf(GaussianBlur(bg, img, 0, 3, 0, 1, Reflect101)), "gaussianBlur: ksizeX is 0, so sigmaX must be positive to derive it, got 0"},
		{"gaussian huge sigma", errOf(GaussianBlur(bg, img, 0, 0, 1e9, 0, Reflect101)), "more than 65535 elements"},
		{"gaussian NaN sigma", errOf(GaussianBlur(bg, img, 0, 0, math.NaN(), 0, Reflect101)), "must be numbers"},
		{"gaussian kernel", errOf(GaussianKernel(4, 1)), "gaussianKernel: n must be odd in [1, 65535], got 4"},
		{"gaussian kernel NaN", errOf(GaussianKernel(5, math.NaN())), "sigma must be a number"},
		{"gaussian NaN sigmaY", errOf(GaussianBlur(bg, img, 3, 3, 1, math.NaN(), Reflect101)), "sigmaX and sigmaY must be numbers"},
		{"malformed image", errOf(Sobel(bg, malformed([]int{2, 3}, 5), 1, 0, 3, 1, 0, Reflect101)), "image of shape (2, 3) has 5 values"},
		{"negative shape", errOf(Sobel(bg, malformed([]int{-2, -3}, 6), 1, 0, 3, 1, 0, Reflect101)), "image is empty"},
		{"malformed y", errOf(Magnitude(img, malformed([]int{5, 6}, 3))), "have 30 and 3 values"},
		{"threshold mode", errOf3(Threshold(img, 1, 1, 5)), "threshold: unknown mode 5"},
		{"otsu colour", errOf3(Threshold(array.Zeros(2, 2, 3), 0, 255, Otsu)), "threshold: Otsu needs a gray (1-channel) image, got shape (2, 2, 3)"},
		{"otsu values", errOf3(Threshold(array.New([]int{1, 2}, []float64{1, 2.5}), 0, 255, Otsu)), "Otsu needs 8-bit values (integers from 0 to 255), got 2.5"},
		{"otsu range", errOf3(Threshold(array.New([]int{1, 2}, []float64{1, 256}), 0, 255, Otsu|BinaryInv)), "got 256"},
		{"magnitude shapes", errOf(Magnitude(img, array.Zeros(6, 5))), "magnitude: x and y must have the same shape, got (5, 6) and (6, 5)"},
		{"phase nil", errOf(Phase(img, nil, false)), "phase: x and y must not be nil"},
		{"phase empty", errOf(Phase(array.Zeros(0), array.Zeros(0), false)), "phase: x and y are empty"},
		{"convertScaleAbs", errOf(ConvertScaleAbs(nil, 1, 0)), "convertScaleAbs: image is nil or empty"},
		{"blurMeasure", errOf(BlurMeasure(bg, array.Zeros(3))), "blurMeasure: image must be 2-d"},
		{"derivKernels", errOf3(DerivKernels(0, 0, 3)), "derivKernels: dx+dy must be positive"},
	} {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.name, c.err, c.want)
		}
	}
}

func errOf[T any](_ T, err error) error { return err }

func errOf3[T, U any](_ T, _ U, err error) error { return err }

// TestSmallImages checks OpenCV's special cases for images one pixel tall
// or wide, and that filters run on a single pixel.
func TestSmallImages(t *testing.T) {
	row := array.New([]int{1, 4}, []float64{1, 5, 2, 8})
	got, err := GaussianBlur(bg, row, 3, 3, 0, 0, Reflect101)
	if err != nil {
		t.Fatal(err)
	}
	// Only the x kernel [1 2 1]/4 applies; reflect101 mirrors 5 and 2.
	if want := []float64{(5 + 2 + 5) / 4.0, (1 + 10 + 2) / 4.0, (5 + 4 + 8) / 4.0, (2 + 16 + 2) / 4.0}; !equalData(got.Floats(), want) {
		t.Errorf("GaussianBlur of one row = %v, want %v", got.Floats(), want)
	}
	pixel := array.New([]int{1, 1}, []float64{7})
	for _, f := range []func() (*array.Array, error){
		func() (*array.Array, error) { return GaussianBlur(bg, pixel, 5, 5, 0, 0, Reflect) },
		func() (*array.Array, error) { return Sobel(bg, pixel, 1, 1, 3, 1, 0, Reflect101) },
		func() (*array.Array, error) { return Laplacian(bg, pixel, 5, 1, 0, Wrap) },
	} {
		if _, err := f(); err != nil {
			t.Error(err)
		}
	}
}

func TestPhaseEdges(t *testing.T) {
	x := array.Vector([]float64{0, 1, -1, -1, 1, 0})
	y := array.Vector([]float64{0, math.Copysign(0, -1), math.Copysign(0, -1), 1e-300, -1e-300, -1})
	got, err := Phase(x, y, false)
	if err != nil {
		t.Fatal(err)
	}
	below := math.Nextafter(2*math.Pi, 0)
	want := []float64{0, 0, math.Pi, math.Pi, below, 1.5 * math.Pi}
	for i, w := range want {
		if got.Floats()[i] != w || math.Signbit(got.Floats()[i]) {
			t.Errorf("Phase(%g, %g) = %g, want %g", x.Floats()[i], y.Floats()[i], got.Floats()[i], w)
		}
	}
	deg, _ := Phase(x, y, true)
	if deg.Floats()[3] != 180 || deg.Floats()[4] != math.Nextafter(360, 0) || deg.Floats()[5] != 270 {
		t.Errorf("Phase in degrees = %v", deg.Floats())
	}
}

// TestOutside8 checks outside8 against array.Uint8.Outside on the values
// at and past a byte's edges.
func TestOutside8(t *testing.T) {
	for _, v := range []float64{0, math.Copysign(0, -1), 1, 254, 255, 255.5, 256, -0.5, -1, 0.5, 300,
		1e300, -1e300, math.NaN(), math.Inf(1), math.Inf(-1), 1 << 63, -(1 << 63), 1<<64 + 7} {
		data := []float64{7, v}
		if got, want := outside8(data), array.Uint8.Outside(array.Vector(data)); got != want {
			t.Errorf("outside8 of %g = %d, Outside %d", v, got, want)
		}
	}
}

// malformed returns an array of n zeros claiming the given shape, which
// the constructors refuse: a filter must still report it.
func malformed(shape []int, n int) *array.Array {
	a := array.Zeros(n)
	a.Shape = shape
	return a
}
