package builtins

import (
	"math"
	"slices"
	"sort"

	"calc/lang"
	"calc/stdlib/array"
)

// seq is a collection argument: its length and its items one at a time.
type seq struct {
	n  int
	at func(int) lang.Value
}

// seqArg returns argument i as a collection.
func seqArg(a lang.Args, i int) seq {
	n, at, ok := lang.Seq(a[i])
	if !ok {
		panic(lang.ArgErrorf(i, "expected a list or an array, got %s", a[i].TypeName()))
	}
	return seq{n, at}
}

// funcAndItems reads the function and the collection of a higher-order
// call in either order: Python's map(f, xs) or the pipe's xs | map(f),
// which arrives as map(xs, f). It returns the remaining arguments too.
func funcAndItems(a lang.Args) (f lang.Value, items seq, rest lang.Args) {
	switch {
	case a[0].IsCallable():
		return a[0], seqArg(a, 1), a[2:]
	case a[1].IsCallable():
		return a[1], seqArg(a, 0), a[2:]
	}
	panic(lang.ArgErrorf(0, "expected a function and a list or array, got %s and %s", a[0].TypeName(), a[1].TypeName()))
}

// truthOf returns the truth of a predicate's result.
func truthOf(v lang.Value) bool {
	t, ok := v.Truth()
	if !ok {
		panic(lang.Errorf("a predicate must return a bool or a number, not %s", v.TypeName()))
	}
	return t
}

// compareKeys orders two sort keys: numbers (and bools, false before
// true, as Python's) by value, strings by text. NaN sorts after every
// number, as in numpy's sort.
func compareKeys(x, y lang.Value) int {
	number := func(v lang.Value) bool { return v.Kind() == lang.NumKind || v.Kind() == lang.BoolKind }
	switch {
	case number(x) && number(y):
		switch xn, yn := math.IsNaN(x.Float()), math.IsNaN(y.Float()); {
		case xn && yn:
			return 0
		case xn:
			return 1
		case yn:
			return -1
		}
		switch {
		case x.Float() < y.Float():
			return -1
		case x.Float() > y.Float():
			return 1
		}
		return 0
	case x.Kind() == lang.StrKind && y.Kind() == lang.StrKind:
		switch {
		case x.Text() < y.Text():
			return -1
		case x.Text() > y.Text():
			return 1
		}
		return 0
	}
	panic(lang.Errorf("cannot order %s and %s: keys must be all numbers or all strings", x.TypeName(), y.TypeName()))
}

