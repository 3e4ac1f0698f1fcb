/**
 * Bad input, as users and expressions produce it: every case must fail with an error that names the parameter
 * to fix, and where the input alone is wrong, before anything is sent to JumpCloud. Odd but valid values
 * (non-ASCII, `+`, commas, colons, long strings) must reach JumpCloud intact.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
import { byEmail, byId, byName, byUsername } from '../../helpers/locators';
import { useSimulator } from '../../helpers/simulator';

const fixture = useSimulator();
const KEY = () => fixture.sim.keys.single;
const long = (length: number) => 'x'.repeat(length);
const expr = (value: unknown) => `={{ ${JSON.stringify(value)} }}`;
const JDOE = '660000000000000000000002';

interface BadCase {
	name: string;
	parameters: () => INodeParameters;
	credentials?: () => ICredentialDataDecryptedObject;
	/** The error message, exactly or as a pattern. */
	message: string | RegExp;
	/** The parameter the message or description must name. */
	names: string;
	/** Calls allowed before the error (e.g. a lookup that finds nothing); none by default. */
	calls?: string[];
}

const user = (operation: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'user', operation, ...extra });
const create = (extra: INodeParameters = {}, fields: INodeParameters = {}): INodeParameters =>
	user('create', { username: 'odd.one', email: 'odd.one@acme.example', additionalFields: fields, ...extra });
const api = (extra: INodeParameters): INodeParameters => ({ resource: 'apiRequest', method: 'GET', path: '/api/systemusers', ...extra });
const group = (operation: string, extra: INodeParameters): INodeParameters => ({ resource: 'userGroup', operation, ...extra });

