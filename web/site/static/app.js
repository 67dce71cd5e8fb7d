// The page of calc in the browser: an editor with highlighting and line
// numbers, runs in a Web Worker (worker.js), output with figures, errors
// marked in the editor, lessons, shareable links and a Stop that
// restarts the worker.
"use strict";

const $ = (id) => document.getElementById(id);
const source = $("source"), highlight = $("highlight"), marks = $("marks"), gutter = $("gutter");
const output = $("output"), status = $("status"), stopButton = $("stop");

let keywords = new Set(), builtins = new Set(), constants = new Set(); // from examples.json
let examples = [];

// ---- the editor ----

const escape = (s) => s.replace(/[&<>]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]);

// One regular expression finds the tokens worth colouring: comments,
// strings, numbers, names and operators.
const TOKEN = /(#[^\n]*)|("(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?)|((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[jJ]?)|([A-Za-z_][A-Za-z_0-9]*)|(->|\*\*|\/\/|[-+*\/%^@<>=!?:|]=?)/g;

function colour(text) {
	let html = "", last = 0;
	for (const m of text.matchAll(TOKEN)) {
		html += escape(text.slice(last, m.index));
		const cls = m[1] ? "c" : m[2] ? "s" : m[3] ? "n" : m[4] ? (keywords.has(m[4]) || constants.has(m[4]) ? "k" : builtins.has(m[4]) ? "f" : "") : "o";
		html += cls ? `<span class="${cls}">${escape(m[0])}</span>` : escape(m[0]);
		last = m.index + m[0].length;
	}
	return html + escape(text.slice(last));
}

let errorAt = null; // {line, col} of the last run's error, 1-based

function render() {
	const text = source.value;
	highlight.innerHTML = colour(text) + "\n";
	const lines = text.split("\n");
	gutter.innerHTML = lines.map((_, i) => errorAt && errorAt.line === i + 1 ? `<span class="err">${i + 1}</span>` : String(i + 1)).join("\n") + "\n";
	marks.innerHTML = "";
	if (errorAt && errorAt.line <= lines.length) {
		const chars = [...lines[errorAt.line - 1]];
		const col = Math.min(errorAt.col, chars.length + 1) - 1;
		marks.innerHTML = "\n".repeat(errorAt.line - 1) + '<span class="errline">' + escape(chars.slice(0, col).join("")) +
			'<span class="errcol">' + escape(chars[col] || " ") + "</span>" + escape(chars.slice(col + 1).join("")) + "</span>";
	}
	scroll();
}

function scroll() {
	const t = `translate(${-source.scrollLeft}px, ${-source.scrollTop}px)`;
	highlight.style.transform = marks.style.transform = t;
	gutter.scrollTop = source.scrollTop;
}

function markError(at) {
	errorAt = at && at.line > 0 ? at : null;
	render();
}

source.addEventListener("input", () => { errorAt = null; render(); });
source.addEventListener("scroll", scroll);
source.addEventListener("keydown", (e) => {
	if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(true); }
	else if (e.key === "Enter" && e.shiftKey) { e.preventDefault(); run(false); }
	else if (e.key === "Tab" && !e.ctrlKey && !e.altKey) {
		e.preventDefault();
		document.execCommand("insertText", false, "    ");
	}
});

// goTo puts the caret at a 1-based line and column.
function goTo(line, col) {
	const lines = source.value.split("\n");
	let at = 0;
	for (let i = 0; i < line - 1 && i < lines.length; i++) at += lines[i].length + 1;
	at += [...(lines[line - 1] || "")].slice(0, col - 1).join("").length;
	source.focus();
	source.setSelectionRange(at, at);
}

// ---- the worker ----

let worker = null, workerReady = false;
let running = null;    // the run in progress: {id, fresh, text, at, timer}
let nextID = 1;
let sessionLog = [];   // programs run in the current session, for a replay
let uploads = [];      // files the user gave, sent again to a new worker

// The page counts its events in data- attributes of <body>, for the
// browser tests: ready, runs, restarted, readyAt and firstResult (ms since
// the navigation started), lastMs (calc's time in the last run).
const counted = (key) => { document.body.dataset[key] = String(Number(document.body.dataset[key] || 0) + 1); };

function startWorker(replay) {
	workerReady = false;
	document.body.dataset.ready = "false";
	worker = new Worker("worker.js");
	worker.onmessage = (e) => receive(e.data);
	for (const f of uploads) worker.postMessage({ type: "file", path: f.path, bytes: f.bytes.slice(0) });
	if (replay.length) worker.postMessage({ type: "replay", texts: replay });
}

