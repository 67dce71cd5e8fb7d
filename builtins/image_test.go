package builtins_test

import (
	"strings"
	"testing"
	"time"

	"calc/builtins"
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
