'use strict';
/** Tiny phase timer and logger shared by the demo and the e2e runner. */

const t0 = Date.now();

function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

function elapsed() {
	return `[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`;
}

function log(message) {
	process.stdout.write(`${elapsed()} ${message}\n`);
}

/** Records how long each named phase took, for a summary table at the end. */
class Phases {
	constructor() {
		this.list = [];
	}

	async time(name, fn) {
		const started = Date.now();
		log(`${name}...`);
		try {
			return await fn();
		} finally {
			const ms = Date.now() - started;
			this.list.push({ name, ms });
			log(`${name}: done in ${seconds(ms)}`);
		}
	}

	add(name, ms) {
		this.list.push({ name, ms });
	}

	table() {
		const width = Math.max(...this.list.map((p) => p.name.length), 5);
		const lines = this.list.map((p) => `  ${p.name.padEnd(width)}  ${seconds(p.ms).padStart(8)}`);
		lines.push(`  ${'total'.padEnd(width)}  ${seconds(Date.now() - t0).padStart(8)}`);
		return lines.join('\n');
	}
}

module.exports = { log, seconds, Phases };
