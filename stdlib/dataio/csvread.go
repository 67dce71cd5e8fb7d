package dataio

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// csvReader reads the records of a CSV file as RFC 4180 defines them, and
// as encoding/csv's Reader reads them with its defaults: fields separated
// by comma; a field in double quotes may hold commas, line breaks and
// doubled quotes; a quote elsewhere is an error; CRLF is read as LF; empty
// lines are skipped; every record has the fields of the first. Unlike
// encoding/csv, it keeps a record's fields in one buffer that the next
// record reuses, so reading allocates nothing per record, and a large
// file takes little more memory than what is kept of it.
type csvReader struct {
	br       *bufio.Reader
	name     string
	comma    byte
	line     int   // the number of the last line read
	consumed int64 // bytes read
	fields   int   // fields per record, from the first (0 before it)
	buf      []byte
	ends     []int
	record   [][]byte
	long     []byte // a line longer than br's buffer
}

// newCSVReader returns a reader of r, named name in errors.
func newCSVReader(r io.Reader, name string, comma byte) *csvReader {
	br := bufio.NewReaderSize(r, 1<<16)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\uFEFF")) {
		br.Discard(3)
	}
	return &csvReader{br: br, name: name, comma: comma}
}

// readLine returns the next line with its line end, CRLF made LF, or
// io.EOF after the last; the line is valid until the next call.
func (r *csvReader) readLine() ([]byte, error) {
	line, err := r.br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		r.long = append(r.long[:0], line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = r.br.ReadSlice('\n')
			r.long = append(r.long, line...)
		}
		line = r.long
	}
	if len(line) == 0 {
		if err == nil {
			err = io.EOF
		}
		return nil, err
	}
	if err != nil && err != io.EOF {
		return nil, err
	}
	r.line++
	r.consumed += int64(len(line))
	if err == io.EOF && line[len(line)-1] == '\r' {
		line = line[:len(line)-1] // as encoding/csv: a CR before the end is dropped
	}
	if n := len(line); n >= 2 && line[n-2] == '\r' && line[n-1] == '\n' {
		line[n-2] = '\n'
		line = line[:n-1]
	}
	return line, nil
}

// read returns the fields of the next record, which are valid until the
// next call, and the line it starts on; io.EOF after the last.
func (r *csvReader) read() ([][]byte, int, error) {
	var line []byte
	var err error
	for {
		if line, err = r.readLine(); err != nil {
			return nil, 0, err
		}
		if len(line) > 1 || len(line) == 1 && line[0] != '\n' {
			break // a record; empty lines are skipped
		}
	}
	start := r.line
	r.buf, r.ends = r.buf[:0], r.ends[:0]
	col := 1 // the 1-based column, in runes, where line starts
	at := func(rest []byte) int { return col + utf8.RuneCount(line[:len(line)-len(rest)]) }
	errorf := func(rest []byte, format string) error {
		return fmt.Errorf("%s:%d:%d: %s", r.name, r.line, at(rest), format)
	}
	rest := line
fields:
	for {
		if len(rest) == 0 || rest[0] != '"' {
			// An unquoted field runs to the comma or the line's end.
			i := bytes.IndexByte(rest, r.comma)
			field := rest
			if i >= 0 {
				field = rest[:i]
			} else {
				field = bytes.TrimSuffix(field, []byte("\n"))
			}
			if q := bytes.IndexByte(field, '"'); q >= 0 {
				return nil, start, errorf(rest[q:], "a quote inside a field that is not quoted (write the field in quotes, with the quote doubled)")
			}
			r.buf = append(r.buf, field...)
			r.ends = append(r.ends, len(r.buf))
			if i < 0 {
				break fields
			}
			rest = rest[i+1:]
			continue
		}
		// A quoted field: up to the quote before a comma or the line's end.
		openLine, openCol := r.line, at(rest)
		unclosed := func() error {
			return fmt.Errorf("%s:%d:%d: the quoted field that starts here is not closed by the end of the file", r.name, openLine, openCol)
		}
		rest = rest[1:]
		for {
			i := bytes.IndexByte(rest, '"')
			switch {
			case i >= 0:
				r.buf = append(r.buf, rest[:i]...)
				rest = rest[i+1:]
				switch {
				case len(rest) > 0 && rest[0] == '"':
					r.buf = append(r.buf, '"')
					rest = rest[1:]
					continue
				case len(rest) > 0 && rest[0] == r.comma:
					r.ends = append(r.ends, len(r.buf))
					rest = rest[1:]
					continue fields
				case len(rest) == 0 || len(rest) == 1 && rest[0] == '\n':
					r.ends = append(r.ends, len(r.buf))
					break fields
				}
				return nil, start, fmt.Errorf("%s:%d:%d: a stray or missing quote in a quoted field (a quote inside quotes is written twice: \"\")", r.name, r.line, at(rest)-1)
			case len(rest) > 0:
				// The field goes on on the next line.
				r.buf = append(r.buf, rest...)
				next, err := r.readLine()
				if err == io.EOF {
					return nil, start, unclosed()
				}
				if err != nil {
					return nil, start, err
				}
				line, rest, col = next, next, 1
			default:
				return nil, start, unclosed()
			}
		}
	}
	if r.fields == 0 {
		r.fields = len(r.ends)
	} else if len(r.ends) != r.fields {
		fields := "fields"
		if len(r.ends) == 1 {
			fields = "field"
		}
		return nil, start, fmt.Errorf("%s:%d: this row has %d %s, the first row %d", r.name, start, len(r.ends), fields, r.fields)
	}
	r.record = r.record[:0]
	prev := 0
	for _, e := range r.ends {
		r.record = append(r.record, r.buf[prev:e:e])
		prev = e
	}
	return r.record, start, nil
}
