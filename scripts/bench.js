#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: how fast, and how lean, the JumpCloud node is in a real n8n, against the tools a user would
 * otherwise pick, side by side in the same n8n process on the same simulator:
 *   - n8n's HTTP Request node (v4.5) configured as a user would: pagination by `skip`, or one call per item;
 *   - the JumpCloud node with Concurrency 1 (one item, one page at a time);
 *   - the JumpCloud node as it ships.
 *
 *   npm run bench [-- --latency-ms 50] [-- --cases groups10k,add1000] [-- --concurrency N] [-- --no-build]
 *
 * The JumpCloud simulator runs in this process with a fixed latency per request (default 50 ms, as a network
 * and JumpCloud in between would add). Each node runs in a fresh n8n process of the same build, one after
 * another. For every node the table shows the requests it made, its wall time (n8n's own execution time of
 * the node), the peak growth of the n8n process's resident memory while it ran, the JSON it received, its CPU
 * time, and its time as a ratio of the baselines'. Nothing here is a test: it prints figures.
 */
const fs = require('node:fs');
const path = require('node:path');

const n8n = require('./lib/n8n');
const processes = require('./lib/processes');
const { log, seconds } = require('./lib/log');
const { startSimulator } = require('../test/simulator');

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const index = args.indexOf(`--${name}`);
	return index === -1 ? fallback : args[index + 1];
};
const LATENCY_MS = Number(option('latency-ms', 50));
const CASES = option('cases', 'groups10k,groups50k,add1000,get1000,cpu1000').split(',');
const BUILD = !args.includes('--no-build');
/** The Concurrency of the node as it ships, unless given (to explore other values). */
const OURS_CONCURRENCY = option('concurrency', undefined);

const OURS = 'n8n-nodes-jumpcloud.jumpCloud';
const ITEMS = 1000;

/**
 * Each node runs in its own fresh n8n process (one after another, against the same simulator), so that its
 * memory figure is its own; wall time is n8n's execution time of the node, without n8n's start-up.
 */

// ------------------------------------------------------------------ workflows

let nodeCount = 0;
function node(name, type, typeVersion, parameters, extra = {}) {
	nodeCount++;
	return { id: `b3c40000-0000-4000-8000-${String(nodeCount).padStart(12, '0')}`, name, type, typeVersion, parameters, position: [nodeCount * 220, 0], ...extra };
}
const credentialOf = (id) => ({ jumpCloudApi: { id, name: id } });
const ours = (name, credential, parameters, concurrency = OURS_CONCURRENCY && Number(OURS_CONCURRENCY)) =>
	node(name, OURS, 1, { ...parameters, options: { ...(parameters.options ?? {}), ...(concurrency ? { concurrency } : {}) } }, { credentials: credentialOf(credential) });
const http = (name, credential, parameters) =>
	node(name, 'n8n-nodes-base.httpRequest', 4.5, { authentication: 'predefinedCredentialType', nodeCredentialType: 'jumpCloudApi', ...parameters }, { credentials: credentialOf(credential) });

/**
 * One workflow per measured node (a trigger, optionally a Code node making the input items, then the node), so
 * each runs in a fresh n8n process: a node that runs after another would find the heap already grown.
 */
function workflows(id, measured, itemsCode) {
	return measured.map((entry, index) => workflow(`${id}${index}`, [entry], itemsCode));
}

function workflow(id, measured, itemsCode) {
	const trigger = node('Start', 'n8n-nodes-base.manualTrigger', 1, {});
	const nodes = [trigger];
	let source = 'Start';
	if (itemsCode) {
		nodes.push(node('Items', 'n8n-nodes-base.code', 2, { jsCode: itemsCode }));
		source = 'Items';
	}
	// Branches run top to bottom (n8n's v1 execution order follows the canvas position).
	measured.forEach((entry, index) => {
		entry.position = [660, index * 200];
		nodes.push(entry);
	});
	const connections = { [source]: { main: [measured.map((entry) => ({ node: entry.name, type: 'main', index: 0 }))] } };
	if (itemsCode) connections.Start = { main: [[{ node: 'Items', type: 'main', index: 0 }]] };
	return { id, name: `bench ${id}`, active: false, settings: { executionOrder: 'v1' }, nodes, connections, pinData: {}, tags: [] };
}

