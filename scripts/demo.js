#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`: see the JumpCloud node work in a real n8n, without a JumpCloud account.
 *
 *   npm run demo                  run the onboarding workflow once, then serve the n8n editor on
 *                                 http://127.0.0.1:5678 until Ctrl-C
 *   npm run demo -- --once        run it once, print the result and exit (for scripts and CI)
 *   npm run demo -- --port 5679   serve the editor on another port
 *   npm run demo -- --no-build    use the existing dist/ instead of running `npm run build`
 *
 * Steps: Node 24 + n8n from the cache folder (installed on the first run only), `npm run build`, our package
 * packed and installed into a temporary n8n user folder as a community node, the JumpCloud simulator with a
 * small demo company, credentials pointing at it (a single-organization and an MSP key), the workflow
 * examples/onboard-new-hire.json (create user → assign manager → add to groups → get user), one execution with
 * `n8n execute`, a summary; the other examples (offboarding, MSP inventory, device offboarding) are imported for the editor.
 * Everything listens on 127.0.0.1 only; everything started is stopped and the temporary folder deleted on exit.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const n8n = require('./lib/n8n');
const processes = require('./lib/processes');
const sockets = require('./lib/sockets');
const { log, seconds, Phases } = require('./lib/log');
const { startSimulator } = require('./lib/simulator');

const WORKFLOW_FILE = path.join(n8n.REPO_ROOT, 'examples', 'onboard-new-hire.json');
/** The other examples, imported so the editor shows them ready to run (the real-n8n suite runs them all). */
const OTHER_EXAMPLES = ['offboard-leaver.json', 'msp-inventory.json', 'offboard-devices.json', 'alert-failed-admin-logins.json'].map((file) => path.join(n8n.REPO_ROOT, 'examples', file));
const CREDENTIAL = { id: 'demoJumpCloudCred1', name: 'JumpCloud (simulator)' };
const MSP_CREDENTIAL = { id: 'demoJumpCloudMspCred1', name: 'JumpCloud MSP (simulator)' };

function parseArgs(argv) {
	const options = { once: false, build: true, port: 5678 };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--once') options.once = true;
		else if (arg === '--no-build') options.build = false;
		else if (arg === '--port' || arg.startsWith('--port=')) {
			const value = arg.includes('=') ? arg.slice(7) : argv[++i];
			options.port = Number(value);
			if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) throw new Error(`--port: not a port: ${value}`);
		} else if (arg === '--help' || arg === '-h') {
			process.stdout.write(fs.readFileSync(__filename, 'utf8').split('\n').slice(3, 9).map((l) => l.replace(/^ \* ?/, '')).join('\n') + '\n');
			process.exit(0);
		} else throw new Error(`unknown argument ${arg} (use --once, --port N, --no-build)`);
	}
	return options;
}

/** The onboarding result, read from the execution n8n returned. */
function summarize(run) {
	const runData = run.data.resultData.runData;
	const items = (name) => runData[name]?.[0]?.data?.main?.[0] ?? [];
	const [created] = items('Create user').map((i) => i.json);
	const [user] = items('Get user').map((i) => i.json);
	const [manager] = items('Get manager').map((i) => i.json);
	const wanted = items('One item per group').map((i) => i.json.group);
	const groups = items('Add to group').map((item) => ({
		name: wanted[item.pairedItem?.item ?? -1] ?? item.json.groupId,
		added: item.json.added === true,
		note: item.json.reason,
	}));
	const ms = Date.parse(run.stoppedAt) - Date.parse(run.startedAt);
	return { created, user, manager, groups, ms, nodes: Object.keys(runData).length };
}

function printSummary(summary) {
	const { user, manager, groups } = summary;
	const name = user.displayname || `${user.firstname} ${user.lastname}`;
	const joined = groups.filter((g) => g.added).map((g) => g.name);
	const already = groups.filter((g) => !g.added).map((g) => `${g.name} (${g.note ?? 'unchanged'})`);
	const rows = [
		['New user', `${name} <${user.email}>`],
		['Username', user.username],
		['User ID', user._id],
		['Job', [user.jobTitle, user.department].filter(Boolean).join(', ')],
		['Manager', manager ? `${manager.displayname || `${manager.firstname} ${manager.lastname}`} <${manager.email}>` : '(none)'],
		['Groups', `${joined.join(', ') || '(none)'}${already.length ? `; already a member: ${already.join(', ')}` : ''}`],
		['State', user.state],
	];
	const lines = rows.map(([label, value]) => `  ${label.padEnd(9)} ${value}`);
	process.stdout.write(
		`\nOnboarding result, produced by real n8n ${n8n.N8N_VERSION} running ${n8n.NODE_TYPE} (${summary.nodes} nodes, ${seconds(summary.ms)}):\n${lines.join('\n')}\n\n`,
	);
}

async function demoCompany(sim) {
	const headers = { 'x-api-key': sim.keys.single, accept: 'application/json' };
	const users = await (await fetch(`${sim.baseUrl}/api/systemusers?limit=100&fields=username`, { headers })).json();
	const groups = await (await fetch(`${sim.baseUrl}/api/v2/usergroups?limit=100&sort=name`, { headers })).json();
	return `${users.totalCount} users, groups ${groups.map((g) => g.name).join(', ')}`;
}