const cases: BadCase[] = [
	// IDs
	{ name: 'a username in a By ID user', parameters: () => user('get', { user: byId(expr('jdoe')) }), message: `'User' is not a JumpCloud user ID: "jdoe"`, names: "'User'" },
	{ name: 'an ID one character short', parameters: () => user('get', { user: byId(expr(JDOE.slice(1))) }), message: /^'User' is not a JumpCloud user ID/, names: "'User'" },
	{ name: 'an ID with non-hex characters', parameters: () => user('get', { user: byId(expr('66000000000000000000000z')) }), message: /^'User' is not a JumpCloud user ID/, names: "'User'" },
	{ name: 'an ID with non-ASCII characters', parameters: () => user('get', { user: byId(expr('6600000000000000000000ö2')) }), message: /^'User' is not a JumpCloud user ID/, names: "'User'" },
	{ name: 'an ID with a path in it', parameters: () => user('delete', { user: byId(expr('../organizations')) }), message: /^'User' is not a JumpCloud user ID/, names: "'User'" },
	{ name: 'the API key pasted into an ID field', parameters: () => user('get', { user: byId(expr(KEY())) }), message: `'User' is not a JumpCloud user ID: "[redacted]"`, names: "'User'" },
	{ name: 'an empty user', parameters: () => user('get', { user: byId(expr('')) }), message: "'User' is empty", names: "'User'" },
	{ name: 'a blank username', parameters: () => user('get', { user: byUsername(expr('   ')) }), message: "'User' is empty", names: "'User'" },
	{ name: 'a malformed group ID', parameters: () => group('addUser', { userGroup: byId(expr('Engineering')), user: byId(JDOE) }), message: `'User Group' is not a JumpCloud user group ID: "Engineering"`, names: "'User Group'" },
	{ name: 'an empty group name', parameters: () => group('removeUser', { userGroup: byName(expr('')), user: byId(JDOE) }), message: "'User Group' is empty", names: "'User Group'" },
	{ name: 'an empty manager', parameters: () => user('assignManager', { user: byId(JDOE), manager: byEmail(expr('')) }), message: "'Manager' is empty", names: "'Manager'" },
	// emails and usernames
	{ name: 'a By Email user that is no address', parameters: () => user('get', { user: byEmail(expr('jane.doe')) }), message: `'User' is not an email address: "jane.doe"`, names: "'User'" },
	{ name: 'a By Email user with a space', parameters: () => user('delete', { user: byEmail(expr('jane doe@acme.example')) }), message: /^'User' is not an email address/, names: "'User'" },
	{ name: 'a username longer than JumpCloud keeps', parameters: () => user('get', { user: byUsername(expr(long(1100))) }), message: /^'User' is longer than any JumpCloud username/, names: "'User'" },
	{
		name: 'an unknown email (looked up, not found)',
		parameters: () => user('get', { user: byEmail(expr('nobody+x@acme.example')) }),
		message: 'No JumpCloud user has the email "nobody+x@acme.example"',
		names: "'User'",
		calls: ['GET /api/systemusers 200'],
	},
	{
		name: 'an unknown username with a comma and a colon (looked up, not found)',
		parameters: () => user('get', { user: byUsername(expr('doe, jane: admin')) }),
		message: 'No JumpCloud user has the username "doe, jane: admin"',
		names: "'User'",
		calls: ['GET /api/systemusers 200'],
	},
	{
		name: 'an unknown ID (well formed)',
		parameters: () => user('get', { user: byId('0123456789abcdef01234567') }),
		message: 'JumpCloud: Not Found',
		names: "'User'",
		calls: ['GET /api/systemusers/0123456789abcdef01234567 404'],
	},
	{
		name: 'an unknown group name',
		parameters: () => group('addUser', { userGroup: byName('No Such Team, Europe'), user: byId(JDOE) }),
		message: 'No JumpCloud user group is named "No Such Team, Europe"',
		names: "'User Group'",
		calls: ['GET /api/v2/usergroups 200'],
	},
	// required fields and their format on create / update
	{ name: 'an empty username on create', parameters: () => create({ username: expr('') }), message: "'Username' is empty", names: "'Username'" },
	{ name: 'an empty email on create', parameters: () => create({ email: expr('') }), message: "'Email' is empty", names: "'Email'" },
	{ name: 'an email that is no address on create', parameters: () => create({ email: 'odd.one.acme.example' }), message: `'Email' is not an email address: "odd.one.acme.example"`, names: "'Email'" },
	{ name: 'an alternate email that is no address', parameters: () => create({}, { alternateEmail: 'nope' }), message: `'Additional Fields > Alternate Email' is not an email address: "nope"`, names: "'Additional Fields > Alternate Email'" },
	{ name: 'a username over 1024 characters', parameters: () => create({ username: long(1025) }), message: /^'Username' is longer than JumpCloud allows \(1025 characters, at most 1024\)/, names: "'Username'" },
	{ name: 'a first name over 1024 characters', parameters: () => create({ firstname: long(2000) }), message: /^'First Name' is longer than JumpCloud allows/, names: "'First Name'" },
	{ name: 'a job title over 1024 characters', parameters: () => create({}, { jobTitle: long(1025) }), message: /^'Additional Fields > Job Title' is longer/, names: "'Additional Fields > Job Title'" },
	{ name: 'an employee ID over 256 characters', parameters: () => create({}, { employeeIdentifier: long(257) }), message: /^'Additional Fields > Employee ID' is longer than JumpCloud allows \(257 characters, at most 256\)/, names: "'Additional Fields > Employee ID'" },
	{ name: 'an address line over 1024 characters', parameters: () => create({}, { addresses: { address: [{ type: 'work', streetAddress: long(1500) }] } }), message: /^'Additional Fields > Addresses' is longer/, names: "'Additional Fields > Addresses'" },
	{ name: 'nothing to update', parameters: () => user('update', { user: byEmail('jane.doe@acme.example'), updateFields: {} }), message: 'Nothing to update', names: "'Update Fields'" },
	{ name: 'clearing the email on update', parameters: () => user('update', { user: byId(JDOE), updateFields: { email: '' } }), message: "'Update Fields > Email' is empty", names: "'Update Fields > Email'" },
	{ name: 'a malformed email on update', parameters: () => user('update', { user: byId(JDOE), updateFields: { email: 'jane@' } }), message: /^'Update Fields > Email' is not an email address/, names: "'Update Fields > Email'" },
	{ name: 'a department over 1024 characters on update', parameters: () => user('update', { user: byId(JDOE), updateFields: { department: long(1025) } }), message: /^'Update Fields > Department' is longer/, names: "'Update Fields > Department'" },
	{
		name: 'the user as their own manager on update',
		parameters: () => user('update', { user: byId(JDOE), updateFields: { manager: JDOE } }),
		message: 'A user cannot be their own manager',
		names: "'Update Fields > Manager'",
	},
	{ name: 'the user as their own manager', parameters: () => user('assignManager', { user: byId(JDOE), manager: byId(JDOE) }), message: 'A user cannot be their own manager', names: "'Manager'" },
	{
		name: 'the user as their own manager, by email',
		parameters: () => user('assignManager', { user: byEmail('jane.doe@acme.example'), manager: byEmail('jane.doe@acme.example') }),
		message: 'A user cannot be their own manager',
		names: "'Manager'",
	},
	{ name: 'an empty new password', parameters: () => user('changePassword', { user: byId(JDOE), newPassword: expr('') }), message: "'New Password' is empty", names: "'New Password'" },
	{
		name: 'reassigning reports to an empty new manager',
		parameters: () => user('delete', { user: byId(JDOE), options: { directReports: 'reassign', newManager: '' } }),
		message: "'Options > New Manager' is empty",
		names: "'Options > New Manager'",
		calls: [`GET /api/systemusers/${JDOE} 200`],
	},
	{
		name: 'reassigning reports to the user being deleted',
		parameters: () => user('delete', { user: byId(JDOE), options: { directReports: 'reassign', newManager: JDOE } }),
		message: 'The new manager is the user being deleted',
		names: "'Options > New Manager'",
	},
	// lists and options
	{ name: 'Limit 0', parameters: () => group('getAll', { limit: expr(0) }), message: "'Limit' must be a whole number of at least 1, not 0", names: "'Limit'" },
	{ name: 'Limit -5', parameters: () => group('getAll', { limit: expr(-5) }), message: "'Limit' must be a whole number of at least 1, not -5", names: "'Limit'" },
	{ name: "Limit 'abc'", parameters: () => group('getAll', { limit: expr('abc') }), message: `'Limit' must be a whole number of at least 1, not "abc"`, names: "'Limit'" },
	{ name: 'a timeout of 0', parameters: () => user('get', { user: byId(JDOE), options: { timeout: expr(0) } }), message: /^'Options > Timeout' must be a whole number of at least 1/, names: "'Options > Timeout'" },
	{ name: 'a negative retry wait', parameters: () => user('get', { user: byId(JDOE), options: { maxRetryWait: expr(-1) } }), message: /^'Options > Max Retry Wait' must be a number of seconds/, names: "'Options > Max Retry Wait'" },
	// organizations
	{ name: 'an organization name instead of its ID', parameters: () => user('get', { user: byId(JDOE), options: { organization: byId(expr('globex')) } }), message: `'Options > Organization' is not a JumpCloud organization ID: "globex"`, names: "'Options > Organization'" },
	{ name: 'the API key as organization', parameters: () => user('get', { user: byId(JDOE), options: { organization: byId(expr(KEY())) } }), message: `'Options > Organization' is not a JumpCloud organization ID: "[redacted]"`, names: "'Options > Organization'" },
	{
		name: "a malformed default organization in the credential",
		parameters: () => user('get', { user: byId(JDOE) }),
		credentials: () => fixture.msp('Globex Corporation'),
		message: `The credential's 'Default Organization ID' "Globex Corporation" is not a JumpCloud organization ID`,
		names: "'Default Organization ID'",
	},
	{
		name: 'an unknown but well-formed organization',
		parameters: () => user('get', { user: byId(JDOE), options: { organization: byId('65a00000000000000000ffff') } }),
		credentials: () => fixture.msp(),
		message: 'JumpCloud has no organization with the ID 65a00000000000000000ffff',
		names: "'Organization'",
		calls: [`GET /api/systemusers/${JDOE} 404`, 'GET /api/organizations/65a00000000000000000ffff 404'],
	},
	{
		name: 'a custom base URL with a path',
		parameters: () => user('get', { user: byId(JDOE) }),
		credentials: () => ({ ...fixture.singleOrg(), baseUrl: `${fixture.sim.baseUrl}/api` }),
		message: /^The credential's 'Base URL' ".*\/api" is not a scheme and host$/,
		names: "'Base URL'",
	},
	// API Request
	{ name: 'a full URL as Path', parameters: () => api({ path: 'https://attacker.example/api/systemusers' }), message: /^'Path' must be a path, not a URL/, names: "'Path'" },
	{ name: 'a protocol-relative Path', parameters: () => api({ path: '//attacker.example/api/systemusers' }), message: /^'Path' must be a path, not a URL/, names: "'Path'" },
	{ name: 'an empty Path', parameters: () => api({ path: expr('') }), message: /^'Path' must start with \/api\//, names: "'Path'" },
	{ name: 'a Path outside the API', parameters: () => api({ path: '/admin/users' }), message: /^'Path' must start with \/api\//, names: "'Path'" },
	{ name: 'a Path climbing out with ..', parameters: () => api({ path: '/api/../admin' }), message: /^'Path' has characters or segments/, names: "'Path'" },
	{ name: 'a Path climbing out with %2e%2e', parameters: () => api({ path: '/api/%2e%2e/admin' }), message: /^'Path' has characters or segments/, names: "'Path'" },
	{ name: 'a Path climbing out with %2E%2E%2F', parameters: () => api({ path: '/api/v2/%2E%2E%2F%2E%2E%2Fadmin' }), message: /^'Path' has characters or segments/, names: "'Path'" },
	{ name: 'a Path climbing out double-encoded', parameters: () => api({ path: '/api/%252e%252e/admin' }), message: /^'Path' has characters or segments/, names: "'Path'" },
	{ name: 'a Path with a backslash', parameters: () => api({ path: '/api\\..\\admin' }), message: /^'Path' has characters or segments/, names: "'Path'" },
	{ name: 'a Path with a line break', parameters: () => api({ path: '/api/systemusers\r\nHost: attacker.example' }), message: /^'Path' has characters or segments/, names: "'Path'" },
	{ name: 'a Path with a fullwidth dot', parameters: () => api({ path: '/api/\uFF0E\uFF0E/admin' }), message: /^'Path' has characters or segments/, names: "'Path'" },
	{ name: 'JSON Body that is not JSON', parameters: () => api({ method: 'POST', jsonBody: '{name: Interns}' }), message: "'JSON Body' is not valid JSON", names: "'JSON Body'" },
	{ name: 'JSON Body that is a string', parameters: () => api({ method: 'PUT', jsonBody: '"text"' }), message: `'JSON Body' must be a JSON object or array, not "text"`, names: "'JSON Body'" },
];

describe('bad input: a clear error naming the parameter, and no call where the input alone is wrong', () => {
	it(`has at least 40 cases (${cases.length})`, () => {
		expect(cases.length).toBeGreaterThanOrEqual(40);
	});

	it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, badCase) => {
		const result = await runNode({ parameters: badCase.parameters(), credentials: badCase.credentials?.() ?? fixture.singleOrg() });
		const error = result.error;
		expect(error).toBeDefined();
		if (typeof badCase.message === 'string') expect(error?.message).toBe(badCase.message);
		else expect(error?.message).toMatch(badCase.message);
		expect(`${error?.message} ${error?.description ?? ''}`).toContain(badCase.names);
		expect(fixture.calls().map((call) => call.replace(/\(.*\)$/, ''))).toEqual(badCase.calls ?? []);
		// runNode itself fails the test when the key shows up in anything the run produced.
	});
});

