package builtins

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/random"
)

var coreBuiltins = []*lang.Builtin{
	{
		Name: "str", Params: []lang.Param{{Name: "x", Doc: "any value"}}, Topic: "core",
		Doc:     "A value as text, as calc prints it.\nStrings are unchanged.",
		Example: "str(1/3) + \"!\"",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			s.CheckPrintable(a[0])
			return lang.Str(s.FormatText(a[0]))
		},
	},
	{
		Name: "float", Params: []lang.Param{{Name: "x", Doc: "a number, a bool or a string"}}, Topic: "core",
		Doc:     "A value as a number; strings are parsed.\nNumbers unchanged, bools as 0 or 1, strings parsed (\"2.5\", \"1e-3\", \"inf\")",
		Example: "float(\"2.5\") * 2",
		Fn:      func(s *lang.Session, a lang.Args) lang.Value { return lang.Num(toNumber(a, 0)) },
	},
	{
		Name: "int", Params: []lang.Param{{Name: "x", Doc: "a number, a bool or a string"}}, Topic: "core",
		Doc:     "A value as a whole number, truncated towards zero.\nStrings are parsed first.",
		Example: "int(\"42\") + int(-2.7)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			x := toNumber(a, 0)
			if math.IsNaN(x) || math.IsInf(x, 0) {
				panic(lang.ArgErrorf(0, "%s has no whole number, as in Python (int(nan) and int(inf) raise); trunc(x) keeps it", lang.Format(lang.Num(x))))
			}
			if a[0].Kind() == lang.StrKind && x != math.Trunc(x) {
				panic(lang.ArgErrorf(0, "%q is not a whole number, as Python's int reads strings; int(float(s)) truncates it", a.Str(0)))
			}
			return lang.Num(math.Trunc(x))
		},
	},
	{
		Name: "bool", Params: []lang.Param{{Name: "x", Doc: "any value"}}, Topic: "core",
		Doc:     "The truth of a value.\nNonzero numbers and non-empty strings, lists and records are true; an array of one value is that\nvalue's truth, of more an error (any or all), as numpy's",
		Example: "bool(0.5)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			v := a[0]
			if t, ok := v.Truth(); ok {
				return lang.Bool(t)
			}
			if v.Kind() == lang.NilKind {
				return lang.Bool(false)
			}
			if v.Kind() == lang.ArrayKind {
				// numpy: the truth of a one-element array is its element's;
				// of a longer one, ambiguous.
				if x := v.Array(); x.Len() == 1 {
					return lang.Bool(x.Floats()[0] != 0)
				} else if x.Len() > 1 {
					panic(lang.ArgErrorf(0, "the truth of an array of %d values is ambiguous, as numpy's: any(x) or all(x) says which", x.Len()))
				}
			}
			n, ok := lang.Len(v)
			return lang.Bool(!ok || n > 0)
		},
	},
	{
		Name: "type", Params: []lang.Param{{Name: "x", Doc: "any value"}}, Topic: "core",
		Doc:     "The type of a value, as a string.\nnumber, bool, string, array(2, 3), list, record, function, symbol or nil",
		Example: "type(eye(2))",
		Fn:      func(s *lang.Session, a lang.Args) lang.Value { return lang.Str(a[0].TypeName()) },
	},
	{
		Name: "print", Params: []lang.Param{{Name: "x", Optional: true, Doc: "a value to write"}, {Optional: true, Variadic: true, Doc: "more values"}}, Topic: "core",
		Doc:     "Writes its arguments on a line, separated by spaces.\nWrites its arguments separated by spaces and a newline (strings without quotes); returns nil",
		Example: "print(\"x =\", 42)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			parts := make([]string, len(a))
			for i, v := range a {
				s.CheckPrintable(v)
				parts[i] = s.FormatText(v)
			}
			s.Print(strings.Join(parts, " "))
			return lang.Nil
		},
	},
	{
		Name: "help", Params: []lang.Param{{Name: "f", Optional: true, Doc: "a builtin, a function, or a name as a string (the list of builtins if left out)"}}, Topic: "core",
		Doc:     "Help on a builtin, a topic or the grammar.\nHelp on a builtin (its signature, what it does and an example); without an argument, the list of builtins by topic",
		Example: "help(sqrt)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			if len(a) == 0 {
				s.Print(Overview(s))
				return lang.Nil
			}
			var name string
			switch v := a[0]; v.Kind() {
			case lang.StrKind:
				name = v.Text()
			case lang.FuncKind:
				if b, ok := v.Callable().(*lang.Builtin); ok {
					s.Print(BuiltinHelp(s, b))
				} else {
					s.Print(s.Format(v) + "\n  a function you defined")
				}
				return lang.Nil
			case lang.ExprKind:
				name = v.SymbolName()
			default:
				panic(lang.ArgErrorf(0, "help takes a function or a name, got %s", v.TypeName()))
			}
			text, err := Help(s, name)
			if err != nil {
				lang.Throw(err)
			}
			s.Print(text)
			return lang.Nil
		},
	},
	{
		Name: "precision", Params: []lang.Param{{Name: "digits", Kind: lang.IntArg, Optional: true, Doc: "significant digits, from 1 to 17 (the setting is returned if left out)"}}, Topic: "core",
		Doc: "Sets how many digits numbers print with.\n" +
			"precision() returns the setting. A lone number shows that many\n" +
			"significant digits (10 at first), but never hides a fraction:\n" +
			"1234567890.123 prints in full. Array entries show at most two fewer\n" +
			"digits after the point (8 at first, numpy's default), in one format\n" +
			"for the whole array, points aligned.",
		Example: "precision(4)\npi\n[pi, e]",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			if len(a) == 0 {
				return lang.Num(float64(s.Precision))
			}
			d := a.Int(0)
			if d < 1 || d > 17 {
				panic(lang.ArgErrorf(0, "digits must be from 1 to 17, got %d", d))
			}
			s.Precision = d
			return lang.Nil
		},
	},
	formatBuiltin,
	{
		Name: "seed", Params: []lang.Param{{Name: "n", Kind: lang.NumberArg, Doc: "the seed, a whole number from 0 to 2**32 - 1"}}, Topic: "arrays",
		Doc: "Seeds the random generator, so that numbers repeat.\nSeeds this session's generator of rand, randn and randint, which is numpy's legacy one\n" +
			"(MT19937): after seed(n), rand, randn and randint give the numbers numpy.random.rand, randn and randint\n" +
			"give after numpy.random.seed(n).",
		Example: "seed(1)\nrand()",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			n := a.Num(0)
			if n != math.Trunc(n) || n < 0 || n > math.MaxUint32 {
				panic(lang.ArgErrorf(0, "the seed must be a whole number from 0 to 2**32 - 1, as numpy's, got %s", lang.Format(a[0])))
			}
			s.SetLocal(rngKey, random.New(uint32(n)))
			return lang.Nil
		},
	},
	randomFill("rand", "Uniformly distributed random numbers in [0, 1)", (*random.MT19937).Float64),
	randomFill("randn", "Normally distributed random numbers (mean 0, deviation 1)", (*random.MT19937).NormFloat64),
	{
		Name: "randint", Forms: [][]lang.Param{{randintHi}, {{Name: "lo", Kind: lang.IntArg, Doc: "the least number"}, randintHi, randomShapeParam}}, Topic: "arrays",
		Doc:     "Random whole numbers from lo up to but not including hi.\nOne, or an array of the given shape, as numpy.random.randint; randint(hi) draws from 0.",
		Example: "seed(3)\nrandint(1, 7, 5)\nrandint(10)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			if len(a) == 1 { // numpy's randint(hi)
				a = lang.Args{lang.Num(0), a[0]}
			}
			lo, hi := a.Int(0), a.Int(1)
			if hi <= lo {
				panic(lang.ArgErrorf(1, "hi must be above lo, got %d and %d", lo, hi))
			}
			r := rng(s)
			draw := func() float64 { return float64(lo + int(r.Bounded(uint64(hi-lo-1)))) }
			return randomArray(s, a[2:], draw)
		},
	},
}

