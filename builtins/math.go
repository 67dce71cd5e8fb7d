package builtins

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"calc/autodiff"
	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/special"
)

// mathBuiltins returns the elementwise math functions of the autodiff
// primitives table, plus the few math functions that are not primitives.
func mathBuiltins() []*lang.Builtin {
	var bs []*lang.Builtin
	for _, p := range autodiff.Functions() {
		if p.Name == "min" || p.Name == "max" {
			continue // minMax also reduces arrays
		}
		topic := p.Topic
		if topic == "" {
			topic = "math"
		}
		names := p.Params
		switch {
		case names != "":
		case p.Arity == 2:
			names = "x, y"
		default:
			names = "x"
		}
		var params []lang.Param
		for _, name := range strings.Split(names, ", ") {
			params = append(params, lang.Param{Name: name, Doc: elementwiseDoc})
		}
		b := &lang.Builtin{
			Name: p.Name, Params: params, Topic: topic,
			Doc:     sentence(p.Doc) + "\nElementwise on arrays.",
			Example: p.Example,
			Fn:      func(s *lang.Session, a lang.Args) lang.Value { return s.Apply(p, a...) },
		}
		if p.Name == "round" {
			withDecimals(b)
		}
		bs = append(bs, b)
	}
	aliases := autodiff.Aliases()
	for _, alias := range slices.Sorted(maps.Keys(aliases)) {
		name := aliases[alias]
		p := autodiff.Lookup(name)
		bs = append(bs, &lang.Builtin{
			Name: alias, Params: []lang.Param{{Name: "x", Doc: elementwiseDoc}}, Topic: "special",
			Doc:     "Scipy.special's name for " + name + ".\n" + p.Doc + "; elementwise on arrays.",
			Example: alias + "(0)",
			Fn:      func(s *lang.Session, a lang.Args) lang.Value { return s.Apply(p, a...) },
		})
	}
	return append(bs, extraMath...)
}

// elementwiseDoc describes the argument of an elementwise function.
const elementwiseDoc = "a number, an array (elementwise) or an expression"

// sentence makes a primitive's short description a sentence for help:
// capitalized unless it starts with a symbol or a formula ("e to the
// power x", "log(1 + x), ..."), ending with a full stop, and cut after
// its first clause when it is too long for one line of help.
func sentence(doc string) string {
	first, _, _ := strings.Cut(doc, " ")
	if r, n := utf8.DecodeRuneInString(doc); unicode.IsLower(r) && len(first) > 1 && !strings.ContainsAny(first, "(|!/") {
		doc = string(unicode.ToUpper(r)) + doc[n:]
	}
	doc = strings.TrimSuffix(doc, ".")
	if head, tail, ok := strings.Cut(doc, ", "); ok && utf8.RuneCountInString(doc) > 60 {
		// The summary line is the head; the rest follows it.
		return head + ".\n" + strings.ToUpper(tail[:1]) + tail[1:] + "."
	}
	return doc + "."
}

// withDecimals lets round take numpy's decimals: round(x, 2).
func withDecimals(b *lang.Builtin) {
	// No Default: round is called in loops, and a default would copy
	// every call's arguments.
	b.Params = append(b.Params, lang.Param{Name: "decimals", Kind: lang.IntArg, Optional: true, Doc: "how many decimals to keep (0 if left out)"})
	b.Doc += ";\nround(x, d) rounds to d decimals (negative d to tens, hundreds, ...), as numpy.round"
	b.Example = "round([3.14159, 2.71828], 2)"
	apply := b.Fn
	b.Fn = func(s *lang.Session, a lang.Args) lang.Value {
		if len(a) == 1 || a[0].Kind() != lang.ExprKind && a.Int(1) == 0 {
			noteHalves(s, a[0])
		}
		if len(a) == 1 || a[0].Kind() == lang.ExprKind {
			if len(a) == 2 && a.Int(1) != 0 {
				panic(lang.ArgErrorf(1, "round to decimals needs a number or an array, not a formula"))
			}
			return apply(s, a[:1])
		}
		r := array.RoundTo(a.Array(0), a.Int(1))
		if a[0].Kind() == lang.NumKind {
			return lang.Num(r.Floats()[0])
		}
		return lang.Arr(r)
	}
}

// noteHalves says, once a session, that round takes halves to even when
// x holds a number halfway between two integers.
func noteHalves(s *lang.Session, x lang.Value) {
	isHalf := func(v float64) bool { return v-math.Floor(v) == 0.5 }
	switch x.Kind() {
	case lang.NumKind:
		if !isHalf(x.Float()) {
			return
		}
	case lang.ArrayKind:
		if !slices.ContainsFunc(x.Array().Floats(), isHalf) {
			return
		}
	default:
		return
	}
	s.NoteOnce("round takes halves to the even neighbour, as numpy's and Python's: round(2.5) is 2, round(0.5) is 0; " +
		"Octave's and MATLAB's round takes them away from zero: sign(x)*floor(abs(x) + 0.5)")
}

// elementwise applies f to a number, or to each element of an array.
func elementwise(a lang.Args, i int, f func(float64) float64) lang.Value {
	if a[i].Kind() == lang.NumKind {
		return lang.Num(f(a.Num(i)))
	}
	return lang.Arr(array.Map(a.Array(i), f))
}

// elementwise3 applies f to three arguments broadcast together.
func elementwise3(a lang.Args, f func(x, y, z float64) float64) lang.Value {
	out := must(array.Broadcast3(a.Array(0), a.Array(1), a.Array(2), f))
	if len(out.Shape) == 0 {
		return lang.Num(out.Floats()[0])
	}
	return lang.Arr(out)
}

