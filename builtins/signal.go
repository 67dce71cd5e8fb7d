package builtins

import (
	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/fft"
)

// frequencies builds fftfreq and rfftfreq.
func frequencies(name, doc, example string, f func(int, float64) []float64) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{
			{Name: "n", Kind: lang.IntArg, Doc: "the number of points of the transform"},
			{Name: "d", Kind: lang.NumberArg, Optional: true, Default: lang.Num(1), Doc: "the sample spacing"},
		}, Topic: "signal", Doc: doc, Example: example,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			n := a.Int(0)
			if n < 1 {
				panic(lang.ArgErrorf(0, "n must be at least 1, got %d", n))
			}
			s.CheckElements(float64(n))
			return lang.Arr(array.Vector(f(n, a.Num(1))))
		},
	}
}

// sliding builds convolve and correlate.
func sliding(name, doc, example, mode string, f func(a, v []float64, mode string, stop func() bool) ([]float64, error)) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{
			{Name: "a", Kind: lang.ArrayArg, Doc: "the first vector"},
			{Name: "v", Kind: lang.ArrayArg, Doc: "the second vector"},
			{Name: "mode", Kind: lang.TextArg, Optional: true, Default: lang.Str(mode), Doc: "\"full\", \"same\" or \"valid\": the result's length"},
		}, Topic: "signal", Doc: doc, Example: example,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			m := a.Str(2)
			x, v := a.Array(0), a.Array(1)
			if x.Ndim() != 1 || v.Ndim() != 1 {
				panic(lang.Errorf("%s needs two vectors, got shapes %v and %v", name, x.Shape, v.Shape))
			}
			r, err := f(x.Floats(), v.Floats(), m, s.Stopping)
			if err == array.ErrStopped {
				s.Check()
			}
			return lang.Arr(array.Vector(must(r, err)))
		},
	}
}

var signalBuiltins = []*lang.Builtin{
	frequencies("fftfreq", "The sample frequencies of an n-point fft.\nAs numpy.fft.fftfreq: [0, 1, ..., -2, -1]/(d·n)",
		"fftfreq(8, 0.1)", fft.Freq),
	frequencies("rfftfreq", "The non-negative sample frequencies of an n-point rfft.\nThe n/2+1 of them, as numpy.fft.rfftfreq",
		"rfftfreq(8, 0.1)", fft.RFreq),
	{
		Name: "fftshift", Params: []lang.Param{{Name: "x", Kind: lang.ArrayArg, Doc: "the spectrum"}}, Topic: "signal",
		Doc: "The spectrum with the zero frequency moved to the centre.\n" +
			"Every axis of x rolled by half its length, as numpy.fft.fftshift",
		Example: "fftshift(fftfreq(5))",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			x := a.Array(0)
			for axis, n := range x.Shape {
				x = must(array.Roll(x, n/2, axis))
			}
			return lang.Arr(x)
		},
	},
	sliding("convolve", "The discrete linear convolution of two vectors.\nAs numpy.convolve.",
		"convolve([1, 2, 3], [0, 1, 0.5])", "full", fft.Convolve),
	sliding("correlate", "The cross-correlation of two vectors.\nΣ a[n+k]·v[n], as numpy.correlate.",
		"correlate([1, 2, 3], [0, 1, 0.5], \"full\")", "valid", fft.Correlate),
}
