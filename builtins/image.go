package builtins

import (
	"context"
	"math"
	"strings"
	"sync"
	"time"

	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/image"
)

// border reads the border option (OpenCV's names; reflect_101 by default).
func border(opts lang.Options) image.Border {
	b, err := image.ParseBorder(opts.Get("border", lang.Str("reflect_101")).Text())
	if err != nil {
		lang.Throw(err)
	}
	return b
}

// img reads argument i as an image: a 2-d (gray) or 3-d (colour) array.
func img(a lang.Args, i int) *array.Array {
	m := a.Array(i)
	if n := len(m.Shape); n != 2 && n != 3 {
		panic(lang.ArgErrorf(i, "an image is a 2-d (gray) or 3-d (colour) array, not of shape %s", array.ShapeString(m.Shape)))
	}
	return m
}

// stoppable runs a filter with a context that is cancelled when the
// session is interrupted (Ctrl-C, or the -timeout limit), so that the filter
// stops within a fraction of a millisecond's work, and then raises the
// interruption's error; a filter's own error is raised as any builtin's.
func stoppable[T any](s *lang.Session, run func(ctx context.Context) (T, error)) T {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	var stop any // the interruption's error, set by the watcher
	var watcher sync.WaitGroup
	watcher.Go(func() {
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				func() {
					defer func() {
						if stop = recover(); stop != nil {
							cancel()
						}
					}()
					s.Check()
				}()
				if stop != nil {
					return
				}
			}
		}
	})
	v, err := func() (T, error) {
		defer close(done) // also if run panics, so that the watcher ends
		return run(ctx)
	}()
	watcher.Wait()
	if stop != nil {
		panic(stop)
	}
	if err != nil {
		lang.Throw(err)
	}
	return v
}

// ddepth reads the ddepth option: OpenCV's -1 (the input's depth) or a
// depth's name ("uint8", "float64", ...), def when it is absent.
func ddepth(opts lang.Options, input *array.Array, def array.Depth) array.Depth {
	v := opts.Get("ddepth", lang.Nil)
	switch {
	case v.IsNil():
		return def
	case v.Kind() == lang.NumKind && v.Float() == -1:
		return input.Depth
	case v.Kind() == lang.StrKind:
		d, err := array.ParseDepth(v.Text())
		if err != nil {
			lang.Throw(err)
		}
		return d
	}
	panic(lang.Errorf("ddepth is -1 (the image's depth) or a depth such as \"uint8\" or \"float64\", not %s", v.TypeName()))
}

// toDepth returns a filter's float64 result converted to depth d, rounded
// and saturated as OpenCV stores a result of that depth.
func toDepth(m *array.Array, d array.Depth) lang.Value {
	if d == m.Depth {
		return lang.Arr(m)
	}
	return lang.Arr(array.Convert(m, d))
}

// ksize reads argument i, a window size: a number n (n×n) or [w, h].
func ksize(a lang.Args, i int) (w, h int) {
	k := a.Array(i).Floats()
	if len(k) != 1 && len(k) != 2 {
		panic(lang.ArgErrorf(i, "ksize is a number or [w, h], not %d numbers", len(k)))
	}
	for _, v := range k {
		if v != math.Trunc(v) || v < -1<<30 || v > 1<<30 {
			panic(lang.ArgErrorf(i, "ksize must be whole numbers, got %g", v))
		}
	}
	return int(k[0]), int(k[len(k)-1])
}

// The parameters of image builtins that several share.
var (
	imgParam     = lang.Param{Name: "img", Kind: lang.ArrayArg, Doc: "the image: an H×W (gray) or H×W×3 (colour) array"}
	ksizeParam   = lang.Param{Name: "ksize", Kind: lang.ArrayArg, Doc: "the size: n for n×n, or [w, h]"}
	kernelParam  = lang.Param{Name: "kernel", Kind: lang.ArrayArg, Doc: "an array of zeros and ones (see structuring_element), or a size n or [w, h] for a rectangle"}
	vectorParams = []lang.Param{{Name: "x", Kind: lang.ArrayArg, Doc: "the x components"}, {Name: "y", Kind: lang.ArrayArg, Doc: "the y components"}}
)

// ddepthHint is the arity hint of the filters whose OpenCV spelling takes
// ddepth by position.
const ddepthHint = "OpenCV's ddepth is the option ddepth here ({ddepth: -1} keeps the image's depth; float64, CV_64F, by default)"