function httpPagination(baseUrl) {
	return {
		method: 'GET',
		url: `${baseUrl}/api/v2/usergroups`,
		sendQuery: true,
		queryParameters: { parameters: [{ name: 'limit', value: '100' }] },
		options: {
			pagination: {
				pagination: {
					paginationMode: 'updateAParameterInEachRequest',
					parameters: { parameters: [{ type: 'qs', name: 'skip', value: '={{ $pageCount * 100 }}' }] },
					paginationCompleteWhen: 'responseIsEmpty',
				},
			},
		},
	};
}

function cases(sims) {
	const { small, large } = sims;
	const itemsCode = (emails) => `return ${JSON.stringify(emails)}.map(([email, id]) => ({ json: { email, id } }));`;
	const benchUsers = small.sim.directory.users(small.sim.orgs.acme).filter((user) => user.username.startsWith('bench')).map((user) => [user.email, user._id]);
	const group = (name) => small.sim.directory.groupByName(small.sim.orgs.acme, name).id;
	const returnAllGroups = { resource: 'userGroup', operation: 'getAll', returnAll: true };
	return {
		groups10k: {
			title: `Return All user groups, N = ${small.groups.toLocaleString('en')}`,
			sim: small,
			workflows: workflows('benchGroups10k', [
				ours('JumpCloud node', small.credential, returnAllGroups),
				ours('JumpCloud node, concurrency 1', small.credential, returnAllGroups, 1),
				http('HTTP Request node', small.credential, httpPagination(small.sim.baseUrl)),
			]),
		},
		groups50k: {
			title: `Return All user groups, N = ${large.groups.toLocaleString('en')}`,
			sim: large,
			workflows: workflows('benchGroups50k', [
				ours('JumpCloud node', large.credential, returnAllGroups),
				ours('JumpCloud node, concurrency 1', large.credential, returnAllGroups, 1),
				http('HTTP Request node', large.credential, httpPagination(large.sim.baseUrl)),
			]),
		},
		add1000: {
			title: `${ITEMS.toLocaleString('en')} items: Add User to a group (ours: group by name, user by email; HTTP: IDs)`,
			sim: small,
			workflows: workflows(
				'benchAdd1000',
				[
					ours('JumpCloud node', small.credential, { resource: 'userGroup', operation: 'addUser', userGroup: { __rl: true, mode: 'name', value: 'Bench Target A' }, user: { __rl: true, mode: 'email', value: '={{ $json.email }}' } }),
					ours('JumpCloud node, concurrency 1', small.credential, { resource: 'userGroup', operation: 'addUser', userGroup: { __rl: true, mode: 'name', value: 'Bench Target B' }, user: { __rl: true, mode: 'email', value: '={{ $json.email }}' } }, 1),
					http('HTTP Request node', small.credential, {
						method: 'POST',
						url: `${small.sim.baseUrl}/api/v2/usergroups/${group('Bench Target C')}/members`,
						sendBody: true,
						specifyBody: 'json',
						jsonBody: '={{ JSON.stringify({ op: "add", type: "user", id: $json.id }) }}',
						options: {},
					}),
				],
				itemsCode(benchUsers),
			),
		},
		get1000: {
			title: `${ITEMS.toLocaleString('en')} items: User Get by email`,
			sim: small,
			workflows: workflows('benchGet1000', getNodes(small), itemsCode(benchUsers)),
		},
		cpu1000: {
			title: `${ITEMS.toLocaleString('en')} items: User Get by email at 0 ms latency (CPU per item)`,
			sim: small,
			latencyMs: 0,
			workflows: workflows('benchCpu1000', getNodes(small), itemsCode(benchUsers)),
		},
	};
}

