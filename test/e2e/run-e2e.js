#!/usr/bin/env node
'use strict';
/**
 * End-to-end tests in a real n8n (`npm run test:e2e`).
 *
 * 1. Node 24 + n8n (pinned, see scripts/n8n-host) from the cache folder; installed on the first run.
 * 2. `npm run build`, `npm pack`, then `npm install <tarball>` into a fresh N8N_USER_FOLDER's .n8n/nodes,
 *    as a user's community-node install would (node type n8n-nodes-jumpcloud.jumpCloud).
 * 3. The JumpCloud simulator (test/simulator/cli.js) on 127.0.0.1; credentials pointing at it (custom base
 *    URL; a single-org key, an MSP key with and without a default organization, a wrong key) and the
 *    workflows in test/e2e/workflows are imported with `n8n import:credentials` / `import:workflow`.
 * 4. The workflows that must succeed run in one `n8n execute-batch` process (one n8n start-up for all:
 *    measured ~5 s for 6 workflows against ~4.5 s for each `n8n execute --id`); each workflow that must fail
 *    runs on its own with `n8n execute --id`, which exits 1 and prints the failed execution.
 * 5. Checks on the execution JSON (values, counts, order, pairedItem), on the simulator's final state, on
 *    API keys never appearing in n8n's output or database, on every socket being bound to 127.0.0.1, and on
 *    no process being left behind.
 *
 * Options: --no-build (use the existing dist/), --keep (keep the temporary n8n user folder), --verbose.
 * Environment: N8N_JUMPCLOUD_CACHE (cache folder, default ~/.cache/n8n-nodes-jumpcloud).
 */
const fs = require('node:fs');
const path = require('node:path');

const n8n = require('../../scripts/lib/n8n');
const processes = require('../../scripts/lib/processes');
const sockets = require('../../scripts/lib/sockets');
const { log, seconds, Phases } = require('../../scripts/lib/log');
const { startSimulator } = require('../../scripts/lib/simulator');
const { Checks, successChecks, failureChecks, checkFailure, exampleChecks } = require('./checks');
const { HARNESS_HEADER } = require('../contract/contract');
const { createContractRun } = require('../contract/run');
const insightsE2e = require('./insights');

// Workflow 20 (Event operations) is checked by the Directory Insights module, which also runs the trigger phase.
Object.assign(successChecks, insightsE2e.successChecks);

const WORKFLOW_DIR = path.join(__dirname, 'workflows');
/** The workflows under examples/ that users import, run here twice each (they must be safe to run again). */
const EXAMPLE_FILES = ['onboard-new-hire.json', 'offboard-leaver.json', 'msp-inventory.json', 'offboard-devices.json'];
/** The credentials the examples name, as the demo creates them. */
const EXAMPLE_CREDENTIAL = { id: 'demoJumpCloudCred1', name: 'JumpCloud (simulator)', type: 'jumpCloudApi' };
const EXAMPLE_MSP_CREDENTIAL = { id: 'demoJumpCloudMspCred1', name: 'JumpCloud MSP (simulator)', type: 'jumpCloudApi' };
const CREDENTIALS_FILE = path.join(__dirname, 'credentials.json');
/** The owner account the e2e runs create on the fresh n8n (and log in with on a later start). */
const E2E_OWNER = { email: 'e2e@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2e-owner-passw0rd' };
/** A key JumpCloud (and the simulator) does not know. */
const BAD_KEY = 'e2e-wrong-key-0000000000000000000000000';

const args = new Set(process.argv.slice(2));
const options = { build: !args.has('--no-build'), keep: args.has('--keep'), verbose: args.has('--verbose') };

