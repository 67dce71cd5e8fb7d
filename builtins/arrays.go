package builtins

import (
	"fmt"
	"math"
	"slices"

	"calc/autodiff"
	"calc/lang"
	"calc/stdlib/array"
)

// axisOf returns the axis argument of a reduction: positional argument i,
// or the axis option, or all axes; nil (numpy's None) means all axes too.
func axisOf(a lang.Args, i int, opts lang.Options) int {
	if len(a) > i {
		if opts.Has("axis") {
			panic(lang.Errorf("the axis is given twice, as an argument and as an option"))
		}
		if a[i].IsNil() {
			return array.AllAxes
		}
		return a.Int(i)
	}
	switch v := opts.Get("axis", lang.Nil); v.Kind() {
	case lang.NilKind:
		return array.AllAxes
	case lang.NumKind:
		return opts.Int("axis", 0) // NaN, an infinity or a fraction is an error naming its value
	default:
		panic(lang.Errorf("option axis must be an integer, got %s", v.TypeName()))
	}
}

// axisParam is the optional axis of a reduction or of an operation on an
// array's elements.
var axisParam = lang.Param{Name: "axis", Optional: true, Doc: "the axis to work along (the whole array if left out or nil)"}

// numOr returns argument i as a number, or def when it is nil.
func numOr(a lang.Args, i int, def float64) float64 {
	if a[i].IsNil() {
		return def
	}
	return a.Num(i)
}

// must turns a stdlib error into a user error.
func must[T any](v T, err error) T {
	if err != nil {
		lang.Throw(err)
	}
	return v
}

// noteScalarSymbols says, outside traced functions, that a reduction or a
// product of expressions whose symbols are scalars treats them as numbers:
// sum(v**2) is v**2, which called with a vector later squares it
// elementwise rather than summing, as a numpy user might expect.
func noteScalarSymbols(s *lang.Session, name string, xs ...*autodiff.Node) {
	if s.Tracing() {
		return
	}
	for _, x := range xs {
		if x.IsScalar() && x.Op != autodiff.OpConst {
			s.Note(fmt.Sprintf("%s treats %s as a number, for its symbols are scalars; to work on vectors, define a function of them, as in f(v) = sum(v**2)", name, x))
			return
		}
	}
}

// reduceAxis applies a reduction, raising its error as a user error; an
// axis one past the last is probably Octave's dimension, counted from 1.
func reduceAxis(f func(*array.Array, int) (*array.Array, error), a *array.Array, axis int) *array.Array {
	r, err := f(a, axis)
	if err != nil && axis == a.Ndim() && axis > 0 {
		err = fmt.Errorf("%w (axes count from 0: Octave's dimension %d is axis %d)", err, axis, axis-1)
	}
	return must(r, err)
}

// reduction builds a builtin such as sum(xs, axis?). symbolic, if not
// nil, builds the graph node for an expression argument.
func reduction(name, doc string, f func(*array.Array, int) (*array.Array, error), symbolic func(g *autodiff.Graph, x *autodiff.Node, axis int) *autodiff.Node) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{{Name: "xs", Doc: "the array"}, axisParam}, Topic: "arrays",
		Options: []lang.Opt{axisOpt},
		Doc:     doc + " of an array's elements.",
		Example: name + "([[1, 2], [3, 4]], 0)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			axis := axisOf(args, 1, opts)
			if args[0].Kind() == lang.ExprKind {
				if symbolic == nil {
					panic(lang.ArgErrorf(0, "%s of a symbolic array is not supported (it is not differentiable here)", name))
				}
				x := args[0].Node()
				noteScalarSymbols(s, name, x)
				return expr(func() *autodiff.Node { return symbolic(s.Graph(), x, axis) })
			}
			if args[0].Kind() == lang.ComplexKind {
				return complexReduction(name, args, axis)
			}
			x := args.Array(0)
			if name == "mean" {
				noteEmptyNaN(s, name, x)
			}
			noteWholeMatrix(s, x, args, opts)
			return lang.Arr(reduceAxis(f, x, axis))
		},
	}
}

