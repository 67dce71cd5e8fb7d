package image

import (
	"bytes"
	"fmt"
	stdimage "image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"

	"calc/stdlib/array"
	"calc/stdlib/dataio"
)

// MaxPixels is the most pixels Read decodes (about 33 million: a colour
// image of that size is 800 MB of float64 values).
const MaxPixels = 1 << 25

// Read decodes the PNG, JPEG or GIF file at path (the format is told from
// the file's first bytes, not its name) into an H×W×3 array of red, green
// and blue values or, if gray is set, an H×W array of gray values, both
// 0…255, of depth array.Uint8 (CV_8U) and backed by bytes (see
// array.FromBytes), so that the filters work on the bytes and those that
// keep a depth round and saturate as OpenCV's do. Note that calc's colour
// order is RGB: OpenCV's imread returns BGR.
//
// The results are those of OpenCV 4.6's cv2.imread(path, IMREAD_COLOR) (in
// RGB order) and cv2.imread(path, IMREAD_GRAYSCALE), whose decoders read
// each format as follows.
//
//   - PNG, through libpng: alpha is dropped (not composited), palettes
//     expanded, gray of 1, 2 or 4 bits scaled to 8, and 16-bit samples cut
//     to their high byte. Gray comes from libpng's png_set_rgb_to_gray with
//     OpenCV's weights 0.299 and 0.587, which libpng turns into 15-bit
//     fixed point and truncates: (9797·R + 19234·G + 3737·B) >> 15 for 8-bit
//     samples, and for 16-bit ones (the same sum + 16384) >> 15 before the
//     cut to 8 bits (pngrtran.c, png_do_rgb_to_gray). This is exact for
//     PNGs without gAMA, sRGB or iCCP chunks; libpng converts those with a
//     gamma other than 1 in linear light instead, which Read does not.
//   - JPEG, through libjpeg: gray is the decoded luma (Y) plane, not a
//     mixture of R, G and B; colour comes from YCbCr by libjpeg's
//     fixed-point formulas (jdcolor.c), with subsampled chroma (4:2:2,
//     4:2:0, 4:4:0) interpolated as libjpeg's default "fancy upsampling"
//     does. Go's decoder (image/jpeg) computes the inverse DCT with other
//     rounding than libjpeg's, so values may differ from OpenCV's by ±1 in
//     gray and ±2 in colour (in 2% and 4% of the values of the test files).
//     EXIF orientation is not applied (OpenCV rotates the image by it).
//   - GIF, which OpenCV 4.6 cannot read: the first frame, and gray from
//     cv::cvtColor's COLOR_RGB2GRAY weights, (9798·R + 19235·G + 3735·B +
//     16384) >> 15.
func Read(path string, gray bool) (*array.Array, error) { return ReadLimit(path, gray, 3*MaxPixels) }

// ReadLimit is Read for a caller's limit on numbers (calc's
// -max-elements): before decoding, the header's width × height ×
// channels × depth says what the decoder, its samples and the result will
// take, counted in float64s, and an image that would pass limit is an
// error; so is a file larger than such an image can be.
func ReadLimit(path string, gray bool, limit int) (*array.Array, error) {
	data, err := dataio.ReadFile(path, dataio.MostBytes(limit))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	// A file's header may promise more pixels than it holds: refuse huge
	// images before decoding allocates for them.
	if cfg, _, err := stdimage.DecodeConfig(bytes.NewReader(data)); err == nil {
		if err := checkDecode(path, cfg, gray, limit); err != nil {
			return nil, err
		}
	}
	r := bytes.NewReader(data)
	var img stdimage.Image
	weights := cvtColorWeights
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		img, err = png.Decode(r)
		weights = libpngWeights
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		img, err = jpeg.Decode(r)
		if y, ok := img.(*stdimage.YCbCr); ok && gray && err == nil {
			return lumaPlane(y), nil
		}
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		img, err = gif.Decode(r)
	default:
		return nil, fmt.Errorf("read: %s: not a PNG, JPEG or GIF file", path)
	}
	if err != nil {
		return nil, fmt.Errorf("read: %s: %w", path, err)
	}
	s := samplesOf(img)
	if gray {
		return s.gray(weights), nil
	}
	return s.colour(), nil
}

// checkDecode refuses an image whose decoding would pass limit numbers
// (float64s) or MaxPixels pixels: the decoder's image (bytes per pixel by
// its colour model), the samples (three of 16 bits a pixel) and the
// result (one or three float64s a pixel: its values once made float64).
func checkDecode(path string, cfg stdimage.Config, gray bool, limit int) error {
	pixels := float64(cfg.Width) * float64(cfg.Height)
	channels := 3.0
	if gray {
		channels = 1
	}
	decoded := decodedBytes(cfg.ColorModel)
	numbers := pixels * (decoded + 6 + 8*channels) / 8
	if pixels > MaxPixels || numbers > float64(limit) {
		return fmt.Errorf("read: %s: a %d×%d image of %v bytes a pixel takes %.0f numbers to decode, more than the limit of %d (-max-elements)",
			path, cfg.Width, cfg.Height, decoded, numbers, min(limit, MaxPixels*3))
	}
	return nil
}