/** Reads from the simulator directly (not through n8n): the expected values and the final state. */
function simulatorClient(sim) {
	return async function api(pathAndQuery, { key = sim.keys.single, org } = {}) {
		// Marked as the harness's own reads: the contract layer checks their answers, not them as the node's requests.
		const headers = { 'x-api-key': key, accept: 'application/json', [HARNESS_HEADER]: 'e2e' };
		if (org) headers['x-org-id'] = org;
		const response = await fetch(`${sim.baseUrl}${pathAndQuery}`, { headers });
		const body = await response.json();
		if (!response.ok) throw new Error(`simulator ${pathAndQuery}: ${response.status} ${JSON.stringify(body)}`);
		return { body, total: Number(response.headers.get('x-total-count') ?? body.totalCount) };
	};
}

async function readFacts(sim) {
	const api = simulatorClient(sim);
	const userId = async (username, org) => {
		const { body } = await api(`/api/systemusers?filter=username:$eq:${username}&fields=_id`, org ? { key: sim.keys.msp, org } : {});
		if (body.results.length !== 1) throw new Error(`simulator has no single user ${username}`);
		return body.results[0]._id;
	};
	const groups = async (org, sort = 'name') => (await api(`/api/v2/usergroups?sort=${sort}&limit=100`, org ? { key: sim.keys.msp, org } : {})).body;
	const acmeGroups = await groups();
	const globexGroups = await groups(sim.orgs.globex);
	const initechGroups = await groups(sim.orgs.initech);
	const users = {};
	for (const name of ['msmith', 'jdoe', 'user001', 'user010', 'user011', 'user120', 'user130']) users[name] = await userId(name);
	const groupsOf = async (id) => (await api(`/api/v2/users/${id}/memberof?limit=100`)).body.map((membership) => membership.id).sort();
	const all = async (pathAndQuery) => {
		const found = [];
		for (let skip = 0; ; skip += 100) {
			const { body } = await api(`${pathAndQuery}&limit=100&skip=${skip}`);
			found.push(...body.results);
			if (body.results.length < 100) return found;
		}
	};
	const organizations = (await api('/api/organizations?limit=100', { key: sim.keys.msp })).body.results;
	// Devices (test/simulator/devices.js, with the 250 generated ones): Device Get Many reads them in creation order.
	const acmeDevices = await all('/api/systems?sort=_id&fields=_id hostname mdm');
	const macs = acmeDevices.filter((device) => device.mdm?.internal?.deviceId);
	const user120Devices = (await api(`/api/v2/users/${users.user120}/associations?targets=system&limit=100`)).body.map((edge) => edge.to.id);
	return {
		orgs: sim.orgs,
		users,
		acmeUserCount: (await api('/api/systemusers?limit=1')).total,
		firstUsernames: (await api('/api/systemusers?sort=username&limit=5&fields=username')).body.results.map((u) => u.username),
		acmeGroupNames: acmeGroups.map((g) => g.name),
		// Get Many reads lists in the order JumpCloud created the records (by object ID).
		acmeGroupNamesByCreation: (await groups(undefined, 'id')).map((g) => g.name),
		acmeGroups: Object.fromEntries(acmeGroups.map((g) => [g.name, g.id])),
		globexGroupNames: globexGroups.map((g) => g.name),
		globexGroups: Object.fromEntries(globexGroups.map((g) => [g.name, g.id])),
		initechGroupNames: initechGroups.map((g) => g.name),
		globexUserCount: (await api('/api/systemusers?limit=1', { key: sim.keys.msp, org: sim.orgs.globex })).total,
		initechUserCount: (await api('/api/systemusers?limit=1', { key: sim.keys.msp, org: sim.orgs.initech })).total,
		engineeringActivated: (await all('/api/systemusers?filter[0]=department:$eq:Engineering&filter[1]=state:$eq:ACTIVATED&sort=_id&fields=username')).map((u) => u.username),
		jdoeGroups: await groupsOf(users.jdoe),
		user120Groups: await groupsOf(users.user120),
		user010Groups: await groupsOf(users.user010),
		organizationNames: Object.fromEntries(organizations.map((o) => [o._id, o.displayName])),
		acmeDeviceIds: acmeDevices.map((device) => device._id),
		devices: Object.fromEntries(acmeDevices.filter((device) => !device.hostname.startsWith('gen-device-')).map((device) => [device.hostname, device._id])),
		mdmDevices: Object.fromEntries(macs.map((device) => [device.hostname, device.mdm.internal.deviceId])),
		appleMdmId: (await api('/api/v2/applemdms')).body[0]?.id,
		deviceGroupNames: (await api('/api/v2/systemgroups?sort=id&limit=100')).body.map((group) => group.name),
		user120Devices: user120Devices.map((id) => ({ id, hostname: acmeDevices.find((device) => device._id === id)?.hostname })),
	};
}