function getNodes(target) {
	const get = { resource: 'user', operation: 'get', user: { __rl: true, mode: 'email', value: '={{ $json.email }}' } };
	return [
		ours('JumpCloud node', target.credential, get),
		ours('JumpCloud node, concurrency 1', target.credential, get, 1),
		http('HTTP Request node', target.credential, {
			method: 'GET',
			url: `${target.sim.baseUrl}/api/systemusers`,
			sendQuery: true,
			queryParameters: { parameters: [{ name: 'filter', value: '=email:$eq:{{ $json.email }}' }] },
			options: {},
		}),
	];
}

// ------------------------------------------------------------------ measuring

/** Samples the resident memory and CPU time of a process every 10 ms, from /proc. */
function sampler(pid) {
	const samples = [];
	const tick = () => {
		try {
			const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
			const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
			samples.push({ t: Date.now(), rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0), cpuTicks: Number(stat[11]) + Number(stat[12]) });
		} catch {
			// the process is gone
		}
	};
	tick();
	const timer = setInterval(tick, 10);
	return { samples, stop: () => clearInterval(timer) };
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function measure(run, name, samples, sim) {
	const task = run.data.resultData.runData[name]?.[0];
	if (!task) return { name, error: 'did not run' };
	const start = task.startTime;
	const end = task.startTime + task.executionTime;
	const before = samples.filter((sample) => sample.t <= start).at(-1) ?? samples[0];
	const during = samples.filter((sample) => sample.t >= start && sample.t <= end + 10);
	const after = samples.find((sample) => sample.t >= end) ?? samples.at(-1);
	const requests = sim.requests.filter((request) => request.at >= start && request.at <= end);
	const items = (task.data?.main?.[0] ?? []).length;
	return {
		name,
		ms: task.executionTime,
		requests: requests.length,
		items,
		errors: task.error ? task.error.message : undefined,
		jsonBytes: requests.reduce((sum, request) => sum + request.bytes, 0),
		peakKb: Math.max(0, ...during.map((sample) => sample.rssKb - before.rssKb)),
		cpuMs: (after.cpuTicks - before.cpuTicks) * TICK_MS,
		maxInFlight: undefined,
	};
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function table(title, rows) {
	const http = rows.find((row) => row.name === 'HTTP Request node');
	const one = rows.find((row) => row.name === 'JumpCloud node, concurrency 1');
	const lines = [`\n${title}`, `  ${'node'.padEnd(32)}${'requests'.padStart(9)}${'items'.padStart(8)}${'wall'.padStart(10)}${'vs HTTP'.padStart(9)}${'vs c=1'.padStart(8)}${'peak RSS+'.padStart(11)}${'JSON in'.padStart(10)}${'RSS/JSON'.padStart(10)}${'CPU'.padStart(9)}${'CPU/item'.padStart(10)}`];
	for (const row of rows) {
		if (row.error) {
			lines.push(`  ${row.name.padEnd(32)}${row.error}`);
			continue;
		}
		const ratio = (other) => (other && !other.error ? `${(other.ms / row.ms).toFixed(1)}x` : '-');
		lines.push(
			`  ${row.name.padEnd(32)}${String(row.requests).padStart(9)}${String(row.items).padStart(8)}${seconds(row.ms).padStart(10)}${ratio(http).padStart(9)}${ratio(one).padStart(8)}${mb(row.peakKb * 1024).padStart(11)}${mb(row.jsonBytes).padStart(10)}${(row.jsonBytes ? (row.peakKb * 1024) / row.jsonBytes : 0).toFixed(1).padStart(10)}${`${row.cpuMs} ms`.padStart(9)}${`${(row.cpuMs / Math.max(1, row.items)).toFixed(2)} ms`.padStart(10)}${row.errors ? `  ERROR: ${row.errors}` : ''}`,
		);
	}
	return lines.join('\n');
}

// ------------------------------------------------------------------ main

async function simulatorWith(groups, users) {
	const sim = await startSimulator({ port: 0, seed: 'default' });
	// The contract checks need the answers; the benchmark's 50,000 groups do not.
	sim.recordResponses = false;
	const acme = sim.orgs.acme;
	const extra = groups - sim.directory.groups(acme).length;
	if (extra > 0) sim.directory.generateGroups(acme, extra, 'Bench Group');
	if (users) sim.directory.generateUsers(acme, users, 'bench');
	for (const name of ['Bench Target A', 'Bench Target B', 'Bench Target C']) sim.directory.createGroup(acme, { name });
	return { sim, groups: sim.directory.groups(acme).length };
}

async function main() {
	processes.installHandlers();
	const runtime = await n8n.ensureRuntime();
	const userFolder = n8n.createUserFolder('n8n-jumpcloud-bench-');
	processes.onShutdown(() => n8n.removeFolder(userFolder));
	log(`building and installing the package into ${userFolder}`);
	await n8n.installPackage(runtime, userFolder, await n8n.packPackage(runtime, userFolder, { build: BUILD }));

	log('starting the simulators (seeding 10,000 and 50,000 groups)');
	const small = { ...(await simulatorWith(9997, ITEMS)), credential: 'benchSmall' };
	const large = CASES.includes('groups50k') ? { ...(await simulatorWith(49997, 0)), credential: 'benchLarge' } : small;
	const all = cases({ small, large });
	const chosen = CASES.map((name) => {
		if (!all[name]) throw new Error(`unknown case ${name} (cases: ${Object.keys(all).join(', ')})`);
		return [name, all[name]];
	});

	const instance = await n8n.N8nInstance.create(runtime, userFolder);
	const credentials = [small, large].filter((target, index, list) => list.indexOf(target) === index).map((target) => ({
		id: target.credential,
		name: target.credential,
		type: 'jumpCloudApi',
		data: { apiKey: target.sim.keys.single, region: 'custom', baseUrl: target.sim.baseUrl, multipleOrganizations: false, organizationId: '' },
	}));
	await instance.importCredentials(credentials);
	await instance.importWorkflows(chosen.flatMap(([, benchCase]) => benchCase.workflows));

	const output = [`JumpCloud node benchmark: n8n ${n8n.N8N_VERSION}, Node ${n8n.NODE_VERSION}, simulator latency ${LATENCY_MS} ms per request (unless a case says otherwise)`];
	for (const [name, benchCase] of chosen) {
		const { sim } = benchCase.sim;
		sim.latencyMs = benchCase.latencyMs ?? LATENCY_MS;
		log(`case ${name}: ${benchCase.title}`);
		const rows = [];
		for (const flow of benchCase.workflows) {
			sim.clearRequests();
			let probe;
			const result = await instance.command(['execute-batch', `--ids=${flow.id}`, '--retries=0'], {
				timeoutMs: 30 * 60_000,
				onSpawn: (child) => {
					probe = sampler(child.pid);
				},
			});
			probe?.stop();
			const [execution] = (await instance.recordedExecutions()).filter((entry) => entry.workflowId === flow.id).slice(-1);
			if (!execution) throw new Error(`case ${name}: n8n recorded no execution of ${flow.id} (exit ${result.code ?? result.signal})\n${result.stderr.slice(-2000)}`);
			const measured = flow.nodes.find((entry) => entry.credentials);
			rows.push({ ...measure(execution.run, measured.name, probe.samples, sim), status: execution.status });
		}
		const text = table(benchCase.title, rows);
		process.stdout.write(`${text}\n`);
		output.push(text);
	}
	await small.sim.close();
	if (large !== small) await large.sim.close();
	const report = path.join(n8n.REPO_ROOT, 'reports', 'bench.txt');
	fs.mkdirSync(path.dirname(report), { recursive: true });
	fs.writeFileSync(report, `${output.join('\n')}\n`);
	log(`table written to ${path.relative(n8n.REPO_ROOT, report)}`);
	n8n.removeFolder(userFolder);
}

main().catch(async (error) => {
	process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
	await processes.stopAll();
	process.exitCode = 1;
});
