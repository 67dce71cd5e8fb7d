package dataio

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// writeTemp writes text to a file in a test's temporary folder.
func writeTemp(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadCSV(t *testing.T) {
	// RFC 4180: quoted fields with delimiters, line breaks and doubled
	// quotes; CRLF; a byte order mark; a missing number; a text column
	// that starts with numbers (read again so "007" stays "007").
	text := "\uFEFFname, x ,code\r\n" +
		"\"Smith, J.\",1.5,007\r\n" +
		"\"two\nlines\",,12\r\n" +
		"\"say \"\"hi\"\"\",-2e3,A1\r\n"
	tab, err := ReadCSV(writeTemp(t, "data.csv", text), CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Columns) != 3 {
		t.Fatalf("got %d columns", len(tab.Columns))
	}
	name, x, code := tab.Columns[0], tab.Columns[1], tab.Columns[2]
	if name.Name != "name" || !slices.Equal(name.Text, []string{"Smith, J.", "two\nlines", `say "hi"`}) {
		t.Errorf("name: %+v", name)
	}
	if x.Name != "x" || !sameValues(x.Numbers, []float64{1.5, nan, -2000}) {
		t.Errorf("x: %+v", x)
	}
	if code.Numbers != nil || !slices.Equal(code.Text, []string{"007", "12", "A1"}) {
		t.Errorf("code: %+v", code)
	}

	tab, err = ReadCSV(writeTemp(t, "data.csv", "1;2\n3;4\n"), CSVOptions{Delimiter: ';', NoHeader: true, Columns: []string{"col1"}})
	if err != nil || len(tab.Columns) != 1 || tab.Columns[0].Name != "col1" || !sameValues(tab.Columns[0].Numbers, []float64{2, 4}) {
		t.Errorf("no header: %+v, %v", tab, err)
	}
}

func TestReadCSVErrors(t *testing.T) {
	for _, c := range []struct {
		text string
		opts CSVOptions
		want string
	}{
		{"a,b\n1,2\n3\n", CSVOptions{}, "data.csv:3: this row has 1 field, the first row 2"},
		{"a,b\n1,2\"x\n", CSVOptions{}, "data.csv:2:4: a quote inside a field that is not quoted"},
		{"a,b\n1,\"2\"x\"\n", CSVOptions{}, "data.csv:2:5: a stray or missing quote in a quoted field"},
		{"a,b\n1,2\n", CSVOptions{Columns: []string{"c"}}, `data.csv: no column named "c" (the columns are a, b)`},
		{"a,b\n1,2\n3,4\n", CSVOptions{Limit: 3}, "data.csv:3: more than the limit of 3 values"},
	} {
		path := writeTemp(t, "data.csv", c.text)
		_, err := ReadCSV(path, c.opts)
		if err == nil || !strings.HasPrefix(err.Error(), filepath.Dir(path)) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %s", c.text, err, c.want)
		}
	}
}

func TestWriteCSVRoundTrip(t *testing.T) {
	in := &Table{Columns: []Column{
		{Name: "t", Numbers: []float64{0, 0.1, 1e-7, nan}},
		{Name: "label, quoted", Text: []string{"a", "b,c", "d\"e", "f\ng"}},
	}}
	var b bytes.Buffer
	if err := WriteCSV(&b, in, true); err != nil {
		t.Fatal(err)
	}
	want := "t,\"label, quoted\"\n0,a\n0.1,\"b,c\"\n1e-07,\"d\"\"e\"\nnan,\"f\ng\"\n"
	if b.String() != want {
		t.Errorf("wrote %q, want %q", b.String(), want)
	}
	out, err := ReadCSV(writeTemp(t, "rt.csv", b.String()), CSVOptions{})
	if err != nil || !sameValues(out.Columns[0].Numbers, in.Columns[0].Numbers) || !slices.Equal(out.Columns[1].Text, in.Columns[1].Text) || out.Columns[1].Name != "label, quoted" {
		t.Errorf("round trip: %+v, %v", out, err)
	}
	bad := &Table{Columns: []Column{{Name: "a", Numbers: []float64{1}}, {Name: "b", Numbers: []float64{1, 2}}}}
	if err := WriteCSV(&b, bad, true); err == nil || err.Error() != `column "b" has 2 values, column "a" has 1` {
		t.Errorf("ragged columns: %v", err)
	}
}

// ReadCSV reads testdata/tricky.csv as pandas 1.5's read_csv does
// (testdata/pandas_csv.py wrote both it and pandas' result).
func TestReadCSVMatchesPandas(t *testing.T) {
	b, err := os.ReadFile("testdata/tricky.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]struct {
		Numbers []string
		Text    []string
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	tab, err := ReadCSV("testdata/tricky.csv", CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Columns) != len(want) {
		t.Fatalf("%d columns, pandas %d", len(tab.Columns), len(want))
	}
	for _, c := range tab.Columns {
		w, ok := want[c.Name]
		switch {
		case !ok:
			t.Errorf("column %q: pandas has none", c.Name)
		case w.Numbers != nil:
			nums := make([]float64, len(w.Numbers))
			for i, s := range w.Numbers {
				nums[i], _ = strconv.ParseFloat(s, 64)
			}
			signs := c.Numbers != nil && slices.EqualFunc(c.Numbers, nums, func(a, b float64) bool { return math.Signbit(a) == math.Signbit(b) })
			if !signs || !sameValues(c.Numbers, nums) {
				t.Errorf("column %q: %v %q, pandas %v", c.Name, c.Numbers, c.Text, nums)
			}
		case !slices.Equal(c.Text, w.Text):
			t.Errorf("column %q: %q, pandas %q", c.Name, c.Text, w.Text)
		}
	}
}

// Lines longer than the reader's buffer, inside and outside quotes, read
// as encoding/csv reads them.
func TestCSVLongLines(t *testing.T) {
	long := strings.Repeat("x", 200_000)
	text := "a,b\n" + long + ",1\n\"" + long + "\n" + long + "\",2\r\n"
	tab, err := ReadCSV(writeTemp(t, "long.csv", text), CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := tab.Columns[0].Text; len(got) != 2 || got[0] != long || got[1] != long+"\n"+long || !sameValues(tab.Columns[1].Numbers, []float64{1, 2}) {
		t.Errorf("got %d texts of lengths %d, numbers %v", len(got), len(got[0]), tab.Columns[1].Numbers)
	}
}