function receive(m) {
	switch (m.type) {
	case "ready":
		workerReady = true;
		document.body.dataset.ready = "true";
		document.body.dataset.readyAt ||= String(Math.round(performance.now()));
		setStatus(`calc ${m.version} ready (${Math.round(m.ms)} ms)`);
		break;
	case "replayed":
		note(`session restarted: ${sessionLog.length} earlier run${sessionLog.length === 1 ? "" : "s"} replayed` + (m.failed ? ` (${m.failed} stopped at an error, as before)` : ""));
		counted("restarted");
		break;
	case "started": {
		// The time limit counts calc's time, not the worker's start.
		const seconds = Number($("timelimit").value);
		if (running && m.id === running.id) setStatus("running…");
		if (running && m.id === running.id && seconds > 0) {
			running.timer = setTimeout(() => stop(`stopped: the time limit of ${seconds} s passed`), seconds * 1000);
		}
		break;
	}
	case "result":
		finish(m);
		break;
	case "crashed":
		// A run's crash restarts the session without that run; a crash in
		// a replay restarts it empty.
		if (running && m.id === running.id) restart("calc crashed: " + m.message);
		else if (m.id === undefined) { sessionLog = []; restart("calc crashed while replaying the session: " + m.message); }
		break;
	case "fatal":
		setStatus("calc could not start: " + m.message);
		break;
	}
}

function setStatus(s) { status.textContent = s; }

function limits() {
	return { maxElements: Number($("maxelements").value) || 0 };
}

// run runs the whole program in a fresh session, or (fresh false) the
// selection or the current line in the session as it is.
function run(fresh) {
	if (running) return;
	let text = source.value, start = 0;
	if (!fresh) {
		const { selectionStart: a, selectionEnd: b } = source;
		let end = b;
		if (a !== b) start = a;
		else {
			start = text.lastIndexOf("\n", a - 1) + 1;
			end = text.indexOf("\n", a);
			if (end < 0) end = text.length;
		}
		text = text.slice(start, end);
		if (!text.trim()) return;
	}
	// Where the text starts in the editor, to mark its errors there.
	const before = source.value.slice(0, start).split("\n");
	const at = { line: before.length - 1, col: [...before[before.length - 1]].length };
	if (fresh) output.innerHTML = "";
	else append("pre", "echo", text);
	markError(null);
	running = { id: nextID++, fresh, text, at };
	stopButton.disabled = false;
	setStatus(workerReady ? "running…" : "loading calc…");
	worker.postMessage({ type: "run", id: running.id, text, name: fresh ? "program.calc" : "line", fresh, limits: limits() });
}

function finish(m) {
	if (!running || m.id !== running.id) return;
	clearTimeout(running.timer);
	const { fresh, text, at } = running;
	sessionLog = fresh ? [text] : sessionLog.concat([text]);
	running = null;
	stopButton.disabled = true;
	const e = m.result.error;
	if (e && e.line > 0) { // from the run's text to the editor
		e.col += e.line === 1 ? at.col : 0;
		e.line += at.line;
	}
	show(m.result, m.files);
	markError(e);
	setStatus(`done in ${Math.round(m.ms)} ms`);
	document.body.dataset.lastMs = String(m.ms);
	document.body.dataset.firstResult ||= String(Math.round(performance.now()));
	counted("runs");
}

// stop ends a run by terminating the worker; a new one replays the
// session's earlier programs, so their names are defined again.
function stop(why) {
	if (running) restart(why);
}

// restart ends the worker, says why (a sentence), and starts a new one.
function restart(why) {
	if (running) {
		clearTimeout(running.timer);
		if (running.fresh) sessionLog = []; // the run had started a new session
	}
	running = null;
	worker.terminate();
	stopButton.disabled = true;
	note(why);
	setStatus("restarting calc…");
	if (sessionLog.length === 0) {
		startWorker([]);
		note("session restarted");
		counted("restarted");
	} else {
		startWorker(sessionLog);
	}
}

stopButton.addEventListener("click", () => stop("stopped by the Stop button"));
$("run").addEventListener("click", () => run(true));
$("runline").addEventListener("click", () => run(false));

// ---- output ----

function append(tag, cls, text) {
	const el = document.createElement(tag);
	if (cls) el.className = cls;
	if (text !== undefined) el.textContent = text;
	output.appendChild(el);
	el.scrollIntoView({ block: "nearest" });
	return el;
}

function note(text) { append("pre", "note", text); }

const MIME = { png: "image/png", svg: "image/svg+xml", pdf: "application/pdf", txt: "text/plain", csv: "text/csv" };

function download(name, blob, label) {
	const a = document.createElement("a");
	a.href = URL.createObjectURL(blob);
	a.download = name;
	a.textContent = label;
	return a;
}

