/** The simulator's device state (test/simulator/devices.js) for a test file's simulator fixture. */
import { devicesOf } from '../simulator/devices';
import type { SimulatorFixture } from './simulator';

export function deviceFixture(fixture: SimulatorFixture) {
	const acme = () => fixture.sim.orgs.acme;
	const state = () => devicesOf(fixture.sim.directory);
	return {
		acme,
		state,
		/** A seeded Acme device by hostname; throws when the seed has none. */
		device(hostname: string) {
			const device = state().systemByHostname(acme(), hostname);
			if (!device) throw new Error(`the seed has no Acme device ${hostname}`);
			return device;
		},
		/** A seeded Acme device group by name. */
		group(name: string) {
			const group = state().groupByName(acme(), name);
			if (!group) throw new Error(`the seed has no Acme device group ${name}`);
			return group;
		},
		/** A seeded Acme command by name. */
		command(name: string) {
			const command = state().commandByName(acme(), name);
			if (!command) throw new Error(`the seed has no Acme command ${name}`);
			return command;
		},
	};
}
