package image

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"calc/stdlib/array"
	"calc/stdlib/dataio"
)

// The reference outputs come from OpenCV 4.6 through
// testdata/opencv_reference.py, which documents how each was computed.

// refCase is one call of a function of this package with OpenCV's answer:
// the array out/<Name> in reference.npz and, for functions that return a
// number, Scalar.
type refCase struct {
	Name   string         `json:"name"`
	Func   string         `json:"func"`
	Input  string         `json:"input"`
	Args   map[string]any `json:"args"`
	Scalar *float64       `json:"scalar"`
}

// reference is the whole of testdata/reference.json and reference.npz.
type reference struct {
	OpenCV string    `json:"opencv"`
	Cases  []refCase `json:"cases"`
	arrays map[string]*array.Array
}

// referenceFiles are the stems of the reference files: each a .json of
// cases and a .npz of arrays, made by the scripts beside them.
var referenceFiles = []string{"reference", "more"}

var loadReference = sync.OnceValues(func() (*reference, error) {
	ref := &reference{arrays: map[string]*array.Array{}}
	for _, stem := range referenceFiles {
		b, err := os.ReadFile(filepath.Join("testdata", stem+".json"))
		if err != nil {
			return nil, err
		}
		var part reference
		if err := json.Unmarshal(b, &part); err != nil {
			return nil, err
		}
		if ref.OpenCV != "" && part.OpenCV != ref.OpenCV {
			return nil, fmt.Errorf("%s.json is from OpenCV %s, the others from %s", stem, part.OpenCV, ref.OpenCV)
		}
		ref.OpenCV = part.OpenCV
		ref.Cases = append(ref.Cases, part.Cases...)
		named, err := dataio.ReadNPZ(filepath.Join("testdata", stem+".npz"), 1<<30)
		if err != nil {
			return nil, err
		}
		for _, n := range named {
			ref.arrays[n.Name] = n.Array
		}
	}
	return ref, nil
})

// array returns the reference array of the given name, failing t without it.
func (r *reference) array(t testing.TB, name string) *array.Array {
	a, ok := r.arrays[name]
	if !ok {
		t.Fatalf("reference.npz has no %q", name)
	}
	return a
}

func (c refCase) num(name string) float64 {
	v, ok := c.Args[name].(float64)
	if !ok {
		panic(fmt.Sprintf("case %s: argument %s is %v", c.Name, name, c.Args[name]))
	}
	return v
}

func (c refCase) int(name string) int { return int(c.num(name)) }

func (c refCase) shape() Shape {
	sh, err := ParseShape(c.Args["shape"].(string))
	if err != nil {
		panic(err)
	}
	return sh
}

func (c refCase) border() Border {
	b, err := ParseBorder(c.Args["border"].(string))
	if err != nil {
		panic(err)
	}
	return b
}

