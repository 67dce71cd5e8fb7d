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
	fmt.Println(gx.Data[:4], err)
	// Output: [0 40 40 0] <nil>
}

func ExampleThreshold() {
	img := array.New([]int{2, 4}, []float64{10, 12, 11, 200, 190, 13, 210, 205})
	out, t, _ := image.Threshold(img, 0, 1, image.Otsu)
	fmt.Println(t, out.Data)
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
	fmt.Println(back.Shape, back.Data)
	// Gray as OpenCV reads a PNG: libpng's truncated fixed point, so the
	// red 200 gives 59 (0.299·200 = 59.8).
	gray, _ := image.Read(path, true)
	fmt.Println(gray.Data)
	err := image.Write(filepath.Join(dir, "ramp.bmp"), ramp, false)
	fmt.Println(err != nil)
	// Output:
	// [1 4 3] [0 0 0 100 100 100 200 0 0 255 0 0]
	// [0 100 59 76]
	// true
}
