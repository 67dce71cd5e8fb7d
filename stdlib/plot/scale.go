package plot

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	gplot "gonum.org/v1/plot"
)

// Scale is how an axis maps data to length: Linear (the zero value) or Log
// (base 10), as matplotlib's xscale and yscale.
type Scale uint8

// The scales.
const (
	Linear Scale = iota
	Log
)

// ParseScale returns the scale of the given name, "linear" or "log".
func ParseScale(name string) (Scale, error) {
	switch name {
	case "linear":
		return Linear, nil
	case "log":
		return Log, nil
	}
	return 0, fmt.Errorf("unknown scale %q (linear or log)", name)
}

// String returns the scale's name.
func (s Scale) String() string {
	if s == Log {
		return "log"
	}
	return "linear"
}

// CheckAxes reports axes the figure cannot have: a colour bar with no
// series drawn through a colour map, or a log axis with a limit that is not
// positive, on a 3-D figure, or under series other than lines and scatter
// plots.
func (f *Figure) CheckAxes() error {
	if err := f.checkColorbar(); err != nil {
		return err
	}
	if f.XScale != Log && f.YScale != Log {
		return nil
	}
	if f.Is3D() {
		return errors.New("log axes are for 2-D figures")
	}
	for _, s := range f.Series {
		switch s.(type) {
		case *Line, *Scatter, *ErrorBars, *Band, *Note:
		default:
			return fmt.Errorf("log axes are for line and scatter plots (with error bars, bands and texts), not %s", s.Kind())
		}
	}
	for _, a := range []struct {
		scale Scale
		lim   Range
		name  string
	}{{f.XScale, f.XLim, "xlim"}, {f.YScale, f.YLim, "ylim"}} {
		if a.scale == Log && !a.lim.IsZero() && a.lim.Min <= 0 {
			return fmt.Errorf("a log axis needs a positive %s, not [%g, %g]", a.name, a.lim.Min, a.lim.Max)
		}
	}
	return nil
}

// logged returns v in the units of an axis of scale s: log10 of each value
// for Log, with NaN (a gap) for values that are not positive.
func logged(v []float64, s Scale) []float64 {
	if s != Log {
		return v
	}
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = math.NaN()
		if x > 0 {
			out[i] = math.Log10(x)
		}
	}
	return out
}

// loggedRange is logged for a range.
func loggedRange(r Range, s Scale) Range {
	if s != Log {
		return r
	}
	return Range{math.Log10(r.Min), math.Log10(r.Max)}
}

// unlogged returns a range in an axis's units as data values.
func unlogged(r Range, s Scale) Range {
	if s != Log {
		return r
	}
	return Range{math.Pow(10, r.Min), math.Pow(10, r.Max)}
}

// logTicks places the ticks of a log axis, whose values are log10 of the
// data: labelled ones at the powers of ten (every k-th, to keep about n)
// with unlabelled ones at their multiples 2…9, or, on an axis spanning
// less than a decade, about n labelled ones at round data values.
type logTicks struct{ n int }

var _ gplot.Ticker = logTicks{}

// Ticks returns the ticks between lo and hi (in log10 units).
func (t logTicks) Ticks(lo, hi float64) []gplot.Tick {
	if !(hi > lo) || !finite(lo) || !finite(hi) {
		return nil
	}
	if hi-lo < 1 {
		var ticks []gplot.Tick
		for _, tk := range (niceTicks{t.n}).Ticks(math.Pow(10, lo), math.Pow(10, hi)) {
			if tk.Value > 0 {
				ticks = append(ticks, gplot.Tick{Value: math.Log10(tk.Value), Label: tk.Label})
			}
		}
		return ticks
	}
	every := max(1, int(math.Ceil((hi-lo)/float64(max(t.n, 2)))))
	var ticks []gplot.Tick
	for k := math.Floor(lo); k <= hi; k++ {
		if k >= lo && int(k)%every == 0 {
			ticks = append(ticks, gplot.Tick{Value: k, Label: powerLabel(k)})
		}
		for m := 2; m < 10 && every == 1; m++ {
			if v := k + math.Log10(float64(m)); v >= lo && v <= hi {
				ticks = append(ticks, gplot.Tick{Value: v})
			}
		}
	}
	return ticks
}

// powerLabel writes 10^k plainly from 0.001 to 10000, and as 1e±k beyond.
func powerLabel(k float64) string {
	if k >= -3 && k <= 4 {
		return strconv.FormatFloat(math.Pow(10, k), 'f', -1, 64)
	}
	return "1e" + strconv.Itoa(int(k))
}
