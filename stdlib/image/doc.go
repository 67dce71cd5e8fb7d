// Package image implements calc's image functions with OpenCV's semantics:
// reading and writing PNG and JPEG files (and reading GIF), derivative
// filters (Sobel, Scharr, Laplacian), correlation with any kernel
// (Filter2D), Gaussian, box and median smoothing, morphology (erosion,
// dilation and their compounds), Canny's edges, colour conversion,
// histogram equalization, resizing (cv::resize's nearest, bilinear,
// bicubic and area interpolations), thresholding with Otsu's method,
// gradient magnitude and direction, conversion to 8 bits, and a focus
// measure. It knows nothing of the calc language.
//
// Images are array.Array values of float64, row-major: H×W for gray, H×W×C
// for C channels, which every filter processes channel by channel. Colour
// channels are in RGB order; OpenCV's are in BGR, so an image read here has
// its channels in the reverse order of cv2.imread's. File values are
// 0…255, and Read labels the images it returns with the depth
// array.Uint8 (OpenCV's CV_8U).
//
// The depth decides the arithmetic, as in OpenCV. On a float64 image each
// function gives what OpenCV 4.6 gives for a CV_64F image with a CV_64F
// result, to 1e-9: the kernels are OpenCV's (getDerivKernels,
// getGaussianKernel, Laplacian's 3×3 kernels), the borders are its
// BorderTypes, and the sums are formed in its order. On an 8-bit image the
// filters that keep the depth (GaussianBlur, BoxFilter, MedianBlur, the
// morphology, ToGray, ToHSV, EqualizeHist, the resizing) and Canny give
// OpenCV's 8-bit results to the bit, its fixed-point arithmetic copied
// where it has one; the derivative filters give float64 results, as cv::Sobel(img,
// CV_64F, ...) does, and array.Convert rounds and saturates any result to
// a depth as OpenCV stores one. The function documentation notes where
// OpenCV's results are of lower precision than float64 (Phase) or where
// its arithmetic is copied on purpose (Laplacian's float32 kernels).
// testdata/opencv_reference.py and testdata/opencv_more.py compute the
// reference outputs the tests compare against, and say how.
//
// The filters are separable where the kernel is (Sobel, Scharr, Gaussian,
// box, Laplacian with ksize ≥ 5), running as two 1-d passes; each source
// row is copied once into a buffer extended by the border, so the inner
// loops never test for edges; and the output rows are split into one band
// per CPU. The 8-bit filters whose OpenCV arithmetic is in integers
// (Canny, the median, bilinear resizing) compute in integers: the median
// and Canny on the image's bytes, converted once (bytesOf), with
// comparator networks and Canny's suppression in AVX-512 where the CPU
// has it; Canny follows its edges band by band as OpenCV's parallelCanny.
// Nothing is allocated per pixel. The
// filters take a context
// first and look at it between pieces of a fraction of a millisecond's
// work: once it is done (Ctrl-C, a time limit) they stop and return its
// error. Errors name the function and the argument at fault, in the form
// "sobel: ksize must be odd in [1, 31], or -1 for Scharr, got 4"; no input
// makes a function panic.
package image
