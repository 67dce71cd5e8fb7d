package dataio

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"calc/stdlib/array"
)

// TextOptions are the settings of LoadTxt, numpy.loadtxt's parameters of
// the same names. The zero value reads whitespace-separated columns with #
// comments.
type TextOptions struct {
	// Delimiter separates the fields of a line; empty means runs of white
	// space, as numpy's delimiter=None.
	Delimiter string
	// Comments are the strings that start a comment, which runs to the end
	// of the line. Nil means {"#"}; an empty, non-nil slice turns comments
	// off.
	Comments []string
	// SkipRows is the number of lines skipped at the start, comment and
	// blank lines included (numpy ≥ 1.23 counts them so).
	SkipRows int
	// UseCols are the columns kept, in this order; negative ones count
	// from the end. Nil keeps every column.
	UseCols []int
	// MaxRows, if positive, is the most data rows read (after SkipRows;
	// comment and blank lines are not counted).
	MaxRows int
	// NDMin is the least number of dimensions of the result, 0, 1 or 2.
	NDMin int
	// Limit is the most elements the result may have (0: no limit).
	Limit int
}

// LoadTxt reads a table of numbers from r, named name in errors, as
// numpy.loadtxt does: one row per line, blank and comment lines skipped,
// every row with the same number of fields. An empty field is a missing
// value and becomes NaN, as numpy.genfromtxt makes it (loadtxt refuses
// it). A UTF-8 byte order mark at the start is skipped.
//
// The result is rows × columns with its axes of length 1 removed (so one
// column or one row gives a vector, one value a 0-d array), unless NDMin
// asks for more, as numpy.loadtxt's ndmin. A bad field is an error of the
// form "name:line:column: expected a number, got "n/a"".
//
// sizeHint, if positive, is the input's size in bytes: the result's
// storage is then sized from the first rows' length, so that reading
// takes little more memory than the result.
func LoadTxt(r io.Reader, name string, sizeHint int64, opts TextOptions) (*array.Array, error) {
	comments := opts.Comments
	if comments == nil {
		comments = []string{"#"}
	}
	limit := opts.Limit
	if limit <= 0 {
		limit = int(^uint(0) >> 1)
	}
	t := &textReader{name: name, opts: opts, comments: comments, limit: limit, ncols: -1}
	br := bufio.NewReaderSize(r, 1<<16)
	var consumed int64
	for line := 1; ; line++ {
		text, err := readLine(br)
		if len(text) == 0 && err != nil {
			if err == io.EOF {
				break
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		consumed += int64(len(text))
		if line == 1 {
			text = bytes.TrimPrefix(text, []byte("\uFEFF"))
		}
		if line <= opts.SkipRows {
			continue
		}
		if err := t.row(text, line); err != nil {
			return nil, err
		}
		if t.rows == 1024 && sizeHint > 0 {
			t.reserve(estimateRows(sizeHint, consumed, t.rows))
		}
		if opts.MaxRows > 0 && t.rows == opts.MaxRows {
			break
		}
	}
	return t.result(), nil
}

// ReadTxt reads the text file at path with LoadTxt.
func ReadTxt(path string, opts TextOptions) (*array.Array, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var size int64
	if fi, err := f.Stat(); err == nil {
		size = fi.Size()
	}
	return LoadTxt(f, path, size, opts)
}

// readLine returns the next line of br without its line end (\n or
// \r\n); at the end of the input it returns what is left and io.EOF.
func readLine(br *bufio.Reader) ([]byte, error) {
	line, err := br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		long := append([]byte(nil), line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = br.ReadSlice('\n')
			long = append(long, line...)
		}
		line = long
	}
	if err == nil || err == io.EOF {
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
	}
	if err == nil && len(line) == 0 {
		line = []byte{} // a blank line is not the end
	}
	return line, err
}

// textReader accumulates the rows of LoadTxt.
type textReader struct {
	name     string
	opts     TextOptions
	comments []string
	limit    int
	ncols    int // columns of a row after UseCols; -1 before the first row
	rows     int
	data     []float64
	fields   []field
}

// field is one field of a line: its text and the byte offset it starts at.
type field struct {
	text  []byte
	start int
}

// row parses one line, numbered line, adding its values if it holds data.
func (t *textReader) row(text []byte, line int) error {
	full := text
	for _, c := range t.comments {
		if i := bytes.Index(text, []byte(c)); i >= 0 {
			text = text[:i]
		}
	}
	if len(bytes.TrimSpace(text)) == 0 {
		return nil
	}
	t.fields = splitFields(t.fields[:0], text, t.opts.Delimiter)
	n := len(t.fields)
	cols := t.opts.UseCols
	want := n
	if cols != nil {
		want = len(cols)
	}
	if t.ncols < 0 {
		t.ncols = want
	} else if cols == nil && n != t.ncols {
		return fmt.Errorf("%s:%d: this row has %d columns, the rows before it %d", t.name, line, n, t.ncols)
	}
	if t.ncols > t.limit-len(t.data) {
		return fmt.Errorf("%s:%d: more than the limit of %d elements", t.name, line, t.limit)
	}
	add := func(f field) error {
		x, ok := parseNumber(string(f.text))
		if !ok {
			at := f.start + len(f.text) - len(bytes.TrimLeft(f.text, " \t"))
			return fmt.Errorf("%s:%d:%d: expected a number, got %q", t.name, line, utf8.RuneCount(full[:at])+1, strings.TrimSpace(string(f.text)))
		}
		t.data = append(t.data, x)
		return nil
	}
	if cols == nil {
		for _, f := range t.fields {
			if err := add(f); err != nil {
				return err
			}
		}
	} else {
		for _, c := range cols {
			i := c
			if i < 0 {
				i += n
			}
			if i < 0 || i >= n {
				return fmt.Errorf("%s:%d: there is no column %d in this row of %d columns", t.name, line, c, n)
			}
			if err := add(t.fields[i]); err != nil {
				return err
			}
		}
	}
	t.rows++
	return nil
}

// splitFields appends the fields of text to fs: split at each delimiter,
// or at runs of white space (ignoring space at both ends) if delim is
// empty.
func splitFields(fs []field, text []byte, delim string) []field {
	if delim == "" {
		i := 0
		for {
			for i < len(text) && isSpace(text[i]) {
				i++
			}
			if i == len(text) {
				return fs
			}
			start := i
			for i < len(text) && !isSpace(text[i]) {
				i++
			}
			fs = append(fs, field{text[start:i], start})
		}
	}
	start := 0
	for {
		j := bytes.Index(text[start:], []byte(delim))
		if j < 0 {
			return append(fs, field{text[start:], start})
		}
		fs = append(fs, field{text[start : start+j], start})
		start += j + len(delim)
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' }

// reserve gives the values room for the given number of rows.
func (t *textReader) reserve(rows int) {
	if n := min(rows*t.ncols, t.limit); n > cap(t.data) {
		t.data = append(make([]float64, 0, n), t.data...)
	}
}

// result shapes the values read as numpy.loadtxt does.
func (t *textReader) result() *array.Array {
	if t.rows == 0 {
		shape := []int{0}
		if t.opts.NDMin == 2 {
			shape = []int{0, 0}
		}
		return array.New(shape, []float64{})
	}
	shape := []int{}
	for _, d := range []int{t.rows, t.ncols} {
		if d != 1 {
			shape = append(shape, d)
		}
	}
	switch {
	case t.opts.NDMin == 1 && len(shape) == 0:
		shape = []int{1}
	case t.opts.NDMin == 2:
		shape = []int{t.rows, t.ncols}
	}
	return array.New(shape, t.data[:len(t.data):len(t.data)])
}