let userFolder;

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const phases = new Phases();
	processes.installHandlers();
	processes.onShutdown(() => {
		n8n.removeFolder(userFolder);
		process.stdout.write(`Stopped n8n and the simulator; removed ${userFolder}.\n`);
	});

	if (!options.once && (await n8n.portInUse(options.port))) {
		throw new Error(`Port ${options.port} on 127.0.0.1 is already in use (another n8n?). Stop it, or run: npm run demo -- --port <free port>`);
	}

	const runtime = await phases.time('n8n runtime (cache)', () => n8n.ensureRuntime());
	userFolder = n8n.createUserFolder('n8n-jumpcloud-demo-');

	const sim = await phases.time('JumpCloud simulator (demo company)', () => startSimulator({ nodeBin: runtime.node.nodeBin, seed: 'demo' }));
	log(`JumpCloud simulator on ${sim.baseUrl}: Acme, ${await demoCompany(sim)}`);

	const instance = await n8n.N8nInstance.create(runtime, userFolder, { port: options.port });
	const workflow = JSON.parse(fs.readFileSync(WORKFLOW_FILE, 'utf8'));
	const credential = {
		...CREDENTIAL,
		type: 'jumpCloudApi',
		data: { apiKey: sim.keys.single, region: 'custom', baseUrl: sim.baseUrl, multipleOrganizations: false, organizationId: '' },
	};
	const mspCredential = {
		...MSP_CREDENTIAL,
		type: 'jumpCloudApi',
		data: { apiKey: sim.keys.msp, region: 'custom', baseUrl: sim.baseUrl, multipleOrganizations: true, organizationId: '' },
	};
	const others = OTHER_EXAMPLES.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')));
	await Promise.all([
		phases.time(`${options.build ? 'build + ' : ''}pack + install the node into n8n`, async () => {
			const tarball = await n8n.packPackage(runtime, userFolder, { build: options.build });
			await n8n.installPackage(runtime, userFolder, tarball);
		}),
		phases.time('n8n import:credentials + import:workflow', async () => {
			await instance.importCredentials([credential, mspCredential]);
			await instance.importWorkflows([workflow, ...others]);
		}),
	]);

	const result = await phases.time(`n8n execute --id=${workflow.id} (${workflow.name})`, () => instance.execute(workflow.id));
	// Judged by what n8n recorded: its CLI may crash on exit although the run is complete.
	const [recorded] = (await instance.recordedExecutions()).slice(-1);
	if (recorded?.status !== 'success') {
		const error = recorded?.run.data.resultData.error;
		throw new Error(
			`The workflow failed in n8n (${recorded ? `status ${recorded.status}` : `nothing recorded, exit ${result.code ?? result.signal}`}): ${error ? `${error.message} — ${error.description ?? ''} (node ${error.node?.name})` : result.stderr.split('\n').slice(-20).join('\n')}`,
		);
	}
	printSummary(summarize({ ...recorded.run, startedAt: recorded.startedAt, stoppedAt: recorded.stoppedAt }));

	if (options.once) {
		await sim.stop();
		await processes.stopAll();
		const left = processes.leftovers();
		n8n.removeFolder(userFolder);
		process.stdout.write(`phases:\n${phases.table()}\n`);
		process.stdout.write(left.length ? `WARNING: processes left: ${left.join(', ')}\n` : 'Stopped the simulator; no process left running.\n');
		return left.length ? 1 : 0;
	}

	const server = await phases.time(`n8n start (editor on 127.0.0.1:${options.port})`, () => instance.start());
	const url = server.url;
	const owner = { email: 'demo@example.com', firstName: 'Demo', lastName: 'User', password: `Demo-${crypto.randomBytes(6).toString('hex')}-1` };
	const { setup } = await n8n.editorClient(url, owner);
	const listeners = sockets.supported ? sockets.listenersOfGroups([...processes.running].map((c) => c.pid)) : [];
	const exposed = listeners.filter((l) => !sockets.isLoopback(l.address));
	process.stdout.write(`phases:\n${phases.table()}\n\n`);
	process.stdout.write(`n8n ${n8n.N8N_VERSION} is serving its editor at ${url}\n`);
	if (setup.status === 200) {
		process.stdout.write(`  log in as ${owner.email} / ${owner.password}  (a throw-away owner account made for this demo)\n`);
	} else {
		process.stdout.write(`  create the owner account when asked (any email and password: this n8n and its data are deleted on exit)\n`);
	}
	process.stdout.write(`  the workflow: ${url}/workflow/${workflow.id}  (run it again there: it updates the user it created)\n`);
	process.stdout.write(`  the credential "${CREDENTIAL.name}" points at the simulator: ${sim.baseUrl}\n`);
	if (sockets.supported) {
		process.stdout.write(`  listening: ${listeners.map((l) => `${l.address}:${l.port}`).sort().join(', ')}${exposed.length ? '  WARNING: not loopback!' : ' (loopback only)'}\n`);
	}
	process.stdout.write('Press Ctrl-C to stop n8n and the simulator.\n');

	return await new Promise((resolve) => {
		server.child.once('exit', async (code, signal) => {
			if (processes.isShuttingDown()) return; // Ctrl-C: the shutdown handler stops everything and exits
			process.stderr.write(`n8n exited unexpectedly (${code ?? signal}); see ${server.logFile}\n`);
			process.stderr.write(fs.readFileSync(server.logFile, 'utf8').split('\n').slice(-30).join('\n'));
			await processes.stopAll();
			resolve(1);
		});
	});
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	async (error) => {
		process.stderr.write(`\ndemo failed: ${error.message}\n`);
		await processes.stopAll();
		n8n.removeFolder(userFolder);
		process.exitCode = 1;
	},
);