// noteEmptyNaN notes that a mean-like statistic of an empty array is nan,
// where numpy warns (Mean of empty slice).
func noteEmptyNaN(s *lang.Session, name string, x *array.Array) {
	if x.Len() == 0 {
		s.Note(name + " of an empty array is nan, as numpy's (which warns: Mean of empty slice)")
	}
}

// wholeMatrixNote says that reductions of a matrix cover all its elements.
const wholeMatrixNote = "sum, prod, mean, median, min, max, std and var of a matrix without an axis are over all its elements, as numpy's; " +
	"Octave's, down the columns, are sum(m, axis=0) and so on"

// noteWholeMatrix says, once a session, that a reduction of a matrix
// without an axis covers all its elements, as numpy's, where Octave's and
// MATLAB's work down the columns. args and opts are the call's: an axis
// given, even nil, says the user knows. Images and masks (8-bit and bool
// arrays) are left alone: their extremes and counts are meant whole.
func noteWholeMatrix(s *lang.Session, x *array.Array, args lang.Args, opts lang.Options) {
	if len(args) == 1 && !opts.Has("axis") && x.Depth == array.Float64 && len(x.Shape) == 2 && x.Shape[0] > 1 && x.Shape[1] > 1 {
		s.NoteOnce(wholeMatrixNote)
	}
}

// noteDdof says, once a session, that std and var divide by n unless
// asked otherwise, as numpy's, where Octave's, MATLAB's and R's divide by
// n - 1 (of an empty array both are nan, noted otherwise).
func noteDdof(s *lang.Session, name string, x *array.Array, opts lang.Options) {
	if !opts.Has("ddof") && x.Len() > 0 {
		s.NoteOnce(fmt.Sprintf("%s divides by n (ddof 0), as numpy's; Octave's, MATLAB's and R's %s divide by n - 1: %s(x, ddof=1)", name, name, name))
	}
}

// complexReductions are the reductions and accumulations defined on
// complex arrays.
var complexReductions = map[string]func(*array.Complex, int) (*array.Complex, error){
	"sum":    partsApart(array.Sum),
	"mean":   partsApart(array.Mean),
	"cumsum": partsApart(array.Cumsum),
	"prod":   array.ComplexProd,
	"min":    array.ComplexMin,
	"max":    array.ComplexMax,
}

// partsApart makes a linear real reduction a complex one: the real and
// imaginary parts reduce apart.
func partsApart(f func(*array.Array, int) (*array.Array, error)) func(*array.Complex, int) (*array.Complex, error) {
	return func(c *array.Complex, axis int) (*array.Complex, error) {
		re, err := f(c.Re, axis)
		if err != nil {
			return nil, err
		}
		im, err := f(c.Im, axis)
		if err != nil {
			return nil, err
		}
		return array.NewComplex(re, im), nil
	}
}

// complexReduction applies the complex reduction name to the complex
// array args[0] along axis, or says that it has none.
func complexReduction(name string, args lang.Args, axis int) lang.Value {
	f, ok := complexReductions[name]
	if !ok {
		panic(lang.ArgErrorf(0, "%s of complex numbers is not defined (sum, mean, prod, min, max and cumsum are)", name))
	}
	c, _ := args[0].ComplexArray()
	return lang.CArr(must(f(c, axis)))
}

func symbolicSum(g *autodiff.Graph, x *autodiff.Node, axis int) *autodiff.Node { return g.Sum(x, axis) }

func symbolicMean(g *autodiff.Graph, x *autodiff.Node, axis int) *autodiff.Node {
	n := x.Size()
	if axis != array.AllAxes && len(x.Shape) > 0 {
		n = x.Shape[(axis+len(x.Shape))%len(x.Shape)]
	}
	return g.Mul(g.Sum(x, axis), g.Const(1/float64(max(n, 1))))
}

