"""Runs the lesson notebooks with Debian's nbclient on calc's kernel.

TestJupyterNotebooks (jupyter_test.go) runs it with the kernelspec
installed in a temporary prefix named by JUPYTER_PATH, and the examples
folder as its argument. Each examples/notebooks/NAME.ipynb is executed as
Jupyter would; the text of its outputs, in order, must be the golden
examples/NAME.out, and every figure must come as a PNG and an SVG.
"""

import base64
import difflib
import glob
import os
import sys

import nbclient
import nbformat

examples = sys.argv[1]
failed = False
for path in sorted(glob.glob(os.path.join(examples, "notebooks", "*.ipynb"))):
    name = os.path.splitext(os.path.basename(path))[0]
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, kernel_name="calc", timeout=300).execute()
    text, figures = [], 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out["output_type"] == "stream":
                text.append(out["text"])
            elif out["output_type"] in ("display_data", "execute_result"):
                text.append(out["data"]["text/plain"] + "\n")
                if "image/png" in out["data"]:
                    png = base64.b64decode(out["data"]["image/png"])
                    if not png.startswith(b"\x89PNG") or "<svg" not in out["data"].get("image/svg+xml", ""):
                        print(f"FAIL: {name}: a figure is not PNG and SVG")
                        failed = True
                    figures += 1
    with open(os.path.join(examples, name + ".out")) as f:
        want = f.read()
    got = "".join(text)
    if got != want:
        failed = True
        print(f"FAIL: {name}: the notebook's outputs differ from {name}.out:")
        sys.stdout.writelines(list(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "want", "got"))[:40])
    else:
        print(f"{name}: {len(nb.cells)} cells, outputs as {name}.out, {figures} figures")
sys.exit(1 if failed else 0)
