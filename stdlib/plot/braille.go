package plot

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Preview size of figures in a terminal, in character cells: small enough
// that the prompt, the figure's line and the preview fit on one screen.
const (
	PreviewCols = 72
	PreviewRows = 12
)

// dotCanvas is a grid of dots, 2×4 to a braille character, with a map
// from data coordinates to dots. Each dot remembers the layer that lit it
// last, so that a preview in colour paints each character in its layer's
// colour; without colour, lines after the first are drawn dotted or
// dashed (dashes), so that series are told apart by their density.
type dotCanvas struct {
	w, h    int
	on      []bool
	owner   []uint8 // 1 + the index of the layer that lit the dot
	xr, yr  Range
	invertY bool
	layer   int  // the index of the layer being drawn
	dashes  bool // draw lines of later layers in the patterns of dash
}

func newDotCanvas(cols, rows int, sc *scene) *dotCanvas {
	w, h := 2*cols, 4*rows
	return &dotCanvas{w: w, h: h, on: make([]bool, w*h), owner: make([]uint8, w*h), xr: sc.xr, yr: sc.yr, invertY: sc.invertY}
}

// dash lists the patterns lines are drawn in, by layer: a dot k steps
// along a line is lit when pattern[k % len(pattern)] is true. The first
// layer's lines are solid.
var dash = [][]bool{{true}, {true, false}, {true, true, true, false, false}, {true, false, false}}

// lit reports whether the dot k steps along a line of the current layer
// is drawn.
func (d *dotCanvas) lit(k int) bool {
	if !d.dashes {
		return true
	}
	p := dash[d.layer%len(dash)]
	return p[k%len(p)]
}

// toDots maps a data point to dot coordinates (column, row from the top).
func (d *dotCanvas) toDots(x, y float64) (float64, float64) {
	u := (x - d.xr.Min) / (d.xr.Max - d.xr.Min) * float64(d.w-1)
	v := (y - d.yr.Min) / (d.yr.Max - d.yr.Min) * float64(d.h-1)
	if !d.invertY {
		v = float64(d.h-1) - v
	}
	return u, v
}

func (d *dotCanvas) set(i, j int) {
	if i >= 0 && i < d.w && j >= 0 && j < d.h {
		d.on[j*d.w+i] = true
		d.owner[j*d.w+i] = uint8(min(d.layer+1, math.MaxUint8))
	}
}

func (d *dotCanvas) point(x, y float64) {
	u, v := d.toDots(x, y)
	if u > -0.5 && v > -0.5 && u < float64(d.w)-0.5 && v < float64(d.h)-0.5 {
		d.set(int(math.Round(u)), int(math.Round(v)))
	}
}

// line draws the segment between two data points, clipped to the canvas
// (Liang–Barsky) and stepped one dot at a time.
func (d *dotCanvas) line(x0, y0, x1, y1 float64) {
	u0, v0 := d.toDots(x0, y0)
	u1, v1 := d.toDots(x1, y1)
	t0, t1 := 0.0, 1.0
	du, dv := u1-u0, v1-v0
	lo, hiU, hiV := -0.5, float64(d.w)-0.5, float64(d.h)-0.5
	for _, e := range [4][2]float64{{-du, u0 - lo}, {du, hiU - u0}, {-dv, v0 - lo}, {dv, hiV - v0}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return
			}
			continue
		}
		r := q / p
		if p < 0 {
			t0 = math.Max(t0, r)
		} else {
			t1 = math.Min(t1, r)
		}
	}
	if t0 > t1 || math.IsNaN(t0) || math.IsNaN(t1) {
		return
	}
	a, b := u0+t0*du, v0+t0*dv
	c, e := u0+t1*du, v0+t1*dv
	steps := int(math.Ceil(math.Max(math.Abs(c-a), math.Abs(e-b))))
	for k := 0; k <= steps; k++ {
		if !d.lit(k) {
			continue
		}
		t := 0.0
		if steps > 0 {
			t = float64(k) / float64(steps)
		}
		d.set(int(math.Round(a+t*(c-a))), int(math.Round(b+t*(e-b))))
	}
}

// fillRect sets the dots of a data rectangle.
func (d *dotCanvas) fillRect(x0, y0, x1, y1 float64) {
	u0, v0 := d.toDots(x0, y0)
	u1, v1 := d.toDots(x1, y1)
	clamp := func(v float64, n int) int { return int(math.Max(0, math.Min(float64(n-1), math.Round(v)))) }
	i0, i1 := clamp(math.Min(u0, u1), d.w), clamp(math.Max(u0, u1), d.w)
	j0, j1 := clamp(math.Min(v0, v1), d.h), clamp(math.Max(v0, v1), d.h)
	if math.Max(u0, u1) < -0.5 || math.Min(u0, u1) > float64(d.w)-0.5 {
		return
	}
	for j := j0; j <= j1; j++ {
		for i := i0; i <= i1; i++ {
			d.set(i, j)
		}
	}
}

