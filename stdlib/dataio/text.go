package dataio

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
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
// The input is read in blocks of whole lines, parsed on all CPUs at once
// (one at a time with MaxRows, which must stop at the row it names) and
// joined in order. sizeHint, if positive, is the input's size in bytes:
// the result's storage is then sized from the first block's rows, so that
// reading takes little more memory than the result.
func LoadTxt(r io.Reader, name string, sizeHint int64, opts TextOptions) (*array.Array, error) {
	cfg := newTextConfig(name, opts)
	// ahead is the number of blocks parsed while the next is read.
	ahead := runtime.GOMAXPROCS(0)
	if opts.MaxRows > 0 {
		ahead = 0
	}
	var (
		all     = &textBlock{ncols: -1}
		pending []chan *textBlock // blocks being parsed, in input order
		blocks  = newBlockReader(r, sizeHint)
		spare   [][]float64 // the value buffers of joined blocks, for reuse
	)
	// join adds the oldest pending block to the result.
	join := func() error {
		b := <-pending[0]
		pending = pending[1:]
		// The block's buffers serve the next blocks: reading then makes
		// little garbage, and the memory stays near the result's size.
		blocks.spare = append(blocks.spare, b.text[:0])
		defer func() { spare = append(spare, b.data[:0]) }()
		if b.err != nil {
			return b.err
		}
		if b.rows == 0 {
			return nil
		}
		switch {
		case all.ncols < 0:
			all.ncols = b.ncols
			if sizeHint > 0 {
				all.reserve(estimateRows(sizeHint, int64(b.size), b.rows), cfg.limit)
			}
		case b.ncols != all.ncols:
			return fmt.Errorf("%s:%d: this row has %d columns, the rows before it %d", name, b.firstLine, b.ncols, all.ncols)
		}
		if len(b.data) > cfg.limit-len(all.data) {
			return fmt.Errorf("%s:%d: more than the limit of %d elements", name, b.firstLine, cfg.limit)
		}
		all.data = append(all.data, b.data...)
		all.rows += b.rows
		return nil
	}
	for {
		text, line, err := blocks.next()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if text == nil {
			break
		}
		done := make(chan *textBlock, 1)
		pending = append(pending, done)
		maxRows := 0
		if opts.MaxRows > 0 {
			maxRows = opts.MaxRows - all.rows
		}
		var data []float64
		if n := len(spare); n > 0 {
			data, spare = spare[n-1], spare[:n-1]
		}
		go func() { done <- cfg.parse(text, line, maxRows, data) }()
		if len(pending) > ahead {
			if err := join(); err != nil {
				return nil, err
			}
		}
		if opts.MaxRows > 0 && all.rows >= opts.MaxRows {
			break
		}
	}
	for len(pending) > 0 {
		if err := join(); err != nil {
			return nil, err
		}
	}
	return all.result(opts.NDMin), nil
}

// openSized opens the file at path for reading with Open and returns its size, 0
// when it cannot be known, for the readers that bound what they read.
func openSized(path string) (*os.File, int64, error) {
	f, err := Open(path)
	if err != nil {
		return nil, 0, err
	}
	var size int64
	if fi, err := f.Stat(); err == nil {
		size = fi.Size()
	}
	return f, size, nil
}