describe('odd but valid values reach JumpCloud intact', () => {
	const odd = {
		firstname: 'Zoë-Ånne',
		lastname: "O'Brien, Jr.",
		jobTitle: 'Head of R&D: Europe + Asia',
		department: 'Ops|Infra, 2nd line',
		company: '株式会社アクメ',
		location: 'Zürich #3; 50% remote',
		description: `a:b:c $eq 100% "quoted" ${'long '.repeat(200)}`.slice(0, 1024),
	};

	it('creates a user with non-ASCII, +, commas, colons and 1024-character values, then finds it by those values', async () => {
		const created = await runNode({
			parameters: { resource: 'user', operation: 'create', username: 'zoe+ops:1', email: 'zoë+ops,test@acme.example', firstname: odd.firstname, lastname: odd.lastname, additionalFields: { ...odd, firstname: undefined, lastname: undefined } },
			credentials: fixture.singleOrg(),
		});
		expect(created.error).toBeUndefined();
		const stored = fixture.sim.directory.userByUsername(fixture.sim.orgs.acme, 'zoe+ops:1')!;
		expect(stored).toMatchObject({ email: 'zoë+ops,test@acme.example', ...odd });

		for (const locator of [byEmail('zoë+ops,test@acme.example'), byUsername('zoe+ops:1')]) {
			const found = await runNode({ parameters: { resource: 'user', operation: 'get', user: locator, simplify: false }, credentials: fixture.singleOrg() });
			expect(found.json[0]).toMatchObject({ _id: stored._id, ...odd });
		}
	});
});