var functionalBuiltins = []*lang.Builtin{
	{
		Name: "map", Params: []lang.Param{
			{Name: "f", Doc: "the function"},
			{Name: "xs", Doc: "the collection: a list, an array or a string"},
			{Name: "ys", Optional: true, Variadic: true, Doc: "more collections, whose items go to f side by side with xs's"},
		}, Topic: "functional",
		Doc:     "A function applied to each item of a collection.\nf applied to each item of xs, or to the items of several collections side by side\n(as long as the shortest); also written xs | map(f). A result of numbers is an array, anything else a list.",
		Example: "map(sqrt, [1, 4, 9])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			f, first, rest := funcAndItems(a)
			cols := []seq{first}
			n := first.n
			for i := range rest {
				cols = append(cols, seqArg(rest, i))
				n = min(n, cols[i+1].n)
			}
			s.NoteArgOrder(f, len(cols))
			out := lang.NewCollector(n)
			args := make([]lang.Value, len(cols))
			for i := 0; i < n; i++ {
				s.Check()
				for c := range cols {
					args[c] = cols[c].at(i)
				}
				out.Add(s.Call(f, args...))
				checkBoxed(s, out, i)
			}
			return s.CollectAll(out)
		},
	},
	{
		Name: "filter", Params: []lang.Param{{Name: "f", Doc: "the predicate"}, {Name: "xs", Doc: "the collection: a list, an array or a string"}}, Topic: "functional",
		Doc:     "The items of a collection for which a function is true.\nIn order; also written xs | filter(f).",
		Example: "isodd(n) = n % 2 == 1\nfilter(isodd, range(10))",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			f, items, _ := funcAndItems(a)
			out := lang.NewCollector(0)
			for i := 0; i < items.n; i++ {
				s.Check()
				if x := items.at(i); truthOf(s.Call(f, x)) {
					out.Add(x)
				}
				checkBoxed(s, out, i)
			}
			return s.CollectAll(out)
		},
	},
	{
		Name: "reduce", Params: []lang.Param{
			{Name: "f", Doc: "the function of two arguments"},
			{Name: "xs", Doc: "the collection: a list, an array or a string"},
			{Name: "init", Optional: true, Doc: "the value the fold starts from (the first item if left out)"},
		}, Topic: "functional",
		Doc:     "Folds a collection from the left with a function of two.\nf(f(f(init, x0), x1), x2)...; also written xs | reduce(f).",
		Example: "add(a, b) = a + b\nreduce(add, [1, 2, 3, 4])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			f, items, rest := funcAndItems(a)
			var acc lang.Value
			start := 0
			switch {
			case len(rest) > 0:
				acc = rest[0]
			case items.n == 0:
				panic(lang.Errorf("reduce of an empty collection needs an initial value"))
			default:
				acc, start = items.at(0), 1
			}
			s.NoteArgOrder(f, 2)
			for i := start; i < items.n; i++ {
				s.Check()
				acc = s.Call(f, acc, items.at(i))
			}
			return acc
		},
	},
	{
		Name: "sorted", Params: []lang.Param{{Name: "xs", Doc: "the collection: a list, an array or a string"}}, Topic: "functional",
		Options: []lang.Opt{{Name: "key", Doc: "a function of an item giving what to sort by"}, {Name: "reverse", Doc: "true: largest first"}},
		Doc:     "A sorted copy of a collection.\nA sorted copy of xs (numbers or strings), ordered by key(x) if a key function is given,\ndescending with {reverse: true}; the sort is stable and xs is left unchanged",
		Example: "sorted([3, -5, 1], {key: abs, reverse: true})",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			s.CheckItems(seqArg(args, 0).n)
			items := append([]lang.Value(nil), args.Items(0)...)
			keys := items
			if key := opts.Get("key", lang.Nil); !key.IsNil() {
				keys = make([]lang.Value, len(items))
				for i, x := range items {
					keys[i] = s.Call(key, x)
				}
			}
			reverse := opts.Bool("reverse", false)
			idx := make([]int, len(items))
			for i := range idx {
				idx[i] = i
			}
			sort.SliceStable(idx, func(i, j int) bool {
				x, y := keys[idx[i]], keys[idx[j]]
				if reverse && !isNaNKey(x) && !isNaNKey(y) {
					x, y = y, x // descending, NaN still last
				}
				return compareKeys(x, y) < 0
			})
			out := make([]lang.Value, len(items))
			for i, k := range idx {
				out[i] = items[k]
			}
			return s.Collect(out)
		},
	},
	quantifier("any", "True if any item of xs is true (or f(item) is, given f).\nOf an array, without f: any element, whatever the shape, as numpy's any.", "any([0, 0, 1])\nany([[0, 0], [0, 1]])", true),
	quantifier("all", "True if every item of xs is true (or f(item) is, given f).\nOf an array, without f: every element, whatever the shape, as numpy's all.", "all([1, 2, 3] > 0)\nall([[1, 2], [0, 3]] > 0)", false),
	{
		Name: "zip", Params: []lang.Param{
			{Name: "xs", Doc: "the first collection"},
			{Name: "ys", Optional: true, Doc: "the second collection"},
			{Optional: true, Variadic: true, Doc: "more collections"},
		}, Topic: "functional",
		Doc:     "The items of several collections side by side.\n[[xs[0], ys[0]], [xs[1], ys[1]], ...], as long as the shortest.",
		Example: "zip([1, 2, 3], [10, 20, 30])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			n := -1
			for i := range a {
				if m := seqArg(a, i).n; n < 0 || m < n {
					n = m
				}
			}
			s.CheckItems(n * (len(a) + 1))
			cols := make([][]lang.Value, len(a))
			for i := range a {
				cols[i] = a.Items(i)
				if n < 0 || len(cols[i]) < n {
					n = len(cols[i])
				}
			}
			rows := make([]lang.Value, n)
			for r := range rows {
				tuple := make([]lang.Value, len(cols))
				for c := range cols {
					tuple[c] = cols[c][r]
				}
				rows[r] = s.Collect(tuple)
			}
			return s.Collect(rows)
		},
	},
	{
		Name: "enumerate", Params: []lang.Param{
			{Name: "xs", Doc: "the collection"},
			{Name: "start", Kind: lang.IntArg, Optional: true, Default: lang.Num(0), Doc: "the index of the first item"},
		}, Topic: "functional",
		Doc:     "The items of a collection paired with their indices.\n[[0, xs[0]], [1, xs[1]], ...]",
		Example: "enumerate([\"a\", \"b\"])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			s.CheckItems(3 * seqArg(a, 0).n)
			items := a.Items(0)
			start := a.Int(1)
			rows := make([]lang.Value, len(items))
			for i, x := range items {
				rows[i] = s.Collect([]lang.Value{lang.Num(float64(start + i)), x})
			}
			return s.Collect(rows)
		},
	},
	{
		Name: "iterate", Params: []lang.Param{
			{Name: "f", Kind: lang.FunctionArg, Doc: "the function of one argument"},
			{Name: "x0", Doc: "the first term"},
			{Name: "n", Kind: lang.IntArg, Doc: "the number of terms"},
		}, Topic: "functional",
		Doc:     "The first n terms of x0, f(x0), f(f(x0)), ...\nA fixed-point or Newton iteration made visible.",
		Example: "half(x) = x / 2\niterate(half, 1, 5)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			f, n := a.Func(0), a.Int(2)
			if n < 0 {
				panic(lang.ArgErrorf(2, "n must be at least 0, got %d", n))
			}
			s.CheckItems(n)
			out := make([]lang.Value, 0, n)
			x := a[1]
			for i := 0; i < n; i++ {
				s.Check()
				if i > 0 {
					x = s.Call(f, x)
				}
				out = append(out, x)
			}
			return s.Collect(out)
		},
	},
}

