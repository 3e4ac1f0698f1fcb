import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	REGION_BASE_URLS,
	acceptsOrganizationHeader,
	defaultOrganizationOf,
} from '../nodes/JumpCloud/transport/hosts';

export class JumpCloudApi implements ICredentialType {
	name = 'jumpCloudApi';

	displayName = 'JumpCloud API';

	icon: Icon = { light: 'file:../icons/jumpcloud.svg', dark: 'file:../icons/jumpcloud.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-jumpcloud/n8n-nodes-jumpcloud#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'An administrator API key (JumpCloud console: your account menu > My API Key). It has the rights of the admin who owns it.',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'US (console.jumpcloud.com)', value: 'us' },
				{ name: 'EU (console.eu.jumpcloud.com)', value: 'eu' },
				{ name: 'India (console.in.jumpcloud.com)', value: 'in' },
				{ name: 'Custom Base URL', value: 'custom' },
			],
			default: 'us',
			description:
				"The region of the console your admins log into; a key used in the wrong region is rejected. Directory Insights (events, the JumpCloud Trigger) is read from the region's api.* host (api.jumpcloud.com, api.eu.jumpcloud.com, api.in.jumpcloud.com).",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://jumpcloud-proxy.example.com',
			description: 'Scheme and host of a proxy or test server that serves the JumpCloud /api routes and the Directory Insights /insights routes',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Multiple Organizations',
			name: 'multipleOrganizations',
			type: 'boolean',
			default: false,
			description:
				'Whether this key belongs to a multi-tenant (MSP) admin who manages several organizations. Such keys must name an organization on every call.',
		},
		{
			displayName: 'Default Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 5f0c1a2b3c4d5e6f7a8b9c0d',
			description:
				'24-character organization ID sent as x-org-id when a node does not choose an organization itself',
			displayOptions: { show: { multipleOrganizations: [true] } },
		},
	];

	/** Adds the key, and the default organization unless the request already names one or the route refuses it. */
	authenticate: IAuthenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(requestOptions.headers ?? {})) {
			if (value !== undefined && value !== null) headers[name] = String(value);
		}
		headers['x-api-key'] = String(credentials.apiKey ?? '');

		const requestedOrganization = (headers['x-org-id'] ?? '').trim();
		const organizationId = requestedOrganization || defaultOrganizationOf(credentials);
		delete headers['x-org-id'];
		if (organizationId && acceptsOrganizationHeader(requestOptions.url)) {
			headers['x-org-id'] = organizationId;
		}
		return { ...requestOptions, headers };
	};

	// A single-org key lists its own organization; an MSP key with a default organization must be able to open it.
	test: ICredentialTestRequest = {
		request: {
			// n8n resolves this as an expression, so the region hosts are written into it from the one host module.
			baseURL: `={{ $credentials.region === "custom" ? $credentials.baseUrl : (${JSON.stringify(REGION_BASE_URLS)})[$credentials.region] }}`,
			// organizations_get declares no `limit`: the query goes only on the list.
			url: '={{ $credentials.multipleOrganizations && $credentials.organizationId ? "/api/organizations/" + $credentials.organizationId.trim() : "/api/organizations?limit=1" }}',
			method: 'GET',
			headers: { Accept: 'application/json' },
		},
		// n8n's credential check shows only the HTTP reason ("Unauthorized"); say what it means here.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						"JumpCloud rejected the API key (api key user not found). Check 'API Key', and that 'Region' is the console your admins log into.",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: "This key's admin cannot open the 'Default Organization ID': it is not an organization this key manages.",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: "No JumpCloud organization has the 'Default Organization ID', or 'Base URL' does not serve the JumpCloud API.",
				},
			},
		],
	};
}
