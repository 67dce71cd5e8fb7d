package plot

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"
)

// cycle is the colour cycle series take in turn when they do not name
// a colour: matplotlib's "tab10" (Tableau's ten categorical colours).
var cycle = []color.RGBA{
	{0x1f, 0x77, 0xb4, 0xff}, {0xff, 0x7f, 0x0e, 0xff}, {0x2c, 0xa0, 0x2c, 0xff},
	{0xd6, 0x27, 0x28, 0xff}, {0x94, 0x67, 0xbd, 0xff}, {0x8c, 0x56, 0x4b, 0xff},
	{0xe3, 0x77, 0xc2, 0xff}, {0x7f, 0x7f, 0x7f, 0xff}, {0xbc, 0xbd, 0x22, 0xff},
	{0x17, 0xbe, 0xcf, 0xff},
}

// namedColours are the names ParseColor knows: the cycle's colours by
// their matplotlib names (so "red" is tab10's red, not pure #ff0000) and
// matplotlib's one-letter abbreviations.
var namedColours = map[string]color.RGBA{
	"blue": cycle[0], "orange": cycle[1], "green": cycle[2], "red": cycle[3],
	"purple": cycle[4], "brown": cycle[5], "pink": cycle[6], "gray": cycle[7],
	"grey": cycle[7], "olive": cycle[8], "cyan": cycle[9],
	"black": {0, 0, 0, 0xff}, "white": {0xff, 0xff, 0xff, 0xff},
	"b": cycle[0], "g": cycle[2], "r": cycle[3], "c": cycle[9],
	"m": {0xbf, 0x00, 0xbf, 0xff}, "y": {0xbf, 0xbf, 0x00, 0xff},
	"k": {0, 0, 0, 0xff}, "w": {0xff, 0xff, 0xff, 0xff},
}

// ParseColor reads a colour name (blue, orange, green, red, purple,
// brown, pink, gray, olive, cyan, black, white, or matplotlib's letters
// b g r c m y k w) or a hexadecimal #rrggbb.
func ParseColor(s string) (color.RGBA, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	if c, ok := namedColours[name]; ok {
		return c, nil
	}
	if hex, ok := strings.CutPrefix(name, "#"); ok && len(hex) == 6 {
		if v, err := strconv.ParseUint(hex, 16, 32); err == nil {
			return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}, nil
		}
	}
	return color.RGBA{}, fmt.Errorf("unknown colour %q (a name such as red or blue, or #rrggbb)", s)
}

// Colormap maps numbers in [0, 1] to colours, for images and contour
// levels.
type Colormap struct {
	Name    string
	anchors []color.RGBA // equally spaced over [0, 1], linearly interpolated
}

// Gray runs from black to white.
var Gray = Colormap{"gray", []color.RGBA{{0, 0, 0, 0xff}, {0xff, 0xff, 0xff, 0xff}}}

// Viridis is matplotlib's default colour map (van der Walt and Smith,
// 2015): perceptually uniform, readable in gray and by colour-blind
// people. The anchors are viridis at ten equally spaced points, as R's
// viridisLite gives them.
var Viridis = Colormap{"viridis", []color.RGBA{
	{0x44, 0x01, 0x54, 0xff}, {0x48, 0x28, 0x78, 0xff}, {0x3e, 0x4a, 0x89, 0xff},
	{0x31, 0x68, 0x8e, 0xff}, {0x26, 0x82, 0x8e, 0xff}, {0x1f, 0x9e, 0x89, 0xff},
	{0x35, 0xb7, 0x79, 0xff}, {0x6d, 0xcd, 0x59, 0xff}, {0xb4, 0xde, 0x2c, 0xff},
	{0xfd, 0xe7, 0x25, 0xff},
}}

// Colormaps lists the colour maps by name.
var Colormaps = []Colormap{Viridis, Gray}

// LookupColormap returns the colour map of the given name.
func LookupColormap(name string) (Colormap, error) {
	var names []string
	for _, m := range Colormaps {
		if m.Name == name {
			return m, nil
		}
		names = append(names, m.Name)
	}
	return Colormap{}, fmt.Errorf("unknown colour map %q (%s)", name, strings.Join(names, " or "))
}

// At returns the colour at t, clamped to [0, 1]. A NaN t is transparent.
// The zero Colormap is Viridis.
func (m Colormap) At(t float64) color.RGBA {
	a := m.anchors
	if len(a) == 0 {
		a = Viridis.anchors
	}
	switch {
	case math.IsNaN(t):
		return color.RGBA{}
	case t <= 0:
		return a[0]
	case t >= 1:
		return a[len(a)-1]
	}
	pos := t * float64(len(a)-1)
	i := int(pos)
	if i >= len(a)-1 {
		return a[len(a)-1]
	}
	f := pos - float64(i)
	mix := func(p, q uint8) uint8 { return uint8(math.Round(float64(p) + f*(float64(q)-float64(p)))) }
	return color.RGBA{mix(a[i].R, a[i+1].R), mix(a[i].G, a[i+1].G), mix(a[i].B, a[i+1].B), 0xff}
}
