#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Standalone JumpCloud simulator for the demo and e2e runs.
 *
 *   node test/simulator/cli.js [--port N] [--seed default|demo]
 *
 * Listens on 127.0.0.1 only. Once listening it prints exactly one JSON line to stdout:
 *   {"baseUrl":"http://127.0.0.1:N","orgs":{...},"keys":{...}}
 * and runs until SIGTERM/SIGINT, then closes all sockets and exits 0.
 */

const { startSimulator } = require('./index');

/** @param {string[]} argv */
function parseArgs(argv) {
	/** @type {{ port: number, seed: 'default' | 'demo' }} */
	const out = { port: 0, seed: 'default' };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		const value = () => {
			const v = inline ?? argv[++i];
			if (v === undefined) throw new Error(`${flag} needs a value`);
			return v;
		};
		if (flag === '--port') {
			const v = value();
			const n = Number(v);
			if (!/^\d+$/.test(v) || n > 65535) throw new Error(`invalid --port "${v}"`);
			out.port = n;
		} else if (flag === '--seed') {
			const v = value();
			if (v !== 'default' && v !== 'demo') throw new Error(`invalid --seed "${v}" (default|demo)`);
			out.seed = v;
		} else if (flag === '--help' || flag === '-h') {
			process.stdout.write('usage: node test/simulator/cli.js [--port N] [--seed default|demo]\n');
			process.exit(0);
		} else {
			throw new Error(`unknown argument "${arg}"`);
		}
	}
	return out;
}

async function main() {
	let args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (err) {
		process.stderr.write(`jumpcloud-simulator: ${/** @type {Error} */ (err).message}\n`);
		process.exit(2);
	}
	const sim = await startSimulator(args);
	process.stdout.write(`${JSON.stringify({ baseUrl: sim.baseUrl, orgs: sim.orgs, keys: sim.keys })}\n`);
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		sim.close().then(
			() => process.exit(0),
			(err) => {
				process.stderr.write(`jumpcloud-simulator: close failed: ${String(err)}\n`);
				process.exit(1);
			},
		);
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

main().catch((err) => {
	process.stderr.write(`jumpcloud-simulator: ${err && err.stack ? err.stack : String(err)}\n`);
	process.exit(1);
});
