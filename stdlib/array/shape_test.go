package array

import "testing"

func TestTranspose(t *testing.T) {
	check(t, "Transpose 2-d", Transpose(iota(2, 3)), nil, arr(shape(3, 2), 0, 3, 1, 4, 2, 5), "", 0)
	check(t, "Transpose 1-d", Transpose(vec(1, 2)), nil, vec(1, 2), "", 0)
	check(t, "Transpose 0-d", Transpose(scalar(1)), nil, scalar(1), "", 0)
	check(t, "Transpose empty", Transpose(Zeros(0, 3)), nil, Zeros(3, 0), "", 0)

	// Sizes that are not multiples of the tile exercise the tile edges.
	a := iota(70, 45)
	at := Transpose(a)
	for i := range 70 {
		for j := range 45 {
			if got, want := at.Floats()[j*70+i], a.Floats()[i*45+j]; got != want {
				t.Fatalf("Transpose (70, 45)[%d][%d] = %v, want %v", j, i, got, want)
			}
		}
	}

	b := iota(2, 3, 4)
	bt := Transpose(b)
	if !sameShape(bt.Shape, shape(4, 3, 2)) {
		t.Fatalf("Transpose (2, 3, 4) has shape %s", ShapeString(bt.Shape))
	}
	for i := range 2 {
		for j := range 3 {
			for k := range 4 {
				if got, want := bt.Floats()[k*6+j*2+i], b.Floats()[i*12+j*4+k]; got != want {
					t.Errorf("Transpose (2, 3, 4)[%d][%d][%d] = %v, want %v", k, j, i, got, want)
				}
			}
		}
	}
}

func TestReshape(t *testing.T) {
	x := iota(6)
	for _, c := range []struct {
		shape []int
		want  *Array
		err   string
	}{
		{shape(2, 3), iota(2, 3), ""},
		{shape(2, -1), iota(2, 3), ""},
		{shape(-1), iota(6), ""},
		{shape(-1, 1, 2), iota(3, 1, 2), ""},
		{shape(4), nil, "cannot reshape array of size 6 into shape (4,)"},
		{shape(4, -1), nil, "cannot reshape array of size 6 into shape (4, -1)"},
		{shape(0, -1), nil, "cannot reshape array of size 6 into shape (0, -1)"},
		{shape(-1, -1), nil, "reshape: can only specify one unknown dimension"},
		{shape(-2, 3), nil, "reshape: negative dimensions are not allowed in (-2, 3)"},
	} {
		got, err := Reshape(x, c.shape)
		check(t, "Reshape to "+ShapeString(c.shape), got, err, c.want, c.err, 0)
	}
	got, err := Reshape(scalar(3), shape(1, 1))
	check(t, "Reshape 0-d", got, err, arr(shape(1, 1), 3), "", 0)
	got, err = Reshape(vec(3), shape())
	check(t, "Reshape to 0-d", got, err, scalar(3), "", 0)
	got, err = Reshape(Zeros(0), shape(3, 0, -1))
	check(t, "Reshape empty", got, err, nil, "cannot reshape array of size 0 into shape (3, 0, -1)", 0)

	// The shape passed in stays the caller's.
	s := shape(3, -1)
	if _, err := Reshape(x, s); err != nil || s[1] != -1 {
		t.Errorf("Reshape changed its shape argument to %v (error %v)", s, err)
	}
}

func TestFlatten(t *testing.T) {
	check(t, "Flatten 2-d", Flatten(iota(2, 2)), nil, iota(4), "", 0)
	check(t, "Flatten 0-d", Flatten(scalar(7)), nil, vec(7), "", 0)
}