// derivFilter builds the derivative filters sobel and scharr.
func derivFilter(name, doc string, ksize bool, run func(ctx context.Context, m *array.Array, dx, dy, ksize int, scale, delta float64, b image.Border) (*array.Array, error)) *lang.Builtin {
	options := []lang.Opt{scaleOpt, deltaOpt, borderOpt, ddepthOpt}
	if ksize {
		options = append([]lang.Opt{{Name: "ksize", Doc: "the aperture size: 1, 3 (default), 5 or 7"}}, options...)
	}
	return &lang.Builtin{
		Name: name, Params: []lang.Param{imgParam, {Name: "dx", Kind: lang.IntArg, Doc: "the order of the derivative in x"}, {Name: "dy", Kind: lang.IntArg, Doc: "the order of the derivative in y"}}, Options: options, Topic: "images", Doc: doc,
		Example:   "img = outer(range(8), ones(8))    # brighter down the rows\n" + name + "(img, 1, 0)[3]\n" + name + "(img, 0, 1)[3]",
		ArityHint: ddepthHint,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			m := img(args, 0)
			dx, dy, k, scale, delta, b := args.Int(1), args.Int(2), opts.Int("ksize", 3), opts.Num("scale", 1), opts.Num("delta", 0), border(opts)
			d := ddepth(opts, m, array.Float64)
			return toDepth(stoppable(s, func(ctx context.Context) (*array.Array, error) {
				return run(ctx, m, dx, dy, k, scale, delta, b)
			}), d)
		},
	}
}

const imageTopic = `Image gradients. An image is an array: H×W for gray, H×W×3 for colour (RGB).
The Sobel operator estimates the derivative of the brightness along x (dx = 1) or y (dy = 1): it
correlates the image with a small kernel that differences in one direction and smooths in the
other, so edges across that direction light up, with a sign for dark-to-bright or bright-to-dark.
Scharr's kernel is a more rotation-accurate 3×3 version. magnitude(gx, gy) combines the two into
the strength of an edge and phase(gx, gy) its direction. The Laplacian adds the second derivatives
in x and y: it responds to edges and fine detail in every direction at once, and is zero where the
brightness changes linearly. A sharp image has much fine detail, so its Laplacian varies widely; a
blurred one has little, so the variance of the Laplacian (blur_measure) is a measure of focus:
an autofocus turns the lens to make it as large as possible. filter2d correlates an image with any
kernel you design, as OpenCV's filter2D does. Borders follow OpenCV: reflect_101 (the default),
reflect, replicate, constant (zeros) and wrap.

Depth. An image read by imread is 8-bit: type(img) says "array(H, W) uint8". Its values are
still numbers 0..255, but the filters that keep the depth of their input, as OpenCV's do with
ddepth -1 (gaussian_blur, blur, box_filter, median_blur, bilateral_filter, filter2d, erode,
dilate, morphology, threshold, resize, cvt_color, equalize_hist, add_weighted), give 8-bit
results: rounded and saturated to 0..255 exactly as OpenCV computes them. The derivative filters
(sobel, scharr, laplacian) give float64 (CV_64F) unless asked otherwise with {ddepth: -1} or
{ddepth: "uint8"}. Indexing, slicing, reshaping and stacking images keep their depth; arithmetic
and every other function give float64 arrays, so nothing wraps around as numpy's uint8 does (a note says so when numpy's would):
as_depth(x, "uint8") makes any array 8-bit, and as_depth(img, "float64") makes an image plain.
An 8-bit image is kept as bytes, one per value (a 2048×2048 gray image takes 4 MB), as OpenCV
keeps it: the filters read and write the bytes, and the image's values as float64 numbers are
made once, when arithmetic or printing first needs them.`

