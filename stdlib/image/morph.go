package image

import (
	"context"
	"fmt"
	"math"
	"strings"

	"calc/stdlib/array"
)

// Shape is the shape of a structuring element, with OpenCV's MorphShapes
// names.
type Shape int

const (
	// Rect is the full rectangle.
	Rect Shape = iota
	// Cross is the anchor's row and column.
	Cross
	// Ellipse is the ellipse inscribed in the rectangle.
	Ellipse
)

// shapeNames are the names ParseShape accepts, in the order of the shapes.
var shapeNames = [...]string{"rect", "cross", "ellipse"}

// ParseShape returns the shape of the given name: "rect", "cross" or
// "ellipse".
func ParseShape(name string) (Shape, error) {
	for i, s := range shapeNames {
		if strings.EqualFold(name, s) {
			return Shape(i), nil
		}
	}
	return 0, fmt.Errorf("unknown shape %q (want %s)", name, strings.Join(shapeNames[:], ", "))
}

// StructuringElement returns the h×w array of zeros and ones of a shape, as
// cv::getStructuringElement(shape, (w, h), (ax, ay)); the anchor (-1 for the
// centre) only places the cross. An ellipse's row i, at dy = i − h/2 from
// the centre, spans the columns within c·√(1 − dy²/r²) of the centre c =
// w/2, with r = h/2, that distance rounded to the nearest integer; a 1×1
// element is a rectangle.
func StructuringElement(shape Shape, w, h, ax, ay int) (*array.Array, error) {
	const fn = "getStructuringElement"
	if shape < Rect || shape > Ellipse {
		return nil, fmt.Errorf("%s: unknown shape %d", fn, int(shape))
	}
	if w < 1 || h < 1 || w*h > MaxPixels {
		return nil, fmt.Errorf("%s: ksize must be positive, got %d×%d", fn, w, h)
	}
	ax, err := anchor(fn, "anchorX", ax, w)
	if err != nil {
		return nil, err
	}
	if ay, err = anchor(fn, "anchorY", ay, h); err != nil {
		return nil, err
	}
	if w == 1 && h == 1 {
		shape = Rect
	}
	k := array.Zeros(h, w)
	r, c := h/2, w/2
	invR2 := 0.0
	if r > 0 {
		invR2 = 1 / float64(r*r)
	}
	for i := range h {
		j1, j2 := 0, 0
		switch {
		case shape == Rect || shape == Cross && i == ay:
			j2 = w
		case shape == Cross:
			j1, j2 = ax, ax+1
		default:
			if dy := i - r; dy >= -r && dy <= r {
				dx := int(math.RoundToEven(float64(c) * math.Sqrt(float64(r*r-dy*dy)*invR2)))
				j1, j2 = max(c-dx, 0), min(c+dx+1, w)
			}
		}
		fill(k.Floats()[i*w+j1:i*w+j2], 1)
	}
	return k, nil
}

// Erode returns the minimum of img over the non-zero elements of kernel
// (a 2-d array) placed with its anchor (ax, ay) (-1: the centre) on each
// pixel, applied iterations times, as cv::erode(img, kernel, anchor,
// iterations) with OpenCV's default border: pixels outside the image are
// left out of the minimum. Dilate takes the maximum. The result has img's
// depth; a NaN in a window makes its result NaN. A kernel with no non-zero
// element copies the image. The cost is
// one comparison per non-zero kernel element per value and iteration.
func Erode(ctx context.Context, img, kernel *array.Array, ax, ay, iterations int) (*array.Array, error) {
	return morph(ctx, "erode", img, kernel, ax, ay, iterations, math.Min)
}

// Dilate returns the maximum of img over the kernel, as cv::dilate: see
// Erode.
func Dilate(ctx context.Context, img, kernel *array.Array, ax, ay, iterations int) (*array.Array, error) {
	return morph(ctx, "dilate", img, kernel, ax, ay, iterations, math.Max)
}

