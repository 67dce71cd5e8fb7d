package dataio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"calc/stdlib/array"
)

// Object is a JSON object with its keys in the order of the file.
type Object struct {
	Keys   []string
	Values []any
}

// DecodeJSON decodes the JSON text b (RFC 8259), named name in errors.
// Its values are nil, bool, float64, string, []any and *Object; a number
// beyond float64's range is an error. Errors give the line and column.
func DecodeJSON(name string, b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	v, err := decodeValue(d)
	if err == nil {
		if _, err = d.Token(); err == io.EOF {
			return v, nil
		} else if err == nil {
			err = errors.New("more than one value (a JSON file holds one: an object or an array)")
		}
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	// The decoder's position is the start of the token it failed on; a
	// SyntaxError's offset, with Token, may lag behind it.
	off := d.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = max(off, se.Offset)
		err = errors.New(strings.TrimPrefix(se.Error(), "json: "))
	}
	line, col := lineCol(b, off)
	return nil, fmt.Errorf("%s:%d:%d: %v", name, line, col, err)
}

// decodeValue decodes the next value of d, keeping the order of keys.
func decodeValue(d *json.Decoder) (any, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('['):
		items := []any{}
		for d.More() {
			v, err := decodeValue(d)
			if err != nil {
				return nil, err
			}
			items = append(items, v)
		}
		_, err := d.Token()
		return items, err
	case json.Delim('{'):
		o := &Object{}
		seen := map[string]bool{}
		for d.More() {
			k, err := d.Token()
			if err != nil {
				return nil, err
			}
			key := k.(string) // the decoder allows only strings as keys
			v, err := decodeValue(d)
			if err != nil {
				return nil, err
			}
			if seen[key] {
				return nil, fmt.Errorf("the key %q twice in one object", key)
			}
			seen[key] = true
			o.Keys, o.Values = append(o.Keys, key), append(o.Values, v)
		}
		_, err := d.Token()
		return o, err
	}
	return tok, nil
}

// lineCol returns the 1-based line and column (in runes) of byte offset
// off of b.
func lineCol(b []byte, off int64) (int, int) {
	off = min(max(off, 0), int64(len(b)))
	before := b[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, len([]rune(string(before[start:]))) + 1
}

// EncodeJSON writes v as indented JSON. v is made of the values
// DecodeJSON returns, and []float64 for arrays of numbers; arrays of
// numbers are written on one line. NaN and infinities, which JSON cannot
// write, are an error.
func EncodeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	if err := encodeValue(&b, v, ""); err != nil {
		return err
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

func encodeValue(b *bytes.Buffer, v any, indent string) error {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		fmt.Fprint(b, v)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("JSON has no %s: replace it (by a number or nil) before writing", array.FormatExact(v))
		}
		b.WriteString(array.FormatExact(v))
	case string:
		enc := json.NewEncoder(b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return err
		}
		b.Truncate(b.Len() - 1) // Encode's newline
	case []float64:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := encodeValue(b, x, indent); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case []any:
		if len(v) == 0 {
			b.WriteString("[]")
			return nil
		}
		flat := true
		for _, x := range v {
			switch x.(type) {
			case []any, []float64, *Object:
				flat = false
			}
		}
		sep, open, end := ", ", "[", "]"
		if !flat {
			sep, open, end = ",\n"+indent+"  ", "[\n"+indent+"  ", "\n"+indent+"]"
		}
		b.WriteString(open)
		for i, x := range v {
			if i > 0 {
				b.WriteString(sep)
			}
			if err := encodeValue(b, x, indent+"  "); err != nil {
				return err
			}
		}
		b.WriteString(end)
	case *Object:
		if len(v.Keys) == 0 {
			b.WriteString("{}")
			return nil
		}
		b.WriteString("{\n")
		for i, k := range v.Keys {
			b.WriteString(indent + "  ")
			if err := encodeValue(b, k, ""); err != nil {
				return err
			}
			b.WriteString(": ")
			if err := encodeValue(b, v.Values[i], indent+"  "); err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
			if i < len(v.Keys)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	default:
		return fmt.Errorf("JSON cannot hold a %T", v)
	}
	return nil
}