var imageBuiltins = []*lang.Builtin{
	{
		Name: "imread", Params: []lang.Param{readParam}, Topic: "images",
		Options: []lang.Opt{{Name: "gray", Doc: "true: read as one gray channel"}},
		Doc: "Reads an image file as an array.\n" +
			"PNG, JPEG or GIF, as values 0..255: H×W×3 (RGB) or, with {gray: true}, H×W with\nOpenCV's gray weights",
		Example: "img = zeros(4, 6)\npath = tempdir() + \"/calc-example.png\"\nimwrite(path, img)\nimread(path, {gray: true}).shape",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			s.CheckFiles("imread")
			return lang.Arr(must(image.ReadLimit(args.Str(0), opts.Bool("gray", false), elementLimit(s))))
		},
	},
	{
		Name: "imwrite", Params: []lang.Param{writeParam, imgParam}, Topic: "images",
		Options: []lang.Opt{{Name: "normalize", Doc: "true: stretch the values to 0..255 first"}},
		Doc: "Writes an image array to a file.\n" +
			"PNG or JPEG by the extension, written atomically: values are rounded and clipped\n" +
			"to 0..255, or with {normalize: true} scaled from their range onto 0..255 first",
		Example: "imwrite(tempdir() + \"/calc-gradient.png\", outer(range(16), ones(16))*16, {normalize: true})",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			s.CheckFiles("imwrite")
			if err := image.Write(args.Str(0), img(args, 1), opts.Bool("normalize", false)); err != nil {
				lang.Throw(err)
			}
			return lang.Str(args.Str(0))
		},
	},
	derivFilter("sobel", "The Sobel derivative of an image.\nAs OpenCV's Sobel to CV_64F:\n"+
		"ksize 1, 3 (the default), 5 or 7 (-1 for Scharr); scale and delta scale and shift the result", true, image.Sobel),
	derivFilter("scharr", "The Scharr derivative of an image.\nFirst order (dx + dy = 1), a 3×3 kernel more accurate in direction than Sobel's, as OpenCV's Scharr", false,
		func(ctx context.Context, m *array.Array, dx, dy, _ int, scale, delta float64, b image.Border) (*array.Array, error) {
			return image.Scharr(ctx, m, dx, dy, scale, delta, b)
		}),
	{
		Name: "laplacian", Params: []lang.Param{imgParam}, Topic: "images",
		Options: []lang.Opt{{Name: "ksize", Doc: "the aperture size (1)"}, scaleOpt, deltaOpt, borderOpt, ddepthOpt},
		Doc: "The Laplacian of an image.\n" +
			"d²/dx² + d²/dy², as OpenCV's Laplacian to CV_64F (ksize 1 by default: the 3×3 kernel\n" +
			"[[0, 1, 0], [1, -4, 1], [0, 1, 0]]); {ddepth: -1} keeps the image's depth, rounding and saturating",
		Example:   "laplacian(outer(range(5), range(5)))",
		ArityHint: ddepthHint,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			m := img(args, 0)
			k, scale, delta, b, d := opts.Int("ksize", 1), opts.Num("scale", 1), opts.Num("delta", 0), border(opts), ddepth(opts, m, array.Float64)
			return toDepth(stoppable(s, func(ctx context.Context) (*array.Array, error) {
				return image.Laplacian(ctx, m, k, scale, delta, b)
			}), d)
		},
	},
	{
		Name: "filter2d", Params: []lang.Param{imgParam, {Name: "kernel", Kind: lang.ArrayArg, Doc: "the kernel, a matrix"}}, Topic: "images",
		Options: []lang.Opt{{Name: "anchor", Doc: "[x, y], the kernel's point that lands on the pixel (its centre)"}, deltaOpt, borderOpt, ddepthOpt},
		Doc: "The correlation of an image with a kernel.\n" +
			"The kernel is not flipped, as OpenCV's filter2D; anchor [x, y] defaults to the centre.\n" +
			"The result has the image's depth (ddepth -1): an 8-bit image gives 8 bits, rounded and saturated; {ddepth: \"float64\"}\n" +
			"keeps the exact sums",
		Example: "filter2d(outer(range(5), ones(5)), [[-1, -1, -1], [0, 0, 0], [1, 1, 1]])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			ax, ay := -1, -1
			if v := opts.Get("anchor", lang.Nil); !v.IsNil() {
				p := arrayOf(v)
				if p.Len() != 2 {
					panic(lang.ArgErrorf(2, "anchor must be [x, y]"))
				}
				ax, ay = int(p.Floats()[0]), int(p.Floats()[1])
			}
			m := img(args, 0)
			kernel, delta, b, d := args.Array(1), opts.Num("delta", 0), border(opts), ddepth(opts, m, m.Depth)
			return toDepth(stoppable(s, func(ctx context.Context) (*array.Array, error) {
				return image.Filter2D(ctx, m, kernel, ax, ay, delta, b)
			}), d)
		},
	},
	{
		Name: "gaussian_blur", Params: []lang.Param{imgParam, {Name: "ksize", Kind: lang.ArrayArg, Doc: "the kernel's size: odd n for n×n or [kx, ky], or 0 to derive it from sigma"},
			{Name: "sigma", Kind: lang.NumberArg, Doc: "the kernel's standard deviation in x (0 to derive it from ksize)"}}, Topic: "images",
		Options: []lang.Opt{{Name: "sigma_y", Doc: "the vertical sigma (sigma's)"}, borderOpt},
		Doc: "The image smoothed by a Gaussian kernel.\n" +
			"As OpenCV's GaussianBlur. An 8-bit image gives an 8-bit one, computed in OpenCV's fixed point to the bit",
		Example: "gaussian_blur(eye(5)*10, 3, 0)[2]",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			kx, ky := ksize(args, 1)
			sx := args.Num(2)
			m, sy, b := img(args, 0), opts.Num("sigma_y", 0), border(opts)
			return lang.Arr(stoppable(s, func(ctx context.Context) (*array.Array, error) {
				return image.GaussianBlur(ctx, m, kx, ky, sx, sy, b)
			}))
		},
	},
	{
		Name: "threshold", Params: []lang.Param{imgParam, {Name: "t", Kind: lang.NumberArg, Doc: "the threshold"}}, Topic: "images",
		Options: []lang.Opt{{Name: "maxval", Doc: "the value of pixels over the threshold (255)"}, {Name: "mode", Doc: "binary (default), binary_inv, trunc, tozero, tozero_inv or otsu"}},
		Doc: "Each value compared with a threshold.\n" +
			"As OpenCV's threshold: mode binary (the default: maxval where above t, else 0),\n" +
			"binary_inv, trunc, tozero, tozero_inv, or otsu (binary with Otsu's threshold chosen from the histogram of an\n" +
			"8-bit gray image). An 8-bit image is compared with floor(t) and gives 8 bits, as in OpenCV. A record t (the\n" +
			"threshold used) and image.",
		Example: "threshold([[10, 200], [90, 180]], 100).image",

		ArityHint: "OpenCV's threshold(img, t, maxval, type) is threshold(img, t, {maxval, mode}) here",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			modes := map[string]image.ThresholdMode{"binary": image.Binary, "binary_inv": image.BinaryInv, "trunc": image.Trunc,
				"tozero": image.ToZero, "tozero_inv": image.ToZeroInv, "otsu": image.Binary | image.Otsu}
			name := opts.Get("mode", lang.Str("binary")).Text()
			mode, ok := modes[name]
			if !ok {
				panic(lang.ArgErrorf(2, "unknown mode %q (binary, binary_inv, trunc, tozero, tozero_inv or otsu)", name))
			}
			out, t, err := image.Threshold(img(args, 0), args.Num(1), opts.Num("maxval", 255), mode)
			if err != nil {
				lang.Throw(err)
			}
			return record("t", lang.Num(t), "image", out)
		},
	},
	{
		Name: "magnitude", Params: vectorParams, Topic: "images",
		Doc: "The length of the vector (x, y), elementwise.\n" +
			"sqrt(x**2 + y**2): the strength of a gradient from its two components",
		Example: "magnitude([3, 0], [4, 2])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			return lang.Arr(must(image.Magnitude(a.Array(0), a.Array(1))))
		},
	},
	{
		Name: "phase", Params: vectorParams, Topic: "images",
		Options: []lang.Opt{{Name: "degrees", Doc: "true: in degrees rather than radians"}},
		Doc: "The angle of the vector (x, y), elementwise.\n" +
			"In [0, 2π) (or degrees), as OpenCV's phase, but exact (atan2): OpenCV's approximates the angle, within\n" +
			"about 0.01° (1.7e-4 radians), so the two differ in the fourth or fifth digit",
		Example: "phase([1, 0, -1], [0, 1, 0], {degrees: true})",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			return lang.Arr(must(image.Phase(args.Array(0), args.Array(1), opts.Bool("degrees", false))))
		},
	},
	{
		Name: "convert_scale_abs", Params: []lang.Param{{Name: "img", Kind: lang.ArrayArg, Doc: "an image, or any array"}}, Topic: "images",
		Options: []lang.Opt{{Name: "alpha", Doc: "the scale (1)"}, {Name: "beta", Doc: "the value added after scaling (0)"}},
		Doc: "Scales, takes absolute values and converts to 8 bits.\n" +
			"|alpha·img + beta| rounded and clipped to 0..255, as OpenCV's convertScaleAbs: gradients made displayable",
		Example: "convert_scale_abs([-300, -2.5, 7.5], {alpha: 1})",

		ArityHint: "OpenCV's convertScaleAbs(img, alpha, beta) is convert_scale_abs(img, {alpha, beta}) here",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			return lang.Arr(must(image.ConvertScaleAbs(args.Array(0), opts.Num("alpha", 1), opts.Num("beta", 0))))
		},
	},
	{
		Name: "add_weighted", Params: []lang.Param{{Name: "img1", Kind: lang.ArrayArg, Doc: "the first image"}, {Name: "alpha", Kind: lang.NumberArg, Doc: "img1's weight"},
			{Name: "img2", Kind: lang.ArrayArg, Doc: "the second image, of img1's shape"}, {Name: "beta", Kind: lang.NumberArg, Doc: "img2's weight"},
			{Name: "gamma", Kind: lang.NumberArg, Doc: "the number added"}}, Topic: "images",
		Doc: "The weighted sum alpha·img1 + beta·img2 + gamma.\n" +
			"As OpenCV's addWeighted, for images of the same shape: two 8-bit images give an 8-bit one, rounded and\n" +
			"saturated from OpenCV's float32 arithmetic (to the bit, as OpenCV 4.6 computes it with AVX2); other\n" +
			"images give float64. It blends the two Sobel derivatives into one picture of the edges.",
		Example: "gx = as_depth([[0, 100], [255, 40]], \"uint8\")\ngy = as_depth([[10, 100], [255, 3]], \"uint8\")\nadd_weighted(gx, 0.5, gy, 0.5, 0)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			return lang.Arr(must(image.AddWeighted(a.Array(0), a.Num(1), a.Array(2), a.Num(3), a.Num(4))))
		},
	},
	{
		Name: "blur_measure", Params: []lang.Param{imgParam}, Topic: "images",
		Doc: "How sharp an image is: the variance of its Laplacian.\n" +
			"Large when it is sharp, small when it is blurred (see help(\"images\"))",
		Example: "seed(1)\nsharp = round(255*rand(32, 32))\n[blur_measure(sharp), blur_measure(gaussian_blur(sharp, 5, 0))]",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			m := img(a, 0)
			return lang.Num(stoppable(s, func(ctx context.Context) (float64, error) { return image.BlurMeasure(ctx, m) }))
		},
	},
	{
		Name: "as_depth", Params: []lang.Param{{Name: "x", Kind: lang.ArrayArg, Doc: "the array"},
			{Name: "depth", Kind: lang.TextArg, Doc: "\"uint8\", \"uint16\", \"int16\", \"float32\" or \"float64\""}}, Topic: "images",
		Doc: "An array converted to another depth.\n" +
			"As OpenCV's convertTo: values rounded half to even and clipped to the depth's range (numpy's astype would wrap 300 to 44; this gives 255)",
		Example: "type(as_depth([[-3, 2.5, 300]], \"uint8\"))\nas_depth([[-3, 2.5, 300]], \"uint8\")",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			d, err := array.ParseDepth(a.Str(1))
			if err != nil {
				panic(lang.ArgErrorf(1, "%v", err))
			}
			return lang.Arr(array.Convert(a.Array(0), d))
		},
	},
	{
		Name: "blur", Params: []lang.Param{imgParam, ksizeParam}, Topic: "images",
		Options: []lang.Opt{borderOpt},
		Doc: "The image smoothed by a box filter.\n" +
			"Each pixel the mean of its ksize window, as OpenCV's blur; an 8-bit image gives 8 bits, rounded as\n" +
			"OpenCV's fixed point rounds them",
		Example: "blur([[0, 0, 9, 0, 0]], [3, 1])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			w, h := ksize(args, 1)
			m, b := img(args, 0), border(opts)
			return lang.Arr(stoppable(s, func(ctx context.Context) (*array.Array, error) { return image.Blur(ctx, m, w, h, b) }))
		},
	},
	{
		Name: "box_filter", Params: []lang.Param{imgParam, ksizeParam}, Topic: "images",
		Options: []lang.Opt{{Name: "normalize", Doc: "false: the sum rather than the mean (true, as OpenCV's default)"}, borderOpt},
		Doc: "The sum or mean of each window of an image.\n" +
			"The mean of each ksize window, as OpenCV's boxFilter, or with {normalize: false} its sum\n" +
			"(which an 8-bit image saturates at 255, as OpenCV's does with ddepth -1)",
		Example: "box_filter([[1, 2, 3, 4]], [2, 1])\nbox_filter([[1, 2, 3, 4]], [2, 1], {normalize: false})",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			w, h := ksize(args, 1)
			m, normalize, b := img(args, 0), opts.Bool("normalize", true), border(opts)
			return lang.Arr(stoppable(s, func(ctx context.Context) (*array.Array, error) {
				return image.BoxFilter(ctx, m, w, h, -1, -1, normalize, b)
			}))
		},
	},
	{
		Name: "median_blur", Params: []lang.Param{imgParam, {Name: "ksize", Kind: lang.IntArg, Doc: "the window's side: odd, 3 or more"}}, Topic: "images",
		Doc: "The image smoothed by a median filter.\n" +
			"Each pixel the median of its ksize×ksize window with the replicate border, as OpenCV's medianBlur:\n" +
			"it removes salt-and-pepper noise and keeps edges sharp",
		Example: "median_blur([[0, 0, 255, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]], 3)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			m, k := img(a, 0), a.Int(1)
			return lang.Arr(stoppable(s, func(ctx context.Context) (*array.Array, error) { return image.MedianBlur(ctx, m, k) }))
		},
	},
	{
		Name: "structuring_element", Params: []lang.Param{{Name: "shape", Kind: lang.TextArg, Doc: "rect, cross or ellipse"}, ksizeParam}, Topic: "images",
		Doc: "A kernel for erode, dilate and morphology.\n" +
			"Zeros and ones, as OpenCV's getStructuringElement",
		Example: "structuring_element(\"ellipse\", 5)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			shape, err := image.ParseShape(a.Str(0))
			if err != nil {
				panic(lang.ArgErrorf(0, "%v", err))
			}
			w, h := ksize(a, 1)
			return lang.Arr(must(image.StructuringElement(shape, w, h, -1, -1)))
		},
	},
	morphFilter("erode", "The image eroded: dark regions grow.\nEach pixel the minimum over the kernel's ones around it, as OpenCV's erode", image.Erode),
	morphFilter("dilate", "The image dilated: bright regions grow.\nEach pixel the maximum over the kernel's ones around it, as OpenCV's dilate", image.Dilate),
	{
		Name: "morphology", Params: []lang.Param{imgParam, {Name: "op", Kind: lang.TextArg, Doc: "open, close, gradient, tophat or blackhat"}, kernelParam}, Topic: "images",
		Options: []lang.Opt{iterationsOpt},
		Doc: "Morphological operations: open, close and more.\n" +
			"As OpenCV's morphologyEx: op open (erode then dilate: removes specks), close (dilate then erode: fills holes),\n" +
			"gradient (dilation minus erosion: outlines), tophat (image minus opening) or blackhat (closing minus image)",
		Example: "morphology([[0, 0, 0, 0], [0, 9, 0, 0], [0, 0, 0, 0]], \"open\", 3)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			op, err := image.ParseMorphOp(args.Str(1))
			if err != nil {
				panic(lang.ArgErrorf(1, "%v", err))
			}
			m, k, n := img(args, 0), morphKernel(args, 2), opts.Int("iterations", 1)
			return lang.Arr(stoppable(s, func(ctx context.Context) (*array.Array, error) { return image.MorphologyEx(ctx, m, op, k, -1, -1, n) }))
		},
	},
	{
		Name: "bilateral_filter", Params: []lang.Param{imgParam, {Name: "d", Kind: lang.IntArg, Doc: "the neighbourhood's diameter in pixels (≤ 0: from sigma_space)"},
			{Name: "sigma_color", Kind: lang.NumberArg, Doc: "how far apart in value pixels may be and still mix"},
			{Name: "sigma_space", Kind: lang.NumberArg, Doc: "how far apart in place pixels may be and still mix"}}, Topic: "images",
		Options: []lang.Opt{borderOpt},
		Doc: "Smooths an image while keeping its edges.\n" +
			"For 8-bit images, as OpenCV's bilateralFilter: each pixel the\n" +
			"mean of those within d/2 (d ≤ 0: 1.5·sigma_space), weighted by closeness in place (sigma_space) and in value\n" +
			"(sigma_color)",
		Example: "img = as_depth([[10, 12, 11, 200, 202], [12, 10, 13, 201, 199]], \"uint8\")\nbilateral_filter(img, 5, 20, 5)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			m, d, sc, ss, b := img(args, 0), args.Int(1), args.Num(2), args.Num(3), border(opts)
			return lang.Arr(stoppable(s, func(ctx context.Context) (*array.Array, error) { return image.BilateralFilter(ctx, m, d, sc, ss, b) }))
		},
	},
	{
		Name: "canny", Params: []lang.Param{imgParam, {Name: "low", Kind: lang.NumberArg, Doc: "the lower threshold of the gradient"},
			{Name: "high", Kind: lang.NumberArg, Doc: "the upper threshold: gradients above it are edges"}}, Topic: "images",
		Options: []lang.Opt{{Name: "aperture", Doc: "the Sobel aperture size (3)"}, {Name: "l2gradient", Doc: "true: the exact L2 norm of the gradient rather than L1"}},
		Doc: "The edges of an image by Canny's method.\n" +
			"For 8-bit images, as OpenCV's Canny: 255 on edges, 0 elsewhere. Gradients above\n" +
			"high are edges, and those above low that touch one; thin lines remain where the gradient peaks across the\n" +
			"edge. aperture is the Sobel size (3 or 5); l2gradient: true measures the gradient as sqrt(dx² + dy²)\n" +
			"rather than |dx| + |dy|",
		Example: "img = as_depth(outer(ones(6), [0, 0, 0, 200, 200, 200]), \"uint8\")\ncanny(img, 50, 150)[2]",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			m, lo, hi, k, l2 := img(args, 0), args.Num(1), args.Num(2), opts.Int("aperture", 3), opts.Bool("l2gradient", false)
			return lang.Arr(stoppable(s, func(ctx context.Context) (*array.Array, error) { return image.Canny(ctx, m, lo, hi, k, l2) }))
		},
	},
	{
		Name: "resize", Params: []lang.Param{imgParam, {Name: "[w, h]", Kind: lang.ArrayArg, Doc: "the new width and height in pixels"}}, Topic: "images",
		Options: []lang.Opt{{Name: "interpolation", Doc: "linear (default), nearest, cubic or area"}},
		Doc: "The image resized to w×h pixels.\n" +
			"As OpenCV's resize: interpolation \"linear\" (the default: bilinear, in OpenCV's\n" +
			"fixed point for 8-bit images), \"nearest\" (each pixel copies the source pixel it falls on), \"cubic\"\n" +
			"(bicubic with a = -0.75, as INTER_CUBIC) or \"area\" (each pixel the mean of the source area it covers,\n" +
			"weighted by the part covered, when shrinking; bilinear when enlarging, as INTER_AREA)",
		Example: "resize([[0, 100], [200, 250]], [4, 3])\nresize([[1, 2], [3, 4]], [4, 3], {interpolation: \"nearest\"})",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			size := args.Array(1).Floats()
			if len(size) != 2 || size[0] != math.Trunc(size[0]) || size[1] != math.Trunc(size[1]) || size[0] < 1 || size[1] < 1 || size[0] > 1<<20 || size[1] > 1<<20 {
				panic(lang.ArgErrorf(1, "the size is [w, h], two whole numbers of pixels"))
			}
			m, w, h := img(args, 0), int(size[0]), int(size[1])
			switch mode := opts.Text("interpolation", "linear"); mode {
			case "linear":
				return lang.Arr(stoppable(s, func(ctx context.Context) (*array.Array, error) { return image.ResizeLinear(ctx, m, w, h) }))
			case "nearest":
				return lang.Arr(stoppable(s, func(ctx context.Context) (*array.Array, error) { return image.ResizeNearest(ctx, m, w, h) }))
			case "area":
				return lang.Arr(stoppable(s, func(ctx context.Context) (*array.Array, error) { return image.ResizeArea(ctx, m, w, h) }))
			case "cubic":
				return lang.Arr(stoppable(s, func(ctx context.Context) (*array.Array, error) { return image.ResizeCubic(ctx, m, w, h) }))
			default:
				panic(lang.ArgErrorf(2, "interpolation %q is not implemented: \"linear\", \"nearest\", \"cubic\" or \"area\"", mode))
			}
		},
	},
	{
		Name: "equalize_hist", Params: []lang.Param{imgParam}, Topic: "images",
		Doc: "The image with its histogram equalized.\n" +
			"For 8-bit gray images: values spread over 0..255, as OpenCV's equalizeHist: contrast for dull images",
		Example: "equalize_hist(as_depth([[50, 52, 54], [56, 58, 60]], \"uint8\"))",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			return lang.Arr(must(image.EqualizeHist(img(a, 0))))
		},
	},
	{
		Name: "cvt_color", Params: []lang.Param{imgParam, {Name: "code", Kind: lang.TextArg, Doc: "\"rgb2gray\", \"gray2rgb\", \"rgb2hsv\" or \"hsv2rgb\""}}, Topic: "images",
		Doc: "Converts an image between colour spaces.\n" +
			"As OpenCV's cvtColor: code \"rgb2gray\" (H×W×3 to H×W), \"gray2rgb\", \"rgb2hsv\" or \"hsv2rgb\"\n" +
			"(8-bit images: hue 0..179 in degrees halved, saturation and value 0..255)",
		Example: "cvt_color(as_depth([[[255, 0, 0], [0, 128, 255]]], \"uint8\"), \"rgb2hsv\")",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			conv := map[string]func(*array.Array) (*array.Array, error){
				"rgb2gray": image.ToGray, "gray2rgb": image.ToRGB, "rgb2hsv": image.ToHSV, "hsv2rgb": image.FromHSV,
			}
			code := strings.TrimPrefix(strings.ToLower(a.Str(1)), "color_")
			f, ok := conv[code]
			if !ok && strings.Contains(code, "bgr") {
				panic(lang.ArgErrorf(1, "calc has no code %q: %s", a.Str(1), bgrAdvice(code, conv)))
			}
			if !ok {
				panic(lang.ArgErrorf(1, "unknown code %q (rgb2gray, gray2rgb, rgb2hsv or hsv2rgb)", a.Str(1)))
			}
			return lang.Arr(must(f(img(a, 0))))
		},
	},
}