// morph is Erode or Dilate, with pick choosing between two values.
func morph(ctx context.Context, fn string, img, kernel *array.Array, ax, ay, iterations int, pick func(a, b float64) float64) (*array.Array, error) {
	l, err := layoutOf(fn, img)
	if err != nil {
		return nil, err
	}
	if err := checkDepth(fn, img); err != nil {
		return nil, err
	}
	if kernel == nil || kernel.Ndim() != 2 || kernel.Len() == 0 {
		return nil, fmt.Errorf("%s: kernel must be a non-empty 2-d array", fn)
	}
	kh, kw := kernel.Shape[0], kernel.Shape[1]
	if ax, err = anchor(fn, "anchorX", ax, kw); err != nil {
		return nil, err
	}
	if ay, err = anchor(fn, "anchorY", ay, kh); err != nil {
		return nil, err
	}
	if iterations < 0 || iterations > 1<<16 {
		return nil, fmt.Errorf("%s: iterations must be in [0, %d], got %d", fn, 1<<16, iterations)
	}
	var taps [][2]int // (dy, dx) of the non-zero elements
	for i := range kh {
		for j := range kw {
			if kernel.Floats()[i*kw+j] != 0 {
				taps = append(taps, [2]int{i - ay, j - ax})
			}
		}
	}
	src := img.Floats()
	dst := like(img)
	dst.Depth = img.Depth
	copy(dst.Floats(), src)
	if len(taps) == 0 {
		return packed(dst), nil
	}
	for range iterations {
		src = append([]float64(nil), dst.Floats()...)
		err := parallelFor(ctx, l.h, len(src)*len(taps), func() func(y0, y1 int) {
			return func(y0, y1 int) {
				for y := y0; y < y1; y++ {
					out := dst.Floats()[y*l.stride() : (y+1)*l.stride()]
					for x := range l.w {
						for c := range l.c {
							v, found := 0.0, false
							for _, t := range taps {
								yy, xx := y+t[0], x+t[1]
								if yy < 0 || yy >= l.h || xx < 0 || xx >= l.w {
									continue
								}
								s := src[(yy*l.w+xx)*l.c+c]
								if found {
									v = pick(v, s)
								} else {
									v, found = s, true
								}
							}
							if found {
								out[x*l.c+c] = v
							}
						}
					}
				}
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return packed(dst), nil
}

// MorphOp is a morphological operation built of erosions and dilations,
// with OpenCV's MorphTypes names.
type MorphOp int

const (
	// Open is the dilation of the erosion: it removes small bright spots.
	Open MorphOp = iota
	// Close is the erosion of the dilation: it fills small dark holes.
	Close
	// Gradient is the dilation minus the erosion: the outlines.
	Gradient
	// TopHat is the image minus its opening.
	TopHat
	// BlackHat is the closing minus the image.
	BlackHat
)

// morphNames are the names ParseMorphOp accepts, in the order of the ops.
var morphNames = [...]string{"open", "close", "gradient", "tophat", "blackhat"}

// ParseMorphOp returns the operation of the given name: "open", "close",
// "gradient", "tophat" or "blackhat".
func ParseMorphOp(name string) (MorphOp, error) {
	for i, s := range morphNames {
		if strings.EqualFold(name, s) {
			return MorphOp(i), nil
		}
	}
	return 0, fmt.Errorf("unknown operation %q (want %s)", name, strings.Join(morphNames[:], ", "))
}

// MorphologyEx returns op applied to img with the kernel, each erosion and
// dilation iterated, as cv::morphologyEx(img, op, kernel, anchor,
// iterations). Differences of integer images saturate at their depth's
// range, as OpenCV's subtract does.
func MorphologyEx(ctx context.Context, img *array.Array, op MorphOp, kernel *array.Array, ax, ay, iterations int) (*array.Array, error) {
	erode := func(m *array.Array) (*array.Array, error) { return Erode(ctx, m, kernel, ax, ay, iterations) }
	dilate := func(m *array.Array) (*array.Array, error) { return Dilate(ctx, m, kernel, ax, ay, iterations) }
	both := func(first, second func(*array.Array) (*array.Array, error)) (*array.Array, error) {
		m, err := first(img)
		if err != nil {
			return nil, err
		}
		return second(m)
	}
	minus := func(a, b *array.Array, err error) (*array.Array, error) {
		if err != nil {
			return nil, err
		}
		out := like(img)
		out.Depth = img.Depth
		od, ad, bd := out.Floats(), a.Floats(), b.Floats()
		for i := range od {
			od[i] = img.Depth.Saturate(ad[i] - bd[i])
		}
		return packed(out), nil
	}
	switch op {
	case Open:
		return both(erode, dilate)
	case Close:
		return both(dilate, erode)
	case Gradient:
		d, err := dilate(img)
		if err != nil {
			return nil, err
		}
		e, err := erode(img)
		return minus(d, e, err)
	case TopHat:
		o, err := both(erode, dilate)
		return minus(img, o, err)
	case BlackHat:
		c, err := both(dilate, erode)
		return minus(c, img, err)
	}
	return nil, fmt.Errorf("morphologyEx: unknown operation %d", int(op))
}
