package dataio

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestJSONRoundTrip(t *testing.T) {
	text := `{"name": "run 1", "ok": true, "none": null, "x": [1, 2.5, -3e-7],
"m": [[1, 2], [3, 4]], "nested": {"z": 1, "a": []}, "mixed": [1, "a"]}`
	v, err := DecodeJSON("d.json", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	o := v.(*Object)
	if !reflect.DeepEqual(o.Keys, []string{"name", "ok", "none", "x", "m", "nested", "mixed"}) {
		t.Errorf("keys %v", o.Keys)
	}
	if !reflect.DeepEqual(o.Values[3], []any{1.0, 2.5, -3e-7}) || o.Values[5].(*Object).Keys[0] != "z" {
		t.Errorf("values %v", o.Values)
	}
	var b bytes.Buffer
	if err := EncodeJSON(&b, v); err != nil {
		t.Fatal(err)
	}
	want := `{
  "name": "run 1",
  "ok": true,
  "none": null,
  "x": [1, 2.5, -3e-07],
  "m": [
    [1, 2],
    [3, 4]
  ],
  "nested": {
    "z": 1,
    "a": []
  },
  "mixed": [1, "a"]
}
`
	if b.String() != want {
		t.Errorf("wrote\n%s\nwant\n%s", b.String(), want)
	}
	again, err := DecodeJSON("again", b.Bytes())
	if err != nil || !reflect.DeepEqual(again, v) {
		t.Errorf("round trip: %v, %v", again, err)
	}
}

func TestJSONErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"{\"a\": 1,\n \"b\": nope}", "d.json:2:7: invalid character 'o' in literal null (expecting 'u')"},
		{"[1, 2", "d.json:1:6: unexpected EOF"},
		{"[1] [2]", "d.json:1:6: more than one value"},
		{`{"a": 1, "a": 2}`, `the key "a" twice in one object`},
		{"[1e999]", "d.json:1:"},
	} {
		_, err := DecodeJSON("d.json", []byte(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %s", c.text, err, c.want)
		}
	}
	if err := EncodeJSON(&bytes.Buffer{}, &Object{Keys: []string{"x"}, Values: []any{[]float64{1, nan}}}); err == nil || err.Error() != "x: JSON has no nan: replace it (by a number or nil) before writing" {
		t.Errorf("nan: %v", err)
	}
}
