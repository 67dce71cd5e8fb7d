package dataio

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Table is a table of named columns of equal length, as ReadCSV returns
// it and WriteCSV writes it.
type Table struct {
	Columns []Column
}

// Column is a column of a Table: numbers, or text if Numbers is nil.
type Column struct {
	Name    string
	Numbers []float64
	Text    []string
}

// Len returns the number of values in the column.
func (c Column) Len() int {
	if c.Numbers != nil {
		return len(c.Numbers)
	}
	return len(c.Text)
}

// CSVOptions are the settings of ReadCSV. The zero value reads
// comma-separated values with a header line.
type CSVOptions struct {
	// Delimiter separates fields: an ASCII character other than a quote
	// or a line end; ',' if zero.
	Delimiter rune
	// NoHeader says that the first line is data; the columns are then
	// named col0, col1, ….
	NoHeader bool
	// Columns, if not nil, are the names of the columns kept, in this
	// order.
	Columns []string
	// Limit is the most values (rows × columns kept) read; 0: no limit.
	Limit int
}

// ReadCSV reads the CSV file at path (RFC 4180: fields quoted with "
// may hold delimiters, line breaks and doubled quotes; lines end in LF or
// CRLF; a UTF-8 byte order mark is skipped). The first line names the
// columns, their space trimmed, unless opts.NoHeader is set. A column
// whose fields all read as numbers (parseNumber: Python's float syntax, an
// empty field giving NaN) is numeric; any other is text, kept as written.
// Every record must have as many fields as the first. Errors name the
// file, line and column.
func ReadCSV(path string, opts CSVOptions) (*Table, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var size int64
	if fi, err := f.Stat(); err == nil {
		size = fi.Size()
	}
	t, late, err := readCSV(f, path, size, opts, nil)
	if err != nil || len(late) == 0 {
		return t, err
	}
	// Some columns turned out to be text after rows read as numbers: read
	// the file again to keep those columns' first fields as written.
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	again, _, err := readCSV(f, path, 0, opts, late)
	if err != nil {
		return nil, err
	}
	for i := range late {
		t.Columns[i].Text = again.Columns[i].Text
	}
	return t, nil
}

// readCSV reads a CSV stream as ReadCSV describes. A column that holds
// numbers in its first rows and text later is returned as text with the
// numbers' fields formatted and reported in late (by column index); the
// second pass, with text set to those indexes, reads them as text from
// the start.
func readCSV(r io.Reader, name string, size int64, opts CSVOptions, text map[int]bool) (*Table, map[int]bool, error) {
	comma := byte(',')
	if opts.Delimiter != 0 {
		if opts.Delimiter >= utf8.RuneSelf || strings.ContainsRune("\"\r\n", opts.Delimiter) {
			return nil, nil, fmt.Errorf("the delimiter %q cannot separate CSV fields (use an ASCII character other than a quote or a line end)", opts.Delimiter)
		}
		comma = byte(opts.Delimiter)
	}
	cr := newCSVReader(r, name, comma)
	limit := opts.Limit
	if limit <= 0 {
		limit = int(^uint(0) >> 1)
	}
	var (
		t    *Table
		keep []int // the file's column of each kept column
		late = map[int]bool{}
		rows int
	)
	for {
		rec, line, err := cr.read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		if t == nil {
			first := make([]string, len(rec))
			for i, f := range rec {
				first[i] = string(f)
			}
			var err error
			t, keep, err = csvColumns(name, first, opts)
			if err != nil {
				return nil, nil, err
			}
			for i := range t.Columns {
				if text[i] {
					t.Columns[i].Numbers = nil
				}
			}
			if !opts.NoHeader {
				continue
			}
		}
		if len(keep) > limit/(rows+1) {
			return nil, nil, fmt.Errorf("%s:%d: more than the limit of %d values", name, line, limit)
		}
		for i, j := range keep {
			c := &t.Columns[i]
			if c.Numbers == nil {
				c.Text = append(c.Text, string(rec[j]))
				continue
			}
			x, ok := parseNumber(rec[j])
			if ok {
				c.Numbers = append(c.Numbers, x)
				continue
			}
			// Text after numbers: this column is text.
			c.Text = make([]string, len(c.Numbers), max(cap(c.Numbers), 1))
			for k, x := range c.Numbers {
				c.Text[k] = formatNumber(x)
			}
			c.Text, c.Numbers = append(c.Text, string(rec[j])), nil
			if rows > 0 {
				late[i] = true
			}
		}
		rows++
		if rows == 1024 && size > 0 {
			t.reserve(min(estimateRows(size, cr.consumed, rows), limit/max(len(keep), 1)))
		}
	}
	if t == nil {
		return &Table{}, nil, nil
	}
	return t, late, nil
}

// csvColumns names the columns of a CSV file from its first record,
// keeping those opts.Columns asks for, and returns them with the index in
// the record of each.
func csvColumns(name string, first []string, opts CSVOptions) (*Table, []int, error) {
	names := make([]string, len(first))
	for i, f := range first {
		names[i] = "col" + strconv.Itoa(i)
		if !opts.NoHeader {
			names[i] = strings.TrimSpace(f)
		}
	}
	keep := make([]int, len(names))
	for i := range keep {
		keep[i] = i
	}
	if opts.Columns != nil {
		keep = keep[:0]
		for _, c := range opts.Columns {
			i := slices.Index(names, c)
			if i < 0 {
				return nil, nil, fmt.Errorf("%s: no column named %q (the columns are %s)", name, c, strings.Join(names, ", "))
			}
			keep = append(keep, i)
		}
	}
	t := &Table{Columns: make([]Column, len(keep))}
	for i, j := range keep {
		t.Columns[i] = Column{Name: names[j], Numbers: []float64{}}
	}
	return t, keep, nil
}

// reserve gives each numeric column room for rows values.
func (t *Table) reserve(rows int) {
	for i := range t.Columns {
		if c := &t.Columns[i]; c.Numbers != nil && rows > cap(c.Numbers) {
			c.Numbers = append(make([]float64, 0, rows), c.Numbers...)
		}
	}
}

// estimateRows estimates the rows of an input of size bytes from the rows
// read in its first consumed bytes, with a tenth to spare, so that storage
// sized by it rarely grows again.
func estimateRows(size, consumed int64, rows int) int {
	if consumed <= 0 {
		return rows
	}
	return int(float64(size) / float64(consumed) * float64(rows) * 1.1)
}

// WriteCSV writes t as CSV (RFC 4180, LF line ends), with a header line of
// the column names if header is set. Numbers are written in the shortest
// form that reads back as the same float64; fields that need it are
// quoted.
func WriteCSV(w io.Writer, t *Table, header bool) error {
	cw := csv.NewWriter(w)
	rows := 0
	rec := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		rec[i] = c.Name
		if i == 0 {
			rows = c.Len()
		} else if c.Len() != rows {
			return fmt.Errorf("column %q has %d values, column %q has %d", c.Name, c.Len(), t.Columns[0].Name, rows)
		}
	}
	if header {
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	for r := range rows {
		for i, c := range t.Columns {
			if c.Numbers != nil {
				rec[i] = formatNumber(c.Numbers[r])
			} else {
				rec[i] = c.Text[r]
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
