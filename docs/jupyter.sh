#!/usr/bin/env bash
# Makes docs/jupyter.png, the README's picture of calc in a notebook: a
# short lesson converted by `calc jupyter notebook`, run by nbconvert on
# the calc kernel, rendered to HTML with a local MathJax and photographed
# by headless chromium. PNG is preferred to SVG: nbconvert strips SVG
# outputs down to their text when it sanitises the HTML. Needs Debian's python3-nbconvert, libjs-mathjax
# and chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/calc" ./cmd/calc
"$work/calc" jupyter install --prefix "$work/prefix" >/dev/null
cat > "$work/lesson.calc" <<'CALC'
# The tangent line, exactly: calc differentiates symbolically.
f(x) = x**2*sin(x)
df = diff(f)
df
tangent = f(2) + df(2)*(x - 2)
tangent

# Figures show inline, formulas render.
plot([f, tangent], 0, 3.5, {title: "f and its tangent at 2", grid: true})
CALC
"$work/calc" jupyter notebook "$work/lesson.calc" > "$work/lesson.ipynb"
JUPYTER_PATH="$work/prefix/share/jupyter" JUPYTER_DATA_DIR="$work/data" JUPYTER_RUNTIME_DIR="$work/runtime" \
  python3 -m nbconvert --to html --execute --ExecutePreprocessor.kernel_name=calc \
  --HTMLExporter.mathjax_url="file:///usr/share/javascript/mathjax/MathJax.js?config=TeX-AMS_HTML" \
  --NbConvertBase.display_data_priority="['text/html', 'text/latex', 'image/png', 'text/plain']" \
  --output-dir "$work" "$work/lesson.ipynb" >/dev/null 2>&1
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --allow-file-access-from-files \
  --virtual-time-budget=5000 --window-size=900,810 --screenshot="$PWD/docs/jupyter.png" \
  "file://$work/lesson.html" 2>/dev/null
echo "wrote docs/jupyter.png"
