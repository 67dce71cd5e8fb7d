package builtins

import (
	"calc/autodiff"
	"calc/lang"
	"calc/stdlib/array"
)

// axisOrDefault reads the axis of sort-like builtins: positional argument
// i or the axis option, def when neither is given; nil means all axes, as
// numpy's axis=None.
func axisOrDefault(a lang.Args, i int, opts lang.Options, def int) int {
	if len(a) > i || opts.Has("axis") {
		return axisOf(a, i, opts)
	}
	return def
}

// alongAxis builds a builtin of an array and an optional axis (def when
// not given: the last axis, or array.AllAxes) that gives an array.
func alongAxis(name, doc, example string, def int, f func(*array.Array, int) (*array.Array, error)) *lang.Builtin {
	axis := axisParam
	if def != array.AllAxes {
		axis.Doc = "the axis to work along (the last if left out; nil for the whole array)"
	}
	return &lang.Builtin{
		Name: name, Params: []lang.Param{{Name: "xs", Kind: lang.ArrayArg, Doc: "the array"}, axis}, Topic: "arrays",
		Options: []lang.Opt{axisOpt},
		Doc:     doc, Example: example,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			x := args.Array(0)
			if name == "sort" && len(args) == 1 && !opts.Has("axis") && len(x.Shape) == 2 && x.Shape[0] > 1 && x.Shape[1] > 1 {
				s.NoteOnce("sort of a matrix sorts each row (along the last axis), as numpy's; Octave's sort(m), down the columns, is sort(m, 0)")
			}
			return lang.Arr(must(f(x, axisOrDefault(args, 1, opts, def))))
		},
	}
}

// counts reads a repetition argument: one whole number or a list of them.
func counts(a lang.Args, i int) []int {
	if a[i].Kind() == lang.NumKind {
		return []int{a.Int(i)}
	}
	items := a.Items(i)
	out := make([]int, len(items))
	for k := range items {
		out[k] = lang.Args(items).Int(k)
	}
	return out
}

// elementwisePair builds maximum and minimum from the primitives max and
// min: two arguments, broadcast, differentiable.
func elementwisePair(name, prim, doc string) *lang.Builtin {
	p := autodiff.Lookup(prim)
	return &lang.Builtin{
		Name: name, Params: []lang.Param{{Name: "x", Doc: elementwiseDoc}, {Name: "y", Doc: elementwiseDoc}}, Topic: "arrays",
		Doc: doc + " of x and y, elementwise.\nWith broadcasting; NaN if either is NaN (numpy." + name + ")", Example: name + "([1, 5, 3], [4, 2, 6])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value { return s.Apply(p, a[0], a[1]) },
	}
}

