// Package dataio reads and writes the files a scientist's data lives in:
// numpy's .npy and .npz, delimited text as numpy.loadtxt and savetxt read
// and write it, CSV (RFC 4180) and JSON. It knows nothing of the calc
// language: readers return arrays, tables and plain Go values, and report
// bad input as errors that start with the file's name, line and column.
//
// Every writer replaces its file atomically (see WriteFile), and every
// reader takes a limit on the number of elements it may allocate, checked
// before the allocation, so a header that promises 10^12 elements is an
// error rather than an out-of-memory crash.
package dataio