// decodedBytes is the bytes a pixel takes in the image Go's decoders make
// for a colour model: its channels times their depth.
func decodedBytes(m color.Model) float64 {
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.YCbCrModel:
		return 3
	case color.RGBAModel, color.NRGBAModel, color.CMYKModel:
		return 4
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 8 // RGBA64, NRGBA64: four channels of 16 bits
}

// grayWeights are 15-bit fixed-point weights of red, green and blue for
// converting colour to gray, and the rounding term added before the shift
// for 8-bit and for 16-bit samples.
type grayWeights struct {
	r, g, b         uint32
	round8, round16 uint32
}

// libpngWeights are those libpng makes from OpenCV's request for 0.299 and
// 0.587: ⌊w·32768⌋ for red and green and the rest of 32768 for blue,
// truncating 8-bit sums and rounding 16-bit ones.
var libpngWeights = grayWeights{r: 9797, g: 19234, b: 3737, round8: 0, round16: 1 << 14}

// cvtColorWeights are cv::cvtColor's for 8-bit RGB to gray (RY15, GY15,
// BY15 in modules/imgproc/src/color.hpp), rounded.
var cvtColorWeights = grayWeights{r: 9798, g: 19235, b: 3735, round8: 1 << 14, round16: 1 << 14}

// samples is a decoded image as interleaved red, green and blue samples of
// 8 bits, or of 16 if deep is set.
type samples struct {
	w, h int
	rgb  []uint16
	deep bool
}

// samplesOf returns the red, green and blue samples of img, as they are
// stored, without compositing any alpha: the alpha of non-premultiplied
// formats is dropped, as OpenCV's decoders do.
func samplesOf(img stdimage.Image) samples {
	b := img.Bounds()
	s := samples{w: b.Dx(), h: b.Dy(), rgb: make([]uint16, 3*b.Dx()*b.Dy())}
	i := 0
	put := func(r, g, b uint16) {
		s.rgb[i], s.rgb[i+1], s.rgb[i+2] = r, g, b
		i += 3
	}
	switch m := img.(type) {
	case *stdimage.Gray:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for _, v := range m.Pix[m.PixOffset(b.Min.X, y):][:s.w] {
				put(uint16(v), uint16(v), uint16(v))
			}
		}
	case *stdimage.NRGBA:
		rgba8(m.Pix, m.Stride, m.PixOffset(b.Min.X, b.Min.Y), s.w, s.h, put)
	case *stdimage.RGBA: // decoders return it only for opaque images
		rgba8(m.Pix, m.Stride, m.PixOffset(b.Min.X, b.Min.Y), s.w, s.h, put)
	case *stdimage.Paletted:
		palette := make([]color.NRGBA, len(m.Palette))
		for j, c := range m.Palette {
			palette[j] = color.NRGBAModel.Convert(c).(color.NRGBA)
		}
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for _, v := range m.Pix[m.PixOffset(b.Min.X, y):][:s.w] {
				var c color.NRGBA // black for an index past the palette, as image.Paletted.At gives
				if int(v) < len(palette) {
					c = palette[v]
				}
				put(uint16(c.R), uint16(c.G), uint16(c.B))
			}
		}
	case *stdimage.YCbCr:
		cb, cr := upsample(m, m.Cb), upsample(m, m.Cr)
		for y := range s.h {
			for x, v := range m.Y[m.YOffset(b.Min.X, b.Min.Y+y):][:s.w] {
				put(yccToRGB(v, cb[y*s.w+x], cr[y*s.w+x]))
			}
		}
	default:
		s.deep = deep(img)
		model := color.NRGBAModel
		if s.deep {
			model = color.NRGBA64Model
		}
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				switch c := model.Convert(img.At(x, y)).(type) {
				case color.NRGBA:
					put(uint16(c.R), uint16(c.G), uint16(c.B))
				case color.NRGBA64:
					put(c.R, c.G, c.B)
				}
			}
		}
	}
	return s
}

// rgba8 passes the colour of each pixel of a 4-byte-per-pixel image to put.
func rgba8(pix []uint8, stride, off, w, h int, put func(r, g, b uint16)) {
	for y := range h {
		row := pix[off+y*stride:][:4*w]
		for x := 0; x < len(row); x += 4 {
			put(uint16(row[x]), uint16(row[x+1]), uint16(row[x+2]))
		}
	}
}

// deep reports whether img holds 16-bit samples.
func deep(img stdimage.Image) bool {
	switch img.(type) {
	case *stdimage.Gray16, *stdimage.RGBA64, *stdimage.NRGBA64:
		return true
	}
	return false
}

// colour returns the samples as an H×W×3 8-bit image; 16-bit samples keep
// their high byte, as libpng's png_set_strip_16 does.
func (s samples) colour() *array.Array {
	out := make([]uint8, len(s.rgb))
	shift := s.shift()
	for i, v := range s.rgb {
		out[i] = uint8(v >> shift)
	}
	return imageOfBytes([]int{s.h, s.w, 3}, out)
}

