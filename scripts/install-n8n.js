#!/usr/bin/env node
'use strict';
/**
 * Installs (or checks) the pinned Node 24 + n8n that `npm run test:e2e` and `npm run demo` use, in the cache
 * folder ${N8N_JUMPCLOUD_CACHE:-~/.cache/n8n-nodes-jumpcloud}, and prints how long it took. Both commands do
 * this themselves on their first run; this script lets a CI job warm the cache as a separate, timed step.
 *
 *   node scripts/install-n8n.js
 */
const { execFileSync } = require('node:child_process');

const n8n = require('./lib/n8n');
const processes = require('./lib/processes');
const { seconds } = require('./lib/log');

function sizeOf(dir) {
	try {
		return execFileSync('du', ['-sh', dir], { encoding: 'utf8' }).split('\t')[0];
	} catch {
		return '?';
	}
}

async function main() {
	processes.installHandlers();
	const started = Date.now();
	const runtime = await n8n.ensureRuntime();
	const total = Date.now() - started;
	const lines = [
		`cache folder      ${n8n.cacheDir()}`,
		`Node ${n8n.NODE_VERSION}      ${runtime.node.installed ? `installed in ${seconds(runtime.node.ms)}` : 'already there'} (${sizeOf(runtime.node.nodeDir)})`,
		`n8n ${n8n.N8N_VERSION}        ${
			runtime.n8n.installed
				? `installed in ${seconds(runtime.n8n.ms)} (npm ci ${seconds(runtime.n8n.npmCiMs)}, sqlite3 build ${seconds(runtime.n8n.rebuildMs)})`
				: 'already there'
		} (${sizeOf(runtime.n8n.dir)})`,
		`total             ${seconds(total)}`,
	];
	process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exitCode = 1;
});
