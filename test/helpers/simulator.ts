/** Starts the JumpCloud simulator for a test file and gives the credentials that point at it. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

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
}

/** Registers beforeAll/afterAll/beforeEach: a fresh seed and an empty request log for every test. */
export function useSimulator(seed: 'default' | 'demo' = 'default'): SimulatorFixture {
	let sim: Simulator | undefined;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0, seed });
	});
	afterAll(async () => {
		await sim?.close();
	});
	beforeEach(() => {
		sim!.reset();
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
	};
}

/** Asserts the API key appears nowhere in what a run produced (output, errors, descriptions). */
export function expectNoSecret(value: unknown, fixture: SimulatorFixture) {
	const text = JSON.stringify(value, (_key, inner) => (inner instanceof Error ? { ...inner, message: inner.message, description: (inner as { description?: string }).description } : inner));
	expect(text).not.toContain(fixture.sim.keys.single);
	expect(text).not.toContain(fixture.sim.keys.msp);
}
