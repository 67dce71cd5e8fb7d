package plot

import "math"

// Path is a polyline: the points (X[i], Y[i]) in order.
type Path struct {
	X, Y []float64
}

// ContourLines returns, for each level, the polylines along which the
// bilinear-per-edge interpolation of the grid z crosses that level, by
// marching squares (Lorensen and Cline's marching cubes in two
// dimensions). z holds len(ys) rows of len(xs) values: z[j*len(xs)+i] is
// the value at (xs[i], ys[j]). A cell with a NaN corner is left out; a
// saddle cell, whose opposite corners lie on the same side of the level,
// is resolved by the mean of its four corners. The segments of adjacent
// cells meet at the same point of their shared edge, and are joined into
// polylines, closed where the contour is a loop.
//
// Cost: O(len(levels)·len(z)).
func ContourLines(xs, ys, z, levels []float64) [][]Path {
	out := make([][]Path, len(levels))
	for k, level := range levels {
		out[k] = chain(marchingSquares(xs, ys, z, level))
	}
	return out
}

// crossing is where a contour crosses a cell edge. Edge ids are 2·(j·nx+i)
// for the edge from corner (i, j) to (i+1, j) and 2·(j·nx+i)+1 for the
// edge from (i, j) to (i, j+1), so the two cells sharing an edge name it
// alike.
type crossing struct {
	edge int
	x, y float64
}

type segment [2]crossing

func marchingSquares(xs, ys, z []float64, level float64) []segment {
	nx, ny := len(xs), len(ys)
	var segs []segment
	at := func(i, j int) float64 { return z[j*nx+i] }
	// cross interpolates along an edge from corner p to corner q, always
	// in the direction of increasing index, so both cells compute the
	// same point.
	cross := func(edge int, xp, yp, vp, xq, yq, vq float64) crossing {
		t := 0.5
		if vq != vp {
			t = (level - vp) / (vq - vp)
		}
		return crossing{edge, xp + t*(xq-xp), yp + t*(yq-yp)}
	}
	for j := 0; j+1 < ny; j++ {
		for i := 0; i+1 < nx; i++ {
			a, b, c, d := at(i, j), at(i+1, j), at(i+1, j+1), at(i, j+1)
			if math.IsNaN(a) || math.IsNaN(b) || math.IsNaN(c) || math.IsNaN(d) {
				continue
			}
			idx := 0
			for bit, v := range [4]float64{a, b, c, d} {
				if v >= level {
					idx |= 1 << bit
				}
			}
			if idx == 0 || idx == 15 {
				continue
			}
			x0, x1, y0, y1 := xs[i], xs[i+1], ys[j], ys[j+1]
			bottom := func() crossing { return cross(2*(j*nx+i), x0, y0, a, x1, y0, b) }
			top := func() crossing { return cross(2*((j+1)*nx+i), x0, y1, d, x1, y1, c) }
			left := func() crossing { return cross(2*(j*nx+i)+1, x0, y0, a, x0, y1, d) }
			right := func() crossing { return cross(2*(j*nx+i+1)+1, x1, y0, b, x1, y1, c) }
			add := func(p, q crossing) { segs = append(segs, segment{p, q}) }
			centreAbove := (a+b+c+d)/4 >= level
			switch idx {
			case 1, 14:
				add(left(), bottom())
			case 2, 13:
				add(bottom(), right())
			case 3, 12:
				add(left(), right())
			case 4, 11:
				add(right(), top())
			case 6, 9:
				add(bottom(), top())
			case 7, 8:
				add(left(), top())
			case 5: // a and c above
				if centreAbove {
					add(bottom(), right())
					add(top(), left())
				} else {
					add(left(), bottom())
					add(right(), top())
				}
			case 10: // b and d above
				if centreAbove {
					add(left(), bottom())
					add(right(), top())
				} else {
					add(bottom(), right())
					add(top(), left())
				}
			}
		}
	}
	return segs
}

// chain joins segments that share a crossing into polylines.
func chain(segs []segment) []Path {
	byEdge := make(map[int][]int, 2*len(segs))
	for k, s := range segs {
		byEdge[s[0].edge] = append(byEdge[s[0].edge], k)
		byEdge[s[1].edge] = append(byEdge[s[1].edge], k)
	}
	used := make([]bool, len(segs))
	// next returns the unused segment other than k that has the crossing
	// on edge e, and its far end.
	next := func(e int) (crossing, bool) {
		for _, k := range byEdge[e] {
			if used[k] {
				continue
			}
			used[k] = true
			if segs[k][0].edge == e {
				return segs[k][1], true
			}
			return segs[k][0], true
		}
		return crossing{}, false
	}
	var paths []Path
	for k := range segs {
		if used[k] {
			continue
		}
		used[k] = true
		line := []crossing{segs[k][0], segs[k][1]}
		for c, ok := next(line[len(line)-1].edge); ok; c, ok = next(c.edge) {
			line = append(line, c)
		}
		var back []crossing
		for c, ok := next(line[0].edge); ok; c, ok = next(c.edge) {
			back = append(back, c)
		}
		full := make([]crossing, 0, len(back)+len(line))
		for i := len(back) - 1; i >= 0; i-- {
			full = append(full, back[i])
		}
		full = append(full, line...)
		p := Path{X: make([]float64, len(full)), Y: make([]float64, len(full))}
		for i, c := range full {
			p.X[i], p.Y[i] = c.x, c.y
		}
		paths = append(paths, p)
	}
	return paths
}

// Levels returns n contour levels evenly spaced strictly inside the range
// of the finite values of z, as matplotlib's default does in spirit.
func Levels(z []float64, n int) []float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range z {
		if finite(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if n <= 0 || lo > hi {
		return nil
	}
	if lo == hi {
		return []float64{lo}
	}
	levels := make([]float64, n)
	for i := range levels {
		levels[i] = lo + (hi-lo)*(float64(i)+0.5)/float64(n)
	}
	return levels
}
