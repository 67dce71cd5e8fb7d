package image

import (
	"fmt"
	"strings"
)

// Border says how a filter extends an image past its edges, with OpenCV's
// names (cv::BorderTypes). The pictures show the row abcdefgh extended by
// three pixels on each side. The zero value is Reflect101, OpenCV's
// BORDER_DEFAULT. OpenCV 4.6's filters reject BORDER_WRAP, which only its
// copyMakeBorder and borderInterpolate support; Wrap here is the border
// those define.
type Border int

const (
	// Reflect101 mirrors about the edge pixel: gfedcb|abcdefgh|gfedcba.
	Reflect101 Border = iota
	// Reflect mirrors including the edge pixel: fedcba|abcdefgh|hgfedcb.
	Reflect
	// Replicate repeats the edge pixel: aaaaaa|abcdefgh|hhhhhhh.
	Replicate
	// Constant pads with zeros: 000000|abcdefgh|0000000.
	Constant
	// Wrap continues from the other side: cdefgh|abcdefgh|abcdefg.
	Wrap
)

// borderNames are the names ParseBorder accepts and String returns, in the
// order of the constants.
var borderNames = [...]string{"reflect_101", "reflect", "replicate", "constant", "wrap"}

// String returns the border's name as ParseBorder accepts it.
func (b Border) String() string {
	if b < 0 || int(b) >= len(borderNames) {
		return fmt.Sprintf("Border(%d)", int(b))
	}
	return borderNames[b]
}

// ParseBorder returns the border of the given name: "reflect_101" (also
// "default", OpenCV's BORDER_DEFAULT), "reflect", "replicate", "constant"
// or "wrap". Case is ignored.
func ParseBorder(name string) (Border, error) {
	n := strings.ToLower(name)
	if n == "default" {
		return Reflect101, nil
	}
	for i, s := range borderNames {
		if n == s {
			return Border(i), nil
		}
	}
	return 0, fmt.Errorf("unknown border %q (want %s)", name, strings.Join(borderNames[:], ", "))
}

// check reports a Border that is none of the constants.
func (b Border) check(fn string) error {
	if b < 0 || int(b) >= len(borderNames) {
		return fmt.Errorf("%s: unknown border %d", fn, int(b))
	}
	return nil
}

// index maps the coordinate p, which may lie outside [0, n), to the pixel
// of a line of n pixels that the border repeats there, or to -1 where a
// Constant border supplies a zero. It is OpenCV's cv::borderInterpolate,
// including its repeated reflection when p lies more than n pixels out.
func (b Border) index(p, n int) int {
	if p >= 0 && p < n {
		return p
	}
	switch b {
	case Replicate:
		if p < 0 {
			return 0
		}
		return n - 1
	case Reflect, Reflect101:
		if n == 1 {
			return 0
		}
		delta := 0
		if b == Reflect101 {
			delta = 1
		}
		for p < 0 || p >= n {
			if p < 0 {
				p = -p - 1 + delta
			} else {
				p = n - 1 - (p - n) - delta
			}
		}
		return p
	case Wrap:
		p %= n
		if p < 0 {
			p += n
		}
		return p
	}
	return -1
}
