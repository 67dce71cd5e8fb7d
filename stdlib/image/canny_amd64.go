package image

// vectorSlack is the room suppressVector needs in edges beyond a row's
// pixels: it stores its positions 16 at a time.
const vectorSlack = 16

//go:noescape
func suppressAVX512(mag, above, below, gx, gy *int32, n int, lo, hi int, out *uint8, pos int, edges *int32) int

// suppressVector runs suppressRow's loop on the row's first pixels, 16 at a
// time, with AVX-512 where the CPU has it, and returns how many pixels it
// did and the edges with theirs appended (see suppressRow): edges has
// room for the row's pixels and vectorSlack more.
func suppressVector(mag, above, below, gx, gy []int32, lo, hi int32, out []uint8, at int, edges []int32) (int, []int32) {
	n := len(gx) &^ 15
	if !hasAVX512BW || n == 0 {
		return 0, edges
	}
	top := len(edges)
	count := suppressAVX512(&mag[0], &above[0], &below[0], &gx[0], &gy[0], n, int(lo), int(hi), &out[1], at+1, &edges[:top+vectorSlack][top])
	return n, edges[:top+count]
}

//go:noescape
func gradient3AVX512(above, row, below *uint8, n int, l2 bool, mag, gx, gy *int32)

// hasGradientVector reports whether gradientVector runs here.
var hasGradientVector = hasAVX512BW

// gradientVector sets gx, gy and mag (each w long) to the Sobel
// derivatives of aperture 3 and the gradient's magnitude (the square of
// its L2 norm if l2) of a row of a gray image, at least 16 pixels wide,
// from the rows above, at and below it extended by one pixel of border on
// each side, with AVX-512.
func gradientVector(above, row, below []uint8, l2 bool, mag, gx, gy []int32) {
	w := len(gx)
	_, _, _, _, _ = above[w+1], row[w+1], below[w+1], mag[w-1], gy[w-1]
	gradient3AVX512(&above[0], &row[0], &below[0], w, l2, &mag[0], &gx[0], &gy[0])
}
