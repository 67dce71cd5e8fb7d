package builtins

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/dataio"
)

const dataTopic = `Data in and out. Text tables: loadtxt and savetxt read and write numbers in columns, as numpy's
loadtxt and savetxt do (an empty field is missing and reads as nan, as in numpy's genfromtxt). CSV:
readcsv gives a record of columns named by the header line (numbers become arrays, other columns
lists of strings) and writecsv writes one; quoting follows RFC 4180. numpy's binary files: load and
save one array (.npy), loadz and savez a record of arrays (.npz); they read what numpy writes
(floats, integers and bools, either byte order, C or Fortran order) and numpy reads what they write.
JSON: readjson and writejson, objects as records and arrays of numbers as arrays. savevars and
loadvars keep a session's values in a calc script (the REPL's :save and :load do the same).
Every write replaces its file atomically, so an interrupted one leaves the old file whole; in safe
mode (-safe) files are off, and the element limit (-max-elements) is checked before reading.`

// elementLimit is the session's limit on one array's elements, for the
// readers of dataio.
func elementLimit(s *lang.Session) int { return int(max(0, min(s.MaxElements, 1<<62))) }

// fileArg returns argument i as a path, after the safe-mode check.
func fileArg(s *lang.Session, a lang.Args, i int, what string) string {
	s.CheckFiles(what)
	return a.Str(i)
}

// writeTo writes a file atomically through write and returns its path.
func writeTo(path string, write func(io.Writer) error) lang.Value {
	if err := dataio.WriteFile(path, write); err != nil {
		lang.Throw(err)
	}
	return lang.Str(path)
}

// strings option reads an option that is a string or a list of strings;
// nil, "" or [] give an empty, non-nil slice, absence gives nil.
func stringsOption(opts lang.Options, name string) []string {
	if !opts.Has(name) {
		return nil
	}
	v := opts.Get(name, lang.Nil)
	switch v.Kind() {
	case lang.NilKind:
		return []string{}
	case lang.StrKind:
		if v.Text() == "" {
			return []string{}
		}
		return []string{v.Text()}
	}
	items, ok := lang.Items(v)
	out := []string{}
	for _, it := range items {
		if it.Kind() != lang.StrKind {
			ok = false
		}
		out = append(out, it.Text())
	}
	if !ok {
		panic(lang.Errorf("option %s must be a string or a list of strings, got %s", name, v.TypeName()))
	}
	return out
}

// intsOption reads an option that is an integer or an array of them.
func intsOption(opts lang.Options, name string) []int {
	if !opts.Has(name) {
		return nil
	}
	v := opts.Get(name, lang.Nil)
	var out []int
	if a, ok := toArray(v); ok {
		for _, x := range a.Floats() {
			if x != math.Trunc(x) || math.Abs(x) > 1<<31 {
				ok = false
			}
			out = append(out, int(x))
		}
		if ok {
			return out
		}
	}
	panic(lang.Errorf("option %s must be an integer or an array of integers, got %s", name, v.TypeName()))
}

// intOption reads a non-negative integer option.
func intOption(opts lang.Options, name string, def int) int {
	x := opts.Num(name, float64(def))
	if x != math.Trunc(x) || x < 0 || x > 1<<53 {
		panic(lang.Errorf("option %s must be a whole number ≥ 0, got %s", name, array.FormatNumber(x, 10)))
	}
	return int(x)
}

// delimiterOption reads the delimiter option, a string.
func delimiterOption(opts lang.Options, def string) string {
	return opts.Text("delimiter", def)
}

// dtypeOption reads the dtype option of save and savez; without it each
// array is written as its depth says (see dataio.DTypeOf).
func dtypeOption(opts lang.Options) dataio.DType {
	name := opts.Text("dtype", "")
	if name == "" {
		return dataio.ByDepth
	}
	return must(dataio.ParseDType(name))
}

