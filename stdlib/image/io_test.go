package image

import (
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"calc/stdlib/array"
	"calc/stdlib/dataio"
)

// readCase is a test file and the largest difference from OpenCV's decoding
// that Read may have for it.
type readCase struct {
	file string
	tol  float64
	why  string
}

var readCases = []readCase{
	{"gray.png", 0, "8-bit gray"},
	{"colour.png", 0, "8-bit RGB; gray through libpng's fixed point"},
	{"rgba.png", 0, "alpha is dropped, not composited"},
	{"deep.png", 0, "16-bit RGB: high bytes; gray rounded at 16 bits"},
	{"gray16.png", 0, "16-bit gray"},
	{"palette.png", 0, "palette expanded"},
	{"palette.gif", 0, "OpenCV 4.6 has no GIF: PIL's RGB and cvtColor's gray"},
	{"gray.jpg", 1, "Go's inverse DCT differs from libjpeg's by 1"},
	{"colour444.jpg", 2, "the inverse DCT's ±1 in Y and in chroma"},
	{"colour422.jpg", 2, "the inverse DCT's ±1 in Y and in chroma"},
	{"colour420.jpg", 2, "the inverse DCT's ±1 in Y and in chroma"},
	{"colour440.jpg", 2, "the inverse DCT's ±1 in Y and in chroma"},
}

