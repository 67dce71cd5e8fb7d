package builtins

import (
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

// imageFilter builds the derivative filters sobel and scharr.
func derivFilter(name, doc string, ksize bool, run func(m *array.Array, dx, dy, ksize int, scale, delta float64, b image.Border) (*array.Array, error)) *lang.Builtin {
	params, known := "img, dx, dy, {scale, delta, border}", []string{"scale", "delta", "border"}
	if ksize {
		params, known = "img, dx, dy, {ksize, scale, delta, border}", append(known, "ksize")
	}
	return &lang.Builtin{
		Name: name, Params: params, Topic: "images", Doc: doc,
		Example: "img = outer(range(8), ones(8))\n" + name + "(img, 1, 0)[3]",
		MinArgs: 3, MaxArgs: 4,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check(known...)
			return lang.Arr(must(run(img(args, 0), args.Int(1), args.Int(2), int(opts.Num("ksize", 3)),
				opts.Num("scale", 1), opts.Num("delta", 0), border(opts))))
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
reflect, replicate, constant (zeros) and wrap.`

var imageBuiltins = []*lang.Builtin{
	{
		Name: "imread", Params: "path, {gray}", Topic: "images",
		Doc:     "reads a PNG, JPEG or GIF image as an array of values 0..255: H×W×3 (RGB) or, with {gray: true}, H×W with\nOpenCV's gray weights",
		Example: "img = zeros(4, 6)\npath = tempdir() + \"/calc-example.png\"\nimwrite(path, img)\nimread(path, {gray: true}).shape",
		MinArgs: 1, MaxArgs: 2,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("gray")
			s.CheckFiles("imread")
			return lang.Arr(must(image.Read(args.Str(0), opts.Bool("gray", false))))
		},
	},
	{
		Name: "imwrite", Params: "path, img, {normalize}", Topic: "images",
		Doc: "writes an image array to a PNG or JPEG file (by the extension), atomically: values are rounded and clipped\n" +
			"to 0..255, or with {normalize: true} scaled from their range onto 0..255 first",
		Example: "imwrite(tempdir() + \"/calc-gradient.png\", outer(range(16), ones(16))*16, {normalize: true})",
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("normalize")
			s.CheckFiles("imwrite")
			if err := image.Write(args.Str(0), img(args, 1), opts.Bool("normalize", false)); err != nil {
				lang.Throw(err)
			}
			return lang.Str(args.Str(0))
		},
	},
	derivFilter("sobel", "the Sobel derivative of an image of order dx in x and dy in y, as OpenCV's Sobel to CV_64F:\n"+
		"ksize 1, 3 (the default), 5 or 7 (-1 for Scharr); scale and delta scale and shift the result", true, image.Sobel),
	derivFilter("scharr", "the Scharr derivative (dx + dy = 1), a 3×3 kernel more accurate in direction than Sobel's, as OpenCV's Scharr", false,
		func(m *array.Array, dx, dy, _ int, scale, delta float64, b image.Border) (*array.Array, error) {
			return image.Scharr(m, dx, dy, scale, delta, b)
		}),
	{
		Name: "laplacian", Params: "img, {ksize, scale, delta, border}", Topic: "images",
		Doc:     "the Laplacian d²/dx² + d²/dy² of an image, as OpenCV's Laplacian to CV_64F (ksize 1 by default: the 3×3 kernel\n[[0, 1, 0], [1, -4, 1], [0, 1, 0]])",
		Example: "laplacian(outer(range(5), range(5)))",
		MinArgs: 1, MaxArgs: 2,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("ksize", "scale", "delta", "border")
			return lang.Arr(must(image.Laplacian(img(args, 0), int(opts.Num("ksize", 1)), opts.Num("scale", 1), opts.Num("delta", 0), border(opts))))
		},
	},
	{
		Name: "filter2d", Params: "img, kernel, {anchor, delta, border}", Topic: "images",
		Doc:     "the correlation of an image with a kernel (not flipped), as OpenCV's filter2D; anchor [x, y] defaults to the centre",
		Example: "filter2d(outer(range(5), ones(5)), [[-1, -1, -1], [0, 0, 0], [1, 1, 1]])",
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("anchor", "delta", "border")
			ax, ay := -1, -1
			if v := opts.Get("anchor", lang.Nil); !v.IsNil() {
				p := arrayOf(v)
				if len(p.Data) != 2 {
					panic(lang.ArgErrorf(2, "anchor must be [x, y]"))
				}
				ax, ay = int(p.Data[0]), int(p.Data[1])
			}
			return lang.Arr(must(image.Filter2D(img(args, 0), args.Array(1), ax, ay, opts.Num("delta", 0), border(opts))))
		},
	},
	{
		Name: "gaussian_blur", Params: "img, ksize, sigma, {sigma_y, border}", Topic: "images",
		Doc:     "the image smoothed by a Gaussian kernel of odd size ksize (a number or [kx, ky]; 0 derives it from sigma), as\nOpenCV's GaussianBlur",
		Example: "gaussian_blur(eye(5)*10, 3, 0)[2]",
		MinArgs: 3, MaxArgs: 4,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("sigma_y", "border")
			k := args.Array(1).Data
			if len(k) != 1 && len(k) != 2 {
				panic(lang.ArgErrorf(1, "ksize is a number or [kx, ky], not %d numbers", len(k)))
			}
			kx, ky := int(k[0]), int(k[len(k)-1])
			sx := args.Num(2)
			return lang.Arr(must(image.GaussianBlur(img(args, 0), kx, ky, sx, opts.Num("sigma_y", 0), border(opts))))
		},
	},
	{
		Name: "threshold", Params: "img, t, {maxval, mode}", Topic: "images",
		Doc: "each value compared with t, as OpenCV's threshold: mode binary (the default: maxval where above t, else 0),\n" +
			"binary_inv, trunc, tozero, tozero_inv, or otsu (binary with Otsu's threshold chosen from the histogram of an\n" +
			"8-bit gray image). A record t (the threshold used) and image.",
		Example: "threshold([[10, 200], [90, 180]], 100).image",
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("maxval", "mode")
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
		Name: "magnitude", Params: "x, y", Topic: "images",
		Doc:     "sqrt(x**2 + y**2) elementwise: the strength of a gradient from its two components",
		Example: "magnitude([3, 0], [4, 2])",
		MinArgs: 2, MaxArgs: 2,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			return lang.Arr(must(image.Magnitude(a.Array(0), a.Array(1))))
		},
	},
	{
		Name: "phase", Params: "x, y, {degrees}", Topic: "images",
		Doc:     "the angle of the vector (x, y) in [0, 2π) (or degrees), elementwise, as OpenCV's phase",
		Example: "phase([1, 0, -1], [0, 1, 0], {degrees: true})",
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("degrees")
			return lang.Arr(must(image.Phase(args.Array(0), args.Array(1), opts.Bool("degrees", false))))
		},
	},
	{
		Name: "convert_scale_abs", Params: "img, {alpha, beta}", Topic: "images",
		Doc:     "|alpha·img + beta| rounded and clipped to 0..255, as OpenCV's convertScaleAbs: gradients made displayable",
		Example: "convert_scale_abs([-300, -2.5, 7.5], {alpha: 1})",
		MinArgs: 1, MaxArgs: 2,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("alpha", "beta")
			return lang.Arr(must(image.ConvertScaleAbs(args.Array(0), opts.Num("alpha", 1), opts.Num("beta", 0))))
		},
	},
	{
		Name: "blur_measure", Params: "img", Topic: "images",
		Doc:     "the variance of the Laplacian of an image: large when it is sharp, small when it is blurred (see help(\"images\"))",
		Example: "seed(1)\nsharp = round(255*rand(32, 32))\n[blur_measure(sharp), blur_measure(gaussian_blur(sharp, 5, 0))]",
		MinArgs: 1, MaxArgs: 1,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			return lang.Num(must(image.BlurMeasure(img(a, 0))))
		},
	},
}

// topicTexts are the longer explanations help gives for some topics.
var topicTexts = map[string]string{"images": imageTopic, "data": dataTopic}
