import type { IHttpRequestOptions } from 'n8n-workflow';

import { JumpCloudApi } from '../../credentials/JumpCloudApi.credentials';

const ORG = '5f0c1a2b3c4d5e6f7a8b9c0d';
const OTHER_ORG = '60aa00bb11cc22dd33ee44ff';

async function authenticate(credentials: Record<string, unknown>, request: IHttpRequestOptions) {
	const { authenticate: fn } = new JumpCloudApi();
	if (typeof fn !== 'function') throw new Error('authenticate must be a function');
	return await fn(credentials as never, request);
}

describe('JumpCloudApi credential', () => {
	it('sends the key and no organization for a single-org key', async () => {
		const result = await authenticate({ apiKey: 'k', multipleOrganizations: false, organizationId: ORG }, { url: 'https://console.jumpcloud.com/api/systemusers' });
		expect(result.headers).toEqual({ 'x-api-key': 'k' });
	});

	it('adds the default organization for an MSP key', async () => {
		const result = await authenticate({ apiKey: 'k', multipleOrganizations: true, organizationId: ORG }, { url: '/api/systemusers' });
		expect(result.headers).toEqual({ 'x-api-key': 'k', 'x-org-id': ORG });
	});

	it('keeps the organization the request already names', async () => {
		const result = await authenticate(
			{ apiKey: 'k', multipleOrganizations: true, organizationId: ORG },
			{ url: '/api/systemusers', headers: { 'x-org-id': OTHER_ORG, Accept: 'application/json' } },
		);
		expect(result.headers).toEqual({ 'x-api-key': 'k', 'x-org-id': OTHER_ORG, Accept: 'application/json' });
	});

	it('never sends an empty x-org-id, and none to organization routes', async () => {
		const empty = await authenticate({ apiKey: 'k', multipleOrganizations: true, organizationId: '' }, { url: '/api/systemusers', headers: { 'x-org-id': '' } });
		expect(empty.headers).toEqual({ 'x-api-key': 'k' });
		const orgs = await authenticate({ apiKey: 'k', multipleOrganizations: true, organizationId: ORG }, { url: '/api/organizations', headers: { 'x-org-id': OTHER_ORG } });
		expect(orgs.headers).toEqual({ 'x-api-key': 'k' });
	});

	it('masks the key and shows the default organization only for multiple organizations', () => {
		const { properties } = new JumpCloudApi();
		const apiKey = properties.find((property) => property.name === 'apiKey');
		expect(apiKey?.typeOptions?.password).toBe(true);
		const organizationId = properties.find((property) => property.name === 'organizationId');
		expect(organizationId?.displayOptions?.show).toEqual({ multipleOrganizations: [true] });
	});
});