func TestJoin(t *testing.T) {
	m := arr(shape(2, 2), 1, 2, 3, 4)
	for _, c := range []struct {
		name string
		got  func() (*Array, error)
		want *Array
		err  string
	}{
		{"concat axis 0", func() (*Array, error) { return Concat([]*Array{m, arr(shape(1, 2), 5, 6)}, 0) },
			arr(shape(3, 2), 1, 2, 3, 4, 5, 6), ""},
		{"concat axis 1", func() (*Array, error) { return Concat([]*Array{m, arr(shape(2, 1), 5, 6)}, 1) },
			arr(shape(2, 3), 1, 2, 5, 3, 4, 6), ""},
		{"concat axis -1", func() (*Array, error) { return Concat([]*Array{m, m}, -1) },
			arr(shape(2, 4), 1, 2, 1, 2, 3, 4, 3, 4), ""},
		{"concat 1-d", func() (*Array, error) { return Concat([]*Array{vec(1), vec(), vec(2, 3)}, 0) },
			vec(1, 2, 3), ""},
		{"concat all axes", func() (*Array, error) { return Concat([]*Array{m, scalar(5)}, AllAxes) },
			vec(1, 2, 3, 4, 5), ""},
		{"concat none", func() (*Array, error) { return Concat(nil, 0) },
			nil, "concatenate: need at least one array"},
		{"concat 0-d", func() (*Array, error) { return Concat([]*Array{scalar(1), scalar(2)}, 0) },
			nil, "concatenate: zero-dimensional arrays cannot be concatenated"},
		{"concat ndim", func() (*Array, error) { return Concat([]*Array{m, vec(1, 2)}, 0) },
			nil, "concatenate: shapes (2, 2) and (2,) have different numbers of dimensions"},
		{"concat mismatch", func() (*Array, error) { return Concat([]*Array{m, iota(1, 3)}, 0) },
			nil, "concatenate: shapes (2, 2) and (1, 3) differ along axis 1, not only along axis 0"},
		{"concat bad axis", func() (*Array, error) { return Concat([]*Array{m, m}, 2) },
			nil, "axis 2 is out of bounds for array of dimension 2"},
		{"stack axis 0", func() (*Array, error) { return Stack([]*Array{vec(1, 2), vec(3, 4)}, 0) },
			arr(shape(2, 2), 1, 2, 3, 4), ""},
		{"stack axis 1", func() (*Array, error) { return Stack([]*Array{vec(1, 2), vec(3, 4)}, 1) },
			arr(shape(2, 2), 1, 3, 2, 4), ""},
		{"stack axis -1", func() (*Array, error) { return Stack([]*Array{vec(1, 2), vec(3, 4), vec(5, 6)}, -1) },
			arr(shape(2, 3), 1, 3, 5, 2, 4, 6), ""},
		{"stack 0-d", func() (*Array, error) { return Stack([]*Array{scalar(1), scalar(2)}, 0) },
			vec(1, 2), ""},
		{"stack 2-d axis 1", func() (*Array, error) { return Stack([]*Array{m, m}, 1) },
			arr(shape(2, 2, 2), 1, 2, 1, 2, 3, 4, 3, 4), ""},
		{"stack none", func() (*Array, error) { return Stack(nil, 0) },
			nil, "stack: need at least one array"},
		{"stack mismatch", func() (*Array, error) { return Stack([]*Array{vec(1, 2), vec(3)}, 0) },
			nil, "stack: all arrays must have the same shape, got (2,) and (1,)"},
		{"stack bad axis", func() (*Array, error) { return Stack([]*Array{vec(1, 2)}, 2) },
			nil, "axis 2 is out of bounds for array of dimension 2"},
		{"stack all axes", func() (*Array, error) { return Stack([]*Array{vec(1, 2)}, AllAxes) },
			nil, "this operation needs a single axis, not all axes"},
		{"hstack 1-d", func() (*Array, error) { return Hstack([]*Array{vec(1, 2), vec(3)}) },
			vec(1, 2, 3), ""},
		{"hstack numbers", func() (*Array, error) { return Hstack([]*Array{scalar(1), scalar(2)}) },
			vec(1, 2), ""},
		{"hstack 2-d", func() (*Array, error) { return Hstack([]*Array{m, arr(shape(2, 1), 5, 6)}) },
			arr(shape(2, 3), 1, 2, 5, 3, 4, 6), ""},
		{"hstack none", func() (*Array, error) { return Hstack(nil) },
			nil, "concatenate: need at least one array"},
		{"vstack 1-d", func() (*Array, error) { return Vstack([]*Array{vec(1, 2), vec(3, 4)}) },
			arr(shape(2, 2), 1, 2, 3, 4), ""},
		{"vstack mixed", func() (*Array, error) { return Vstack([]*Array{m, vec(5, 6)}) },
			arr(shape(3, 2), 1, 2, 3, 4, 5, 6), ""},
		{"vstack numbers", func() (*Array, error) { return Vstack([]*Array{scalar(1), scalar(2)}) },
			arr(shape(2, 1), 1, 2), ""},
		{"vstack mismatch", func() (*Array, error) { return Vstack([]*Array{vec(1, 2), vec(3)}) },
			nil, "concatenate: shapes (1, 2) and (1, 1) differ along axis 1, not only along axis 0"},
	} {
		got, err := c.got()
		check(t, c.name, got, err, c.want, c.err, 0)
	}
}