// bgrAdvice explains, for an OpenCV colour code with BGR in it, that
// calc's images are RGB, and names the code that does the same here.
func bgrAdvice(code string, conv map[string]func(*array.Array) (*array.Array, error)) string {
	why := "calc's imread gives RGB, where OpenCV's gives BGR"
	if rgb := strings.ReplaceAll(code, "bgr", "rgb"); conv[rgb] != nil {
		return why + ", so OpenCV's " + strings.ToUpper("color_"+code) + " on what cv2.imread read is \"" + rgb + "\" here"
	}
	return why + ": img[:, :, ::-1] reverses the channels"
}

// morphKernel reads argument i, a structuring element: an array of zeros
// and ones, or a size n or [w, h] for a rectangle of ones.
func morphKernel(a lang.Args, i int) *array.Array {
	k := a.Array(i)
	if k.Ndim() == 2 {
		return k
	}
	w, h := ksize(a, i)
	return must(image.StructuringElement(image.Rect, w, h, -1, -1))
}

// morphFilter builds erode and dilate.
func morphFilter(name, doc string, run func(ctx context.Context, img, kernel *array.Array, ax, ay, iterations int) (*array.Array, error)) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{imgParam, kernelParam}, Topic: "images",
		Options: []lang.Opt{iterationsOpt},
		Doc:     doc + "; pixels past the border\nare left out",
		Example: name + "([[0, 0, 0, 0], [0, 9, 0, 0], [0, 0, 0, 0]], 3)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			m, k, n := img(args, 0), morphKernel(args, 1), opts.Int("iterations", 1)
			return lang.Arr(stoppable(s, func(ctx context.Context) (*array.Array, error) { return run(ctx, m, k, -1, -1, n) }))
		},
	}
}

// topicTexts are the longer explanations help gives for some topics.
var topicTexts = map[string]string{"images": imageTopic, "data": dataTopic}
