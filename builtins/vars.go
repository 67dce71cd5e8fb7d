package builtins

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/dataio"
)

// A session's values are saved as a calc script of assignments, one per
// name, with numbers written exactly (the shortest decimal that reads back
// as the same float64). The file reads as calc, so :load runs it too.

// varsHeader starts every file SaveVars writes.
const varsHeader = "# calc values, written by savevars: loadvars(FILE) or :load FILE reads them back\n"

// SaveVars writes the session's values called names (all the user's names
// if names is nil) to path as a calc script, atomically. It returns the
// names saved and, with the reason, those that cannot be: functions and
// symbolic expressions, which have no literal.
func SaveVars(s *lang.Session, path string, names []string) (saved, skipped []string, err error) {
	if s.Safe {
		return nil, nil, fmt.Errorf("saving values is not allowed: files are off in safe mode")
	}
	if names == nil {
		names = s.Names()
	}
	var b strings.Builder
	b.WriteString(varsHeader)
	for _, n := range names {
		v, ok := s.Get(n)
		if !ok || !slices.Contains(s.Names(), n) {
			return nil, nil, fmt.Errorf("%q is not a name you defined", n)
		}
		text, why := literal(v)
		if why != "" {
			skipped = append(skipped, n+" ("+why+")")
			fmt.Fprintf(&b, "# %s: %s, not saved\n", n, why)
			continue
		}
		saved = append(saved, n)
		fmt.Fprintf(&b, "%s = %s\n", n, text)
	}
	err = dataio.WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, b.String()); return err })
	return saved, skipped, err
}

// literal returns calc source that evaluates to v, or why there is none.
func literal(v lang.Value) (string, string) {
	switch v.Kind() {
	case lang.NilKind:
		return "nil", ""
	case lang.BoolKind:
		t, _ := v.Truth()
		return strconv.FormatBool(t), ""
	case lang.NumKind:
		return array.FormatExact(v.Float()), ""
	case lang.StrKind:
		return strconv.Quote(v.Text()), ""
	case lang.ArrayKind:
		a := v.Array()
		if array.Size(a.Shape) == 0 {
			dims := make([]string, len(a.Shape))
			for i, d := range a.Shape {
				dims[i] = strconv.Itoa(d)
			}
			return "zeros(" + strings.Join(dims, ", ") + ")", ""
		}
		var b strings.Builder
		arrayLiteral(&b, a.Shape, a.Floats())
		return b.String(), ""
	case lang.ListKind:
		parts := make([]string, len(v.List().Items))
		for i, it := range v.List().Items {
			text, why := literal(it)
			if why != "" {
				return "", "a list holding " + why
			}
			parts[i] = text
		}
		return "[" + strings.Join(parts, ", ") + "]", ""
	case lang.RecordKind:
		r := v.Record()
		parts := make([]string, len(r.Keys))
		for i, k := range r.Keys {
			text, why := literal(r.Values[k])
			if why != "" {
				return "", "a record holding " + why
			}
			parts[i] = strconv.Quote(k) + ": " + text
		}
		return "{" + strings.Join(parts, ", ") + "}", ""
	}
	if strings.ContainsRune("aeiou", rune(v.TypeName()[0])) {
		return "", "an " + v.TypeName()
	}
	return "", "a " + v.TypeName()
}

// arrayLiteral writes the nested literal of an array's values.
func arrayLiteral(b *strings.Builder, shape []int, data []float64) {
	b.WriteByte('[')
	n := len(data) / shape[0]
	for i := range shape[0] {
		if i > 0 {
			b.WriteString(", ")
		}
		if len(shape) == 1 {
			b.WriteString(array.FormatExact(data[i]))
		} else {
			arrayLiteral(b, shape[1:], data[i*n:(i+1)*n])
		}
	}
	b.WriteByte(']')
}

// LoadVars runs the file at path, a script such as SaveVars writes, in a
// fresh session in safe mode (so it can neither read nor write files),
// and binds the values it defines in s. Only data is taken over (numbers,
// strings, arrays, lists, records): a function defined there belongs to
// the session that ran it, so such a file is for :load instead. It returns
// the names bound.
func LoadVars(s *lang.Session, path string) ([]string, error) {
	if s.Safe {
		return nil, fmt.Errorf("loading values is not allowed: files are off in safe mode")
	}
	text, err := readLimited(path, 16*s.MaxElements)
	if err != nil {
		return nil, err
	}
	fresh := lang.NewSession(s.Builtins(), Constants())
	fresh.Safe, fresh.MaxElements, fresh.MaxDepth = true, s.MaxElements, s.MaxDepth
	if err := fresh.Run(path, string(text)); err != nil {
		return nil, err
	}
	names := fresh.Names()
	for _, n := range names {
		v, _ := fresh.Get(n)
		if _, why := literal(v); why != "" {
			return nil, fmt.Errorf("%s: %s is %s: loadvars reads values; run the file with :load instead", path, n, why)
		}
	}
	for _, n := range names {
		v, _ := fresh.Get(n)
		s.Set(n, v)
	}
	return names, nil
}

// readLimited reads the file at path, refusing one larger than most bytes.
func readLimited(path string, most float64) ([]byte, error) {
	return dataio.ReadFile(path, int64(min(most, math.MaxInt64/2)))
}

var varsBuiltins = []*lang.Builtin{
	{
		Name: "savevars", Params: []lang.Param{writeParam}, Topic: "data",
		Options: []lang.Opt{{Name: "names", Doc: "the names of the variables to save (all)"}},
		Doc: "Saves the values you defined to a file, as a calc script.\n" +
			"Those in names (a list of strings), or all; the script's assignments write numbers exactly; functions and symbolic expressions are not saved. The names saved.",
		Example: "a = [1.5, 2]\nb = {k: \"v\"}\npath = tempdir() + \"/calc-vars.calc\"\nsavevars(path, {names: [\"a\", \"b\"]})",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			path := fileArg(s, args, 0, "savevars")
			saved, _, err := SaveVars(s, path, stringsOption(opts, "names"))
			if err != nil {
				lang.Throw(err)
			}
			return strList(saved)
		},
	},
	{
		Name: "loadvars", Params: []lang.Param{readParam}, Topic: "data",
		Doc: "Binds the values a file written by savevars holds.\n" +
			"The file runs in a separate session in safe mode, and only values are taken over. The names bound.",
		Example: "path = tempdir() + \"/calc-vars2.calc\"\nv = [1, 2, 3]\nsavevars(path, {names: [\"v\"]})\nv = 0\nloadvars(path)\nv",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			path := fileArg(s, a, 0, "loadvars")
			return strList(must(LoadVars(s, path)))
		},
	},
}

// strList returns a list of strings.
func strList(xs []string) lang.Value {
	items := make([]lang.Value, len(xs))
	for i, x := range xs {
		items[i] = lang.Str(x)
	}
	return lang.ListOf(items)
}
