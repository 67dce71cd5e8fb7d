// An in-memory file system for calc compiled to WebAssembly. Go's
// syscall package on js/wasm calls the Node.js fs API on globalThis.fs
// (see syscall/fs_js.go in Go's source); in a browser there is none, so
// this gives calc one that lives in memory: savefig, imwrite and tempdir
// work, the page offers what they write as downloads, and images the user
// drops on the page are files imread can read. Load it before wasm_exec.js.
"use strict";

(() => {
	const S_IFDIR = 0o040000, S_IFREG = 0o100000;
	// Node's values on Linux; Go reads them from fs.constants.
	const constants = { O_WRONLY: 1, O_RDWR: 2, O_CREAT: 64, O_EXCL: 128, O_TRUNC: 512, O_APPEND: 1024, O_DIRECTORY: 65536 };
	const decoder = new TextDecoder("utf-8");

	const nodes = new Map(); // absolute path → {dir, mode, data, size, ino, mtime}
	const fds = new Map();   // file descriptor → {path, pos, append}
	let nextFd = 3, nextIno = 1;
	let written = new Set(); // paths written since takeWritten
	const console_ = { 1: "", 2: "" };
	let stderr = ""; // the Go runtime's messages since takeStderr, such as a panic's

	const fail = (code) => { const e = new Error(code); e.code = code; return e; };
	const norm = (p) => {
		const parts = [];
		for (const s of String(p).split("/")) {
			if (s === "" || s === ".") continue;
			if (s === "..") parts.pop(); else parts.push(s);
		}
		return "/" + parts.join("/");
	};
	const parentOf = (p) => p === "/" ? "/" : (p.slice(0, p.lastIndexOf("/")) || "/");
	const make = (dir, mode) => ({ dir, mode: mode & 0o7777, data: new Uint8Array(0), size: 0, ino: nextIno++, mtime: Date.now() });
	nodes.set("/", make(true, 0o755));
	nodes.set("/tmp", make(true, 0o1777));

	const statOf = (n) => ({
		dev: 1, ino: n.ino, mode: (n.dir ? S_IFDIR : S_IFREG) | n.mode, nlink: 1, uid: 0, gid: 0, rdev: 0,
		size: n.dir ? 0 : n.size, blksize: 4096, blocks: Math.ceil(n.size / 512),
		atimeMs: n.mtime, mtimeMs: n.mtime, ctimeMs: n.mtime,
		isDirectory() { return n.dir; },
	});
	const lookup = (path) => {
		const n = nodes.get(norm(path));
		if (!n) throw fail("ENOENT");
		return n;
	};
	const dirOf = (path) => {
		const p = nodes.get(parentOf(norm(path)));
		if (!p) throw fail("ENOENT");
		if (!p.dir) throw fail("ENOTDIR");
	};
	const file = (fd) => {
		const f = fds.get(fd);
		if (!f) throw fail("EBADF");
		return f;
	};
	const grow = (n, size) => {
		if (size > n.data.length) {
			const d = new Uint8Array(Math.max(size, 2 * n.data.length));
			d.set(n.data.subarray(0, n.size));
			n.data = d;
		}
	};
	// call runs op and reports its result or error through Node's callback.
	const call = (op, cb) => {
		let r;
		try { r = op(); } catch (e) { cb(e.code ? e : fail("EIO")); return; }
		cb(null, r);
	};

	globalThis.fs = {
		constants,
		writeSync(fd, buf) {
			if (fd === 1 || fd === 2) { // the Go runtime's own messages
				const text = decoder.decode(buf);
				if (fd === 2 && stderr.length < 4096) stderr += text;
				console_[fd] += text;
				const nl = console_[fd].lastIndexOf("\n");
				if (nl >= 0) {
					(fd === 1 ? console.log : console.error)(console_[fd].slice(0, nl));
					console_[fd] = console_[fd].slice(nl + 1);
				}
				return buf.length;
			}
			throw fail("EBADF");
		},
		open(path, flags, mode, cb) {
			call(() => {
				const p = norm(path);
				let n = nodes.get(p);
				if (n && (flags & constants.O_CREAT) && (flags & constants.O_EXCL)) throw fail("EEXIST");
				if (!n) {
					if (!(flags & constants.O_CREAT)) throw fail("ENOENT");
					dirOf(p);
					n = make(false, mode);
					nodes.set(p, n);
				}
				const writing = flags & (constants.O_WRONLY | constants.O_RDWR);
				if (n.dir && writing) throw fail("EISDIR");
				if (!n.dir && (flags & constants.O_DIRECTORY)) throw fail("ENOTDIR");
				if (flags & constants.O_TRUNC && !n.dir) { n.size = 0; written.add(p); }
				const fd = nextFd++;
				fds.set(fd, { path: p, pos: 0, append: !!(flags & constants.O_APPEND) });
				return fd;
			}, cb);
		},
		close(fd, cb) { call(() => { file(fd); fds.delete(fd); }, cb); },
		read(fd, buf, offset, length, position, cb) {
			call(() => {
				const f = file(fd), n = lookup(f.path);
				if (n.dir) throw fail("EISDIR");
				const at = position === null ? f.pos : position;
				const k = Math.max(0, Math.min(length, n.size - at));
				buf.set(n.data.subarray(at, at + k), offset);
				if (position === null) f.pos += k;
				return k;
			}, cb);
		},
		write(fd, buf, offset, length, position, cb) {
			if (fd === 1 || fd === 2) { call(() => this.writeSync(fd, buf.subarray(offset, offset + length)), cb); return; }
			call(() => {
				const f = file(fd), n = lookup(f.path);
				const at = f.append ? n.size : (position === null ? f.pos : position);
				grow(n, at + length);
				n.data.set(buf.subarray(offset, offset + length), at);
				n.size = Math.max(n.size, at + length);
				n.mtime = Date.now();
				if (position === null) f.pos = at + length;
				written.add(f.path);
				return length;
			}, cb);
		},
		fstat(fd, cb) { call(() => statOf(lookup(file(fd).path)), cb); },
		stat(path, cb) { call(() => statOf(lookup(path)), cb); },
		lstat(path, cb) { call(() => statOf(lookup(path)), cb); },
		fsync(fd, cb) { call(() => { file(fd); }, cb); },
		mkdir(path, perm, cb) {
			call(() => {
				const p = norm(path);
				if (nodes.has(p)) throw fail("EEXIST");
				dirOf(p);
				nodes.set(p, make(true, perm));
			}, cb);
		},
		readdir(path, cb) {
			call(() => {
				const p = norm(path);
				if (!lookup(p).dir) throw fail("ENOTDIR");
				const prefix = p === "/" ? "/" : p + "/";
				return [...nodes.keys()].filter(k => k !== p && k.startsWith(prefix) && !k.slice(prefix.length).includes("/"))
					.map(k => k.slice(prefix.length));
			}, cb);
		},
		rename(from, to, cb) {
			call(() => {
				const a = norm(from), b = norm(to);
				const n = lookup(a);
				dirOf(b);
				const old = nodes.get(b);
				if (old && old.dir !== n.dir) throw fail(old.dir ? "EISDIR" : "ENOTDIR");
				for (const k of [...nodes.keys()]) {
					if (k === a || k.startsWith(a + "/")) {
						const moved = b + k.slice(a.length);
						nodes.set(moved, nodes.get(k));
						nodes.delete(k);
						if (written.delete(k)) written.add(moved);
					}
				}
				for (const f of fds.values()) if (f.path === a) f.path = b;
			}, cb);
		},
		unlink(path, cb) {
			call(() => {
				const p = norm(path);
				if (lookup(p).dir) throw fail("EISDIR");
				nodes.delete(p);
				written.delete(p);
			}, cb);
		},
		rmdir(path, cb) {
			call(() => {
				const p = norm(path);
				if (!lookup(p).dir) throw fail("ENOTDIR");
				if ([...nodes.keys()].some(k => k.startsWith(p + "/"))) throw fail("ENOTEMPTY");
				nodes.delete(p);
			}, cb);
		},
		ftruncate(fd, length, cb) { call(() => { const f = file(fd), n = lookup(f.path); grow(n, length); n.size = length; written.add(f.path); }, cb); },
		truncate(path, length, cb) { call(() => { const n = lookup(path); grow(n, length); n.size = length; written.add(norm(path)); }, cb); },
		chmod(path, mode, cb) { call(() => { lookup(path).mode = mode & 0o7777; }, cb); },
		fchmod(fd, mode, cb) { call(() => { lookup(file(fd).path).mode = mode & 0o7777; }, cb); },
		utimes(path, atime, mtime, cb) { call(() => { lookup(path).mtime = mtime * 1000; }, cb); },
		chown(path, uid, gid, cb) { cb(null); },
		fchown(fd, uid, gid, cb) { cb(null); },
		lchown(path, uid, gid, cb) { cb(null); },
		link(path, link, cb) { cb(fail("ENOSYS")); },
		symlink(path, link, cb) { cb(fail("ENOSYS")); },
		readlink(path, cb) { cb(fail("EINVAL")); },
	};

	// memfs is the page's side of the file system.
	globalThis.memfs = {
		// put stores a file, such as an image the user dropped.
		put(path, bytes) {
			const p = norm(path);
			const n = make(false, 0o644);
			n.data = new Uint8Array(bytes);
			n.size = n.data.length;
			nodes.set(p, n);
		},
		// takeStderr returns the first line the Go runtime wrote to
		// standard error since the last call ("panic: ..."), or "".
		takeStderr() {
			const line = stderr.split("\n").find(l => l.trim()) || "";
			stderr = "";
			return line;
		},
		// takeWritten returns the files written since the last call, as
		// {path, bytes} with a copy of their contents.
		takeWritten() {
			const out = [];
			for (const p of written) {
				const n = nodes.get(p);
				if (n && !n.dir) out.push({ path: p, bytes: n.data.slice(0, n.size) });
			}
			written = new Set();
			return out;
		},
	};
})();