// spread builds var and std, which take a ddof option like numpy's.
func spread(name, doc string, f func(*array.Array, int, int) (*array.Array, error)) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{{Name: "xs", Kind: lang.ArrayArg, Doc: "the values"}, axisParam}, Topic: "arrays",
		Options: []lang.Opt{axisOpt, ddofOpt},
		Doc:     doc + " of an array's elements.\nThe population's (ddof 0, like numpy); {ddof: 1} gives the sample estimate.",
		Example: name + "([2, 4, 4, 4, 5, 5, 7, 9])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			ddof := opts.Int("ddof", 0)
			x := args.Array(0)
			noteEmptyNaN(s, name, x)
			noteDdof(s, name, x, opts)
			noteWholeMatrix(s, x, args, opts)
			r, err := f(x, axisOf(args, 1, opts), ddof)
			if err != nil && len(args) > 1 {
				err = fmt.Errorf("%w (%s(x, k)'s k is the axis, as numpy's; Octave's %s(x, 1), dividing by n, is %s(x) here, and %s(x, ddof=1) divides by n - 1)",
					err, name, name, name, name)
			}
			return lang.Arr(must(r, err))
		},
	}
}

// shapeArgs reads a shape given as numbers (zeros(2, 3)) or as one array
// or list (zeros([2, 3])) from a's arguments. reshape allows the -1 that
// stands for "whatever is left".
func shapeArgs(s *lang.Session, a lang.Args, reshape bool) []int {
	if len(a) == 1 && (a[0].Kind() == lang.ArrayKind || a[0].Kind() == lang.ListKind) {
		items := a.Items(0)
		a = lang.Args(items)
	}
	shape := make([]int, len(a))
	size := 1.0
	for i := range a {
		shape[i] = a.Int(i)
		if shape[i] < 0 && !(reshape && shape[i] == -1) {
			panic(lang.ArgErrorf(i, "negative dimension %d", shape[i]))
		}
		size *= math.Abs(float64(shape[i]))
	}
	s.CheckElements(size)
	return shape
}

// arraysOf reads the arrays to join: several array arguments, or one
// collection of them.
func arraysOf(a lang.Args) []*array.Array {
	if len(a) == 1 {
		a = lang.Args(a.Items(0))
	}
	out := make([]*array.Array, len(a))
	for i := range a {
		out[i] = a.Array(i)
	}
	return out
}

// joiner builds concat, stack, hstack and vstack.
func joiner(name, doc string, join func([]*array.Array, int) (*array.Array, error), example string) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{{Name: "arrays", Variadic: true, Doc: "the arrays to join, or one list of them"}}, Topic: "arrays",
		Options: []lang.Opt{{Name: "axis", Doc: "the axis to join along (0)"}},
		Doc:     doc, Example: example,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			axis := opts.Int("axis", 0)
			if n := len(args); n > 1 && args[n-1].Kind() == lang.NumKind && args[0].Kind() == lang.ArrayKind && args[0].Array().Ndim() > 1 {
				// concat(a, b, 1) of matrices: numpy's axis by position.
				panic(lang.ArgErrorf(n-1, "%s joins arrays, and %s is a number: numpy's axis goes as axis=%s, as in %s(a, b, axis=%s)",
					name, lang.Format(args[n-1]), lang.Format(args[n-1]), name, lang.Format(args[n-1])))
			}
			parts := []lang.Value(args)
			if len(args) == 1 && args[0].Kind() != lang.ExprKind {
				parts = args.Items(0)
			}
			for _, p := range parts {
				if p.Kind() == lang.ExprKind {
					return symbolicJoin(s, name, parts, axis)
				}
			}
			return lang.Arr(must(join(arraysOf(args), axis)))
		},
	}
}