// call runs the function a case names and returns its array and number.
// Its 8-bit inputs are backed by bytes, as images read from files are, or
// with floats set their values are float64 labelled Uint8, as an image
// built by assignment is.
func (r *reference) call(t testing.TB, c refCase, floats bool) (*array.Array, float64, error) {
	in := func(name string) *array.Array {
		a := r.array(t, "in/"+name)
		if !strings.HasSuffix(name, "8") {
			return a
		}
		if floats {
			return array.NewDepth(a.Shape, a.Floats(), array.Uint8)
		}
		b := make([]uint8, a.Len())
		for i, v := range a.Floats() {
			b[i] = uint8(v)
		}
		return array.FromBytes(a.Shape, b)
	}
	arr := func(a *array.Array, err error) (*array.Array, float64, error) { return a, 0, err }
	switch c.Func {
	case "Sobel":
		return arr(Sobel(bg, in(c.Input), c.int("dx"), c.int("dy"), c.int("ksize"), c.num("scale"), c.num("delta"), c.border()))
	case "Laplacian":
		return arr(Laplacian(bg, in(c.Input), c.int("ksize"), c.num("scale"), c.num("delta"), c.border()))
	case "Filter2D":
		return arr(Filter2D(bg, in(c.Input), in(c.Args["kernel"].(string)), c.int("anchorX"), c.int("anchorY"), c.num("delta"), c.border()))
	case "GaussianBlur":
		return arr(GaussianBlur(bg, in(c.Input), c.int("ksizeX"), c.int("ksizeY"), c.num("sigmaX"), c.num("sigmaY"), c.border()))
	case "Threshold":
		return Threshold(in(c.Input), c.num("t"), c.num("maxval"), ThresholdMode(c.int("mode")))
	case "Magnitude":
		return arr(Magnitude(in(c.Input), in(c.Args["y"].(string))))
	case "Phase":
		return arr(Phase(in(c.Input), in(c.Args["y"].(string)), c.Args["degrees"].(bool)))
	case "ConvertScaleAbs":
		return arr(ConvertScaleAbs(in(c.Input), c.num("alpha"), c.num("beta")))
	case "BlurMeasure":
		v, err := BlurMeasure(bg, in(c.Input))
		return nil, v, err
	case "BlurMeasureOfGaussian":
		b, err := GaussianBlur(bg, in(c.Input), c.int("n"), c.int("n"), 0, 0, Reflect101)
		if err != nil {
			return nil, 0, err
		}
		v, err := BlurMeasure(bg, b)
		return nil, v, err
	case "Filter2D8":
		out, err := Filter2D(bg, in(c.Input), in(c.Args["kernel"].(string)), c.int("anchorX"), c.int("anchorY"), c.num("delta"), c.border())
		if err != nil {
			return nil, 0, err
		}
		return array.Convert(out, array.Uint8), 0, nil
	case "BoxFilter":
		return arr(BoxFilter(bg, in(c.Input), c.int("kw"), c.int("kh"), -1, -1, c.Args["normalize"].(bool), c.border()))
	case "MedianBlur":
		return arr(MedianBlur(bg, in(c.Input), c.int("ksize")))
	case "StructuringElement":
		return arr(StructuringElement(c.shape(), c.int("w"), c.int("h"), -1, -1))
	case "Morph":
		k, err := StructuringElement(c.shape(), c.int("w"), c.int("h"), -1, -1)
		if err != nil {
			return nil, 0, err
		}
		switch op := c.Args["op"].(string); op {
		case "erode":
			return arr(Erode(bg, in(c.Input), k, -1, -1, c.int("iterations")))
		case "dilate":
			return arr(Dilate(bg, in(c.Input), k, -1, -1, c.int("iterations")))
		default:
			m, err := ParseMorphOp(op)
			if err != nil {
				return nil, 0, err
			}
			return arr(MorphologyEx(bg, in(c.Input), m, k, -1, -1, c.int("iterations")))
		}
	case "ResizeLinear":
		return arr(ResizeLinear(bg, in(c.Input), c.int("w"), c.int("h")))
	case "ResizeArea":
		return arr(ResizeArea(bg, in(c.Input), c.int("w"), c.int("h")))
	case "ResizeCubic":
		return arr(ResizeCubic(bg, in(c.Input), c.int("w"), c.int("h")))
	case "ResizeNearest":
		return arr(ResizeNearest(bg, in(c.Input), c.int("w"), c.int("h")))
	case "Bilateral":
		return arr(BilateralFilter(bg, in(c.Input), c.int("d"), c.num("sigmaColor"), c.num("sigmaSpace"), c.border()))
	case "Canny":
		return arr(Canny(bg, in(c.Input), c.num("low"), c.num("high"), c.int("aperture"), c.Args["l2"].(bool)))
	case "EqualizeHist":
		return arr(EqualizeHist(in(c.Input)))
	case "ToGray":
		return arr(ToGray(in(c.Input)))
	case "ToHSV":
		return arr(ToHSV(in(c.Input)))
	case "FromHSV":
		return arr(FromHSV(in(c.Input)))
	case "ToRGB":
		return arr(ToRGB(in(c.Input)))
	case "GaussianKernel":
		k, err := GaussianKernel(c.int("n"), c.num("sigma"))
		return array.Vector(k), 0, err
	case "DerivKernels":
		kx, ky, err := DerivKernels(c.int("dx"), c.int("dy"), c.int("ksize"))
		if err == nil && len(kx) != c.int("nx") {
			err = fmt.Errorf("kx has %d elements, OpenCV's %d", len(kx), c.int("nx"))
		}
		return array.Vector(append(kx, ky...)), 0, err
	}
	t.Fatalf("case %s: unknown function %s", c.Name, c.Func)
	return nil, 0, nil
}

