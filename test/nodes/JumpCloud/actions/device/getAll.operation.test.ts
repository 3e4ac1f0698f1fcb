import type { INodeParameters } from 'n8n-workflow';

import { deviceFixture } from '../../../../helpers/devices';
import { runNode } from '../../../../helpers/engine';
import { useSimulator } from '../../../../helpers/simulator';
import type { LoggedRequest } from '../../../../helpers/simulator';

const fixture = useSimulator();
const d = deviceFixture(fixture);
const getMany = (parameters: INodeParameters = {}): INodeParameters => ({ resource: 'device', operation: 'getAll', ...parameters });
const filtersOf = (entry: LoggedRequest) => Object.entries(entry.query).flatMap(([key, value]) => (/^filter\[\d+\]$/.test(key) ? [value] : []));

describe('device › get many (WorkflowExecute → simulator)', () => {
	it('returns up to Limit devices in one request, simplified, in creation order', async () => {
		const result = await runNode({ parameters: getMany({ limit: 3 }), credentials: fixture.singleOrg() });
		expect(result.json.map((device) => device.hostname)).toEqual(['acme-mbp-msmith', 'acme-mbp-jdoe', 'acme-win-user001']);
		expect(result.json[0]).toEqual(expect.objectContaining({ osFamily: 'darwin', mdmEnrolled: true }));
		expect(fixture.requests()).toHaveLength(1);
		expect(fixture.requests()[0].query).toMatchObject({ sort: '_id', limit: '3', skip: '0' });
	});

	it('Return All over 258 devices: 3 pages, every device exactly once, none missing', async () => {
		d.state().generateSystems(d.acme(), 249);
		const expected = d.state().systems(d.acme()).map((device) => device._id);
		expect(expected.length).toBe(258);
		const result = await runNode({ parameters: getMany({ returnAll: true }), credentials: fixture.singleOrg() });
		const ids = result.json.map((device) => device._id);
		expect(ids).toEqual(expected);
		expect(new Set(ids).size).toBe(258);
		expect(fixture.requests().map((r) => `${r.query.skip}+${r.query.limit}`).sort()).toEqual(['0+100', '100+100', '200+58']);
	});

	it('stays exact while devices are added and removed during the read', async () => {
		d.state().generateSystems(d.acme(), 291);
		const before = d.state().systems(d.acme()).map((device) => device._id);
		let changed = false;
		fixture.sim.onRequest = (entry) => {
			if (!changed && entry.query.skip === '100') {
				changed = true;
				d.state().addSystem(d.acme(), { hostname: 'late-arrival', os: 'Linux' });
				d.state().deleteSystem(d.acme(), before[5]);
			}
		};
		const result = await runNode({ parameters: getMany({ returnAll: true, simplify: false }), credentials: fixture.singleOrg() });
		const ids = result.json.map((device) => device._id);
		expect(new Set(ids).size).toBe(ids.length);
		// Every device that existed for the whole read is there exactly once.
		for (const id of before.filter((id) => id !== before[5])) expect(ids).toContain(id);
		expect(ids).toEqual(d.state().systems(d.acme()).map((device) => device._id));
	});

	it('filters by OS, active state and last contact as v1 filter terms', async () => {
		const result = await runNode({
			parameters: getMany({ returnAll: true, filters: { osFamily: 'windows', active: false, lastContactBefore: '2026-01-01T00:00:00Z' } }),
			credentials: fixture.singleOrg(),
		});
		expect(result.json.map((device) => device.hostname)).toEqual(['acme-win-kiosk']);
		expect(filtersOf(fixture.requests()[0]).sort()).toEqual(['active:$eq:false', 'lastContact:$lt:2026-01-01T00:00:00.000Z', 'osFamily:$eq:windows']);
		const recent = await runNode({ parameters: getMany({ returnAll: true, filters: { lastContactAfter: '2026-02-20', hostname: 'acme-win-user120' } }), credentials: fixture.singleOrg() });
		expect(recent.json.map((device) => device.hostname)).toEqual(['acme-win-user120']);
	});

	it('finds devices by free text (POST /api/search/systems), combined with filters', async () => {
		const result = await runNode({ parameters: getMany({ returnAll: true, search: 'USER120', filters: { osFamily: 'darwin' } }), credentials: fixture.singleOrg() });
		expect(result.json.map((device) => device.hostname)).toEqual(['acme-mbp-user120']);
		const [search] = fixture.requests();
		expect(search).toMatchObject({ method: 'POST', path: '/api/search/systems' });
		expect(search.body).toMatchObject({ searchFilter: { searchTerm: 'USER120', fields: ['hostname', 'displayName', 'serialNumber'] }, filter: { and: [{ osFamily: 'darwin' }] } });
	});

	it("names the parameter for a date that is not one, before any call", async () => {
		const result = await runNode({ parameters: getMany({ filters: { lastContactAfter: 'last tuesday' } }), credentials: fixture.singleOrg() });
		expect(result.error?.message).toBe(`'Filters > Last Contact After' is not a date and time: "last tuesday"`);
		expect(fixture.requests()).toEqual([]);
	});

	it('runs in every organization of an MSP key, each device tagged', async () => {
		const result = await runNode({ parameters: getMany({ returnAll: true, options: { organization: { __rl: true, mode: 'id', value: 'all' } } }), credentials: fixture.msp(), continueOnFail: true });
		const globex = result.json.filter((item) => item.organizationId === fixture.sim.orgs.globex).map((item) => item.hostname);
		expect(globex).toEqual(['globex-win-hq', 'globex-linux-lab']);
		expect(result.json.filter((item) => item.organizationId === fixture.sim.orgs.initech)).toEqual([]);
		expect(result.json.find((item) => item.error)).toMatchObject({ details: { organizationName: 'Umbrella Corp' } });
	});
});
