"""End-to-end test of calc's Jupyter kernel with the real Jupyter client.

TestJupyterEndToEnd (jupyter_test.go) runs it with Debian's
python3-jupyter-client after installing the kernelspec in a temporary
prefix named by JUPYTER_PATH. It starts the kernel the way Jupyter does
(KernelManager and the kernelspec), talks to it with a
BlockingKernelClient, prints what it measured and exits non-zero on the
first failed check.
"""

import base64
import signal
import statistics
import sys
import time

from jupyter_client import KernelManager


def check(cond, what, detail=""):
    if not cond:
        print(f"FAIL: {what}\n{detail}")
        sys.exit(1)


def run(kc, code, timeout=20):
    """Runs a cell; returns its execute_reply content and its outputs."""
    outputs = []
    reply = kc.execute_interactive(code, timeout=timeout, output_hook=outputs.append)
    return reply["content"], [(m["msg_type"], m["content"]) for m in outputs
                              if m["msg_type"] not in ("status", "execute_input")]


def main():
    start = time.perf_counter()
    km = KernelManager(kernel_name="calc")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    info = kc.kernel_info(reply=True, timeout=20)["content"]
    started = time.perf_counter() - start
    check(info["protocol_version"] == "5.3", "protocol version", info)
    check(info["language_info"]["name"] == "calc", "language_info", info)
    kc.wait_for_ready(timeout=20)
    print(f"KernelManager.start_kernel to kernel_info_reply (jupyter_client's own work included): {started * 1000:.1f} ms")

    reply, out = run(kc, "1 + 2")
    check(reply["status"] == "ok", "execute 1 + 2", reply)
    check(out == [("execute_result", {"data": {"text/plain": "3"}, "metadata": {}, "execution_count": 1})],
          "the result of 1 + 2", out)

    reply, out = run(kc, 'f(x) = x**2*sin(x)\nprint("derivative:")\ndiff(f(x), x)\nplot(f, 0, 3)\nf(2)')
    kinds = [kind for kind, _ in out]
    check(kinds == ["stream", "display_data", "display_data", "execute_result"], "output kinds", out)
    check(out[0][1]["text"] == "derivative:\n", "printed text", out[0])
    check(out[1][1]["data"] == {"text/plain": "2*x*sin(x) + x**2*cos(x)",
                                "text/latex": r"$2 x \sin\left(x\right) + x^{2} \cos\left(x\right)$"},
          "the derivative as text and LaTeX", out[1])
    png = base64.b64decode(out[2][1]["data"]["image/png"])
    check(png.startswith(b"\x89PNG") and len(png) > 1000, "the figure as PNG", len(png))
    check("<svg" in out[2][1]["data"]["image/svg+xml"], "the figure as SVG")
    check(out[3][1]["data"]["text/plain"] == "3.637189707", "f(2)", out[3])

    reply, out = run(kc, "y = 1\nz = 2 * sinn(y)")
    check(reply["status"] == "error", "an error's reply", reply)
    check(reply["traceback"] == ['In[3]:2:9: unknown function "sinn" (did you mean "sign" or "sin"?)',
                                 "    z = 2 * sinn(y)", "            ^"], "the traceback with its caret", reply)
    check(out[0][0] == "error", "the error on iopub", out)

    matches = kc.complete("fmi", 3, reply=True)["content"]
    check("fmin" in matches["matches"] and matches["cursor_start"] == 0, "completion of fmi", matches)
    run(kc, "r = {alpha: 1, beta: 2}")
    matches = kc.complete("r.al", 4, reply=True)["content"]
    check(matches["matches"] == ["alpha"] and matches["cursor_start"] == 2, "completion of a record's field", matches)
    help_ = kc.inspect("fmin(x**2, ", 11, reply=True)["content"]
    check(help_["found"] and "Nelder" in help_["data"]["text/plain"], "inspection of fmin", help_)
    kc.is_complete("f(1,")
    check(kc.get_shell_msg(timeout=10)["content"]["status"] == "incomplete", "is_complete of an open bracket")

    run(kc, "k = 7\nh(j) = j*j\ng(i) = sum(map(h, range(10000)))")
    for how in ("interrupt_request", "SIGINT"):
        msg_id = kc.execute("sum(map(g, range(1e6)))")
        time.sleep(0.3)
        begun = time.perf_counter()
        if how == "SIGINT":
            km.signal_kernel(signal.SIGINT)
        else:
            km.interrupt_kernel()  # the kernelspec's interrupt_mode is "message"
        while True:
            reply = kc.get_shell_msg(timeout=10)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        took = time.perf_counter() - begun
        check(reply["content"]["status"] == "error" and reply["content"]["ename"] == "Interrupted",
              f"the reply of a cell stopped by {how}", reply["content"])
        check(took < 1, f"{how} stops the cell within 1 s", took)
        print(f"{how} stopped a running cell in {took * 1000:.0f} ms")
        reply, out = run(kc, "k * h(2)")
        check(out and out[-1][1]["data"]["text/plain"] == "28", f"the session after {how}", out)

    times = []
    for _ in range(200):
        begun = time.perf_counter()
        run(kc, "1")
        times.append(time.perf_counter() - begun)
    print(f"round trip of a trivial cell: median {statistics.median(times) * 1000:.2f} ms over {len(times)}")

    kc.stop_channels()
    km.shutdown_kernel(now=False)
    check(not km.is_alive(), "the kernel stopped on shutdown_request")
    print("ok")


main()