var extraMath = []*lang.Builtin{
	{
		Name: "factorial", Params: []lang.Param{{Name: "n", Doc: "a number or an array (elementwise)"}}, Topic: "math",
		Doc: "n! for a whole number n >= 0.\nExact up to 22!, then to double precision; inf past 170!;\n" +
			"as scipy's factorial(n, exact=False), gamma(n + 1) for other n >= 0 and 0 for n < 0; elementwise on arrays",
		Example: "factorial([10, 2.5, -1])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			return elementwise(a, 0, func(n float64) float64 {
				switch {
				case n < 0:
					return 0
				case n != math.Trunc(n) || n > 200:
					return special.Gamma(n + 1)
				}
				return factorial(int(n))
			})
		},
	},
	{
		Name: "comb", Params: []lang.Param{{Name: "n", Kind: lang.NumberArg, Doc: "the number of items"}, {Name: "k", Kind: lang.NumberArg, Doc: "the number to choose"}}, Topic: "math",
		Doc: "The number of ways to choose k items from n.\nn!/(k!(n-k)!), exact for whole n and k;\n" +
			"as scipy's comb(n, k, exact=False), binom(n, k) for other n and k, and 0 when k > n, n < 0 or k < 0",
		Example: "comb(5, 2) + comb(5.5, 2)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			n, k := a.Num(0), a.Num(1)
			switch {
			case k > n || n < 0 || k < 0:
				return lang.Num(0)
			case n == math.Trunc(n) && k == math.Trunc(k) && n < 1<<53:
				return lang.Num(comb(int(n), int(k)))
			}
			return lang.Num(special.Binom(n, k))
		},
	},
	{
		Name: "betaincinv", Params: []lang.Param{
			{Name: "a", Kind: lang.ArrayArg, Doc: "the first shape parameter"},
			{Name: "b", Kind: lang.ArrayArg, Doc: "the second shape parameter"},
			{Name: "y", Kind: lang.ArrayArg, Doc: "the value of betainc, in [0, 1]"},
		}, Topic: "special",
		Doc: "The inverse of betainc in x.\n" +
			"The x with betainc(a, b, x) = y; elementwise with broadcasting (not differentiable here)",
		Example: "betaincinv(2, 3, 0.5248)",
		Fn:      func(s *lang.Session, a lang.Args) lang.Value { return elementwise3(a, special.Betaincinv) },
	},
	{
		Name: "legendre", Params: []lang.Param{{Name: "n", Kind: lang.IntArg, Doc: "the degree"}}, Topic: "special",
		Doc: "The coefficients of the Legendre polynomial P_n.\n" +
			"Highest power first (scipy.special.legendre; polyval evaluates them)",
		Example: "legendre(3)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			n := a.Int(0)
			if n < 0 {
				panic(lang.ArgErrorf(0, "the degree must be at least 0, got %d", n))
			}
			s.CheckElements(float64(n + 1))
			return lang.Arr(array.Vector(special.LegendreCoefficients(n)))
		},
	},
}

func factorial(n int) float64 {
	r := 1.0
	for i := 2; i <= n && !math.IsInf(r, 1); i++ {
		r *= float64(i)
	}
	return r
}

// comb multiplies and divides alternately so that every partial result is
// itself a binomial coefficient, hence exact while it fits in 53 bits.
func comb(n, k int) float64 {
	if k > n {
		return 0
	}
	k = min(k, n-k)
	if k > 1000 {
		// Far past exactness anyway: the log-gamma form, inf on overflow.
		lg := func(x float64) float64 { v, _ := math.Lgamma(x); return v }
		return math.Round(math.Exp(lg(float64(n)+1) - lg(float64(k)+1) - lg(float64(n-k)+1)))
	}
	r := 1.0
	for i := 1; i <= k; i++ {
		r = r * float64(n-k+i) / float64(i)
	}
	return math.Round(r)
}

// minMax builds min and max: with one array argument they reduce it
// (optionally along an axis), with several they compare elementwise.
func minMax(name string, reduce func(*array.Array, int) (*array.Array, error)) *lang.Builtin {
	p := autodiff.Lookup(name)
	return &lang.Builtin{
		Name: name, Forms: [][]lang.Param{
			{{Name: "xs", Doc: "the array"}},
			{{Name: "x", Doc: elementwiseDoc}, {Name: "y", Doc: elementwiseDoc}, {Variadic: true, Doc: "more of them"}},
		}, Options: []lang.Opt{axisOpt}, Topic: "math",
		Doc: "The " + map[string]string{"min": "smallest", "max": "largest"}[name] + " element of an array, or of several values.\n" +
			"Along axis if given; of several values, their elementwise " + name + ".",
		Example: name + "([3, 1, 2]) + " + name + "(4, 5)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			if len(args) == 1 {
				if args[0].Kind() == lang.ComplexKind {
					return complexReduction(name, args, axisOf(args, 1, opts))
				}
				x := args.Array(0)
				noteWholeMatrix(s, x, args, opts)
				return lang.Arr(reduceAxis(reduce, x, axisOf(args, 1, opts)))
			}
			if x, k := args[0], args[1]; len(args) == 2 && x.Kind() == lang.ArrayKind && k.Kind() == lang.NumKind {
				if axis, ok := k.Int(); ok && axis >= -x.Array().Ndim() && axis < x.Array().Ndim() {
					// numpy's max(m, 0) reduces along axis 0.
					s.Note(fmt.Sprintf("%s(xs, %d) is the elementwise %s of xs and %d; along axis %d, write %s(xs, axis=%d)",
						name, axis, name, axis, axis, name, axis))
				}
			}
			acc := args[0]
			for _, v := range args[1:] {
				acc = s.Apply(p, acc, v)
			}
			return acc
		},
	}
}