// column returns a record field or list as a CSV column: an array of
// numbers, or a list of strings (numbers in it written as numbers).
func column(name string, v lang.Value) dataio.Column {
	if a, ok := toArray(v); ok {
		if len(a.Shape) > 1 {
			panic(lang.Errorf("column %q is an array of shape %s: a column is a vector or a list", name, array.ShapeString(a.Shape)))
		}
		return dataio.Column{Name: name, Numbers: a.Floats()}
	}
	items, ok := lang.Items(v)
	if !ok || v.Kind() == lang.StrKind {
		panic(lang.Errorf("column %q is a %s: a column is a vector or a list", name, v.TypeName()))
	}
	c := dataio.Column{Name: name, Text: make([]string, len(items))}
	for i, it := range items {
		switch it.Kind() {
		case lang.StrKind:
			c.Text[i] = it.Text()
		case lang.NumKind:
			c.Text[i] = strconv.FormatFloat(it.Float(), 'g', -1, 64)
		default:
			panic(lang.Errorf("column %q holds a %s: CSV holds numbers and strings", name, it.TypeName()))
		}
	}
	return c
}

// table returns the table writecsv writes of a record of columns or a
// vector or matrix (columns named by header, a list of names, if given).
func table(v lang.Value, header []string) *dataio.Table {
	t := &dataio.Table{}
	if v.Kind() == lang.RecordKind {
		r := v.Record()
		for _, k := range r.Keys {
			t.Columns = append(t.Columns, column(k, r.Values[k]))
		}
		return t
	}
	a, ok := toArray(v)
	if !ok || len(a.Shape) == 0 || len(a.Shape) > 2 {
		panic(lang.ArgErrorf(1, "writecsv writes a record of columns, a vector or a matrix, not a %s", v.TypeName()))
	}
	rows, cols := a.Shape[0], 1
	if len(a.Shape) == 2 {
		cols = a.Shape[1]
	}
	if header != nil && len(header) != cols {
		panic(lang.Errorf("%d names in header for %d columns", len(header), cols))
	}
	for j := range cols {
		c := dataio.Column{Name: "col" + strconv.Itoa(j), Numbers: make([]float64, rows)}
		if header != nil {
			c.Name = header[j]
		}
		for i := range rows {
			c.Numbers[i] = a.Floats()[i*cols+j]
		}
		t.Columns = append(t.Columns, c)
	}
	return t
}

// fromJSON converts a decoded JSON value to a calc value: arrays of
// numbers (nested evenly) become arrays, objects records.
func fromJSON(s *lang.Session, v any) lang.Value {
	switch v := v.(type) {
	case nil:
		return lang.Nil
	case bool:
		return lang.Bool(v)
	case float64:
		return lang.Num(v)
	case string:
		return lang.Str(v)
	case []any:
		items := make([]lang.Value, len(v))
		for i, x := range v {
			items[i] = fromJSON(s, x)
		}
		return s.Collect(items)
	case *dataio.Object:
		r := lang.NewRecord()
		for i, k := range v.Keys {
			r.Set(k, fromJSON(s, v.Values[i]))
		}
		return lang.RecordOf(r)
	}
	panic(fmt.Sprintf("fromJSON: unexpected %T", v)) // DecodeJSON makes no other
}

// toJSON converts a calc value to what dataio.EncodeJSON writes.
func toJSON(v lang.Value) any {
	switch v.Kind() {
	case lang.NilKind:
		return nil
	case lang.BoolKind:
		t, _ := v.Truth()
		return t
	case lang.NumKind:
		return v.Float()
	case lang.StrKind:
		return v.Text()
	case lang.ArrayKind:
		return nested(v.Array().Shape, v.Array().Floats())
	case lang.ListKind:
		out := make([]any, len(v.List().Items))
		for i, it := range v.List().Items {
			out[i] = toJSON(it)
		}
		return out
	case lang.RecordKind:
		r := v.Record()
		o := &dataio.Object{Keys: r.Keys}
		for _, k := range r.Keys {
			o.Values = append(o.Values, toJSON(r.Values[k]))
		}
		return o
	}
	panic(lang.Errorf("JSON cannot hold a %s", v.TypeName()))
}

// nested returns the values of an array of the given shape as nested
// lists, with []float64 for the last axis.
func nested(shape []int, data []float64) any {
	if len(shape) == 1 {
		return data
	}
	n := len(data) / max(shape[0], 1)
	out := make([]any, shape[0])
	for i := range out {
		out[i] = nested(shape[1:], data[i*n:(i+1)*n])
	}
	return out
}