// symbolicJoin builds the graph of concat, stack, hstack or vstack when a
// part is symbolic, so that functions built from pieces can be traced and
// differentiated exactly. Joining is along axis 0 (rows stacked anew), or
// along axis 1 of matrices (through transposes); other axes are an error.
func symbolicJoin(s *lang.Session, name string, parts []lang.Value, axis int) lang.Value {
	nodes := make([]*autodiff.Node, len(parts))
	for i, p := range parts {
		n, ok := s.NodeOf(p)
		if !ok {
			panic(lang.Errorf("%s: part %d is %s, not numbers", name, i, p.TypeName()))
		}
		nodes[i] = n
	}
	return expr(func() *autodiff.Node {
		g := s.Graph()
		if len(nodes) == 1 {
			// One symbolic array (a list of formulas becomes one): its
			// rows are the parts, as numpy reads a 2-D array.
			whole := nodes[0]
			if len(whole.Shape) == 0 {
				panic(lang.Errorf("%s: zero-dimensional parts cannot be joined", name))
			}
			nodes = make([]*autodiff.Node, whole.Shape[0])
			for i := range nodes {
				nodes[i] = g.Index(whole, i)
			}
		}
		ndim := len(nodes[0].Shape)
		// atLeast gives every part k dimensions, as numpy's atleast_1d
		// and atleast_2d: a number becomes [x] or [[x]], a vector a row.
		atLeast := func(k int) {
			for i, n := range nodes {
				switch {
				case len(n.Shape) >= k:
				case len(n.Shape) == 0 && k == 1:
					nodes[i] = g.Reshape(n, []int{1})
				case len(n.Shape) == 0:
					nodes[i] = g.Reshape(n, []int{1, 1})
				default:
					nodes[i] = g.Reshape(n, []int{1, n.Shape[0]})
				}
			}
		}
		switch name {
		case "stack":
			if axis < 0 {
				axis += ndim + 1
			}
			switch {
			case axis == 0:
				return g.Stack(nodes)
			case axis == 1 && ndim == 1:
				return g.Transpose(g.Stack(nodes))
			}
		case "hstack":
			atLeast(1)
			if len(nodes[0].Shape) == 1 {
				return concatRows(g, nodes)
			}
			axis = 1
		case "vstack":
			atLeast(2)
			return concatRows(g, nodes)
		}
		if len(nodes[0].Shape) == 0 {
			panic(lang.Errorf("%s: zero-dimensional parts cannot be joined", name))
		}
		if axis < 0 {
			axis += len(nodes[0].Shape)
		}
		switch {
		case axis == 0:
			return concatRows(g, nodes)
		case axis == 1 && len(nodes[0].Shape) == 2:
			for i, n := range nodes {
				nodes[i] = g.Transpose(n)
			}
			return g.Transpose(concatRows(g, nodes))
		}
		panic(lang.Errorf("%s of symbolic arrays works along axis 0, or axis 1 of matrices, not axis %d", name, axis))
	})
}

// concatRows joins nodes along axis 0: their rows, stacked anew.
func concatRows(g *autodiff.Graph, nodes []*autodiff.Node) *autodiff.Node {
	var rows []*autodiff.Node
	for _, n := range nodes {
		if len(n.Shape) == 0 || !slices.Equal(n.Shape[1:], nodes[0].Shape[1:]) {
			panic(lang.Errorf("cannot join shapes %s and %s", array.ShapeString(nodes[0].Shape), array.ShapeString(n.Shape)))
		}
		for i := range n.Shape[0] {
			rows = append(rows, g.Index(n, i))
		}
	}
	if len(rows) == 0 {
		panic(lang.Errorf("cannot join empty arrays symbolically"))
	}
	return g.Stack(rows)
}

func ignoreAxis(f func([]*array.Array) (*array.Array, error)) func([]*array.Array, int) (*array.Array, error) {
	return func(as []*array.Array, _ int) (*array.Array, error) { return f(as) }
}

// spaced builds linspace and logspace: n points (50 by default) from start
// to stop, with one option; ends documents start and stop.
func spaced(name, doc, example string, ends [2]string, option lang.Opt, f func(start, stop float64, n int, opts lang.Options) (*array.Array, error)) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{
			{Name: "start", Kind: lang.NumberArg, Doc: ends[0]},
			{Name: "stop", Kind: lang.NumberArg, Doc: ends[1]},
			{Name: "n", Kind: lang.IntArg, Optional: true, Default: lang.Num(50), Doc: "the number of points"},
		},
		Options: []lang.Opt{option}, Topic: "arrays", Doc: doc, Example: example,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			n := args.Int(2)
			s.CheckElements(float64(n))
			return lang.Arr(must(f(args.Num(0), args.Num(1), n, opts)))
		},
	}
}

// filled builds zeros and ones.
func filled(name string, v float64) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{shapeParam}, Topic: "arrays",
		Doc:     "An array of the given shape filled with " + name + ".",
		Example: name + "(2, 3)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			return lang.Arr(array.Full(shapeArgs(s, a, false), v))
		},
	}
}