// bayer is the 4×4 ordered-dithering matrix, in sixteenths.
var bayer = [4][4]float64{{0, 8, 2, 10}, {12, 4, 14, 6}, {3, 11, 1, 9}, {15, 7, 13, 5}}

// image dithers an image: a dot is lit where the pixel under it is
// brighter than the dot's threshold.
func (d *dotCanvas) image(m *Image) {
	for j := range d.h {
		for i := range d.w {
			x := d.xr.Min + (float64(i)+0.5)/float64(d.w)*(d.xr.Max-d.xr.Min)
			y := d.yr.Min + (float64(j)+0.5)/float64(d.h)*(d.yr.Max-d.yr.Min)
			if !d.invertY {
				y = d.yr.Max - (float64(j)+0.5)/float64(d.h)*(d.yr.Max-d.yr.Min)
			}
			c, r := int(math.Floor(x)), int(math.Floor(y))
			if c < 0 || r < 0 || c >= m.Cols || r >= m.Rows {
				continue
			}
			if b := m.brightness(r, c); b > (bayer[j%4][i%4]+0.5)/16 {
				d.set(i, j)
			}
		}
	}
}

// braille returns the canvas as lines of braille characters; with
// colours (one per layer, nil for the terminal's own), each character is
// painted in the colour of the layer owning most of its dots.
func (d *dotCanvas) braille(colours []color.Color) []string {
	// Unicode's braille dots 1–8 by position: column, then row.
	bits := [2][4]rune{{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}}
	lines := make([]string, d.h/4)
	for row := range lines {
		var b strings.Builder
		painted := color.Color(nil)
		for col := 0; col < d.w/2; col++ {
			r := rune(0x2800)
			var votes [256]int
			top := 0
			for dx := range 2 {
				for dy := range 4 {
					if i := (row*4+dy)*d.w + col*2 + dx; d.on[i] {
						r |= bits[dx][dy]
						votes[d.owner[i]]++
						if votes[d.owner[i]] > votes[top] {
							top = int(d.owner[i])
						}
					}
				}
			}
			if colours != nil {
				var c color.Color
				if top > 0 && top <= len(colours) {
					c = colours[top-1]
				}
				if c != painted {
					b.WriteString(ansi(c))
					painted = c
				}
			}
			b.WriteRune(r)
		}
		if painted != nil {
			b.WriteString(ansi(nil))
		}
		lines[row] = b.String()
	}
	return lines
}

// ansi returns the escape sequence that paints text in c (24-bit colour),
// or that resets the colour for nil.
func ansi(c color.Color) string {
	if c == nil {
		return "\x1b[0m"
	}
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("\x1b[38;2;%d;%d;%dm", r>>8, g>>8, b>>8)
}

// layerColour is the colour a layer is drawn in, or nil when it has many
// (contours, images).
func layerColour(l layer) color.Color {
	switch l := l.(type) {
	case *lineLayer:
		if l.noLine && l.markers != nil {
			return l.markers.Color
		}
		return l.line.Color
	case *barsLayer:
		return l.fill
	case *fieldLayer:
		return l.line.Color
	}
	return nil
}

// Braille draws the figure as text for a terminal: its curves, bars,
// contours and images in Unicode braille dots, cols×rows characters of
// 2×4 dots each, framed by the axes' ranges, under the title, with the
// legend under the plot. Lines after the first are dotted or dashed, so
// that series are told apart. A grid of panels shows its panels side by
// side, row by row.
func (f *Figure) Braille(cols, rows int) string { return f.Preview(cols, rows, false) }

// Preview is Braille, in colour when colour is true: each series in its
// colour in the picture (24-bit ANSI colour, as most terminals show), all
// lines solid.
func (f *Figure) Preview(cols, rows int, colour bool) string {
	return strings.Join(f.brailleLines(max(cols, 4), max(rows, 2), colour), "\n") + "\n"
}