async function checkFinalState(t, sim, facts) {
	const api = simulatorClient(sim);
	const leftover = await api('/api/systemusers?filter=username:$sw:e2e.&fields=username');
	t.equal('state: every user the tests created in Acme was deleted', leftover.body.results.map((u) => u.username), []);
	t.equal('state: Acme has exactly one user more, the one the onboarding example made (twice run, once created)', (await api('/api/systemusers?limit=1')).total, facts.acmeUserCount + 1);
	t.equal('state: Contractors has no members again', (await api(`/api/v2/usergroups/${facts.acmeGroups.Contractors}/members`)).body.length, 0);
	t.equal('state: the temporary v2 group is gone', (await api('/api/v2/usergroups?sort=name&limit=100')).body.map((g) => g.name), facts.acmeGroupNames);
	t.equal('state: the erased device was deleted, the others are all there', (await api('/api/systems?limit=1')).total, facts.acmeDeviceIds.length - 1);
	t.equal('state: the temporary device group is gone', (await api('/api/v2/systemgroups?sort=id&limit=100')).body.map((g) => g.name), facts.deviceGroupNames);
	t.equal('state: the renamed device has its name back', (await api(`/api/systems/${facts.devices['acme-ubuntu-build01']}?fields=displayName`)).body.displayName, 'Build server 01');
	t.equal('state: the leaver is bound to no device any more', (await api(`/api/v2/users/${facts.users.user120}/associations?targets=system`)).body, []);
	t.equal('state: Globex user count unchanged', (await api('/api/systemusers?limit=1', { key: sim.keys.msp, org: sim.orgs.globex })).total, facts.globexUserCount);
}

/**
 * Every request n8n sent to the simulator (workflows, editor list searches, credential tests) and every answer,
 * checked against JumpCloud's OpenAPI specs (test/contract); the report joins the jest suites' in the summary.
 */
async function checkContract(t, sim) {
	const contract = await createContractRun('e2e', { cacheDir: path.join(n8n.cacheDir(), 'contract') });
	const response = await fetch(`${sim.baseUrl}/__simulator/requests`);
	const entries = await response.json();
	const { unexpected } = contract.check(entries);
	contract.report();
	const { stats } = contract;
	t.equal(
		`contract: the ${stats.requests} requests n8n sent and the ${stats.responses} simulator answers meet the OpenAPI specs (${stats.routes.size} (method, route) pairs, ${stats.deviations} known deviations)`,
		contract.formatViolations(unexpected),
		'',
	);
}

/** n8n's blank-value marker: "keep the stored secret" in a credential the editor sends back (n8n-workflow). */
const CREDENTIAL_BLANK_VALUE = '__n8n_BLANK_VALUE_e5362baf-c777-4d57-a609-6eaf1f9e87f6';

/**
 * `n8n start`, then what the editor does with our node over n8n's REST API: load the node and credential
 * types, fill the "From List" pickers (the node's listSearch methods, run by the server with a stored
 * credential) and test credentials. Resolves the answers for checkEditor().
 */