// The path parameter of the builtins that read and write files.
var (
	readParam  = lang.Param{Name: "path", Kind: lang.TextArg, Doc: "the file to read"}
	writeParam = lang.Param{Name: "path", Kind: lang.TextArg, Doc: "the file to write"}
)

// noteNumericHeader says so when the first line, read as the column names,
// is all numbers: a file of numbers only (as writecsv writes a matrix),
// whose first row would otherwise be lost without a word.
func noteNumericHeader(s *lang.Session, columns []dataio.Column) {
	names := make([]string, len(columns))
	for i, c := range columns {
		if _, err := strconv.ParseFloat(c.Name, 64); err != nil {
			return
		}
		names[i] = c.Name
	}
	if len(names) > 0 {
		s.Note(fmt.Sprintf("readcsv took the first line (%s) as the column names, as pandas does; a file of numbers only reads whole with {header: false}",
			strings.Join(names, ", ")))
	}
}

var ioBuiltins = []*lang.Builtin{
	{
		Name: "loadtxt", Params: []lang.Param{readParam}, Topic: "data",
		Options: []lang.Opt{{Name: "delimiter", Doc: "the text between fields (white space)"}, {Name: "skiprows", Doc: "how many lines to skip first (0)"}, {Name: "usecols", Doc: "the column or columns to keep (all)"}, {Name: "comments", Doc: "the text that starts a comment (#; a list, or nil for none)"}, {Name: "max_rows", Doc: "the most rows to read (all)"}, {Name: "ndmin", Doc: "the fewest dimensions of the result: 0, 1 or 2 (0)"}, {Name: "unpack", Doc: "true: the columns as rows"}},
		Doc: "Reads a table of numbers from a text file, as numpy.loadtxt.\n" +
			"Rows are lines, split into fields; a comment runs to the end of its line; an empty field is missing\n" +
			"and reads as nan. A matrix, or a vector for one row or column (unless ndmin is 2).",
		Example: "path = tempdir() + \"/calc-loadtxt.txt\"\nsavetxt(path, [[1, 2], [3, 4]])\nloadtxt(path)\nloadtxt(path, {usecols: 1})",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			path := fileArg(s, args, 0, "loadtxt")
			ndmin := intOption(opts, "ndmin", 0)
			if ndmin > 2 {
				panic(lang.Errorf("option ndmin must be 0, 1 or 2"))
			}
			m := must(dataio.ReadTxt(path, dataio.TextOptions{
				Delimiter: delimiterOption(opts, ""), Comments: stringsOption(opts, "comments"),
				SkipRows: intOption(opts, "skiprows", 0), UseCols: intsOption(opts, "usecols"),
				MaxRows: intOption(opts, "max_rows", 0), NDMin: ndmin, Limit: elementLimit(s),
			}))
			if opts.Bool("unpack", false) {
				m = array.Transpose(m)
			}
			return lang.Arr(m)
		},
	},
	{
		Name: "savetxt", Params: []lang.Param{writeParam, {Name: "a", Kind: lang.ArrayArg, Doc: "a vector or a matrix"}}, Topic: "data",
		Options: []lang.Opt{{Name: "fmt", Doc: "the format of a number (%.18e), or one per column"}, {Name: "delimiter", Doc: "the text between columns (a space)"}, {Name: "header", Doc: "a line written first"}, {Name: "footer", Doc: "a line written last"}, {Name: "comments", Doc: "the text put before the header and footer (# )"}},
		Doc: "Writes a vector or a matrix to a text file, as numpy.savetxt.\n" +
			"A vector is written as a column. fmt is a Python %-format: one for all columns, a list of one per\n" +
			"column, or one string for the row; header and footer lines start with comments.",
		Example: "path = tempdir() + \"/calc-savetxt.txt\"\nsavetxt(path, [[1, 2.5], [3, 4]], {fmt: \"%.2f\", delimiter: \",\", header: \"x,y\"})\nloadtxt(path, {delimiter: \",\"})",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			path := fileArg(s, args, 0, "savetxt")
			m := args.Array(1)
			if len(m.Shape) == 0 {
				m = array.Vector(m.Floats())
			}
			so := dataio.SaveOptions{Fmt: stringsOption(opts, "fmt"), Delimiter: delimiterOption(opts, " "),
				Header: opts.Text("header", ""), Footer: opts.Text("footer", ""), Comments: opts.Text("comments", "# ")}
			return writeTo(path, func(w io.Writer) error { return dataio.SaveTxt(w, m, so) })
		},
	},
	{
		Name: "readcsv", Params: []lang.Param{readParam}, Topic: "data",
		Options: []lang.Opt{{Name: "header", Doc: "false: the first line is data, the columns named col0, col1, …"}, {Name: "delimiter", Doc: "the field separator, one character (,)"}, {Name: "columns", Doc: "the names of the columns to keep (all)"}},
		Doc: "Reads a CSV file as a record of its columns.\n" +
			"RFC 4180 quoting; LF or CRLF; a UTF-8 byte order mark is skipped. The columns are\n" +
			"named by the first line (or col0, col1, … with {header: false}): columns of numbers become\n" +
			"arrays (an empty field is nan), other columns lists of strings. columns: the names of those to keep.",
		Example: "path = tempdir() + \"/calc-readcsv.csv\"\nwritecsv(path, {t: [0, 1, 2], name: [\"a\", \"b, c\", \"d\"]})\nd = readcsv(path)\nd.t\nd.name",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			path := fileArg(s, args, 0, "readcsv")
			delim := []rune(delimiterOption(opts, ","))
			if len(delim) != 1 {
				panic(lang.Errorf("option delimiter must be one character"))
			}
			t := must(dataio.ReadCSV(path, dataio.CSVOptions{Delimiter: delim[0], NoHeader: !opts.Bool("header", true),
				Columns: stringsOption(opts, "columns"), Limit: elementLimit(s)}))
			if !opts.Has("header") {
				noteNumericHeader(s, t.Columns)
			}
			r := lang.NewRecord()
			for _, c := range t.Columns {
				if c.Numbers != nil {
					r.Set(c.Name, lang.Arr(array.Vector(c.Numbers)))
					continue
				}
				items := make([]lang.Value, len(c.Text))
				for i, x := range c.Text {
					items[i] = lang.Str(x)
				}
				r.Set(c.Name, lang.ListOf(items))
			}
			return lang.RecordOf(r)
		},
	},
	{
		Name: "writecsv", Params: []lang.Param{writeParam, {Name: "data", Doc: "a record of columns (arrays or lists of equal length), or a vector or a matrix"}}, Topic: "data",
		Options: []lang.Opt{{Name: "header", Doc: "false: no header line; for a matrix, a list of column names"}},
		Doc: "Writes a record of columns, or a matrix, as a CSV file.\n" +
			"As RFC 4180. A record's fields name the columns in the header line unless {header: false}; a matrix has\n" +
			"none unless header is a list of column names. Numbers are written in the shortest form that reads back exactly.",
		Example: "writecsv(tempdir() + \"/calc-writecsv.csv\", [[1, 2], [3, 4]], {header: [\"x\", \"y\"]}) != \"\"",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			path := fileArg(s, args, 0, "writecsv")
			var names []string
			withHeader := args[1].Kind() == lang.RecordKind
			if h := opts.Get("header", lang.Nil); h.Kind() == lang.BoolKind {
				withHeader, _ = h.Truth()
			} else if !h.IsNil() {
				if args[1].Kind() == lang.RecordKind {
					panic(lang.Errorf("option header for a record is true or false: its fields name the columns"))
				}
				names, withHeader = stringsOption(opts, "header"), true
			}
			t := table(args[1], names)
			return writeTo(path, func(w io.Writer) error { return dataio.WriteCSV(w, t, withHeader) })
		},
	},
	{
		Name: "load", Params: []lang.Param{readParam}, Topic: "data",
		Doc: "Reads an array from numpy's .npy file.\n" +
			"Float, integer or bool values of either byte order, C or\n" +
			"Fortran order (integers past 2^53 are rounded to the nearest float, as numpy's astype(float) does)",
		Example: "path = tempdir() + \"/calc-load.npy\"\nsave(path, [[1, 2], [3, 4]])\nload(path)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			path := fileArg(s, a, 0, "load")
			return lang.Arr(must(dataio.ReadNPY(path, elementLimit(s))))
		},
	},
	{
		Name: "save", Params: []lang.Param{writeParam, {Name: "a", Kind: lang.ArrayArg, Doc: "the array"}}, Topic: "data",
		Options: []lang.Opt{dtypeOpt},
		Doc: "Writes an array to numpy's .npy file.\n" +
			"The bytes numpy.save writes: float64 values (bool for a mask, uint8 for an\n" +
			"8-bit image), or with dtype \"int64\" or \"uint8\" whole numbers, or \"bool\" (nonzero is true)",
		Example: "save(tempdir() + \"/calc-labels.npy\", [0, 1, 1, 2], {dtype: \"int64\"}) != \"\"",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			path := fileArg(s, args, 0, "save")
			m, dtype := args.Array(1), dtypeOption(opts)
			return writeTo(path, func(w io.Writer) error { return dataio.WriteNPY(w, m, dtype) })
		},
	},
	{
		Name: "loadz", Params: []lang.Param{readParam}, Topic: "data",
		Doc: "Reads numpy's .npz file as a record of its arrays.\n" +
			"As numpy.savez or savez_compressed wrote it; the record's fields are the arrays' names",
		Example: "path = tempdir() + \"/calc-loadz.npz\"\nsavez(path, {x: [1, 2, 3], m: eye(2)})\nloadz(path)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			path := fileArg(s, a, 0, "loadz")
			r := lang.NewRecord()
			for _, n := range must(dataio.ReadNPZ(path, elementLimit(s))) {
				r.Set(n.Name, lang.Arr(n.Array))
			}
			return lang.RecordOf(r)
		},
	},
	{
		Name: "savez", Params: []lang.Param{writeParam, {Name: "arrays", Doc: "a record of arrays, by name"}}, Topic: "data",
		Options: []lang.Opt{dtypeOpt},
		Doc: "Writes a record of arrays to numpy's .npz file.\n" +
			"As numpy.savez(path, **arrays) does (dtype as for save)",
		Example: "savez(tempdir() + \"/calc-savez.npz\", {x: [1, 2, 3], y: [4, 5, 6]}) != \"\"",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			path := fileArg(s, args, 0, "savez")
			if args[1].Kind() != lang.RecordKind {
				panic(lang.ArgErrorf(1, "savez writes a record of arrays, such as {x: xs, y: ys}, not a %s", args[1].TypeName()))
			}
			r := args[1].Record()
			named := make([]dataio.Named, len(r.Keys))
			for i, k := range r.Keys {
				m, ok := toArray(r.Values[k])
				if !ok {
					panic(lang.ArgErrorf(1, "field %s is a %s, not an array", k, r.Values[k].TypeName()))
				}
				named[i] = dataio.Named{Name: k, Array: m}
			}
			dtype := dtypeOption(opts)
			return writeTo(path, func(w io.Writer) error { return dataio.WriteNPZ(w, named, dtype) })
		},
	},
	{
		Name: "readjson", Params: []lang.Param{readParam}, Topic: "data",
		Doc: "Reads a JSON file as calc values.\n" +
			"Objects become records, arrays of numbers (evenly nested) arrays, other arrays lists,\nnull nil",
		Example: "path = tempdir() + \"/calc-data.json\"\nwritejson(path, {name: \"run 1\", x: [1, 2, 3], m: eye(2)})\nreadjson(path)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			path := fileArg(s, a, 0, "readjson")
			b := must(readLimited(path, 16*s.MaxElements))
			return fromJSON(s, must(dataio.DecodeJSON(path, b)))
		},
	},
	{
		Name: "writejson", Params: []lang.Param{writeParam, {Name: "value", Doc: "a number, string, bool, nil, array, list or record"}}, Topic: "data",
		Doc: "Writes a value as JSON.\n" +
			"Records as objects, arrays as (nested) arrays; nan and inf, which JSON lacks, are\nan error",
		Example: "writejson(tempdir() + \"/calc-out.json\", {ok: true, x: [1.5, 2]}) != \"\"",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			path := fileArg(s, a, 0, "writejson")
			v := toJSON(a[1])
			return writeTo(path, func(w io.Writer) error { return dataio.EncodeJSON(w, v) })
		},
	},
}