function show(result, files) {
	for (const it of result.items) {
		if (it.svg) {
			// An <img> shows the SVG without letting it run anything: a shared
			// link's program is someone else's.
			const fig = append("figure");
			const blob = new Blob([it.svg], { type: "image/svg+xml" });
			const img = document.createElement("img");
			img.className = "figure";
			img.src = URL.createObjectURL(blob);
			img.alt = it.caption;
			const cap = document.createElement("figcaption");
			cap.textContent = it.caption;
			cap.appendChild(download("figure.svg", blob, "download SVG"));
			fig.append(img, cap);
		} else {
			append("pre", "out", it.text.replace(/\n$/, ""));
		}
	}
	if (files && files.length) {
		const div = append("div", "files", "files written:");
		for (const f of files) {
			const name = f.path.slice(f.path.lastIndexOf("/") + 1);
			const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
			div.appendChild(download(name, new Blob([f.bytes], { type: MIME[ext] || "application/octet-stream" }), f.path));
		}
	}
	if (result.error) {
		const el = append("pre", "error", result.error.message);
		if (result.error.line > 0) el.addEventListener("click", () => goTo(result.error.line, result.error.col));
	}
}

// ---- lessons and shared links ----

const menu = $("examples");

function loadExample(name) {
	const ex = examples.find(e => e.name === name);
	if (!ex) return;
	source.value = ex.text;
	source.setSelectionRange(0, 0);
	source.scrollTop = source.scrollLeft = 0;
	errorAt = null;
	render();
	output.innerHTML = "";
	window.history.replaceState(null, "", location.pathname);
}
menu.addEventListener("change", () => { loadExample(menu.value); menu.value = ""; });

// Links carry the program deflated and in base64url after "#code=".
async function pack(text) {
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
	const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
	let bin = "";
	for (const b of bytes) bin += String.fromCharCode(b);
	return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function unpack(code) {
	const bin = atob(code.replace(/-/g, "+").replace(/_/g, "/"));
	const bytes = Uint8Array.from(bin, c => c.charCodeAt(0));
	const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
	return await new Response(stream).text();
}

$("share").addEventListener("click", async () => {
	const url = location.href.split("#")[0] + "#code=" + await pack(source.value);
	window.history.replaceState(null, "", url);
	const link = $("link");
	link.value = url;
	link.hidden = false;
	link.select();
	try { await navigator.clipboard.writeText(url); setStatus("link copied"); } catch { setStatus("link in the address bar"); }
});

async function fromLink() {
	const m = location.hash.match(/^#code=([A-Za-z0-9_-]*)$/);
	if (!m) return false;
	try {
		source.value = await unpack(m[1]);
	} catch (e) {
		note("this link's program could not be read: " + e.message);
		return false;
	}
	render();
	return true;
}
window.addEventListener("hashchange", fromLink);

// ---- files for imread ----

async function upload(file) {
	const path = "/" + file.name.replace(/[\/\\]/g, "_");
	const bytes = new Uint8Array(await file.arrayBuffer());
	uploads = uploads.filter(f => f.path !== path).concat([{ path, bytes }]);
	worker.postMessage({ type: "file", path, bytes: bytes.slice(0) });
	note(`${file.name} is ready: img = imread(${JSON.stringify(path.slice(1))})`);
}

$("image").addEventListener("change", (e) => { for (const f of e.target.files) upload(f); });
document.addEventListener("dragover", (e) => { e.preventDefault(); document.body.classList.add("dragging"); });
document.addEventListener("dragleave", () => document.body.classList.remove("dragging"));
document.addEventListener("drop", (e) => {
	e.preventDefault();
	document.body.classList.remove("dragging");
	for (const f of e.dataTransfer.files) upload(f);
});

// ---- start ----

const WELCOME = `# Welcome to calc. Run with Ctrl-Enter; Shift-Enter runs one line.
fmin(x**2 - 4*x + 8, 1.3)
diff(x**2*sin(x), x)
plot(sin, 0, 2*pi, {title: "sine"})
`;

(async () => {
	startWorker([]);
	const loaded = fetch("examples.json").then(r => r.json()).then(data => {
		keywords = new Set(data.keywords);
		builtins = new Set(data.builtins);
		constants = new Set(data.constants);
		examples = data.examples;
		for (const [label, lesson] of [["Lessons", true], ["More examples", false]]) {
			const group = document.createElement("optgroup");
			group.label = label;
			for (const ex of examples.filter(e => e.lesson === lesson)) {
				const o = document.createElement("option");
				o.value = ex.name;
				o.textContent = ex.title;
				group.appendChild(o);
			}
			menu.appendChild(group);
		}
	}).catch(e => note("the lessons could not be loaded: " + e.message));
	if (!(await fromLink())) source.value = WELCOME;
	render();
	await loaded;
	render();
	document.body.dataset.loaded = "true";
})();
