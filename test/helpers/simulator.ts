/** Starts the JumpCloud simulator for a test file and gives the credentials that point at it. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { createContractRun } from '../contract/run';
import { startSimulator } from '../simulator';

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;
export type LoggedRequest = Simulator['requests'][number];
/** A user or group record as the simulator's directory returns it. */
export type SimulatorRecord = NonNullable<ReturnType<Simulator['directory']['user']>>;

export interface SimulatorFixture {
	readonly sim: Simulator;
	/** Credential data for the single-organization admin key (organization acme). */
	singleOrg(): ICredentialDataDecryptedObject;
	/** Credential data for the MSP key, with an optional default organization. */
	msp(defaultOrganizationId?: string): ICredentialDataDecryptedObject;
	/** Requests logged since the last `reset()`, without the test's own setup calls. */
	requests(): LoggedRequest[];
	/** The logged requests as "METHOD path status" lines, a fault shown as "status(kind)". */
	calls(): string[];
	/** A seeded Acme user (a copy of the simulator's record); throws when the seed has none. */
	acmeUser(username: string): SimulatorRecord;
	/** A seeded Acme user group; throws when the seed has none. */
	acmeGroup(name: string): SimulatorRecord;
	/**
	 * Declares a contract violation the current test causes on purpose (e.g. API Request sent to a path the
	 * spec lacks): it must occur, and is then not a failure. Every other violation fails the test.
	 */
	expectContractViolation(rule: ContractRule, detail: RegExp): void;
}

/** The rules of test/contract/contract.js. */
export type ContractRule = 'route' | 'request' | 'query' | 'header' | 'security' | 'status' | 'response';

/** The test file's path under test/, as a report name. */
function suiteName() {
	const testPath = expect.getState().testPath ?? 'unknown';
	return testPath.replace(/^.*?\/test\//, '').replace(/\.test\.ts$/, '').replace(/\//g, '.');
}

/**
 * Registers beforeAll/afterAll/beforeEach/afterEach: a fresh seed and an empty request log for every test, and
 * after each test the contract check of every exchange it caused (test/contract): a request or answer that
 * breaks JumpCloud's OpenAPI specs fails the test, naming the call, the spec operation and the rule.
 */
export function useSimulator(seed: 'default' | 'demo' = 'default'): SimulatorFixture {
	let sim: Simulator | undefined;
	let contract: Awaited<ReturnType<typeof createContractRun>> | undefined;
	let expected: Array<{ rule: ContractRule; detail: RegExp }> = [];
	beforeAll(async () => {
		contract = await createContractRun(suiteName());
		sim = await startSimulator({ port: 0, seed });
		sim.journal = [];
	});
	afterAll(async () => {
		await sim?.close();
		contract?.report();
	});
	beforeEach(() => {
		sim!.reset();
		sim!.journal = [];
		expected = [];
	});
	afterEach(() => {
		const entries = sim!.journal!.splice(0);
		const { unexpected, missing } = contract!.check(entries, { expected });
		const problems = [];
		if (unexpected.length) problems.push(`Contract violations (JumpCloud's OpenAPI specs, test/contract):\n${contract!.formatViolations(unexpected)}`);
		if (missing.length) problems.push(`Expected contract violations that did not occur: ${missing.map((rule) => `${rule.rule} ${rule.detail}`).join(', ')}`);
		if (problems.length) throw new Error(problems.join('\n'));
	});
	const current = () => {
		if (!sim) throw new Error('simulator not started');
		return sim;
	};
	return {
		get sim() {
			return current();
		},
		singleOrg: () => ({ apiKey: current().keys.single, region: 'custom', baseUrl: current().baseUrl, multipleOrganizations: false }),
		msp: (defaultOrganizationId = '') => ({
			apiKey: current().keys.msp,
			region: 'custom',
			baseUrl: current().baseUrl,
			multipleOrganizations: true,
			organizationId: defaultOrganizationId,
		}),
		requests: () => [...current().requests],
		calls: () => current().requests.map((r) => `${r.method} ${r.path} ${r.status}${r.fault ? `(${r.fault})` : ''}`),
		acmeUser: (username: string) => {
			const user = current().directory.userByUsername(current().orgs.acme, username);
			if (!user) throw new Error(`the seed has no Acme user ${username}`);
			return user;
		},
		acmeGroup: (name: string) => {
			const group = current().directory.groupByName(current().orgs.acme, name);
			if (!group) throw new Error(`the seed has no Acme group ${name}`);
			return group;
		},
		expectContractViolation: (rule: ContractRule, detail: RegExp) => {
			expected.push({ rule, detail });
		},
	};
}

/** Asserts the API key appears nowhere in what a run produced (output, errors, descriptions). */
export function expectNoSecret(value: unknown, fixture: SimulatorFixture) {
	const text = JSON.stringify(value, (_key, inner) => (inner instanceof Error ? { ...inner, message: inner.message, description: (inner as { description?: string }).description } : inner));
	expect(text).not.toContain(fixture.sim.keys.single);
	expect(text).not.toContain(fixture.sim.keys.msp);
}