// ReadTxt reads the text file at path with LoadTxt.
func ReadTxt(path string, opts TextOptions) (*array.Array, error) {
	f, size, err := openSized(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return LoadTxt(f, path, size, opts)
}

// blockSize is the size of the blocks LoadTxt parses in parallel: large
// enough that a block's start-up costs vanish, small enough that a few in
// flight take little memory.
const blockSize = 1 << 20

// blockReader splits its input into blocks of whole lines.
type blockReader struct {
	r       io.Reader
	carry   []byte   // the start of a line the last block cut off
	spare   [][]byte // buffers of blocks that are done with, for reuse
	size    int      // the size of a new buffer
	line    int      // the number of the next block's first line
	started bool     // a byte order mark at the start is dropped
	eof     bool
}

// newBlockReader returns a reader of blocks of r, whose size is size bytes
// if it is positive: a small input then gets a small buffer.
func newBlockReader(r io.Reader, size int64) *blockReader {
	br := &blockReader{r: r, line: 1, size: blockSize}
	if size > 0 && size < blockSize {
		br.size = int(size) + 1 // the last read sees the end
	}
	return br
}

// next returns the next block of whole lines (the last may lack its line
// end) and the number of its first line; nil at the end of the input.
func (br *blockReader) next() ([]byte, int, error) {
	if br.eof && len(br.carry) == 0 {
		return nil, 0, nil
	}
	var buf []byte
	if n := len(br.spare); n > 0 && cap(br.spare[n-1]) >= 2*len(br.carry) {
		buf, br.spare = br.spare[n-1], br.spare[:n-1]
	} else {
		buf = make([]byte, 0, max(br.size, 2*len(br.carry)))
	}
	buf = append(buf, br.carry...)
	for {
		if !br.eof {
			n, err := io.ReadFull(br.r, buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			switch {
			case err == io.EOF || err == io.ErrUnexpectedEOF:
				br.eof = true
			case err != nil:
				return nil, 0, err
			}
		}
		if br.eof && len(buf) == 0 {
			return nil, 0, nil
		}
		if !br.started {
			buf, br.started = bytes.TrimPrefix(buf, []byte("\uFEFF")), true
		}
		end := bytes.LastIndexByte(buf, '\n') + 1
		if br.eof {
			end = len(buf)
		}
		if end > 0 {
			block, line := buf[:end], br.line
			br.carry = append(br.carry[:0], buf[end:]...)
			br.line += bytes.Count(block, []byte("\n"))
			return block, line, nil
		}
		// A line longer than the buffer: read on into a larger one.
		buf = append(make([]byte, 0, 2*cap(buf)), buf...)
	}
}

// newTextConfig returns the settings LoadTxt parses with.
func newTextConfig(name string, opts TextOptions) *textConfig {
	cfg := &textConfig{name: name, opts: opts, delim: []byte(opts.Delimiter), limit: opts.Limit}
	comments := opts.Comments
	if comments == nil {
		comments = []string{"#"}
	}
	// No byte of a number (in Python's syntax, as parseNumber reads it)
	// may be a delimiter, or start a comment, for fastRow.
	numberBytes := "0123456789+-._eEiInNfFtTyYaA"
	cfg.fast = opts.UseCols == nil && (len(cfg.delim) == 0 || len(cfg.delim) == 1 && !strings.ContainsAny(opts.Delimiter, numberBytes+" \t\r\v\f"))
	for _, c := range comments {
		cfg.comments = append(cfg.comments, []byte(c))
		cfg.fast = cfg.fast && c != "" && !strings.ContainsAny(c[:1], numberBytes+" \t\r\v\f")
	}
	if cfg.limit <= 0 {
		cfg.limit = int(^uint(0) >> 1)
	}
	return cfg
}

// textConfig is what every block of a LoadTxt call is parsed with.
type textConfig struct {
	name     string
	opts     TextOptions
	comments [][]byte
	delim    []byte
	limit    int
	// fast says that rows may be read by fastRow: the delimiter is white
	// space or one byte, no comment starts with a byte of a number or
	// space, and every column is kept.
	fast bool
}

// textBlock is the rows of one block of lines, or the error in it.
type textBlock struct {
	data      []float64
	rows      int
	ncols     int    // columns of a row after UseCols; -1 before the first row
	firstLine int    // the line of the first row
	size      int    // bytes parsed
	text      []byte // the block's text
	err       error
	fields    []field
}

// parse parses the lines of text, the first numbered line, stopping after
// maxRows rows if it is positive, appending the values to data.
func (c *textConfig) parse(text []byte, line, maxRows int, data []float64) *textBlock {
	b := &textBlock{ncols: -1, size: len(text), text: text, data: data}
	for len(text) > 0 && (maxRows <= 0 || b.rows < maxRows) {
		end := bytes.IndexByte(text, '\n')
		if end < 0 {
			end = len(text)
		}
		l := text[:end]
		text = text[min(end+1, len(text)):]
		if line > c.opts.SkipRows {
			if b.err = c.row(b, bytes.TrimSuffix(l, []byte("\r")), line); b.err != nil {
				return b
			}
		}
		line++
	}
	return b
}

// fastRow adds the values of a line of numbers and reports whether it
// did, reading the line once: each field is read by scanNumber or, if it
// cannot, by parseNumber, exactly as row would read it. A line it cannot
// take (blank, commented, ragged, with a field that is no number, or past
// the limit) is left to row, which skips it or reports the error.
func (c *textConfig) fastRow(b *textBlock, text []byte, line int) bool {
	if len(bytes.TrimSpace(text)) == 0 {
		return false
	}
	start, n, pos := len(b.data), 0, 0
	spaces := len(c.delim) == 0
	separator := func(c0 byte) bool {
		if spaces {
			return isSpace(c0)
		}
		return c0 == c.delim[0]
	}
	skip := func() {
		for spaces && pos < len(text) && isSpace(text[pos]) {
			pos++
		}
	}
	skip()
	for {
		x, used, ok := scanNumber(text[pos:])
		end := pos + used
		if !ok || end < len(text) && !separator(text[end]) {
			// Not the common form: the field runs to the separator.
			for end = pos; end < len(text) && !separator(text[end]); end++ {
			}
			x, ok = parseNumber(text[pos:end])
		}
		if !ok || len(b.data) >= c.limit {
			b.data = b.data[:start]
			return false
		}
		b.data, n, pos = append(b.data, x), n+1, end
		skip()
		if pos == len(text) {
			break
		}
		if !spaces {
			pos++ // the delimiter
		}
	}
	if b.ncols < 0 {
		b.ncols, b.firstLine = n, line
	} else if n != b.ncols {
		b.data = b.data[:start]
		return false
	}
	b.rows++
	return true
}

// field is one field of a line: its text and the byte offset it starts at.
type field struct {
	text  []byte
	start int
}

// row parses one line, numbered line, adding its values to b if it holds
// data.
func (c *textConfig) row(b *textBlock, text []byte, line int) error {
	if c.fast && c.fastRow(b, text, line) {
		return nil
	}
	full := text
	for _, cm := range c.comments {
		if i := bytes.Index(text, cm); i >= 0 {
			text = text[:i]
		}
	}
	if len(bytes.TrimSpace(text)) == 0 {
		return nil
	}
	b.fields = splitFields(b.fields[:0], text, c.delim)
	n := len(b.fields)
	cols := c.opts.UseCols
	want := n
	if cols != nil {
		want = len(cols)
	}
	if b.ncols < 0 {
		b.ncols, b.firstLine = want, line
	} else if cols == nil && n != b.ncols {
		return fmt.Errorf("%s:%d: this row has %d columns, the rows before it %d", c.name, line, n, b.ncols)
	}
	if b.ncols > c.limit-len(b.data) {
		return fmt.Errorf("%s:%d: more than the limit of %d elements", c.name, line, c.limit)
	}
	add := func(f field) error {
		x, ok := parseNumber(f.text)
		if !ok {
			at := f.start + len(f.text) - len(bytes.TrimLeft(f.text, " \t"))
			return fmt.Errorf("%s:%d:%d: expected a number, got %q", c.name, line, utf8.RuneCount(full[:at])+1, strings.TrimSpace(string(f.text)))
		}
		b.data = append(b.data, x)
		return nil
	}
	if cols == nil {
		for _, f := range b.fields {
			if err := add(f); err != nil {
				return err
			}
		}
	} else {
		for _, k := range cols {
			i := k
			if i < 0 {
				i += n
			}
			if i < 0 || i >= n {
				return fmt.Errorf("%s:%d: there is no column %d in this row of %d columns", c.name, line, k, n)
			}
			if err := add(b.fields[i]); err != nil {
				return err
			}
		}
	}
	b.rows++
	return nil
}

// splitFields appends the fields of text to fs: split at each delimiter,
// or at runs of white space (ignoring space at both ends) if delim is
// empty.
func splitFields(fs []field, text []byte, delim []byte) []field {
	if len(delim) == 0 {
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
		var j int
		if len(delim) == 1 {
			j = bytes.IndexByte(text[start:], delim[0])
		} else {
			j = bytes.Index(text[start:], delim)
		}
		if j < 0 {
			return append(fs, field{text[start:], start})
		}
		fs = append(fs, field{text[start : start+j], start})
		start += j + len(delim)
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' }

// reserve gives the values room for the given number of rows.
func (b *textBlock) reserve(rows, limit int) {
	if n := min(rows*b.ncols, limit); n > cap(b.data) {
		b.data = append(make([]float64, 0, n), b.data...)
	}
}

// result shapes the values read as numpy.loadtxt does.
func (b *textBlock) result(ndmin int) *array.Array {
	if b.rows == 0 {
		shape := []int{0}
		if ndmin == 2 {
			shape = []int{0, 0}
		}
		return array.New(shape, []float64{})
	}
	shape := []int{}
	for _, d := range []int{b.rows, b.ncols} {
		if d != 1 {
			shape = append(shape, d)
		}
	}
	switch {
	case ndmin == 1 && len(shape) == 0:
		shape = []int{1}
	case ndmin == 2:
		shape = []int{b.rows, b.ncols}
	}
	return array.New(shape, b.data[:len(b.data):len(b.data)])
}