// TestRead compares Read with cv2.imread for each test file, in colour and
// in gray.
func TestRead(t *testing.T) {
	ref, err := loadReference()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range readCases {
		for _, mode := range []string{"colour", "gray"} {
			got, err := Read(filepath.Join("testdata", c.file), mode == "gray")
			if err != nil {
				t.Errorf("%s: %v", c.file, err)
				continue
			}
			if _, ok := got.Uint8s(); !ok || got.Depth != array.Uint8 {
				t.Errorf("%s %s: depth %s, backed by bytes %v", c.file, mode, got.Depth, ok)
			}
			want := ref.array(t, "read/"+c.file+"/"+mode)
			d, at := maxDiff(got, want, 0)
			off := 0
			for i, v := range want.Floats() {
				if got.Floats()[i] != v {
					off++
				}
			}
			if d > c.tol {
				t.Errorf("%s %s (%s): differs from OpenCV by %g at %d, allowed %g",
					c.file, mode, c.why, d, at, c.tol)
			}
			if c.tol > 0 {
				t.Logf("%s %s: largest difference from OpenCV %g, in %d of %d values", c.file, mode, d, off, want.Len())
			}
		}
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "notes.png")
	if err := os.WriteFile(bad, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	trunc := filepath.Join(dir, "trunc.png")
	b, _ := os.ReadFile(filepath.Join("testdata", "gray.png"))
	if err := os.WriteFile(trunc, b[:len(b)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, want string }{
		{filepath.Join(dir, "missing.png"), "no such file"},
		{bad, "not a PNG, JPEG or GIF file"},
		{trunc, "trunc.png"},
	} {
		if _, err := Read(c.path, false); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Read(%s) = %v, want an error containing %q", c.path, err, c.want)
		}
	}
}

// TestWrite checks that Write stores float values as cv2.imwrite does, and
// normalised ones as cv2.normalize does, by reading the files back.
func TestWrite(t *testing.T) {
	ref, err := loadReference()
	if err != nil {
		t.Fatal(err)
	}
	img := ref.array(t, "in/write")
	for _, c := range []struct {
		name      string
		normalize bool
	}{{"plain", false}, {"normalized", true}} {
		path := filepath.Join(t.TempDir(), "out.png")
		if err := Write(path, img, c.normalize); err != nil {
			t.Fatal(err)
		}
		got, err := Read(path, false)
		if err != nil {
			t.Fatal(err)
		}
		if d, at := maxDiff(got, ref.array(t, "out/write/"+c.name), 0); d != 0 {
			t.Errorf("%s: differs from OpenCV by %g at %d", c.name, d, at)
		}
	}
}

// TestWriteRoundTrip writes gray and RGB images as PNG, which must read
// back exactly, and as JPEG, which must read back close on average (the
// largest errors of a lossy code sit at sharp edges).
func TestWriteRoundTrip(t *testing.T) {
	ref, err := loadReference()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, c := range []struct {
		name    string
		img     *array.Array
		gray    bool
		meanTol float64
	}{
		{"gray.png", ref.array(t, "in/gray"), true, 0},
		{"colour.PNG", ref.array(t, "in/colour"), false, 0},
		{"gray.jpg", ref.array(t, "in/gray"), true, 2},
		// Go writes colour JPEG as 4:2:0, which averages away much of this
		// image's independent noise per channel: PIL's 4:2:0 at quality 95
		// reads back with a mean difference of 9.9 too.
		{"colour.jpeg", ref.array(t, "in/colour"), false, 11},
	} {
		path := filepath.Join(dir, c.name)
		if err := Write(path, c.img, false); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got, err := Read(path, c.gray)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !sameShape(got.Shape, c.img.Shape) {
			t.Fatalf("%s: read back with shape %v, want %v", c.name, got.Shape, c.img.Shape)
		}
		sum := 0.0
		for i, v := range got.Floats() {
			sum += math.Abs(v - c.img.Floats()[i])
		}
		if mean := sum / float64(got.Len()); mean > c.meanTol {
			t.Errorf("%s: read back with mean difference %g, allowed %g", c.name, mean, c.meanTol)
		}
	}
	rgba := array.New([]int{1, 2, 4}, []float64{10, 20, 30, 0, 200, 100, 50, 128})
	path := filepath.Join(dir, "rgba.png")
	if err := Write(path, rgba, false); err != nil {
		t.Fatal(err)
	}
	got, err := Read(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if want := []float64{10, 20, 30, 200, 100, 50}; !equalData(got.Floats(), want) {
		t.Errorf("RGBA read back as %v, want %v (alpha dropped)", got.Floats(), want)
	}
}

func equalData(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestWriteErrors(t *testing.T) {
	dir := t.TempDir()
	img := array.Zeros(2, 3)
	for _, c := range []struct {
		path string
		img  *array.Array
		want string
	}{
		{"x.bmp", img, `unsupported extension ".bmp"`},
		{"x", img, `unsupported extension ""`},
		{"x.png", array.Zeros(2, 3, 2), "1, 3 or 4 channels"},
		{"x.jpg", array.Zeros(2, 3, 4), "JPEG has no alpha"},
		{"x.png", array.Zeros(4), "2-d"},
		{"x.png", array.Zeros(0, 3), "empty"},
		{"x.png", nil, "nil"},
		{"missing/x.png", img, "the folder"},
	} {
		err := Write(filepath.Join(dir, c.path), c.img, false)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Write(%s) = %v, want an error containing %q", c.path, err, c.want)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("failed writes left %d files behind", len(entries))
	}
}

// TestWriteAtomic checks that a write that fails, in the encoder or in the
// rename, leaves the old file as it was and no temporary file.
func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "img.png")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk on fire")
	err := dataio.WriteFile(path, func(w io.Writer) error {
		w.Write([]byte("half a PNG"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("dataio.WriteFile = %v, want %v", err, boom)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("a failed write changed the file to %q", b)
	}
	if err := Write(path, array.Zeros(2, 2), false); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("replaced file has mode %v (%v), want 0600 kept", fi.Mode(), err)
	}
	sub := filepath.Join(dir, "sub.png") // a directory: the rename fails
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(sub, array.Zeros(2, 2), false); err == nil {
		t.Errorf("writing over a directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		names := []string{}
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want img.png and sub.png only", names)
	}
}

// TestSaturate checks the rounding of values to 8 bits.
func TestSaturate(t *testing.T) {
	for _, c := range [][2]float64{{0.5, 0}, {1.5, 2}, {2.5, 2}, {-0.5, 0}, {254.5, 254}, {255.5, 255},
		{-3, 0}, {1e300, 255}, {math.Inf(1), 255}, {math.Inf(-1), 0}, {math.NaN(), 0}} {
		if got := saturate8(c[0]); got != c[1] {
			t.Errorf("saturate8(%g) = %g, want %g", c[0], got, c[1])
		}
	}
}

// TestReadSmallJPEG reads colour JPEGs (which Go writes 4:2:0) of sizes
// around the edge cases of chroma upsampling: planes one or two samples
// wide or tall, odd sizes.
func TestReadSmallJPEG(t *testing.T) {
	dir := t.TempDir()
	for _, hw := range [][2]int{{1, 1}, {1, 3}, {3, 1}, {2, 2}, {2, 5}, {5, 4}, {7, 6}, {9, 17}} {
		img := array.Zeros(hw[0], hw[1], 3)
		for i := range img.Len() {
			img.Floats()[i] = float64(37 * i % 256)
		}
		path := filepath.Join(dir, "small.jpg")
		if err := Write(path, img, false); err != nil {
			t.Fatal(err)
		}
		got, err := Read(path, false)
		if err != nil || !sameShape(got.Shape, img.Shape) {
			t.Errorf("%v: read back %v, %v", hw, got, err)
		}
	}
}
