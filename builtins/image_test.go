package builtins_test

import (
	"strings"
	"testing"
	"time"

	"calc/builtins"
	"calc/lang"
)

// TestImageInterrupt checks that an interrupt (Ctrl-C, or a time limit)
// stops a long filter soon, with the interruption's message.
func TestImageInterrupt(t *testing.T) {
	s := builtins.NewSession()
	if _, err := s.Eval(`img = as_depth(outer(range(1500), ones(1500)) % 256, "uint8")`); err != nil {
		t.Fatal(err)
	}
	for _, call := range []string{"gaussian_blur(img, 0, 150)", "median_blur(img, 255)", "filter2d(img, ones(60, 60))"} {
		time.AfterFunc(100*time.Millisecond, func() { s.StopWith("interrupted: test") })
		start := time.Now()
		_, err := s.Eval(call)
		if err == nil || !strings.Contains(err.Error(), "interrupted: test") {
			t.Errorf("%s: err = %v, want the interruption", call, err)
		}
		if took := time.Since(start); took > 3*time.Second {
			t.Errorf("%s took %v to stop", call, took)
		}
	}
}

// TestDepth checks that 8-bit images say so, keep their depth through the
// filters that keep it, and that derivatives and arithmetic give float64.
func TestDepth(t *testing.T) {
	s := builtins.NewSession()
	for src, want := range map[string]string{
		`type(as_depth([[1, 2], [3, 4]], "uint8"))`:                                  `"array(2, 2) uint8"`,
		`type(gaussian_blur(as_depth(ones(4, 4), "uint8"), 3, 0))`:                   `"array(4, 4) uint8"`,
		`type(sobel(as_depth(ones(4, 4), "uint8"), 1, 0))`:                           `"array(4, 4)"`,
		`type(sobel(as_depth(ones(4, 4), "uint8"), 1, 0, {ddepth: -1}))`:             `"array(4, 4) uint8"`,
		`type(as_depth(ones(4, 4), "uint8") * 2)`:                                    `"array(4, 4)"`,
		`filter2d(as_depth([[10, 200]], "uint8"), [[0, 2, 0]])`:                      `[[ 20, 255]]`,
		`filter2d(as_depth([[10, 200]], "uint8"), [[0, 2, 0]], {ddepth: "float64"})`: `[[ 20, 400]]`,
		`as_depth([[-3, 2.5, 3.5, 300]], "uint8")`:                                   `[[  0,   2,   4, 255]]`,
	} {
		v, err := s.Eval(src)
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		if got := s.Format(v); got != want {
			t.Errorf("%s = %s, want %s", src, got, want)
		}
	}
	if _, err := s.Eval(`sobel(ones(3, 3), 1, 0, {ddepth: "uint9"})`); err == nil || !strings.Contains(err.Error(), "unknown depth") {
		t.Errorf("an unknown depth gave %v", err)
	}
}

// FuzzImage runs image builtins on odd arguments: an error is fine, a
// panic or a hang is not. Its seeds run as a test.
func FuzzImage(f *testing.F) {
	for _, src := range []string{
		`gaussian_blur(as_depth([[1, 2]], "uint8"), 0, 1e308)`, `gaussian_blur(as_depth(ones(3, 3), "uint8"), [1, 3], 0)`,
		`median_blur(as_depth([[nan]], "uint8"), 3)`, `median_blur([[1, nan, 3]], 3)`, `blur([[1]], [0, 1])`,
		`box_filter(as_depth([[255]], "uint8"), 300)`, `erode([[1, 2]], [[0, 0]])`, `morphology([[1]], "tophat", 1, {iterations: -1})`,
		`structuring_element("ellipse", [1, 9])`, `canny(as_depth(zeros(2, 2), "uint8"), nan, 1)`,
		`canny(as_depth(ones(3, 3, 3), "uint8"), -5, 1e9, {l2gradient: true, aperture: 5})`,
		`bilateral_filter(as_depth(ones(2, 2), "uint8"), 1000, -1, nan)`, `equalize_hist(as_depth([[7]], "uint8"))`,
		`cvt_color(as_depth(ones(1, 1, 3)*255, "uint8"), "rgb2hsv")`, `cvt_color([[[0, 0, 0]]], "hsv2rgb")`,
		`resize(ones(3, 3), [1, 1e6])`, `resize(ones(4, 4), [2, 2], {interpolation: "area"})`,
		`threshold(as_depth([[0, 255]], "uint8"), 1e308, -1e308)`, `filter2d(as_depth([[1]], "uint8"), [[nan]])`,
		`sobel(as_depth([[1, 2], [3, 4]], "uint8"), 1, 0, {ddepth: "int16"})`, `as_depth([[inf, -inf]], "int16")`,
	} {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		s := builtins.NewSession()
		s.Safe, s.MaxDepth, s.MaxElements = true, 100, 1e4
		timer := time.AfterFunc(2*time.Second, func() { s.StopWith("interrupted: fuzz time limit") })
		defer timer.Stop()
		s.Eval(src)
	})
}

// TestCvtColorBGR: OpenCV's BGR codes are errors that give calc's RGB
// spelling, since calc's imread gives RGB and OpenCV's BGR; OpenCV's
// COLOR_ prefix is accepted.
func TestCvtColorBGR(t *testing.T) {
	s := builtins.NewSession()
	if _, err := s.Eval(`img = as_depth([[[255, 0, 0], [0, 128, 255]]], "uint8")`); err != nil {
		t.Fatal(err)
	}
	for call, want := range map[string]string{
		`cvt_color(img, "bgr2gray")`:       `"rgb2gray" here`,
		`cvt_color(img, "COLOR_BGR2GRAY")`: `OpenCV's COLOR_BGR2GRAY on what cv2.imread read is "rgb2gray" here`,
		`cvt_color(img, "bgr2rgb")`:        `img[:, :, ::-1] reverses the channels`,
	} {
		if _, err := s.Eval(call); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want one saying %s", call, err, want)
		}
	}
	v, err := s.Eval(`all(cvt_color(img, "COLOR_RGB2GRAY") == cvt_color(img, "rgb2gray"))`)
	if err != nil || lang.Format(v) != "true" {
		t.Errorf("COLOR_RGB2GRAY: %v, %v", v, err)
	}
}

// TestBoxFilterMeanByDefault: box_filter gives the window's mean unless
// {normalize: false}, as OpenCV's boxFilter (normalize=True by default);
// the values are OpenCV 4.6's cv2.boxFilter(a, -1, (3, 3)) for this 8-bit a.
func TestBoxFilterMeanByDefault(t *testing.T) {
	s := builtins.NewSession()
	for src, want := range map[string]string{
		`box_filter(as_depth([[10, 200, 30, 41], [5, 6, 250, 8], [90, 100, 110, 120]], "uint8"), 3)`:                        "[[ 49,  85,  89, 124],\n [ 80,  89,  96, 105],\n [ 36,  91,  95, 151]]",
		`box_filter(as_depth([[10, 200, 30, 41], [5, 6, 250, 8], [90, 100, 110, 120]], "uint8"), 3, {normalize: false})[0]`: "[255, 255, 255, 255]",
		`box_filter([[1, 2, 3, 4]], [2, 1])`: "[[1.5, 1.5, 2.5, 3.5]]",
	} {
		v, err := s.Eval(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if got := lang.Format(v); got != want {
			t.Errorf("%s =\n%s\nwant\n%s", src, got, want)
		}
	}
}