// randintHi is randint's upper end.
var randintHi = lang.Param{Name: "hi", Kind: lang.IntArg, Doc: "one more than the greatest number"}

const rngKey = "builtins.rng"

// rng returns the session's random generator, seeding it from the
// system's entropy on first use.
func rng(s *lang.Session) *random.MT19937 {
	s.DrawRandom()
	if r, ok := s.Local(rngKey).(*random.MT19937); ok {
		return r
	}
	r := random.New(rand.Uint32())
	s.SetLocal(rngKey, r)
	return r
}

// randomShapeParam is the shape of the array rand, randn and randint fill.
var randomShapeParam = lang.Param{Name: "shape", Optional: true, Variadic: true, Doc: "the array's dimensions, as numbers or one list (one number if left out)"}

// randomFill builds rand and randn: rand() is one number, rand(2, 3) an
// array of that shape.
func randomFill(name, doc string, draw func(*random.MT19937) float64) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{randomShapeParam}, Topic: "arrays",
		Doc:     doc + ".\nOne, or an array of the given shape; seed(n) makes them repeatable.",
		Example: "seed(42)\n" + name + "(3)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			r := rng(s)
			return randomArray(s, a, func() float64 { return draw(r) })
		},
	}
}

// randomArray fills an array of the shape given by a (a number without
// one) with draws.
func randomArray(s *lang.Session, a lang.Args, draw func() float64) lang.Value {
	if len(a) == 0 {
		return lang.Num(draw())
	}
	out := array.Zeros(shapeArgs(s, a, false)...)
	for i := range out.Len() {
		out.Floats()[i] = draw()
	}
	return lang.Arr(out)
}

// toNumber converts argument i to a number, parsing strings.
func toNumber(a lang.Args, i int) float64 {
	if a[i].Kind() == lang.StrKind {
		x, err := strconv.ParseFloat(strings.TrimSpace(a.Str(i)), 64)
		if err != nil {
			panic(lang.ArgErrorf(i, "%q is not a number", a.Str(i)))
		}
		return x
	}
	if a[i].Kind() == lang.ArrayKind {
		panic(lang.ArgErrorf(i, "expected a number, got %s: for each element, write trunc(x) (numpy's x.astype(int)), or x itself (astype(float))", a[i].TypeName()))
	}
	return a.Num(i)
}
