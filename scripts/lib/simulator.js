'use strict';
/** Starts the JumpCloud simulator (test/simulator/cli.js) as a separate process on 127.0.0.1. */
const fs = require('node:fs');
const path = require('node:path');

const processes = require('./processes');

const CLI = path.resolve(__dirname, '..', '..', 'test', 'simulator', 'cli.js');

/**
 * Resolves { child, baseUrl, orgs, keys, port, stop(), output() } once the simulator has printed its
 * JSON line. `nodeBin` is the Node to run it with.
 */
async function startSimulator({ nodeBin = process.execPath, seed = 'default', port = 0, timeoutMs = 20_000 } = {}) {
	if (!fs.existsSync(CLI)) throw new Error(`The JumpCloud simulator is missing: ${CLI}`);
	const child = processes.spawnTracked(nodeBin, [CLI, '--seed', seed, '--port', String(port)], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stderr.on('data', (chunk) => {
		stderr += chunk;
	});
	const info = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`The simulator printed nothing within ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
		const onData = (chunk) => {
			stdout += chunk;
			const newline = stdout.indexOf('\n');
			if (newline === -1) return;
			clearTimeout(timer);
			child.stdout.off('data', onData);
			try {
				resolve(JSON.parse(stdout.slice(0, newline)));
			} catch (error) {
				reject(new Error(`The simulator's first line is not JSON: ${stdout.slice(0, newline)}`));
			}
			// Keep draining so the simulator never blocks on a full pipe.
			child.stdout.on('data', (more) => {
				stdout += more;
			});
		};
		child.stdout.on('data', onData);
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			reject(new Error(`The simulator exited (${code ?? signal}) before it was ready:\n${stderr}`));
		});
	});
	const port_ = Number(new URL(info.baseUrl).port);
	return {
		child,
		...info,
		port: port_,
		stop: () => processes.stop(child),
		output: () => ({ stdout, stderr }),
	};
}

module.exports = { startSimulator, SIMULATOR_CLI: CLI };