// isNaNKey reports whether a sort key is the number NaN.
func isNaNKey(v lang.Value) bool { return v.Kind() == lang.NumKind && math.IsNaN(v.Float()) }

// checkBoxed stops a collection of list items, every 4096 results, once it
// passes the session's limit.
func checkBoxed(s *lang.Session, out *lang.Collector, i int) {
	if i&4095 == 0 {
		s.CheckItems(out.Boxed())
	}
}

// quantifier builds any and all: any stops at the first true item, all at
// the first false one.
func quantifier(name, doc, example string, stopAt bool) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{
			{Name: "xs", Doc: "the collection"},
			{Name: "f", Optional: true, Doc: "the predicate (the items' own truth if left out)"},
		}, Options: []lang.Opt{{Name: "axis", Doc: "of an array: the axis to test along, giving a mask (numpy's axis, also as a number in f's place)"}},
		Topic: "functional", Doc: doc, Example: example,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			a, opts := a.Options()
			if arr := a[0].Array(); arr != nil && (opts.Has("axis") || len(a) == 2 && a[1].Kind() == lang.NumKind) {
				axis := opts.Int("axis", 0)
				if len(a) == 2 {
					axis = a.Int(1)
				}
				truth := array.Map(arr, func(x float64) float64 {
					if x != 0 {
						return 1
					}
					return 0
				})
				reduce := array.Min // all
				if stopAt {
					reduce = array.Max // any
				}
				r := must(reduce(truth, axis))
				r.Depth = array.Bool
				return lang.Arr(r)
			}
			if arr := a[0].Array(); len(a) == 1 && arr != nil {
				// as numpy's all and any: every element, whatever the shape
				found := slices.ContainsFunc(arr.Floats(), func(x float64) bool { return (x != 0) == stopAt })
				return lang.Bool(found == stopAt)
			}
			var f lang.Value
			var items seq
			if len(a) == 2 {
				f, items, _ = funcAndItems(a)
			} else {
				items = seqArg(a, 0)
			}
			for i := 0; i < items.n; i++ {
				s.Check()
				x := items.at(i)
				if !f.IsNil() {
					x = s.Call(f, x)
				}
				if truthOf(x) == stopAt {
					return lang.Bool(stopAt)
				}
			}
			return lang.Bool(!stopAt)
		},
	}
}
