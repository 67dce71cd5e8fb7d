// The page's worker: it runs calc (calc.wasm, Go compiled to
// WebAssembly) off the page's thread, so that a long computation never
// freezes the page. The page stops a runaway run by terminating this
// worker and starting a new one.
//
// Messages in:  {type: "run", id, text, name, fresh, limits}
//               {type: "replay", texts}  runs earlier programs silently
//               {type: "file", path, bytes}  a file for imread
// Messages out: {type: "ready", ms, version}
//               {type: "started", id}  a run begins (the page's time limit counts from here)
//               {type: "result", id, result, files, ms}
//               {type: "replayed", ms, failed}
//               {type: "crashed", id, message}  calc died (a Go panic): start a new worker
//               {type: "fatal", message}
"use strict";

importScripts("memfs.js", "wasm_exec.js");

const started = performance.now();

const ready = (async () => {
	const go = new Go();
	const response = fetch("calc.wasm");
	let result;
	try {
		result = await WebAssembly.instantiateStreaming(response, go.importObject);
	} catch (e) { // a server that does not say application/wasm
		const bytes = await (await fetch("calc.wasm")).arrayBuffer();
		result = await WebAssembly.instantiate(bytes, go.importObject);
	}
	go.run(result.instance); // returns once main waits: globalThis.calc is set
	postMessage({ type: "ready", ms: performance.now() - started, version: calc.version });
})().catch(e => postMessage({ type: "fatal", message: String(e) }));

// run runs a program; it throws if calc has died, as after a Go panic
// (calc.run then returns nothing, and throws once the program has exited).
function run(text, name) {
	const out = calc.run(text, name);
	if (typeof out !== "string") throw new Error("calc stopped");
	return JSON.parse(out);
}

onmessage = async (e) => {
	await ready;
	const m = e.data;
	try {
		handle(m);
	} catch (err) {
		postMessage({ type: "crashed", id: m.id, message: memfs.takeStderr() || String(err) });
	}
};

function handle(m) {
	switch (m.type) {
	case "run": {
		postMessage({ type: "started", id: m.id });
		if (m.fresh) calc.reset();
		if (m.limits) calc.limits(JSON.stringify(m.limits));
		const t0 = performance.now();
		const result = run(m.text, m.name);
		const ms = performance.now() - t0;
		const files = memfs.takeWritten();
		postMessage({ type: "result", id: m.id, result, files, ms }, files.map(f => f.bytes.buffer));
		break;
	}
	case "replay": {
		const t0 = performance.now();
		let failed = 0;
		calc.reset();
		for (const text of m.texts) {
			if (run(text, "program.calc").error) failed++;
		}
		memfs.takeWritten();
		postMessage({ type: "replayed", ms: performance.now() - t0, failed });
		break;
	}
	case "file":
		memfs.put(m.path, m.bytes);
		break;
	}
}
