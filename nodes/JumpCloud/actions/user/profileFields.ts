import type { INodeProperties } from 'n8n-workflow';

/** Fields JumpCloud accepts on both create and update (schemas systemuserputpost / systemuserput). */
export function profileFields(operation: 'create' | 'update'): INodeProperties[] {
	const stateOptions =
		operation === 'create'
			? [
					{ name: 'Activated', value: 'ACTIVATED' },
					{ name: 'Staged', value: 'STAGED' },
					{ name: 'Suspended', value: 'SUSPENDED' },
				]
			: [
					{ name: 'Activated', value: 'ACTIVATED' },
					{ name: 'Suspended', value: 'SUSPENDED' },
				];
	const identity: INodeProperties[] =
		operation === 'update'
			? [
					{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'e.g. jane.doe@example.com', default: '' },
					{ displayName: 'First Name', name: 'firstname', type: 'string', default: '' },
					{ displayName: 'Last Name', name: 'lastname', type: 'string', default: '' },
					{ displayName: 'Username', name: 'username', type: 'string', default: '' },
				]
			: [];
	return [
		...identity,
		{
			displayName: 'Addresses',
			name: 'addresses',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			description: 'Postal addresses; on update they replace all existing addresses',
			options: [
				{
					displayName: 'Address',
					name: 'address',
					values: [
						{ displayName: 'Type', name: 'type', type: 'options', options: [{ name: 'Work', value: 'work' }, { name: 'Home', value: 'home' }], default: 'work' },
						{ displayName: 'Street Address', name: 'streetAddress', type: 'string', default: '' },
						{ displayName: 'Extended Address', name: 'extendedAddress', type: 'string', default: '' },
						{ displayName: 'PO Box', name: 'poBox', type: 'string', default: '' },
						{ displayName: 'City', name: 'locality', type: 'string', default: '' },
						{ displayName: 'Region', name: 'region', type: 'string', default: '', description: 'State, province or county' },
						{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '' },
						{ displayName: 'Country', name: 'country', type: 'string', default: '' },
					],
				},
			],
		},
		{ displayName: 'Alternate Email', name: 'alternateEmail', type: 'string', placeholder: 'e.g. jane@personal.example', default: '' },
		{
			displayName: 'Custom Attributes',
			name: 'attributes',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			description: 'Custom attributes; on update they replace all existing attributes',
			options: [
				{
					displayName: 'Attribute',
					name: 'attribute',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{ displayName: 'Company', name: 'company', type: 'string', default: '' },
		{ displayName: 'Cost Center', name: 'costCenter', type: 'string', default: '' },
		{ displayName: 'Department', name: 'department', type: 'string', default: '' },
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{ displayName: 'Display Name', name: 'displayname', type: 'string', default: '' },
		{ displayName: 'Employee ID', name: 'employeeIdentifier', type: 'string', default: '', description: 'Unique within the organization, at most 256 characters' },
		{ displayName: 'Employee Type', name: 'employeeType', type: 'string', default: '' },
		{ displayName: 'Job Title', name: 'jobTitle', type: 'string', default: '' },
		{ displayName: 'LDAP Binding User', name: 'ldap_binding_user', type: 'boolean', default: false, description: 'Whether the user may bind to JumpCloud LDAP' },
		{ displayName: 'Location', name: 'location', type: 'string', default: '' },
		{
			displayName: 'Manager',
			name: 'manager',
			type: 'string',
			default: '',
			placeholder: 'e.g. mary.smith@example.com',
			description: "The manager's user ID, email or username; it is resolved to the manager's ID",
		},
		{ displayName: 'MFA in User Portal', name: 'enable_user_portal_multifactor', type: 'boolean', default: false, description: 'Whether the user must use MFA to log into the User Portal' },
		{ displayName: 'Middle Name', name: 'middlename', type: 'string', default: '' },
		{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', description: "Initial password; the organization's password policy applies" },
		{ displayName: 'Password Never Expires', name: 'password_never_expires', type: 'boolean', default: false, description: 'Whether the password is exempt from expiry' },
		{
			displayName: 'Phone Numbers',
			name: 'phoneNumbers',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			description: 'Phone numbers; on update they replace all existing numbers',
			options: [
				{
					displayName: 'Phone Number',
					name: 'phoneNumber',
					values: [
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							options: [
								{ name: 'Home', value: 'home' },
								{ name: 'Mobile', value: 'mobile' },
								{ name: 'Work', value: 'work' },
								{ name: 'Work Fax', value: 'work_fax' },
								{ name: 'Work Mobile', value: 'work_mobile' },
							],
							default: 'mobile',
						},
						{ displayName: 'Number', name: 'number', type: 'string', default: '' },
					],
				},
			],
		},
		{ displayName: 'State', name: 'state', type: 'options', options: stateOptions, default: 'ACTIVATED', description: 'Account state; staged users cannot log in until activated' },
		{ displayName: 'Sudo', name: 'sudo', type: 'boolean', default: false, description: 'Whether the user gets administrator (sudo) rights on bound devices' },
	];
}
