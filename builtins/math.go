package builtins

import (
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"calc/autodiff"
	"calc/lang"
	"calc/stdlib/array"
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
		params := p.Params
		switch {
		case params != "":
		case p.Arity == 2:
			params = "x, y"
		default:
			params = "x"
		}
		bs = append(bs, &lang.Builtin{
			Name: p.Name, Params: params, Topic: topic,
			Doc:     sentence(p.Doc) + "\nElementwise on arrays.",
			Example: p.Example,
			MinArgs: p.Arity, MaxArgs: p.Arity,
			Fn: func(s *lang.Session, a lang.Args) lang.Value { return s.Apply(p, a...) },
		})
	}
	aliases := autodiff.Aliases()
	for _, alias := range slices.Sorted(maps.Keys(aliases)) {
		name := aliases[alias]
		p := autodiff.Lookup(name)
		bs = append(bs, &lang.Builtin{
			Name: alias, Params: "x", Topic: "special",
			Doc:     "Scipy.special's name for " + name + ".\n" + p.Doc + "; elementwise on arrays.",
			Example: alias + "(0)",
			MinArgs: 1, MaxArgs: 1,
			Fn: func(s *lang.Session, a lang.Args) lang.Value { return s.Apply(p, a...) },
		})
	}
	return append(bs, extraMath...)
}

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

var extraMath = []*lang.Builtin{
	{
		Name: "factorial", Params: "n", Topic: "math",
		Doc:     "n! for a whole number n >= 0.\nN! for a whole number n >= 0 (exact up to 22!, then to double precision; inf past 170!)",
		Example: "factorial(10)",
		MinArgs: 1, MaxArgs: 1,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			n := a.Int(0)
			if n < 0 {
				panic(lang.ArgErrorf(0, "n must be at least 0, got %d", n))
			}
			return lang.Num(factorial(n))
		},
	},
	{
		Name: "comb", Params: "n, k", Topic: "math",
		Doc:     "The number of ways to choose k items from n.\nThe number of ways to choose k items from n, n!/(k!(n-k)!); 0 when k > n",
		Example: "comb(5, 2)",
		MinArgs: 2, MaxArgs: 2,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			n, k := a.Int(0), a.Int(1)
			if n < 0 || k < 0 {
				panic(lang.Errorf("n and k must be at least 0, got %d and %d", n, k))
			}
			return lang.Num(comb(n, k))
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
		Name: name, Params: "xs, {axis} | x, y, ...", Topic: "math",
		Doc: "The " + map[string]string{"min": "smallest", "max": "largest"}[name] + " element of an array, or of several values.\n" +
			"Along axis if given; of several values, their elementwise " + name + ".",
		Example: name + "([3, 1, 2]) + " + name + "(4, 5)",
		MinArgs: 1, MaxArgs: -1,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			if len(args) == 1 {
				return lang.Arr(reduceAxis(reduce, args.Array(0), axisOf(args, 1, opts)))
			}
			acc := args[0]
			for _, v := range args[1:] {
				acc = s.Apply(p, acc, v)
			}
			return acc
		},
	}
}