async function exerciseEditor(instance, facts) {
	const server = await instance.start();
	try {
		const client = await n8n.editorClient(server.url, E2E_OWNER);
		const responses = [client.setup.text];
		const call = async (method, urlPath, body) => {
			const answer = await client.call(method, urlPath, body);
			responses.push(answer.text);
			return answer;
		};
		const credentialRef = (id) => ({ jumpCloudApi: { id, name: id } });
		const nodeTypes = await call('GET', '/types/nodes.json');
		const credentialTypes = await call('GET', '/types/credentials.json');
		const project = await call('GET', '/rest/projects/personal');
		const projectId = project.json?.data?.id;
		const search = (methodName, credentialId, filter, currentNodeParameters) =>
			call('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
				nodeTypeAndVersion: { name: n8n.NODE_TYPE, version: 1 },
				methodName,
				path: 'parameters.x',
				currentNodeParameters,
				credentials: credentialRef(credentialId),
				filter,
				projectId,
			});
		const testCredential = (id, data) =>
			call('POST', '/rest/credentials/test', { credentials: { id, name: id, type: 'jumpCloudApi', data: { apiKey: CREDENTIAL_BLANK_VALUE, region: 'custom', baseUrl: data.baseUrl, multipleOrganizations: data.multipleOrganizations, organizationId: data.organizationId } } });
		const stored = await call('GET', '/rest/credentials/jcE2eCredSingle?includeData=true');
		const credentialData = stored.json?.data?.data ?? {};
		return {
			logFile: server.logFile,
			responses,
			setup: client.setup,
			nodeTypes: (nodeTypes.json ?? []).map((type) => type.name),
			ourNodeType: (nodeTypes.json ?? []).find((type) => type.name === n8n.NODE_TYPE),
			credentialTypes: (credentialTypes.json ?? []).map((type) => type.name),
			users: await search('searchUsers', 'jcE2eCredSingle', 'jane', { resource: 'user', operation: 'get' }),
			groups: await search('searchUserGroups', 'jcE2eCredSingle', 'eng', { resource: 'userGroup', operation: 'addUser' }),
			devices: await search('searchDevices', 'jcE2eCredSingle', 'build01', { resource: 'device', operation: 'lock' }),
			deviceGroups: await search('searchDeviceGroups', 'jcE2eCredSingle', 'fleet', { resource: 'deviceGroup', operation: 'addDevice' }),
			commands: await search('searchCommands', 'jcE2eCredSingle', 'diag', { resource: 'command', operation: 'run' }),
			organizations: await search('searchOrganizations', 'jcE2eCredMsp', '', { resource: 'user', operation: 'get' }),
			usersInInitech: await search('searchUsers', 'jcE2eCredMsp', 'admin', {
				resource: 'user',
				operation: 'get',
				options: { organization: { __rl: true, mode: 'id', value: facts.orgs.initech } },
			}),
			storedApiKey: credentialData.apiKey,
			tests: {
				single: await testCredential('jcE2eCredSingle', { ...credentialData, multipleOrganizations: false, organizationId: '' }),
				mspGlobex: await testCredential('jcE2eCredMspGlobex', { baseUrl: credentialData.baseUrl, multipleOrganizations: true, organizationId: facts.orgs.globex }),
				badKey: await testCredential('jcE2eCredBadKey', { baseUrl: credentialData.baseUrl, multipleOrganizations: false, organizationId: '' }),
			},
		};
	} finally {
		await server.stop();
	}
}

