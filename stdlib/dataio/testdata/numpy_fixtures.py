"""Writes the .npy, .npz and text fixtures of dataio's tests with numpy.

Run with Debian's python3-numpy (numpy 1.24) from this directory:
    /usr/bin/python3 numpy_fixtures.py
The arrays are made of np.arange, so the tests know their values in closed
form; the text cases keep numpy's own results in loadtxt.npz.
"""
import io
import numpy as np
import numpy.lib.format as fmt

a = np.arange(12, dtype=np.float64).reshape(3, 4) / 4 - 1  # -1, -0.75, ..., 1.75

np.save("f8.npy", a)
np.save("f8_be.npy", a.astype(">f8"))
np.save("f8_fortran.npy", np.asfortranarray(a))
np.save("f8_3d_fortran.npy", np.asfortranarray(np.arange(24.0).reshape(2, 3, 4)))
np.save("f4_be.npy", a.astype(">f4"))
np.save("f2.npy", a.astype("<f2"))
np.save("i8.npy", np.arange(-3, 3, dtype=np.int64))
np.save("i4_be.npy", np.arange(-3, 3, dtype=">i4"))
np.save("i2.npy", np.arange(-3, 3, dtype="<i2"))
np.save("i1.npy", np.arange(-3, 3, dtype="i1"))
np.save("u8.npy", np.array([0, 1, 2**53, 2**64 - 1], dtype=np.uint64))
np.save("u2_be.npy", np.arange(6, dtype=">u2"))
np.save("u1.npy", np.arange(250, 256, dtype=np.uint8))
np.save("b1.npy", np.array([[True, False], [False, True]]))
np.save("scalar.npy", np.float64(2.5))
np.save("empty.npy", np.zeros((0, 3)))
np.save("c16.npy", np.array([1 + 2j]))
np.save("u10.npy", np.array(["text"]))
with open("f8_v2.npy", "wb") as f:
    fmt.write_array(f, a, version=(2, 0))
np.savez("savez.npz", a=a, labels=np.arange(3), mask=np.array([True, False]))
np.savez_compressed("savez_compressed.npz", a=a)

# loadtxt: the inputs and numpy's results.
texts = {
    "spaces": "# x y z\n1 2 3\n\n4  5\t6   # comment\n7e0 -8.5 inf\n",
    "commas": "a,b,c\n1,2,3\n4,,6\r\n7,8,nan\n",
    "one_column": "1\n2\n3\n",
    "one_row": "1 2 3\n",
}
results = {
    "spaces": np.loadtxt(io.StringIO(texts["spaces"])),
    "commas": np.genfromtxt(io.StringIO(texts["commas"]), delimiter=",", skip_header=1),
    "commas_usecols": np.genfromtxt(io.StringIO(texts["commas"]), delimiter=",", skip_header=1, usecols=(2, 0)),
    "one_column": np.loadtxt(io.StringIO(texts["one_column"])),
    "one_row": np.loadtxt(io.StringIO(texts["one_row"])),
    "one_row_ndmin2": np.loadtxt(io.StringIO(texts["one_row"]), ndmin=2),
    "one_column_ndmin2": np.loadtxt(io.StringIO(texts["one_column"]), ndmin=2),
    "spaces_max_rows": np.loadtxt(io.StringIO(texts["spaces"]), max_rows=2),
    "spaces_skiprows": np.loadtxt(io.StringIO(texts["spaces"]), skiprows=2),
}
for name, text in texts.items():
    with open(name + ".txt", "w", newline="") as f:
        f.write(text)
np.savez("loadtxt.npz", **results)

# savetxt: numpy's output for a few formats.
m = np.array([[1.5, -2.0, 1e-7], [np.nan, np.inf, -np.inf], [1234.5678, 0.0, -0.1]])
m_int = np.array([[1.0, -2.0, 3.7], [400.0, 5.0, -6.9]])
np.savetxt("savetxt_default.txt", m)
np.savetxt("savetxt_g.txt", m, fmt="%g", delimiter=",", header="a,b,c\nsecond line", footer="end")
np.savetxt("savetxt_widths.txt", m, fmt=["%10.3f", "%-+9.2e", "%08.3G"])
np.savetxt("savetxt_multi.txt", m_int, fmt="%d | %5i | %.1f")
np.savetxt("savetxt_vector.txt", np.array([1.0, 2.5, 3.0]), fmt="%.2f")
