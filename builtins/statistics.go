package builtins

import (
	"math"

	"calc/lang"
	"calc/stdlib/array"
)

// nanReduction builds nansum, nanmean, nanmin and nanmax.
func nanReduction(name, doc string, f func(*array.Array, int) (*array.Array, error)) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{{Name: "xs", Kind: lang.ArrayArg, Doc: "the values"}, axisParam}, Topic: "statistics",
		Options: []lang.Opt{axisOpt},
		Doc:     doc + " of an array's elements, ignoring NaN.\nAs numpy." + name + ".",
		Example: name + "([1, nan, 3])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			return lang.Arr(reduceAxis(f, args.Array(0), axisOf(args, 1, opts)))
		},
	}
}

// quantileBuiltin builds percentile (q in percent) and quantile (q in
// [0, 1]).
func quantileBuiltin(name string, scale float64, example string) *lang.Builtin {
	unit := "in [0, 1]"
	if scale != 1 {
		unit = "in percent, [0, 100]"
	}
	return &lang.Builtin{
		Name: name, Params: []lang.Param{
			{Name: "xs", Kind: lang.ArrayArg, Doc: "the values"},
			{Name: "q", Kind: lang.ArrayArg, Doc: "which " + name + ", " + unit + ": a number or an array"},
			axisParam,
		}, Topic: "statistics",
		Options: []lang.Opt{axisOpt},
		Doc: "The q-th " + name + " of an array's elements.\n" +
			"By numpy's default linear method: the sorted values interpolated at position (n-1)·q;\n" +
			"NaN if xs holds NaN",
		Example: example,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			for _, p := range args.Array(1).Floats() {
				if !(p >= 0 && p <= scale) {
					panic(lang.ArgErrorf(1, "q must be %s, got %s", unit, lang.Format(lang.Num(p))))
				}
			}
			q := array.Map(args.Array(1), func(p float64) float64 { return p / scale })
			return lang.Arr(must(array.Quantile(args.Array(0), q, axisOf(args, 2, opts))))
		},
	}
}

// moreDoc adds a line to a builtin's help, after its summary and the
// line that follows it.
func moreDoc(b *lang.Builtin, line string) *lang.Builtin {
	b.Doc += "\n" + line
	return b
}

// predicate builds isnan, isinf and isfinite: elementwise truth values.
func predicate(name, doc string, f func(float64) bool) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{{Name: "x", Doc: "a number or an array"}}, Topic: "statistics",
		Doc: doc + ".\nElementwise on arrays, giving a mask", Example: name + "([1, nan, inf, -inf])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			if a[0].Kind() == lang.NumKind {
				return lang.Bool(f(a.Num(0)))
			}
			r := array.Map(a.Array(0), func(x float64) float64 {
				if f(x) {
					return 1
				}
				return 0
			})
			r.Depth = array.Bool
			return lang.Arr(r)
		},
	}
}

// closenessOpts are the options of isclose and allclose.
var closenessOpts = []lang.Opt{{Name: "rtol", Doc: "the relative tolerance (1e-5)"}, {Name: "atol", Doc: "the absolute tolerance (1e-8)"},
	{Name: "equal_nan", Doc: "true: NaN is close to NaN"}}

// closenessParams are the parameters of isclose and allclose.
var closenessParams = []lang.Param{
	{Name: "a", Kind: lang.ArrayArg, Doc: "the values"},
	{Name: "b", Kind: lang.ArrayArg, Doc: "the values to compare them with (rtol is relative to them)"},
}

// covParams are the parameters of cov and corrcoef.
var covParams = []lang.Param{
	{Name: "m", Kind: lang.ArrayArg, Doc: "the observations: a row for each variable (a column with {rowvar: false})"},
	{Name: "y", Kind: lang.ArrayArg, Optional: true, Doc: "more variables, stacked below m's"},
}

// closeness reads isclose's and allclose's arguments and compares.
func closeness(a lang.Args) *array.Array {
	args, opts := a.Options()
	return must(array.Isclose(args.Array(0), args.Array(1), opts.Num("rtol", 1e-5), opts.Num("atol", 1e-8), opts.Bool("equal_nan", false)))
}

