'use strict';
/**
 * Which TCP ports our child processes listen on, read from /proc (Linux). Used to prove that n8n, its task
 * runner and the simulator listen on 127.0.0.1 only, and that nothing of ours is left listening at the end.
 */
const fs = require('node:fs');

function decodeV4(hex) {
	const n = Number.parseInt(hex, 16);
	return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join('.');
}

function decodeV6(hex) {
	// Four 32-bit words, each in host (little-endian) byte order.
	const bytes = [];
	for (let word = 0; word < 4; word++) {
		const chunk = hex.slice(word * 8, word * 8 + 8);
		for (let b = 3; b >= 0; b--) bytes.push(Number.parseInt(chunk.slice(b * 2, b * 2 + 2), 16));
	}
	if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 255 && bytes[11] === 255) {
		return `::ffff:${bytes.slice(12).join('.')}`;
	}
	const groups = [];
	for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
	return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

/** Every listening TCP socket on the machine: { inode, address, port }. */
function listeningSockets() {
	const sockets = [];
	for (const [file, decode] of [
		['/proc/net/tcp', decodeV4],
		['/proc/net/tcp6', decodeV6],
	]) {
		let text = '';
		try {
			text = fs.readFileSync(file, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n').slice(1)) {
			const fields = line.trim().split(/\s+/);
			if (fields.length < 10 || fields[3] !== '0A') continue;
			const [addressHex, portHex] = fields[1].split(':');
			sockets.push({ inode: fields[9], address: decode(addressHex), port: Number.parseInt(portHex, 16) });
		}
	}
	return sockets;
}

/** PIDs whose process group is one of `groupIds`. */
function pidsInGroups(groupIds) {
	const wanted = new Set(groupIds.map(Number));
	const pids = [];
	let entries = [];
	try {
		entries = fs.readdirSync('/proc');
	} catch {
		return pids;
	}
	for (const entry of entries) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// pid (comm) state ppid pgrp ... ; comm may hold spaces and parentheses.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (wanted.has(Number(fields[2]))) pids.push(Number(entry));
		} catch {
			// exited meanwhile
		}
	}
	return pids;
}

function socketInodesOf(pid) {
	const inodes = new Set();
	let fds = [];
	try {
		fds = fs.readdirSync(`/proc/${pid}/fd`);
	} catch {
		return inodes;
	}
	for (const fd of fds) {
		try {
			const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
			if (match) inodes.add(match[1]);
		} catch {
			// closed meanwhile
		}
	}
	return inodes;
}

/** Listening sockets held by processes in the given process groups: [{ pid, address, port }]. */
function listenersOfGroups(groupIds) {
	const sockets = listeningSockets();
	const byInode = new Map(sockets.map((socket) => [socket.inode, socket]));
	const found = [];
	for (const pid of pidsInGroups(groupIds)) {
		for (const inode of socketInodesOf(pid)) {
			const socket = byInode.get(inode);
			if (socket) found.push({ pid, address: socket.address, port: socket.port });
		}
	}
	return found;
}

function isLoopback(address) {
	return /^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address);
}

const supported = fs.existsSync('/proc/net/tcp');

function commandOf(pid) {
	try {
		const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
		return argv
			.slice(0, 3)
			.map((arg) => arg.split('/').slice(-2).join('/'))
			.join(' ');
	} catch {
		return '?';
	}
}

/**
 * Samples, every `intervalMs`, what the given process groups listen on (n8n, its task runner, the
 * simulator come and go, so one look at the end is not enough). `seen()` lists each distinct socket once.
 */
function sampleListeners(groupIds, intervalMs = 200) {
	const seen = new Map();
	const sample = () => {
		for (const listener of listenersOfGroups(groupIds())) {
			const key = `${listener.address}:${listener.port}:${listener.pid}`;
			if (!seen.has(key)) seen.set(key, { ...listener, command: commandOf(listener.pid) });
		}
	};
	const timer = setInterval(sample, intervalMs);
	timer.unref();
	sample();
	return {
		stop() {
			sample();
			clearInterval(timer);
			return [...seen.values()];
		},
		seen: () => [...seen.values()],
	};
}

module.exports = { listeningSockets, listenersOfGroups, pidsInGroups, isLoopback, supported, sampleListeners };