function checkEditor(t, editor, facts, sim) {
	t.equal('editor: owner account set up on the fresh n8n', editor.setup.status, 200);
	const startLog = fs.readFileSync(editor.logFile, 'utf8');
	t.ok('editor: n8n start tried no outside host (no DNS errors in its log)', !/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(startLog), startLog.split('\n').filter((l) => /ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(l)).slice(0, 3).join(' | '));
	t.ok('editor: n8n start lists the node type n8n-nodes-jumpcloud.jumpCloud', editor.nodeTypes.includes(n8n.NODE_TYPE), `${editor.nodeTypes.length} node types`);
	t.ok('editor: n8n start lists the credential type jumpCloudApi', editor.credentialTypes.includes('jumpCloudApi'));
	t.check('editor: no generic "Custom API Call" entry beside API Request in the resource and operation lists', () => {
		const lists = (editor.ourNodeType?.properties ?? []).filter((p) => ['resource', 'operation'].includes(p.name));
		const injected = lists.flatMap((p) => p.options ?? []).filter((o) => o.value === '__CUSTOM_API_CALL__');
		return (lists.length > 0 && injected.length === 0) || `${lists.length} lists, ${injected.length} Custom API Call entries`;
	});
	t.check('editor: API Request is one of the node\'s actions', () => {
		const actions = (editor.ourNodeType?.properties ?? []).filter((p) => p.name === 'operation').flatMap((p) => p.options ?? []).map((o) => o.action);
		return actions.includes('Make an API request') || actions.join(', ');
	});
	const results = (answer) => answer.json?.data?.results ?? answer.text;
	t.equal('editor: "From List" users, search "jane"', results(editor.users), [{ name: 'Jane Doe (jane.doe@acme.example)', value: facts.users.jdoe }]);
	t.check('editor: "From List" user groups, search "eng"', () => {
		const list = results(editor.groups);
		return (Array.isArray(list) && list.some((g) => g.value === facts.acmeGroups.Engineering && /Engineering/.test(g.name))) || JSON.stringify(list);
	});
	t.equal('editor: "From List" devices, search "build01"', results(editor.devices), [{ name: 'Build server 01 (acme-ubuntu-build01), Ubuntu', value: facts.devices['acme-ubuntu-build01'] }]);
	t.equal('editor: "From List" device groups, search "fleet"', (results(editor.deviceGroups) ?? []).map?.((g) => g.name), ['Windows Fleet']);
	t.equal('editor: "From List" commands, search "diag"', (results(editor.commands) ?? []).map?.((c) => c.name), ['Collect Diagnostics (linux)']);
	t.check('editor: "From List" organizations for the MSP key', () => {
		const list = results(editor.organizations);
		// User > Get reads only, so All Organizations comes first.
		return (
			(Array.isArray(list) &&
				list[0]?.value === 'all' &&
				JSON.stringify(list.slice(1).map((o) => o.value).sort()) === JSON.stringify([facts.orgs.globex, facts.orgs.initech, facts.orgs.umbrella].sort())) ||
			JSON.stringify(list)
		);
	});
	t.check('editor: "From List" users follow the node\'s organization (Initech)', () => {
		const list = results(editor.usersInInitech);
		return (Array.isArray(list) && list.length > 0 && list.every((u) => /initech/.test(u.name))) || JSON.stringify(list);
	});
	t.ok('editor: the stored API key is sent to the browser redacted', editor.storedApiKey !== undefined && editor.storedApiKey !== sim.keys.single, `apiKey: ${editor.storedApiKey}`);
	t.equal('editor: credential test, single-org key', editor.tests.single.json?.data?.status, 'OK');
	t.equal('editor: credential test, MSP key with default organization', editor.tests.mspGlobex.json?.data?.status, 'OK');
	const bad = editor.tests.badKey.json?.data;
	t.check(
		'editor: credential test, wrong key fails saying which fields to check',
		() => (bad?.status === 'Error' && /api key user not found/.test(bad.message ?? '') && /'API Key'/.test(bad.message ?? '') && /'Region'/.test(bad.message ?? '')) || editor.tests.badKey.text,
	);
}

/** resource:operation of every JumpCloud node that ran in these executions (apiRequest counted per method). */
function operationsExercised(executions) {
	const operations = new Map();
	for (const { workflow, run } of executions) {
		const runData = run?.data?.resultData?.runData ?? {};
		for (const node of workflow.nodes) {
			if (node.type !== n8n.NODE_TYPE || !runData[node.name]) continue;
			const { resource, operation, method } = node.parameters;
			const key = resource === 'apiRequest' ? `apiRequest:${operation ?? 'request'} (${method ?? 'GET'})` : `${resource}:${operation}`;
			operations.set(key, (operations.get(key) ?? 0) + 1);
		}
	}
	return operations;
}

