import { deviceFixture } from '../../../../helpers/devices';
import { runNode } from '../../../../helpers/engine';
import { byHostname, byId } from '../../../../helpers/locators';
import { useSimulator } from '../../../../helpers/simulator';

const fixture = useSimulator();
const d = deviceFixture(fixture);

describe('device › update (WorkflowExecute → simulator)', () => {
	it('sends only the fields given in one partial PUT and returns the updated device', async () => {
		const kiosk = d.device('acme-win-kiosk');
		const result = await runNode({
			parameters: {
				resource: 'device',
				operation: 'update',
				device: byHostname('acme-win-kiosk'),
				updateFields: {
					displayName: ' Lobby kiosk (east) ',
					description: 'Reception, ground floor',
					allowSshRootLogin: false,
					allowMultiFactorAuthentication: true,
					attributes: { attribute: [{ name: 'assetTag', value: 'A-1042' }] },
				},
			},
			credentials: fixture.singleOrg(),
		});
		expect(result.error).toBeUndefined();
		const put = fixture.requests().find((r) => r.method === 'PUT')!;
		expect(put.path).toBe(`/api/systems/${kiosk._id}`);
		expect(put.body).toEqual({
			displayName: 'Lobby kiosk (east)',
			description: 'Reception, ground floor',
			allowSshRootLogin: false,
			allowMultiFactorAuthentication: true,
			attributes: [{ name: 'assetTag', value: 'A-1042' }],
		});
		expect(result.json[0]).toMatchObject({ _id: kiosk._id, displayName: 'Lobby kiosk (east)', description: 'Reception, ground floor', attributes: [{ name: 'assetTag', value: 'A-1042' }] });
		expect(d.state().system(d.acme(), kiosk._id)).toMatchObject({ displayName: 'Lobby kiosk (east)', allowMultiFactorAuthentication: true });
	});

	it.each([
		['nothing to update', {}, 'Nothing to update'],
		['an empty display name', { displayName: '  ' }, "'Update Fields > Display Name' is empty"],
		['a custom attribute without a name', { attributes: { attribute: [{ name: '', value: 'x' }] } }, "'Update Fields > Custom Attributes > Name' is empty"],
		['a description longer than JumpCloud keeps', { description: 'x'.repeat(1100) }, /^'Update Fields > Description' is longer than JumpCloud allows/],
	])('refuses %s before any call', async (_name, updateFields, message) => {
		const result = await runNode({ parameters: { resource: 'device', operation: 'update', device: byId(d.device('acme-win-kiosk')._id), updateFields }, credentials: fixture.singleOrg() });
		if (typeof message === 'string') expect(result.error?.message).toBe(message);
		else expect(result.error?.message).toMatch(message);
		expect(fixture.requests()).toEqual([]);
	});
});
