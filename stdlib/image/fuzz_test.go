package image

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead decodes arbitrary bytes as PNG, JPEG and GIF files: a broken
// file is an error, never a panic or a hang.
func FuzzRead(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.png")
	more, _ := filepath.Glob("testdata/*.jpg")
	for _, path := range append(seeds, more...) {
		if data, err := os.ReadFile(path); err == nil && len(data) < 64<<10 {
			f.Add(data)
		}
	}
	f.Add([]byte("GIF89a"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		for _, ext := range []string{".png", ".jpg", ".gif"} {
			path := filepath.Join(dir, "fuzz"+ext)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			img, err := Read(path, ext == ".jpg")
			if err == nil && img.Len() != sizeOf(img.Shape) {
				t.Fatalf("%s: shape %v does not fit %d values", ext, img.Shape, img.Len())
			}
		}
	})
}

func sizeOf(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}