// toArray converts a value to an array: nested lists of numbers are
// stacked; anything ragged or non-numeric is an error.
func toArray(v lang.Value) (*array.Array, bool) {
	switch v.Kind() {
	case lang.NumKind, lang.BoolKind:
		return array.New(nil, []float64{v.Float()}), true
	case lang.ArrayKind:
		return v.Array(), true
	case lang.ListKind:
		items := v.List().Items
		parts := make([]*array.Array, len(items))
		for i, it := range items {
			p, ok := toArray(it)
			if !ok {
				return nil, false
			}
			parts[i] = p
		}
		if len(parts) == 0 {
			return array.Zeros(0), true
		}
		st, err := array.Stack(parts, 0)
		return st, err == nil
	}
	return nil, false
}

// shapeParam is the shape of a new array.
var shapeParam = lang.Param{Name: "shape", Variadic: true, Doc: "the dimensions: numbers, or one list of them"}

var arrayBuiltins = []*lang.Builtin{
	filled("zeros", 0),
	filled("ones", 1),
	{
		Name: "full", Params: []lang.Param{{Name: "shape", Doc: "the dimensions: a number or a list"}, {Name: "value", Kind: lang.NumberArg, Doc: "the value of every element"}}, Topic: "arrays",
		Doc:     "An array of the given shape filled with one value.\nfull(n, true) is a mask (a bool array), as numpy's.",
		Example: "full([2, 2], 7)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			r := array.Full(shapeArgs(s, a[:1], false), a.Num(1))
			if a[1].Kind() == lang.BoolKind {
				r.Depth = array.Bool
			}
			return lang.Arr(r)
		},
	},
	{
		Name: "eye", Params: []lang.Param{
			{Name: "n", Kind: lang.IntArg, Doc: "the number of rows"},
			{Name: "m", Kind: lang.IntArg, Optional: true, Doc: "the number of columns (n if left out)"},
			{Name: "k", Kind: lang.IntArg, Optional: true, Doc: "the diagonal of ones: 0 the main one, k > 0 above it, k < 0 below (0 if left out)"},
		}, Topic: "arrays",
		Doc:     "The identity matrix, or ones on another diagonal.",
		Example: "eye(3)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			n := a.Int(0)
			m, k := n, 0
			if len(a) > 1 {
				m = a.Int(1)
			}
			if len(a) > 2 {
				k = a.Int(2)
			}
			if n < 0 || m < 0 {
				panic(lang.Errorf("negative dimension"))
			}
			s.CheckElements(float64(n) * float64(m))
			return lang.Arr(array.Eye(n, m, k))
		},
	},
	rangeBuiltin,
	alias(rangeBuiltin, "arange", "arange(0, 1, 0.25)"),
	spaced("linspace",
		"n evenly spaced numbers from start to stop.\nStop is included unless {endpoint: false}.",
		"linspace(0, 1, 5)", [2]string{"the first number", "the last number"}, lang.Opt{Name: "endpoint", Doc: "false: leave stop out"},
		func(start, stop float64, n int, opts lang.Options) (*array.Array, error) {
			return array.Linspace(start, stop, n, opts.Bool("endpoint", true))
		}),
	spaced("logspace",
		"n numbers evenly spaced on a log scale.\nFrom base**start to base**stop (base 10 by default).",
		"logspace(0, 3, 4)", [2]string{"the power of the base that is the first number", "the power of the base that is the last number"}, lang.Opt{Name: "base", Doc: "the base of the log scale (10)"},
		func(start, stop float64, n int, opts lang.Options) (*array.Array, error) {
			return array.Logspace(start, stop, n, opts.Num("base", 10))
		}),
	{
		Name: "array", Params: []lang.Param{{Name: "xs", Doc: "a number, or a list of numbers or of equal-shaped arrays"}}, Topic: "arrays",
		Doc:     "A list of numbers or of equal-shaped arrays as an array.\nRagged or non-numeric lists are an error.",
		Example: "array([[1, 2], [3, 4]])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			arr, ok := toArray(a[0])
			if !ok {
				panic(lang.ArgErrorf(0, "cannot make an array of %s: it must hold numbers in a regular shape", a[0].TypeName()))
			}
			return lang.Arr(arr)
		},
	},
	{
		Name: "len", Params: []lang.Param{{Name: "xs", Doc: "the list, array, string or record"}}, Topic: "arrays",
		Doc:     "The number of items of a list, array, string or record.\nItems are a list's elements, an array's rows, a string's characters, a record's fields.",
		Example: "len([[1, 2], [3, 4], [5, 6]])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			n, ok := lang.Len(a[0])
			if !ok {
				panic(lang.ArgErrorf(0, "%s has no length", a[0].TypeName()))
			}
			return lang.Num(float64(n))
		},
	},
	{
		Name: "shape", Params: []lang.Param{{Name: "xs", Kind: lang.ArrayArg, Doc: "the array"}}, Topic: "arrays",
		Doc:     "The dimensions of an array.\nThe same as xs.shape; a number has shape [].",
		Example: "shape(zeros(2, 3))",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			var shape []int
			if n := a[0].Node(); n != nil {
				shape = n.Shape
			} else {
				shape = a.Array(0).Shape
			}
			dims := make([]float64, len(shape))
			for i, d := range shape {
				dims[i] = float64(d)
			}
			if len(dims) == 0 {
				return lang.ListOf(nil)
			}
			return lang.Arr(array.Vector(dims))
		},
	},
	{
		Name: "reshape", Params: []lang.Param{
			{Name: "xs", Kind: lang.ArrayArg, Doc: "the array"},
			{Name: "shape", Variadic: true, Doc: "the new dimensions: numbers, or one list of them (one may be -1)"},
		}, Topic: "arrays",
		Doc:     "The elements of an array in a new shape.\nThe new shape has the same number of elements; a dimension of -1 stands for what is left.",
		Example: "reshape(range(6), 2, 3)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			shape := shapeArgs(s, a[1:], true)
			if a[0].Kind() == lang.ExprKind {
				x := a[0].Node()
				// array.Reshape resolves a -1 dimension; reuse it on a
				// placeholder of x's size.
				shape = must(array.Reshape(array.Zeros(x.Size()), shape)).Shape
				return expr(func() *autodiff.Node { return s.Graph().Reshape(x, shape) })
			}
			return lang.Arr(must(array.Reshape(a.Array(0), shape)))
		},
	},
	{
		Name: "flatten", Params: []lang.Param{{Name: "xs", Kind: lang.ArrayArg, Doc: "the array"}}, Topic: "arrays",
		Doc:     "The elements of an array as a vector, row by row.",
		Example: "flatten([[1, 2], [3, 4]])",
		Fn:      func(s *lang.Session, a lang.Args) lang.Value { return lang.Arr(array.Flatten(a.Array(0))) },
	},
	{
		Name: "transpose", Params: []lang.Param{{Name: "m", Kind: lang.ArrayArg, Doc: "the array"}}, Topic: "arrays",
		Doc:     "The transpose of an array: its axes reversed.\nThe same as m.T.",
		Example: "transpose([[1, 2, 3], [4, 5, 6]])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			if a[0].Kind() == lang.ExprKind {
				x := a[0].Node()
				return expr(func() *autodiff.Node { return s.Graph().Transpose(x) })
			}
			return lang.Arr(array.Transpose(a.Array(0)))
		},
	},
	{
		Name: "dot", Params: []lang.Param{{Name: "a", Doc: "the left factor"}, {Name: "b", Doc: "the right factor"}}, Topic: "arrays",
		Doc: "The matrix product, as numpy.dot.\nvector·vector is the inner product; matrix·vector and matrix·matrix multiply.\n" +
			"Ctrl-C (and -timeout) stops a long product within milliseconds.",
		Example: "dot([[1, 2], [3, 4]], [1, 1])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			if a[0].Kind() == lang.ExprKind || a[1].Kind() == lang.ExprKind {
				x, y := node(s, a, 0), node(s, a, 1)
				noteScalarSymbols(s, "dot", x, y)
				return expr(func() *autodiff.Node { return s.Graph().Dot(x, y) })
			}
			if anyComplex(a) {
				return complexDot(s, a)
			}
			x, y := a.Array(0), a.Array(1)
			s.CheckElements(dotSize(x.Shape, y.Shape))
			r, err := array.DotStop(x, y, s.Stopping)
			if err == array.ErrStopped {
				s.Check()
			}
			return lang.Arr(must(r, err))
		},
	},
	{
		Name: "outer", Params: []lang.Param{{Name: "a", Kind: lang.ArrayArg, Doc: "the vector along the rows"}, {Name: "b", Kind: lang.ArrayArg, Doc: "the vector along the columns"}}, Topic: "arrays",
		Doc:     "The outer product: the matrix of a[i]*b[j].",
		Example: "outer([1, 2], [1, 10, 100])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			x, y := a.Array(0), a.Array(1)
			s.CheckElements(float64(x.Len()) * float64(y.Len()))
			return lang.Arr(array.Outer(x, y))
		},
	},
	reduction("sum", "The sum", array.Sum, symbolicSum),
	reduction("prod", "The product", array.Prod, nil),
	reduction("mean", "The arithmetic mean", array.Mean, symbolicMean),
	reduction("argmin", "The (flat) index of the smallest", array.Argmin, nil),
	reduction("argmax", "The (flat) index of the largest", array.Argmax, nil),
	minMax("min", array.Min),
	minMax("max", array.Max),
	spread("var", "The variance", array.Var),
	spread("std", "The standard deviation", array.Std),
	{
		Name: "cumsum", Params: []lang.Param{{Name: "xs", Doc: "the array"}, axisParam}, Topic: "arrays",
		Options: []lang.Opt{axisOpt},
		Doc:     "Running sums.\nFlattened first unless an axis is given.",
		Example: "cumsum([1, 2, 3, 4])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			if args[0].Kind() == lang.ComplexKind {
				return complexReduction("cumsum", args, axisOf(args, 1, opts))
			}
			return lang.Arr(reduceAxis(array.Cumsum, args.Array(0), axisOf(args, 1, opts)))
		},
	},
	{
		Name: "cumprod", Params: []lang.Param{{Name: "xs", Kind: lang.ArrayArg, Doc: "the array"}, axisParam}, Topic: "arrays",
		Options: []lang.Opt{axisOpt},
		Doc:     "Running products.\nFlattened first unless an axis is given.",
		Example: "cumprod([1, 2, 3, 4])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			return lang.Arr(reduceAxis(array.Cumprod, args.Array(0), axisOf(args, 1, opts)))
		},
	},
	joiner("concat", "Joins arrays end to end along an existing axis.\nThe axis is 0 by default: concat(a, b) or concat([a, b]).", array.Concat, "concat([1, 2], [3])"),
	joiner("stack", "Stacks equal-shaped arrays along a new axis (0 by default).", array.Stack, "stack([1, 2], [3, 4])"),
	joiner("hstack", "Joins arrays side by side; vectors end to end.", ignoreAxis(array.Hstack), "hstack([[1], [2]], [[3], [4]])"),
	joiner("vstack", "Joins arrays vertically: vectors become rows.", ignoreAxis(array.Vstack), "vstack([1, 2], [3, 4])"),
	{
		Name: "where", Params: []lang.Param{
			{Name: "cond", Kind: lang.ArrayArg, Doc: "the condition, true where nonzero"},
			{Name: "x", Kind: lang.ArrayArg, Doc: "the values where cond holds"},
			{Name: "y", Kind: lang.ArrayArg, Doc: "the values elsewhere"},
		}, Topic: "arrays",
		Doc:     "Elementwise choice: x where cond is true, y elsewhere.\nTrue means nonzero; all three broadcast.",
		Example: "where([1, -2, 3] > 0, [1, -2, 3], 0)",

		ArityHint: "numpy's where(cond) of one argument, the indices where cond holds, is range(len(cond))[cond] here",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			if a[0].Kind() == lang.ExprKind || a[1].Kind() == lang.ExprKind || a[2].Kind() == lang.ExprKind {
				c, x, y := node(s, a, 0), node(s, a, 1), node(s, a, 2)
				return expr(func() *autodiff.Node { return s.Graph().Select(c, x, y) })
			}
			c, x, y := a.Array(0), a.Array(1), a.Array(2)
			s.CheckBroadcast(c.Shape, x.Shape, y.Shape)
			return lang.Arr(must(array.Where(c, x, y)))
		},
	},
	{
		Name: "clip", Params: []lang.Param{
			{Name: "xs", Kind: lang.ArrayArg, Doc: "the values"},
			{Name: "lo", Doc: "the lower limit (nil for none)"},
			{Name: "hi", Doc: "the upper limit (nil for none)"},
		}, Topic: "arrays",
		Doc:     "Each element limited to the interval [lo, hi].\nAs numpy's clip; a mask clipped by true or false stays a mask.",
		Example: "clip([-2, 0.5, 3], 0, 1)\nclip([-2, 0.5, 3], nil, 1)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			if a[1].IsNil() && a[2].IsNil() {
				panic(lang.Errorf("clip needs lo or hi; both are nil"))
			}
			x := a.Array(0)
			r := array.Clip(x, numOr(a, 1, math.Inf(-1)), numOr(a, 2, math.Inf(1)))
			if x.Depth == array.Bool && boolOrNil(a[1]) && boolOrNil(a[2]) {
				r.Depth = array.Bool
			}
			return lang.Arr(r)
		},
	},
	{
		Name: "col", Params: []lang.Param{{Name: "m", Kind: lang.ArrayArg, Doc: "the matrix"}, {Name: "j", Kind: lang.IntArg, Doc: "the column's index"}}, Topic: "arrays",
		Doc:     "Column j of a matrix, as a vector.\nA negative j counts from the end.",
		Example: "col([[1, 2], [3, 4]], 1)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			return lang.Arr(must(array.Col(a.Array(0), a.Int(1))))
		},
	},
	{
		Name: "row", Params: []lang.Param{{Name: "m", Kind: lang.ArrayArg, Doc: "the matrix"}, {Name: "i", Kind: lang.IntArg, Doc: "the row's index"}}, Topic: "arrays",
		Doc:     "Row i of a matrix, as a vector.\nThe same as m[i].",
		Example: "row([[1, 2], [3, 4]], -1)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			return lang.Arr(must(array.Row(a.Array(0), a.Int(1))))
		},
	},
}

