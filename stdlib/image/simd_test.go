package image

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestLinearDown checks linearDown (with AVX2 where the CPU has it)
// against linearDownGo on rows of every length up to 80, with values and
// weights up to the largest linearAcross can make: rows of 255 times
// weights summing to 2049 (two weights rounded up).
func TestLinearDown(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for n := range 80 {
		for range 20 {
			b0 := rng.Int32N(2049)
			b1 := 2047 + rng.Int32N(3) - b0
			r0, r1 := make([]int32, n), make([]int32, n)
			for i := range n {
				r0[i], r1[i] = rng.Int32N(255*2049+1), rng.Int32N(255*2049+1)
				if rng.IntN(4) == 0 {
					r0[i], r1[i] = 255*2049, 255*2049
				}
			}
			got, want := make([]uint8, n), make([]uint8, n)
			linearDown(got, r0, r1, b0, b1)
			linearDownGo(want, r0, r1, b0, b1)
			if !slices.Equal(got, want) {
				t.Fatalf("n %d, weights %d and %d: got %v, want %v", n, b0, b1, got, want)
			}
		}
	}
}

// TestLinearAcross checks linearAcross (with AVX2 where the CPU has it)
// against linearAcrossGo for pixels of 1 to 4 values, on rows of random
// bytes with offsets anywhere in the row, the last pixel's among them.
func TestLinearAcross(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for c := 1; c <= 4; c++ {
		for n := range 70 {
			width := 1 + rng.IntN(40)
			in := make([]uint8, width*c+acrossSlack)
			for i := range in[:width*c] {
				in[i] = uint8(rng.IntN(256))
			}
			off, w := make([]int32, n), make([]int32, n)
			for i := range n {
				x := rng.IntN(width)
				if i%5 == 0 {
					x = width - 1
				}
				off[i] = int32(x*c + i%c)
				w0 := rng.Int32N(2049)
				w1 := 2048 - w0
				if x == width-1 {
					w0, w1 = 2048, 0
				}
				w[i] = w0 | w1<<16
			}
			got, want := make([]int32, n), make([]int32, n)
			linearAcross(in, c, off, w, got)
			linearAcrossGo(in, c, off, w, want)
			if !slices.Equal(got, want) {
				t.Fatalf("c %d, n %d: got %v, want %v", c, n, got, want)
			}
		}
	}
}

// TestCubic8 checks cubicAcross8 and cubicVector8 (with AVX2 where the CPU
// has it) against cubicAcross8Go and cubicVector8Go: rows of random bytes
// of 1 to 4 values a pixel with random weights of up to ±1.5·2¹¹, and
// columns of the sums those can make.
func TestCubic8(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	weight := func() int16 { return int16(rng.IntN(3*2048+1) - 1536) }
	for c := 1; c <= 4; c++ {
		for n := range 60 {
			width := 1 + rng.IntN(40)
			in := make([]uint8, (width+2*cubicPad)*c)
			for i := range in {
				in[i] = uint8(rng.IntN(256))
			}
			base, wx := make([]int32, n), make([][4]int16, n)
			for i := range n {
				base[i] = int32(rng.IntN(width+1)*c + rng.IntN(c))
				wx[i] = [4]int16{weight(), weight(), weight(), weight()}
			}
			got, want := make([]int32, n), make([]int32, n)
			cubicAcross8(in, c, base, wx, got)
			cubicAcross8Go(in, c, base, wx, want)
			if !slices.Equal(got, want) {
				t.Fatalf("across, c %d, n %d: got %v, want %v", c, n, got, want)
			}
		}
	}
	for n := range 80 {
		var r [4][]int32
		for k := range r {
			r[k] = make([]int32, n)
			for i := range n {
				r[k][i] = int32(rng.IntN(255*4096) - 255*1024)
			}
		}
		bf := [4]float32{}
		for k := range bf {
			bf[k] = float32(weight()) * (1.0 / (1 << 22))
		}
		got, want := make([]uint8, n), make([]uint8, n)
		cubicVector8(r, &bf, got)
		cubicVector8Go(r, &bf, want)
		if !slices.Equal(got, want) {
			t.Fatalf("column, n %d: got %v, want %v", n, got, want)
		}
	}
}

