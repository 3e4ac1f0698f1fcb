'use strict';
/**
 * Peak memory and CPU time of our child processes, read from /proc (Linux). Each process's own peak comes from the
 * kernel (VmHWM, its resident-set high-water mark), so a short spike between two samples is not missed; samples
 * only find the processes (task runners and database backends come and go) and add up groups of them. CPU time is
 * each process's user + system time as last sampled.
 */
const fs = require('node:fs');

/** Every process as { pid, ppid, pgrp }, from /proc/<pid>/stat. */
function processTable() {
	const table = [];
	let entries = [];
	try {
		entries = fs.readdirSync('/proc');
	} catch {
		return table;
	}
	for (const entry of entries) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// pid (comm) state ppid pgrp ...; comm may hold spaces and parentheses.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			table.push({ pid: Number(entry), ppid: Number(fields[1]), pgrp: Number(fields[2]) });
		} catch {
			// exited meanwhile
		}
	}
	return table;
}

/**
 * The processes of a group: its members, and the leader's direct children that left it (PostgreSQL's backends
 * each start a session of their own).
 */
function pidsOf(table, pgid) {
	return table.filter((p) => p.pgrp === pgid || p.ppid === pgid).map((p) => p.pid);
}

/** { rssKb, hwmKb } of a live process, or undefined. */
function memoryOf(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
		return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
	} catch {
		return undefined;
	}
}

/** User + system CPU time of a live process in ms, or undefined. */
function cpuMsOf(pid) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after "pid (comm) ": state is field 3; utime and stime are fields 14 and 15.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
	} catch {
		return undefined;
	}
}

/** Linux's USER_HZ: 100 on every mainstream architecture. */
const CLOCK_TICKS = 100;

function commandLineOf(pid) {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
	} catch {
		return '';
	}
}

/**
 * Samples, every `intervalMs`, the processes of the process groups `groups()` returns ([{ label, pgid }]).
 * `classify(label, pid, pgid, commandLine)` names each process's role (default: the group's label for its
 * leader, "<label> child" for the others). `report()` lists per role: the largest single-process peak
 * (VmHWM), the largest sum of RSS over the role's processes seen at once, and how many processes it had.
 */
function sampleMemory(groups, { intervalMs = 500, classify } = {}) {
	const roles = new Map();
	const seenPids = new Map();
	const cpuMs = new Map();
	const name = classify ?? ((label, pid, pgid) => (pid === pgid ? label : `${label} child`));
	const sample = () => {
		const sums = new Map();
		const table = processTable();
		for (const { label, pgid } of groups()) {
			for (const pid of pidsOf(table, pgid)) {
				const memory = memoryOf(pid);
				if (!memory) continue;
				const cpu = cpuMsOf(pid);
				if (cpu !== undefined) cpuMs.set(pid, cpu);
				if (!seenPids.has(pid)) seenPids.set(pid, name(label, pid, pgid, commandLineOf(pid)));
				const role = seenPids.get(pid);
				if (!role) continue;
				const entry = roles.get(role) ?? { role, peakKb: 0, peakSumKb: 0, pids: new Set() };
				entry.peakKb = Math.max(entry.peakKb, memory.hwmKb);
				entry.pids.add(pid);
				roles.set(role, entry);
				sums.set(role, (sums.get(role) ?? 0) + memory.rssKb);
			}
		}
		for (const [role, sum] of sums) roles.get(role).peakSumKb = Math.max(roles.get(role).peakSumKb, sum);
	};
	const timer = setInterval(sample, intervalMs);
	timer.unref();
	sample();
	return {
		/** Take a sample now (e.g. just before killing a process). */
		sample,
		stop() {
			sample();
			clearInterval(timer);
		},
		report: () => [...roles.values()].map(({ pids, ...entry }) => ({ ...entry, processes: pids.size })),
		/** CPU ms used so far per role (processes gone count with their last sample); sample() first for "now". */
		cpuByRole() {
			const sums = {};
			for (const [pid, ms] of cpuMs) {
				const role = seenPids.get(pid);
				if (role) sums[role] = (sums[role] ?? 0) + ms;
			}
			return sums;
		},
	};
}

module.exports = { sampleMemory, memoryOf, cpuMsOf, commandLineOf };