func (f *Figure) brailleLines(cols, rows int, colour bool) []string {
	if len(f.Panels) > 0 {
		return f.panelLines(cols, rows, colour)
	}
	sc := f.resolve(float64(2*cols), float64(4*rows), float64(2*cols)/float64(4*rows))
	d := newDotCanvas(cols, rows, sc)
	d.dashes = !colour
	var colours []color.Color
	if colour {
		colours = make([]color.Color, len(sc.layers))
	}
	for i, l := range sc.layers {
		d.layer = i
		if colour {
			colours[i] = layerColour(l)
		}
		l.dots(d)
	}
	plot := d.braille(colours)
	var out []string
	if sc.threeD {
		out = plot
	} else {
		xr, yr := unlogged(sc.xr, f.XScale), unlogged(sc.yr, f.YScale)
		yTop, yBottom := yr.Max, yr.Min
		if sc.invertY {
			yTop, yBottom = yBottom, yTop
		}
		top, bottom := short(yTop), short(yBottom)
		gutter := max(utf8.RuneCountInString(top), utf8.RuneCountInString(bottom))
		for i, line := range plot {
			label, tick := "", "│"
			switch i {
			case 0:
				label, tick = top, "┤"
			case len(plot) - 1:
				label, tick = bottom, "┤"
			}
			out = append(out, pad(label, gutter, true)+" "+tick+line)
		}
		out = append(out, strings.Repeat(" ", gutter+1)+"└"+strings.Repeat("─", cols))
		left, right := short(xr.Min), short(xr.Max)
		space := max(1, cols+1-utf8.RuneCountInString(left)-utf8.RuneCountInString(right))
		out = append(out, strings.Repeat(" ", gutter+1)+left+strings.Repeat(" ", space)+right)
		if f.XLabel != "" {
			out = append(out, strings.Repeat(" ", gutter+2)+center(f.XLabel, cols))
		}
	}
	if legend := brailleLegend(sc.layers, colours); legend != "" {
		out = append(out, legend)
	}
	if f.Title != "" {
		out = append([]string{center(f.Title, visibleWidth(out[0]))}, out...)
	}
	return out
}

// brailleLegend returns the legend of the named layers on one line: a
// sample of each one's line (its colour, or its dash pattern) and its
// name; "" when no layer has a name.
func brailleLegend(layers []layer, colours []color.Color) string {
	var parts []string
	for i, l := range layers {
		name := l.label()
		if name == "" {
			continue
		}
		// A sample: a level line three characters long, drawn as the
		// layer draws its lines.
		d := &dotCanvas{w: 6, h: 4, on: make([]bool, 24), owner: make([]uint8, 24), layer: i, dashes: colours == nil}
		for k := range d.w {
			if d.lit(k) {
				d.set(k, 2)
			}
		}
		if _, ok := l.(*lineLayer); ok && l.(*lineLayer).noLine {
			clear(d.on)
			d.set(2, 2)
			d.set(3, 2)
		}
		var c []color.Color
		if colours != nil {
			c = []color.Color{colours[i]}
			for j := range d.owner {
				d.owner[j] = 1
			}
		}
		parts = append(parts, d.braille(c)[0]+" "+name)
	}
	if len(parts) == 0 {
		return ""
	}
	return "  " + strings.Join(parts, "   ")
}

// panelLines lays a grid's panels out side by side.
func (f *Figure) panelLines(cols, rows int, colour bool) []string {
	nr := f.Rows()
	pc := max(8, (cols-3*(f.Cols-1))/f.Cols)
	pr := max(4, rows/nr)
	var out []string
	if f.Title != "" {
		out = append(out, f.Title)
	}
	for r := range nr {
		var blocks [][]string
		width := []int{}
		height := 0
		for c := range f.Cols {
			i := r*f.Cols + c
			if i >= len(f.Panels) {
				break
			}
			b := f.Panels[i].brailleLines(pc, pr, colour)
			w := 0
			for _, line := range b {
				w = max(w, visibleWidth(line))
			}
			blocks, width, height = append(blocks, b), append(width, w), max(height, len(b))
		}
		for k := range height {
			var line strings.Builder
			for c, b := range blocks {
				if c > 0 {
					line.WriteString("   ")
				}
				text := ""
				if k < len(b) {
					text = b[k]
				}
				line.WriteString(pad(text, width[c], false))
			}
			out = append(out, strings.TrimRight(line.String(), " "))
		}
		if r < nr-1 {
			out = append(out, "")
		}
	}
	return out
}

// short formats an axis end for the preview.
func short(v float64) string {
	if math.Abs(v) < 1e-12 {
		v = 0
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// visibleWidth is the number of characters s shows, leaving out the
// colour escapes ("\x1b[...m") it may hold.
func visibleWidth(s string) int {
	n, escape := 0, false
	for _, r := range s {
		switch {
		case r == '\x1b':
			escape = true
		case escape:
			escape = r != 'm'
		default:
			n++
		}
	}
	return n
}

func pad(s string, n int, right bool) string {
	fill := strings.Repeat(" ", max(0, n-visibleWidth(s)))
	if right {
		return fill + s
	}
	return s + fill
}

func center(s string, n int) string {
	gap := max(0, n-utf8.RuneCountInString(s))
	return strings.Repeat(" ", gap/2) + s
}