// TestRound8 checks round8 against math.RoundToEven on halves, their
// neighbours and values beyond 0…255.
func TestRound8(t *testing.T) {
	for i := -600; i <= 1200; i++ {
		for _, v := range []float32{float32(i) / 2, math.Nextafter32(float32(i)/2, -1e9), math.Nextafter32(float32(i)/2, 1e9)} {
			want := uint8(min(max(math.RoundToEven(float64(v)), 0), 255))
			if got := round8(v); got != want {
				t.Fatalf("round8(%v) = %d, want %d", v, got, want)
			}
		}
	}
}

// TestAreaAcross8 checks newAreaAcross8's function (with AVX2 where the
// CPU has it) against areaAcross on OpenCV's area tables for shrinking
// rows of random bytes of 1 to 3 values a pixel by many factors.
func TestAreaAcross8(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for c := 1; c <= 3; c++ {
		for src := 1; src < 90; src += 1 + src/8 {
			for w := 1; w <= src; w += 1 + w/5 {
				across := areaTables(w, src)
				first := tableStarts(across, w)
				row := make([]uint8, src*c+acrossSlack)
				for i := range row[:src*c] {
					row[i] = uint8(rng.IntN(256))
				}
				got, want := make([]float32, w*c), make([]float32, w*c)
				newAreaAcross8(across, first, c)(row, got)
				areaAcross(row, c, across, first, want)
				if !slices.Equal(got, want) {
					t.Fatalf("c %d, %d to %d: got %v, want %v", c, src, w, got, want)
				}
			}
		}
	}
}

// TestNewLinearAcross checks newLinearAcross's function (by byte permutes
// or gathers where the CPU has them) against linearAcrossGo on the taps of
// shrinking and enlarging rows of 1 and 3 values a pixel by many factors.
func TestNewLinearAcross(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for _, c := range []int{1, 3} {
		for src := 1; src < 300; src += 1 + src/4 {
			for _, n := range []int{1, src / 3, src / 2, src * 2 / 3, src - 1, src, src + 7, 3 * src} {
				if n < 1 {
					continue
				}
				off, w := linearTaps(n, src, true).fixed(c)
				in := make([]uint8, src*c+acrossSlack)
				for i := range in[:src*c] {
					in[i] = uint8(rng.IntN(256))
				}
				got, want := make([]int32, n*c), make([]int32, n*c)
				newLinearAcross(c, off, w)(in, got)
				linearAcrossGo(in, c, off, w, want)
				if !slices.Equal(got, want) {
					t.Fatalf("c %d, %d to %d: got %v, want %v", c, src, n, got, want)
				}
			}
		}
	}
}

// TestAddScaled checks addScaledBytes and addScaled (with AVX2 where the
// CPU has it) against their Go loops on every length up to 40.
func TestAddScaled(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	for n := range 40 {
		k := rng.Int32N(1<<16) - 1<<15
		src8, src := make([]uint8, n), make([]int32, n)
		got, want := make([]int32, n), make([]int32, n)
		for i := range n {
			src8[i], src[i] = uint8(rng.IntN(256)), rng.Int32N(1<<20)-1<<19
			got[i] = rng.Int32N(1 << 20)
			want[i] = got[i]
		}
		addScaledBytes(got, src8, k)
		addScaledBytesGo(want, src8, k)
		addScaled(got, src, k)
		addScaledGo(want, src, k)
		if !slices.Equal(got, want) {
			t.Fatalf("n %d, k %d: got %v, want %v", n, k, got, want)
		}
	}
}

// TestRoundShift checks roundShift (with AVX2 where the CPU has it)
// against roundShiftGo on sums around and beyond the bytes' range, with
// the shifts of GaussianBlur and of unnormalized sums.
func TestRoundShift(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	for _, r := range []fixedRound{{1, 1 << 15, 16}, {1, 0, 0}} {
		for n := range 40 {
			sums := make([]int32, n)
			for i := range sums {
				sums[i] = rng.Int32N(300<<r.shift) - 20<<r.shift
			}
			got, want := make([]uint8, n), make([]uint8, n)
			r.round(got, sums)
			roundShiftGo(want, sums, int32(r.add), r.shift)
			if !slices.Equal(got, want) {
				t.Fatalf("%v, n %d: got %v, want %v", r, n, got, want)
			}
		}
	}
}
