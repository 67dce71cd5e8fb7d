package image_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"calc/stdlib/array"
	"calc/stdlib/image"
)

func ExampleSobel() {
	// A vertical edge: x derivative 4·(right − left) with ksize 3.
	img := array.New([]int{3, 4}, []float64{
		0, 0, 10, 10,
		0, 0, 10, 10,
		0, 0, 10, 10,
	})
	gx, err := image.Sobel(context.Background(), img, 1, 0, 3, 1, 0, image.Reflect101)
	fmt.Println(gx.Floats()[:4], err)
	// Output: [0 40 40 0] <nil>
}

func ExampleThreshold() {
	img := array.New([]int{2, 4}, []float64{10, 12, 11, 200, 190, 13, 210, 205})
	out, t, _ := image.Threshold(img, 0, 1, image.Otsu)
	fmt.Println(t, out.Floats())
	// Output: 13 [0 0 0 1 1 0 1 1]
}

func ExampleGaussianKernel() {
	k, _ := image.GaussianKernel(5, 0) // OpenCV's fixed table for sigma ≤ 0
	fmt.Println(k)
	k, _ = image.GaussianKernel(3, 1)
	fmt.Printf("%.4f\n", k)
	// Output:
	// [0.0625 0.25 0.375 0.25 0.0625]
	// [0.2741 0.4519 0.2741]
}

func ExampleDerivKernels() {
	kx, ky, _ := image.DerivKernels(1, 0, 5)
	fmt.Println(kx, ky)
	// Output: [-1 -2 0 2 1] [1 4 6 4 1]
}

func ExampleWrite() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "ramp.png")

	// Values outside 0…255 are clipped; normalize maps the range instead.
	ramp := array.New([]int{1, 4, 3}, []float64{-50, 0, 0, 100, 100, 100, 200.5, 0, 0, 300, 0, 0})
	if err := image.Write(path, ramp, false); err != nil {
		fmt.Println(err)
	}
	back, _ := image.Read(path, false)
	fmt.Println(back.Shape, back.Floats())
	// Gray as OpenCV reads a PNG: libpng's truncated fixed point, so the
	// red 200 gives 59 (0.299·200 = 59.8).
	gray, _ := image.Read(path, true)
	fmt.Println(gray.Floats())
	err := image.Write(filepath.Join(dir, "ramp.bmp"), ramp, false)
	fmt.Println(err != nil)
	// Output:
	// [1 4 3] [0 0 0 100 100 100 200 0 0 255 0 0]
	// [0 100 59 76]
	// true
}

func ExampleGaussianBlur_eightBit() {
	// The same values smoothed as float64 and as an 8-bit image: OpenCV
	// keeps 8 bits, rounding its fixed-point sums half up (0.5 gives 1).
	values := []float64{0, 0, 2, 0, 0, 0, 7, 9}
	float := array.New([]int{1, 8}, values)
	eight := array.NewDepth([]int{1, 8}, values, array.Uint8)
	a, _ := image.GaussianBlur(context.Background(), float, 3, 1, 0, 0, image.Reflect101)
	b, _ := image.GaussianBlur(context.Background(), eight, 3, 1, 0, 0, image.Reflect101)
	fmt.Println(a.Floats(), a.Depth)
	fmt.Println(b.Floats(), b.Depth)
	// Output:
	// [0 0.5 1 0.5 0 1.75 5.75 8] float64
	// [0 1 1 1 0 2 6 8] uint8
}

func ExampleCanny() {
	// A step from 0 to 200: one line of edge pixels where the gradient peaks.
	img := array.NewDepth([]int{4, 6}, make([]float64, 24), array.Uint8)
	for y := range 4 {
		for x := 3; x < 6; x++ {
			img.Floats()[y*6+x] = 200
		}
	}
	edges, _ := image.Canny(context.Background(), img, 50, 150, 3, false)
	fmt.Println(edges.Floats()[6:12])
	// Output: [0 0 255 0 0 0]
}