// gray returns the samples mixed to gray with the weights w, as an H×W
// 8-bit image.
func (s samples) gray(w grayWeights) *array.Array {
	out := make([]uint8, s.h*s.w)
	shift, round := s.shift(), w.round8
	if s.deep {
		round = w.round16
	}
	for i := range out {
		p := s.rgb[3*i : 3*i+3]
		sum := w.r*uint32(p[0]) + w.g*uint32(p[1]) + w.b*uint32(p[2]) + round
		out[i] = uint8(sum >> 15 >> shift)
	}
	return imageOfBytes([]int{s.h, s.w}, out)
}

// shift is the right shift that takes a sample to 8 bits.
func (s samples) shift() uint {
	if s.deep {
		return 8
	}
	return 0
}

// lumaPlane returns the Y plane of a decoded JPEG as an H×W 8-bit image,
// the gray image libjpeg decodes when asked for JCS_GRAYSCALE.
func lumaPlane(m *stdimage.YCbCr) *array.Array {
	b := m.Bounds()
	out := make([]uint8, b.Dy()*b.Dx())
	for y := range b.Dy() {
		copy(out[y*b.Dx():], m.Y[m.YOffset(b.Min.X, b.Min.Y+y):][:b.Dx()])
	}
	return imageOfBytes([]int{b.Dy(), b.Dx()}, out)
}

// upsample returns the chroma plane p (m.Cb or m.Cr) of a decoded JPEG at
// full resolution, W×H, interpolated as libjpeg-turbo's "fancy" upsampling
// does for 4:2:2, 4:2:0 and 4:4:0 (jdsample.c: h2v1_fancy_upsample,
// h2v2_fancy_upsample, h1v2_fancy_upsample): each output sample weighs its
// chroma sample by 3/4 and the next nearest by 1/4 in each subsampled
// direction, with libjpeg's alternating rounding biases, and the edge
// samples standing in for their missing neighbours. Other ratios, and planes
// two samples wide or less, are replicated, as libjpeg does. m's bounds
// start at (0, 0), as image/jpeg's do.
func upsample(m *stdimage.YCbCr, p []uint8) []uint8 {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	hx, vy := 1, 1 // subsampling factors
	switch m.SubsampleRatio {
	case stdimage.YCbCrSubsampleRatio422:
		hx = 2
	case stdimage.YCbCrSubsampleRatio420:
		hx, vy = 2, 2
	case stdimage.YCbCrSubsampleRatio440:
		vy = 2
	}
	cw, ch := (w+hx-1)/hx, (h+vy-1)/vy // libjpeg's downsampled_width and _height
	out := make([]uint8, w*h)
	fancy := (hx == 2 || vy == 2) && !(hx == 2 && cw <= 2)
	if !fancy {
		for y := range h {
			for x := range w {
				out[y*w+x] = p[m.COffset(x, y)]
			}
		}
		return out
	}
	// Column sums: 3·nearer row + further row where rows are subsampled.
	sums := make([]int, cw)
	for y := range h {
		r := p[(y/vy)*m.CStride:][:cw]
		if vy == 2 {
			rn := p[min(max(y/2+2*(y%2)-1, 0), ch-1)*m.CStride:][:cw]
			for c := range sums {
				sums[c] = 3*int(r[c]) + int(rn[c])
			}
		} else {
			for c := range sums {
				sums[c] = int(r[c])
			}
		}
		row := out[y*w : (y+1)*w]
		switch {
		case hx == 1: // h1v2: biases 1 above, 2 below
			for x := range row {
				row[x] = uint8((sums[x] + 1 + y%2) >> 2)
			}
		case vy == 1: // h2v1: biases 1 left, 2 right
			for x := range row {
				row[x] = uint8((3*sums[x/2] + sums[neighbour(x, cw)] + 1 + x%2) >> 2)
			}
		default: // h2v2: biases 8 left, 7 right
			for x := range row {
				row[x] = uint8((3*sums[x/2] + sums[neighbour(x, cw)] + 8 - x%2) >> 4)
			}
		}
	}
	return out
}

// neighbour returns the further chroma column of output column x, 2-fold
// subsampled into cw columns: the left one for even x, the right one for
// odd, the column itself at the edges.
func neighbour(x, cw int) int {
	return min(max(x/2+2*(x%2)-1, 0), cw-1)
}

// yccToRGB converts JFIF YCbCr to RGB as libjpeg's ycc_rgb_convert does,
// with 16-bit fixed-point coefficients FIX(1.402), FIX(0.34414),
// FIX(0.71414) and FIX(1.772), rounded, then clamped to 0…255. Go's
// color.YCbCrToRGB rounds differently, by one level for some inputs.
func yccToRGB(y, cb, cr uint8) (r, g, b uint16) {
	const half = 1 << 15
	Y, Cb, Cr := int32(y), int32(cb)-128, int32(cr)-128
	return clamp8(Y + (91881*Cr+half)>>16),
		clamp8(Y + (-22554*Cb-46802*Cr+half)>>16),
		clamp8(Y + (116130*Cb+half)>>16)
}

// clamp8 clips v to 0…255.
func clamp8(v int32) uint16 {
	return uint16(min(max(v, 0), 255))
}