// tolerance is the largest absolute difference from OpenCV's output that a
// case allows, and the period its values are taken modulo (0 for none).
func tolerance(c refCase) (tol, period float64) {
	if strings.HasPrefix(c.Name, "phase/cv/") {
		// OpenCV's phase is a float32 polynomial, off by up to 1.7e-4 rad.
		if c.Args["degrees"].(bool) {
			return 2e-4 * 180 / math.Pi, 360
		}
		return 2e-4, 2 * math.Pi
	}
	return 1e-9, 0
}

// TestOpenCV runs every reference case and compares the result with
// OpenCV's (with numpy's exact arctan2 for phase/exact), reporting the
// largest differences seen per function.
func TestOpenCV(t *testing.T) {
	ref, err := loadReference()
	if err != nil {
		t.Fatal(err)
	}
	if ref.OpenCV != "4.6.0" {
		t.Errorf("reference made with OpenCV %s, want 4.6.0", ref.OpenCV)
	}
	worst := map[string]float64{}
	for _, c := range ref.Cases {
		got, v, err := ref.call(t, c, false)
		if err != nil {
			t.Errorf("%s: %v", c.Name, err)
			continue
		}
		tol, period := tolerance(c)
		diff := 0.0
		if c.Scalar != nil {
			diff = math.Abs(v - *c.Scalar)
			if diff > tol*max(1, math.Abs(*c.Scalar)) {
				t.Errorf("%s: got %.17g, OpenCV %.17g", c.Name, v, *c.Scalar)
			}
		}
		if want, ok := ref.arrays["out/"+c.Name]; ok {
			d, at := maxDiff(got, want, period)
			if d > tol || math.IsNaN(d) {
				t.Errorf("%s: differs from OpenCV by %.3g at index %d (got %.17g, want %.17g)",
					c.Name, d, at, got.Floats()[at], want.Floats()[at])
			}
			diff = max(diff, d)
		}
		key := strings.SplitN(c.Name, "/", 2)[0]
		if strings.HasPrefix(c.Name, "phase/") {
			key = strings.Join(strings.SplitN(c.Name, "/", 3)[:2], "/")
		}
		worst[key] = max(worst[key], diff)
	}
	keys := make([]string, 0, len(worst))
	for k := range worst {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%-16s largest difference from the reference %.3g", k, worst[k])
	}
	t.Logf("%d cases", len(ref.Cases))
}

// maxDiff returns the largest absolute difference between got and want and
// its index, +Inf at 0 if their shapes differ; with a period, values are
// compared modulo it. NaNs must match NaNs.
func maxDiff(got, want *array.Array, period float64) (float64, int) {
	if got == nil || !sameShape(got.Shape, want.Shape) {
		return math.Inf(1), 0
	}
	worst, at := 0.0, 0
	for i, w := range want.Floats() {
		g := got.Floats()[i]
		if math.IsNaN(g) && math.IsNaN(w) {
			continue
		}
		d := math.Abs(g - w)
		if period > 0 {
			d = math.Min(d, period-math.Mod(d, period))
		}
		if d > worst || math.IsNaN(d) {
			worst, at = d, i
		}
	}
	return worst, at
}

// TestByteBacked checks that each case of an 8-bit image gives the same
// answer whether the image is backed by bytes or only labelled Uint8, and
// that an 8-bit result is backed by bytes.
func TestByteBacked(t *testing.T) {
	ref, err := loadReference()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range ref.Cases {
		if !strings.HasSuffix(c.Input, "8") {
			continue
		}
		got, v, err := ref.call(t, c, false)
		want, wantV, wantErr := ref.call(t, c, true)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) || v != wantV || (got == nil) != (want == nil) {
			t.Errorf("%s: bytes give %v, %v; floats %v, %v", c.Name, v, err, wantV, wantErr)
			continue
		}
		if got == nil {
			continue
		}
		if !array.Equal(got, want) || got.Depth != want.Depth {
			t.Errorf("%s: bytes and floats give different %s and %s results", c.Name, got.Depth, want.Depth)
		}
		if _, ok := got.Uint8s(); ok != (got.Depth == array.Uint8) {
			t.Errorf("%s: a result of depth %s backed by bytes: %v", c.Name, got.Depth, ok)
		}
	}
}