var arrayOpsBuiltins = []*lang.Builtin{
	alongAxis("sort", "A sorted copy of an array along an axis, NaN last.\nsorted sorts lists of anything, with a key", "sort([[3, 1, 2], [9, 7, 8]])", -1, array.Sort),
	alongAxis("argsort", "The indices that sort an array along an axis.\nEqual elements keep their order (numpy's stable kind).",

		"argsort([30, 10, 20])", -1, array.Argsort),
	alongAxis("flip", "An array with its elements in reverse order.\nAs numpy.flip.",
		"flip([[1, 2], [3, 4]], 0)", array.AllAxes, array.Flip),
	{
		Name: "unique", Params: []lang.Param{{Name: "xs", Kind: lang.ArrayArg, Doc: "the values"}}, Topic: "arrays",
		Options: []lang.Opt{{Name: "return_counts", Doc: "true: a record values, counts"}},
		Doc: "The sorted distinct elements of an array.\n" +
			"The array xs is flattened first; {return_counts: true} gives a record {values, counts}",
		Example: "values, counts = unique([3, 1, 3, 2, 3], return_counts=true); counts",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			v, c := array.Unique(args.Array(0))
			if opts.Bool("return_counts", false) {
				return record("values", v, "counts", c)
			}
			return lang.Arr(v)
		},
	},
	{
		Name: "searchsorted", Params: []lang.Param{{Name: "sorted", Kind: lang.ArrayArg, Doc: "the ascending vector"}, {Name: "v", Kind: lang.ArrayArg, Doc: "the values to place: a number or an array"}}, Topic: "arrays",
		Options: []lang.Opt{{Name: "side", Doc: "left (default): the first place v fits; right: the last"}},
		Doc: "Where values would be inserted to keep a vector sorted.\n" +
			"For each v, its index in the ascending vector sorted: before equal elements, or after with {side: \"right\"}",
		Example: "searchsorted([1, 2, 3, 5], [0, 3, 4])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			side := opts.Text("side", "left")
			if side != "left" && side != "right" {
				panic(lang.Errorf("option side must be \"left\" or \"right\", got %q", side))
			}
			r := must(array.Searchsorted(args.Array(0), args.Array(1), side == "right"))
			if args[1].Kind() == lang.NumKind {
				return lang.Num(r.Floats()[0])
			}
			return lang.Arr(r)
		},
	},
	{
		Name: "meshgrid", Params: []lang.Param{{Name: "xs", Kind: lang.ArrayArg, Variadic: true, Doc: "the coordinate vectors, one per axis"}}, Topic: "arrays",
		Options: []lang.Opt{{Name: "indexing", Doc: "xy (default, Cartesian) or ij (matrix)"}},
		Doc: "Coordinate matrices from coordinate vectors.\n" +
			"As numpy.meshgrid: X, Y = meshgrid(x, y) gives arrays of shape (len(y), len(x));\n" +
			"{indexing: \"ij\"} gives shape (len(x), len(y))",
		Example: "X, Y = meshgrid([1, 2, 3], [10, 20]); Y",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			idx := opts.Text("indexing", "xy")
			if idx != "xy" && idx != "ij" {
				panic(lang.Errorf("option indexing must be \"xy\" or \"ij\", got %q", idx))
			}
			xs := make([]*array.Array, len(args))
			size := 1.0
			for i := range args {
				xs[i] = args.Array(i)
				size *= float64(xs[i].Len())
			}
			s.CheckElements(size * float64(len(xs)))
			grids := must(array.Meshgrid(xs, idx == "ij"))
			out := make([]lang.Value, len(grids))
			for i, g := range grids {
				out[i] = lang.Arr(g)
			}
			return lang.ListOf(out)
		},
	},
	{
		Name: "tile", Params: []lang.Param{{Name: "xs", Kind: lang.ArrayArg, Doc: "the array"}, {Name: "reps", Doc: "the number of copies: one count, or a list of one per axis"}}, Topic: "arrays",
		Doc: "An array repeated along its axes like tiles.\n" +
			"As numpy.tile.",
		Example: "tile([1, 2], [2, 2])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			x, reps := a.Array(0), counts(a, 1)
			size := float64(x.Len())
			for _, r := range reps {
				size *= float64(r)
			}
			s.CheckElements(size)
			return lang.Arr(must(array.Tile(x, reps)))
		},
	},
	{
		Name: "repeat", Params: []lang.Param{
			{Name: "xs", Kind: lang.ArrayArg, Doc: "the array"},
			{Name: "repeats", Doc: "the count: one number, or a list of one per element along the axis"},
			axisParam,
		}, Topic: "arrays",
		Options: []lang.Opt{axisOpt},
		Doc: "Each element of an array repeated in place.\n" +
			"Without an axis xs is flattened first, as numpy.repeat.",
		Example: "repeat([1, 2, 3], [1, 0, 2])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			x, reps := args.Array(0), counts(args, 1)
			total := 0.0
			for _, r := range reps {
				total += float64(r)
			}
			if len(reps) == 1 {
				total *= float64(x.Len())
			}
			s.CheckElements(total * float64(x.Len()) / float64(max(1, x.Len())))
			return lang.Arr(must(array.Repeat(x, reps, axisOf(args, 2, opts))))
		},
	},
	{
		Name: "roll", Params: []lang.Param{
			{Name: "xs", Kind: lang.ArrayArg, Doc: "the array"},
			{Name: "shift", Kind: lang.IntArg, Doc: "the number of places to shift by (negative: towards the start)"},
			axisParam,
		}, Topic: "arrays",

		Options: []lang.Opt{axisOpt},
		Doc: "An array with its elements shifted cyclically.\n" +
			"Shifted by shift places, with those pushed off the end coming back at the start (flattened without an axis), as numpy.roll",
		Example: "roll([1, 2, 3, 4, 5], 2)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			return lang.Arr(must(array.Roll(args.Array(0), args.Int(1), axisOf(args, 2, opts))))
		},
	},
	elementwisePair("maximum", "max", "The larger"),
	elementwisePair("minimum", "min", "The smaller"),
}
