package array

import "testing"

func TestIndex(t *testing.T) {
	m := iota(3, 2)
	for _, c := range []struct {
		a    *Array
		i    int
		want *Array
		err  string
	}{
		{vec(5, 6, 7), 0, scalar(5), ""},
		{vec(5, 6, 7), -1, scalar(7), ""},
		{m, 1, vec(2, 3), ""},
		{m, -3, vec(0, 1), ""},
		{iota(2, 2, 2), 1, arr(shape(2, 2), 4, 5, 6, 7), ""},
		{m, 3, nil, "index 3 is out of range for axis 0 with size 3"},
		{m, -4, nil, "index -4 is out of range for axis 0 with size 3"},
		{vec(), 0, nil, "index 0 is out of range for axis 0 with size 0"},
		{scalar(1), 0, nil, "cannot index a number"},
	} {
		got, err := Index(c.a, c.i)
		check(t, "Index "+ShapeString(c.a.Shape), got, err, c.want, c.err, 0)
	}
}

func TestIndexResultCannotOverwrite(t *testing.T) {
	m := iota(2, 2)
	row, err := Index(m, 0)
	if err != nil {
		t.Fatal(err)
	}
	_ = append(row.Floats(), 99)
	if m.Floats()[2] != 2 {
		t.Errorf("appending to a row changed the array to %v", m.Floats())
	}
}

func TestRowCol(t *testing.T) {
	m := iota(3, 2)
	got, err := Row(m, 2)
	check(t, "Row 2", got, err, vec(4, 5), "", 0)
	got, err = Row(vec(1, 2), 0)
	check(t, "Row of 1-d", got, err, nil, "row: expected a 2-d array, got shape (2,)", 0)
	got, err = Col(m, 1)
	check(t, "Col 1", got, err, vec(1, 3, 5), "", 0)
	got, err = Col(m, -2)
	check(t, "Col -2", got, err, vec(0, 2, 4), "", 0)
	got, err = Col(m, 2)
	check(t, "Col 2", got, err, nil, "index 2 is out of range for axis 1 with size 2", 0)
	got, err = Col(Zeros(0, 2), 1)
	check(t, "Col of empty", got, err, Zeros(0), "", 0)
	got, err = Col(iota(2, 2, 2), 0)
	check(t, "Col of 3-d", got, err, nil, "col: expected a 2-d array, got shape (2, 2, 2)", 0)
}

func TestSlice(t *testing.T) {
	x := iota(10)
	const none = 0
	for _, c := range []struct {
		name         string
		lo, hi, step int
		hasLo, hasHi bool
		want         []float64
		err          string
	}{
		{"[2:5]", 2, 5, 1, true, true, []float64{2, 3, 4}, ""},
		{"[:3]", none, 3, 1, false, true, []float64{0, 1, 2}, ""},
		{"[-3:]", -3, none, 1, true, false, []float64{7, 8, 9}, ""},
		{"[:]", none, none, 1, false, false, []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, ""},
		{"[::2]", none, none, 2, false, false, []float64{0, 2, 4, 6, 8}, ""},
		{"[1::3]", 1, none, 3, true, false, []float64{1, 4, 7}, ""},
		{"[::-1]", none, none, -1, false, false, []float64{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, ""},
		{"[8:2:-2]", 8, 2, -2, true, true, []float64{8, 6, 4}, ""},
		{"[-1:-4:-1]", -1, -4, -1, true, true, []float64{9, 8, 7}, ""},
		{"[-100:100]", -100, 100, 1, true, true, []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, ""},
		{"[100::-1]", 100, none, -1, true, false, []float64{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, ""},
		{"[:-100:-1]", none, -100, -1, false, true, []float64{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, ""},
		{"[:-100:-4]", none, -100, -4, false, true, []float64{9, 5, 1}, ""},
		{"[5:2]", 5, 2, 1, true, true, []float64{}, ""},
		{"[2:5:-1]", 2, 5, -1, true, true, []float64{}, ""},
		{"[20:]", 20, none, 1, true, false, []float64{}, ""},
		{"[::0]", none, none, 0, false, false, nil, "slice step cannot be zero"},
	} {
		got, err := Slice(x, c.lo, c.hi, c.step, c.hasLo, c.hasHi)
		var want *Array
		if c.want != nil {
			want = Vector(c.want)
		}
		check(t, "Slice "+c.name, got, err, want, c.err, 0)
	}

	m := iota(3, 2)
	got, err := Slice(m, 0, 0, 2, false, false)
	check(t, "Slice 2-d [::2]", got, err, arr(shape(2, 2), 0, 1, 4, 5), "", 0)
	got, err = Slice(m, 1, 0, 1, true, false)
	check(t, "Slice 2-d [1:]", got, err, arr(shape(2, 2), 2, 3, 4, 5), "", 0)
	got, err = Slice(m, 0, 0, -1, false, false)
	check(t, "Slice 2-d [::-1]", got, err, arr(shape(3, 2), 4, 5, 2, 3, 0, 1), "", 0)
	got, err = Slice(scalar(1), 0, 1, 1, true, true)
	check(t, "Slice 0-d", got, err, nil, "cannot index a number", 0)
}

// TestSelectPositions selects rows by a list of positions, as numpy's
// a[[i, j]] does (the Take of before, now one case of Select).
func TestSelectPositions(t *testing.T) {
	take := func(a *Array, idx ...float64) (*Array, error) {
		return Select(a, []Indexer{{Kind: IndexArray, Idx: Vector(idx)}})
	}
	m := iota(3, 2)
	got, err := take(m, 2, 0, -1)
	check(t, "positions 2-d", got, err, arr(shape(3, 2), 4, 5, 0, 1, 4, 5), "", 0)
	got, err = take(vec(5, 6, 7), 1, 1)
	check(t, "positions 1-d", got, err, vec(6, 6), "", 0)
	got, err = take(vec(5, 6, 7))
	check(t, "no positions", got, err, vec(), "", 0)
	got, err = take(m, 0, 3)
	check(t, "position out of range", got, err, nil, "index 3 is out of range for axis 0 with size 3", 0)
	got, err = take(scalar(1), 0)
	check(t, "positions of a number", got, err, nil, "too many indices: the array has 0 dimensions, the index 1", 0)
	mask := &Array{Shape: []int{3}, data: []float64{1, 0, 1}, Depth: Bool}
	got, err = Select(m, []Indexer{{Kind: IndexArray, Idx: mask}, {Kind: IndexInt, I: 1}})
	check(t, "mask and position", got, err, vec(1, 5), "", 0)
}