var statisticsBuiltins = []*lang.Builtin{
	moreDoc(reduction("median", "The median", array.Median, nil),
		"The mean of the middle two for an even count; NaN if any is NaN."),
	quantileBuiltin("percentile", 100, "percentile([1, 2, 3, 4], [25, 50])"),
	quantileBuiltin("quantile", 1, "quantile([[1, 2], [3, 5]], 0.5, 0)"),
	nanReduction("nansum", "The sum", array.Nansum),
	nanReduction("nanmean", "The mean", array.Nanmean),
	nanReduction("nanmin", "The smallest", array.Nanmin),
	nanReduction("nanmax", "The largest", array.Nanmax),
	{
		Name: "cov", Params: covParams, Topic: "statistics",
		Options: []lang.Opt{rowvarOpt, {Name: "ddof", Doc: "the delta degrees of freedom: the divisor is n - ddof (1)"}},
		Doc: "The covariance matrix of the rows of a matrix.\n" +
			"The variables are the rows of m (and of y, stacked below), as numpy.cov;\n" +
			"{rowvar: false} takes columns as variables; ddof is 1 (the unbiased estimate) unless given",
		Example: "cov([[0, 1, 2], [2, 1, 0]])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			rowvar := opts.Bool("rowvar", true)
			m := covInput(args, rowvar)
			s.CheckElements(covSize(m, rowvar))
			return lang.Arr(must(array.Cov(m, rowvar, opts.Int("ddof", 1))))
		},
	},
	{
		Name: "corrcoef", Params: covParams, Topic: "statistics",
		Options: []lang.Opt{rowvarOpt},
		Doc: "The Pearson correlation coefficients of the rows of a matrix.\n" +
			"The rows of m (and of y) are the variables, as numpy.corrcoef; {rowvar: false} for columns",
		Example: "corrcoef([1, 2, 3, 4], [2, 4, 5, 9])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			rowvar := opts.Bool("rowvar", true)
			m := covInput(args, rowvar)
			s.CheckElements(covSize(m, rowvar))
			return lang.Arr(must(array.Corrcoef(m, rowvar)))
		},
	},
	{
		Name: "histogram", Params: []lang.Param{
			{Name: "xs", Kind: lang.ArrayArg, Doc: "the values"},
			{Name: "bins", Optional: true, Default: lang.Num(10), Doc: "the number of equal bins, or the bins' edges"},
		}, Topic: "statistics",
		Options: []lang.Opt{{Name: "range", Doc: "[lo, hi] of the bins (the data's least and greatest)"}},
		Doc: "Counts of values in bins.\n" +
			"As numpy.histogram: a record {counts, edges} that unpacks as counts, edges = ...;\n" +
			"equal bins span {range: [lo, hi]} (xs' extremes by default);\n" +
			"bins are half-open [a, b) except the last, [a, b]",
		Example: "counts, edges = histogram([1, 2, 2, 3, 3, 3], 3); counts",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			bins, lo, hi := 0, math.NaN(), math.NaN()
			var edges []float64
			if args[1].Kind() == lang.NumKind {
				bins = args.Int(1)
				s.CheckElements(float64(bins))
			} else {
				edges = args.Array(1).Floats()
			}
			if opts.Has("range") {
				r := lang.Args{opts.Get("range", lang.Nil)}.Array(0)
				if r.Len() != 2 {
					panic(lang.Errorf("option range must be [lo, hi]"))
				}
				lo, hi = r.Floats()[0], r.Floats()[1]
			}
			counts, e := mustPair(array.Histogram(args.Array(0), bins, lo, hi, edges))
			return record("counts", counts, "edges", e)
		},
	},
	{
		Name: "bincount", Params: []lang.Param{
			{Name: "xs", Kind: lang.ArrayArg, Doc: "the whole numbers to count, 0 or more"},
			{Name: "weights", Kind: lang.ArrayArg, Optional: true, Doc: "a weight for each element of xs (1 each if left out)"},
		}, Topic: "statistics",
		Options: []lang.Opt{{Name: "minlength", Doc: "the fewest bins in the output"}},
		Doc: "How often each whole number occurs in an array.\n" +
			"Counts of each whole number 0, 1, 2, ... in xs (the sum of their weights if given), as numpy.bincount",
		Example: "bincount([0, 1, 1, 3])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			var w *array.Array
			if len(args) > 1 {
				w = args.Array(1)
			}
			x, minLength := args.Array(0), opts.Num("minlength", 0)
			longest := minLength
			for _, v := range x.Floats() {
				longest = max(longest, v+1)
			}
			s.CheckElements(longest)
			return lang.Arr(must(array.Bincount(x, w, int(minLength))))
		},
	},
	predicate("isnan", "Whether x is NaN", func(x float64) bool { return x != x }),
	predicate("isinf", "Whether x is +inf or -inf", func(x float64) bool { return math.IsInf(x, 0) }),
	predicate("isfinite", "Whether x is neither infinite nor NaN", func(x float64) bool { return !math.IsInf(x, 0) && x == x }),
	{
		Name: "isclose", Params: closenessParams, Topic: "statistics",
		Options: closenessOpts,
		Doc: "Whether a and b are equal within a tolerance, elementwise.\n" +
			"True where |a - b| <= atol + rtol·|b| (rtol 1e-5, atol 1e-8, as numpy.isclose); NaN is close to nothing unless {equal_nan: true}",
		Example: "isclose([1, 2], [1.000001, 2.1])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			r := closeness(a)
			if len(r.Shape) == 0 {
				return lang.Bool(r.Floats()[0] != 0)
			}
			return lang.Arr(r)
		},
	},
	{
		Name: "allclose", Params: closenessParams, Topic: "statistics",
		Options: closenessOpts,
		Doc: "Whether two arrays are close everywhere.\n" +
			"True when isclose(a, b) holds for every element, as numpy.allclose",
		Example: "allclose([1, 2], [1.000001, 2.000001])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			for _, x := range closeness(a).Floats() {
				if x == 0 {
					return lang.Bool(false)
				}
			}
			return lang.Bool(true)
		},
	},
}

// covInput stacks cov's and corrcoef's optional second argument under
// the first, as numpy does, after turning both to the row layout.
func covInput(args lang.Args, rowVar bool) *array.Array {
	m := args.Array(0)
	if len(args) < 2 {
		return m
	}
	y := args.Array(1)
	if !rowVar {
		m, y = array.Transpose(m), array.Transpose(y)
	}
	st := must(array.Vstack([]*array.Array{m, y}))
	if !rowVar {
		return array.Transpose(st)
	}
	return st
}

// mustPair is must for a function with two results.
func mustPair[T, U any](t T, u U, err error) (T, U) {
	if err != nil {
		lang.Throw(err)
	}
	return t, u
}

// covSize is the number of elements of the covariance matrix of m's
// variables: its rows, or with rowvar false its columns.
func covSize(m *array.Array, rowvar bool) float64 {
	vars := 1.0
	if m.Ndim() == 2 {
		vars = float64(m.Shape[0])
		if !rowvar {
			vars = float64(m.Shape[1])
		}
	}
	return vars * vars
}
