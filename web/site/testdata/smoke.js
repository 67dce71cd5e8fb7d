// A smoke test of calc.wasm in Node.js, as the page's worker loads it:
// node smoke.js DIST < programs.json, where programs.json is an array of
// program texts. Each runs in a fresh session; the output is a JSON array
// of {result, files} with the paths of the files each wrote.
"use strict";
const fs = require("fs");
const path = require("path");
const dist = process.argv[2];
if (!globalThis.crypto) globalThis.crypto = require("crypto").webcrypto; // Node.js 18
require(path.resolve(dist, "memfs.js"));
require(path.resolve(dist, "wasm_exec.js"));

(async () => {
	const programs = JSON.parse(fs.readFileSync(0, "utf8"));
	const go = new Go();
	const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(dist, "calc.wasm")), go.importObject);
	go.run(instance);
	const out = [];
	for (const text of programs) {
		calc.reset();
		const result = JSON.parse(calc.run(text, "smoke.calc"));
		out.push({ result, files: memfs.takeWritten().map(f => f.path) });
	}
	process.stdout.write(JSON.stringify(out));
	process.exit(0);
})().catch(e => { console.error(e); process.exit(1); });