// rangeBuiltin is range, which numpy users also know as arange.
var rangeBuiltin = &lang.Builtin{
	Name: "range", Forms: [][]lang.Param{{rangeStop}, {
		{Name: "start", Kind: lang.NumberArg, Doc: "the first number (0 if left out)"},
		rangeStop,
		{Name: "step", Kind: lang.NumberArg, Optional: true, Doc: "the difference between neighbours (1 if left out)"},
	}}, Topic: "arrays",
	Doc:     "Evenly spaced numbers up to but not including stop.\nLike numpy's arange; the step may be a fraction: range(0, 4, 0.01) has 400 elements",
	Example: "range(0, 1, 0.25)",
	Fn: func(s *lang.Session, a lang.Args) lang.Value {
		start, stop, step := 0.0, a.Num(0), 1.0
		if len(a) > 1 {
			start, stop = a.Num(0), a.Num(1)
		}
		if len(a) > 2 {
			step = a.Num(2)
		}
		if step == 0 {
			panic(lang.ArgErrorf(2, "step must not be zero"))
		}
		s.CheckElements(math.Ceil((stop - start) / step))
		return lang.Arr(must(array.Arange(start, stop, step)))
	},
}

// rangeStop is the end of range, in both its forms.
var rangeStop = lang.Param{Name: "stop", Kind: lang.NumberArg, Doc: "the end, left out of the numbers"}

// alias returns b under another name, with its own example.

func alias(b *lang.Builtin, name, example string) *lang.Builtin {
	c := *b
	c.Name, c.Example = name, example
	c.Doc = "The same as " + b.Name + ".\n" + b.Doc
	return &c
}

// dotSize is the number of elements of numpy.dot's result for operands
// of shapes a and b: a's axes but its last, then b's but its second to
// last (its only one for a vector), as numpy.dot. A number operand scales
// the other.
func dotSize(a, b []int) float64 {
	n := 1.0
	for i, d := range a {
		if i < len(a)-1 || len(b) == 0 {
			n *= float64(d)
		}
	}
	for i, d := range b {
		if i != len(b)-2 && (len(b) > 1 || len(a) == 0) {
			n *= float64(d)
		}
	}
	return n
}

// boolOrNil reports whether v is true, false or nil: the bounds that keep
// a clipped mask a mask, as numpy's clip of a bool array by bools is one.
func boolOrNil(v lang.Value) bool { return v.IsNil() || v.Kind() == lang.BoolKind }