/** Every resource:operation the built node offers, read from its description. */
function operationsOffered() {
	const { JumpCloud } = require(path.join(n8n.REPO_ROOT, 'dist', 'nodes', 'JumpCloud', 'JumpCloud.node.js'));
	const { properties } = new JumpCloud().description;
	const resources = properties.find((p) => p.name === 'resource').options.map((o) => o.value);
	const offered = [];
	for (const resource of resources) {
		const operation = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource));
		if (!operation) offered.push(resource);
		else for (const option of operation.options) offered.push(`${resource}:${option.value}`);
	}
	return offered;
}

async function main() {
	const started = Date.now();
	const phases = new Phases();
	const t = new Checks();
	let userFolder;
	let sim;
	let succeeded = false;
	processes.installHandlers();
	processes.onShutdown(() => {
		if (userFolder && !options.keep) n8n.removeFolder(userFolder);
	});

	try {
		const runtime = await phases.time('n8n runtime (cache)', () => n8n.ensureRuntime());
		userFolder = n8n.createUserFolder('n8n-jumpcloud-e2e-');
		log(`n8n user folder: ${userFolder}`);

		sim = await phases.time('simulator start', () => startSimulator({ nodeBin: runtime.node.nodeBin, seed: 'default' }));
		log(`simulator: ${sim.baseUrl}`);
		// 250 more devices in Acme, so that Device Get Many's Return All reads several pages (simulator harness route).
		await fetch(`${sim.baseUrl}/__simulator/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ devices: 250 }) });
		const facts = await readFacts(sim);
		const values = {
			BASE_URL: sim.baseUrl,
			KEY_SINGLE: sim.keys.single,
			KEY_MSP: sim.keys.msp,
			KEY_BAD: BAD_KEY,
			ORG_ACME: sim.orgs.acme,
			ORG_GLOBEX: sim.orgs.globex,
			ORG_INITECH: sim.orgs.initech,
			ORG_UMBRELLA: sim.orgs.umbrella,
		};
		const credentials = n8n.fillPlaceholders(JSON.parse(fs.readFileSync(CREDENTIALS_FILE, 'utf8')), values);
		const workflows = fs
			.readdirSync(WORKFLOW_DIR)
			.filter((file) => file.endsWith('.json'))
			.sort()
			.map((file) => n8n.fillPlaceholders(JSON.parse(fs.readFileSync(path.join(WORKFLOW_DIR, file), 'utf8')), values));
		const examples = EXAMPLE_FILES.map((file) => JSON.parse(fs.readFileSync(path.join(n8n.REPO_ROOT, 'examples', file), 'utf8')));
		credentials.push({ ...EXAMPLE_CREDENTIAL, data: { apiKey: sim.keys.single, region: 'custom', baseUrl: sim.baseUrl, multipleOrganizations: false, organizationId: '' } });
		credentials.push({ ...EXAMPLE_MSP_CREDENTIAL, data: { apiKey: sim.keys.msp, region: 'custom', baseUrl: sim.baseUrl, multipleOrganizations: true, organizationId: '' } });
		const mustSucceed = workflows.filter((w) => successChecks[w.id]);
		const mustFail = workflows.filter((w) => failureChecks[w.id]);
		const unchecked = workflows.filter((w) => !successChecks[w.id] && !failureChecks[w.id]);
		if (unchecked.length) throw new Error(`Workflows without checks: ${unchecked.map((w) => w.id).join(', ')}`);

		const instance = await n8n.N8nInstance.create(runtime, userFolder);
		let install;
		// Our package (build → pack → install) and n8n's database (the first command runs the migrations) are
		// independent: prepare both at once.
		await Promise.all([
			phases.time('build + pack + install the node package', async () => {
				const tarball = await n8n.packPackage(runtime, userFolder, { build: options.build });
				install = await n8n.installPackage(runtime, userFolder, tarball);
				log(`installed ${path.basename(tarball)} into ${path.join(userFolder, '.n8n', 'nodes', 'node_modules')} with the README's \`${install.command}\``);
			}),
			phases.time(`n8n import:credentials (${credentials.length}) + import:workflow (${workflows.length + examples.length})`, async () => {
				await instance.importCredentials(credentials);
				await instance.importWorkflows([...workflows, ...examples, ...insightsE2e.triggerWorkflows()]);
			}),
		]);

		const listeners = sockets.supported ? sockets.sampleListeners(() => [...processes.running].map((c) => c.pid)) : undefined;
		// One n8n process runs every workflow, the examples before the ones that must fail (n8n 2.41.1's CLI may
		// crash on exit after a failed workflow); a second runs the examples again, as a user re-running them would.
		const firstIds = [...mustSucceed, ...examples, ...mustFail].map((w) => w.id);
		const batches = [
			await phases.time(`n8n execute-batch (${firstIds.length} workflows)`, () => instance.executeBatch(firstIds)),
			await phases.time(`n8n execute-batch (the ${examples.length} example(s) again)`, () => instance.executeBatch(examples.map((w) => w.id))),
		];
		const recorded = await phases.time('read the executions n8n recorded', () => instance.recordedExecutions());
		const editor = await phases.time('n8n start + editor API (list search, credential test)', () => exerciseEditor(instance, facts));
		// Published trigger workflows, n8n start and its own poller; the editor's manual run of the trigger.
		const triggerPhase = await phases.time('n8n start + the JumpCloud Trigger polled by n8n', () => insightsE2e.runTriggerPhase(instance, sim, { owner: E2E_OWNER }));
		const seenListeners = listeners ? listeners.stop() : [];

		// ---------------------------------------------------------------- checks
		process.stdout.write(`\nn8n ${n8n.N8N_VERSION} on Node ${n8n.NODE_VERSION}: checks (each run judged by the execution n8n recorded)\n`);
		for (const [index, batch] of batches.entries()) {
			log(`execute-batch ${index + 1} ended with ${batch.code ?? batch.signal} (not judged: the recorded executions are)`);
		}
		t.equal(`install: the README's manual install command (${install.command.replace(userFolder, '…')}) put exactly one package into .n8n/nodes/node_modules`, install.packages, [n8n.PACKAGE_NAME]);
		const runsOf = (id) => recorded.filter((execution) => execution.workflowId === id).map((execution) => execution.run);
		const ranOurNode = recorded.some((execution) => Object.keys(execution.run.data.resultData.runData ?? {}).length > 1);
		t.ok('n8n recorded an execution per run, with our node (n8n-nodes-jumpcloud.jumpCloud) in it', ranOurNode && recorded.length === firstIds.length + examples.length, `${recorded.length} executions`);
		for (const workflow of mustSucceed) {
			const [run, ...more] = runsOf(workflow.id);
			if (!t.ok(`${workflow.name}: recorded once, status success`, run && run.status === 'success' && more.length === 0, run ? `status ${run.status}, ${1 + more.length} runs${run.data.resultData.error ? `: ${run.data.resultData.error.message}` : ''}` : 'not recorded')) continue;
			successChecks[workflow.id](t, run, facts);
		}
		for (const workflow of mustFail) checkFailure(t, workflow.id, runsOf(workflow.id));
		for (const workflow of examples) exampleChecks[workflow.id](t, runsOf(workflow.id), facts);
		checkEditor(t, editor, facts, sim);
		insightsE2e.checkTriggerPhase(t, triggerPhase, facts);

		await checkFinalState(t, sim, facts);
		await phases.time('contract: every exchange against the OpenAPI specs', () => checkContract(t, sim));

		const outputs = [
			...instance.commandLog.map((c) => c.stdout + c.stderr),
			...batches.flatMap((batch) => [batch.summaryText, ...Object.values(batch.raw)]),
			JSON.stringify(recorded),
			fs.readFileSync(editor.logFile, 'utf8'),
			...editor.responses,
			fs.readFileSync(triggerPhase.logFile, 'utf8'),
			...triggerPhase.responses,
		].join('\n');
		const database = fs.readFileSync(path.join(userFolder, '.n8n', 'database.sqlite'));
		for (const [name, key] of [['single-org', sim.keys.single], ['MSP', sim.keys.msp], ['wrong', BAD_KEY]]) {
			t.ok(`secrets: the ${name} API key never appears in n8n's output, execution data or editor API answers`, !outputs.includes(key));
			t.ok(`secrets: the ${name} API key is not stored in clear in n8n's database`, !database.includes(Buffer.from(key)));
		}
		t.ok('secrets: the new user\'s passwords never appear in n8n\'s output', !/Sup3r-Secret-Pass!|An0ther-Secret-Pass!/.test(outputs));

		if (sockets.supported) {
			const table = seenListeners.map((l) => `${l.address}:${l.port} (${l.command})`).join(', ');
			t.ok('network: n8n and the simulator were seen listening', seenListeners.length >= 2, table);
			t.ok(
				'network: everything listened on 127.0.0.1 only',
				seenListeners.every((l) => sockets.isLoopback(l.address)),
				`listeners: ${table}`,
			);
			if (options.verbose || seenListeners.some((l) => !sockets.isLoopback(l.address))) log(`listeners: ${table}`);
		}

		// ---------------------------------------------------------------- coverage
		const exercised = operationsExercised(
			[...workflows, ...examples].flatMap((workflow) => runsOf(workflow.id).map((run) => ({ workflow, run }))),
		);
		const offered = operationsOffered();
		const covered = offered.filter((op) => [...exercised.keys()].some((key) => key === op || key.startsWith(`${op} (`)));
		t.equal('coverage: every operation the node offers was run in n8n', offered.filter((op) => !covered.includes(op)), []);
		const methods = [...exercised.keys()].filter((k) => k.startsWith('apiRequest')).map((k) => k.replace(/^.*\((.*)\)$/, '$1'));
		const nodeRuns = [...exercised.values()].reduce((a, b) => a + b, 0);

		await sim.stop();
		const gone = processes.leftovers();
		t.equal('processes: nothing left running (n8n, task runners, simulator)', gone, []);
		if (sockets.supported) {
			t.equal('network: no socket of ours still listening', sockets.listenersOfGroups(processes.history), []);
		}

		process.stdout.write(
			`\ne2e: ${workflows.length} workflows (${mustSucceed.length} must succeed, ${mustFail.length} must fail) and ${examples.length} example(s) run twice, ` +
				`${covered.length} operations exercised of ${offered.length} (${[...exercised.keys()].filter((k) => !k.startsWith('apiRequest')).join(', ')}, ` +
				`apiRequest ${methods.join('/')}), ${nodeRuns} JumpCloud node runs, in real n8n ${n8n.N8N_VERSION}\n`,
		);
		process.stdout.write(`\nphases:\n${phases.table()}\n`);
		process.stdout.write(`e2e run time: ${seconds(Date.now() - started)}\n`);
		succeeded = t.failed === 0;
	} catch (error) {
		t.record('e2e run', false, error.stack ?? String(error));
	} finally {
		await processes.stopAll();
		if (userFolder) {
			if (options.keep || !succeeded) {
				log(`kept the n8n user folder for inspection: ${userFolder}`);
			} else {
				n8n.removeFolder(userFolder);
			}
		}
	}
	process.stdout.write(`\n${t.passed} passed, ${t.failed} failed\n`);
	process.exitCode = t.failed === 0 ? 0 : 1;
}

main();
