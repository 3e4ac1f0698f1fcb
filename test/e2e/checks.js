'use strict';
/**
 * What each e2e workflow must produce when real n8n runs it against the simulator.
 *
 * Every check reads the execution JSON n8n returned (node outputs, their order and pairedItem) and compares
 * it with facts read from the simulator over HTTP before the run (`facts`), so nothing here hard-codes an ID.
 */

const OBJECT_ID = /^[0-9a-f]{24}$/;
const SIMPLIFIED_USER_FIELDS = [
	'_id', 'username', 'email', 'firstname', 'lastname', 'displayname', 'state', 'jobTitle', 'department',
	'manager', 'employeeIdentifier', 'account_locked', 'created',
];

/** Collects named checks and prints one line per check. */
class Checks {
	constructor() {
		this.passed = 0;
		this.failed = 0;
		this.failures = [];
	}

	record(name, ok, detail) {
		if (ok) {
			this.passed++;
			process.stdout.write(`  ok    ${name}\n`);
		} else {
			this.failed++;
			this.failures.push(`${name}${detail ? `: ${detail}` : ''}`);
			process.stdout.write(`  FAIL  ${name}${detail ? `\n          ${detail}` : ''}\n`);
		}
		return ok;
	}

	/** `fn` returns true/undefined to pass, false or a string (the reason) to fail, or throws. */
	check(name, fn) {
		let result;
		try {
			result = fn();
		} catch (error) {
			return this.record(name, false, `threw ${error && error.message}`);
		}
		if (result === false) return this.record(name, false, 'condition is false');
		if (typeof result === 'string') return this.record(name, false, result);
		return this.record(name, true);
	}

	equal(name, actual, expected) {
		const same = JSON.stringify(actual) === JSON.stringify(expected);
		return this.record(name, same, same ? '' : `expected ${short(expected)}, got ${short(actual)}`);
	}

	ok(name, condition, detail) {
		return this.record(name, Boolean(condition), condition ? '' : detail ?? 'condition is false');
	}
}

function short(value) {
	const text = JSON.stringify(value);
	return text === undefined ? 'undefined' : text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Output helpers over one execution's run data. */
function reader(run) {
	const runData = run?.data?.resultData?.runData ?? {};
	const items = (node) => runData[node]?.[0]?.data?.main?.[0];
	return {
		ran: (node) => Array.isArray(items(node)),
		items: (node) => items(node) ?? [],
		out: (node) => (items(node) ?? []).map((item) => item.json),
		paired: (node) => (items(node) ?? []).map((item) => (Array.isArray(item.pairedItem) ? item.pairedItem.map((p) => p.item) : item.pairedItem?.item)),
	};
}

const sortedKeys = (object) => Object.keys(object ?? {}).sort();
const phones = (user) => (user?.phoneNumbers ?? []).map(({ type, number }) => ({ type, number }));

// ------------------------------------------------------------------ workflows that must succeed

const successChecks = {
	jcE2e01UserLife(t, run, facts) {
		const r = reader(run);
		const [created] = r.out('Create user');
		t.check('01 create: one user with a JumpCloud ID', () => r.out('Create user').length === 1 && OBJECT_ID.test(created._id));
		t.equal('01 create: identity fields', [created.username, created.email, created.firstname, created.lastname], ['e2e.newhire', 'new.hire@acme.example', 'Nia', 'Hire']);
		t.equal(
			'01 create: profile fields',
			[created.displayname, created.jobTitle, created.department, created.company, created.costCenter, created.employeeIdentifier, created.employeeType, created.location, created.description, created.alternateEmail],
			['Nia Hire', 'QA Engineer', 'Engineering', 'Acme Corp', 'CC-42', 'ACME-E2E-0001', 'Full-time', 'Berlin', 'created by the n8n e2e test', 'nia@personal.example'],
		);
		t.equal('01 create: state and password_never_expires', [created.state, created.password_never_expires], ['ACTIVATED', true]);
		t.equal('01 create: manager given by email resolved to msmith', created.manager, facts.users.msmith);
		t.equal('01 create: phone numbers', phones(created), [{ type: 'mobile', number: '+1 555 0100' }]);
		t.equal(
			'01 create: address',
			created.addresses?.map(({ type, streetAddress, locality, region, postalCode, country }) => ({ type, streetAddress, locality, region, postalCode, country })),
			[{ type: 'work', streetAddress: '1 Main St', locality: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' }],
		);
		t.equal('01 create: custom attribute', created.attributes, [{ name: 'shirtSize', value: 'M' }]);
		t.ok('01 create: no password in the output', !('password' in created));

		const [got] = r.out('Get user');
		t.check('01 get (simplified): only the simplified fields', () => {
			const extra = Object.keys(got).filter((key) => !SIMPLIFIED_USER_FIELDS.includes(key));
			return extra.length === 0 || `unexpected fields ${extra.join(', ')}`;
		});
		t.equal('01 get (simplified): same user, manager msmith', [got._id, got.username, got.manager], [created._id, 'e2e.newhire', facts.users.msmith]);

		const [updated] = r.out('Update user');
		t.equal('01 update: changed fields', [updated.jobTitle, updated.department, updated.lastname], ['Senior QA Engineer', 'Quality', 'Hire-Smith']);
		t.equal('01 update: untouched fields kept', [updated._id, updated.firstname, updated.email, updated.company], [created._id, 'Nia', 'new.hire@acme.example', 'Acme Corp']);
		t.equal('01 update: phone numbers replaced', phones(updated), [{ type: 'work', number: '+1 555 0200' }, { type: 'home', number: '+1 555 0300' }]);

		const [managed] = r.out('Assign manager');
		t.equal('01 assign manager: manager is now jdoe (by username)', [managed._id, managed.manager], [created._id, facts.users.jdoe]);

		t.equal('01 change password: result', r.out('Change password'), [{ passwordChanged: true, id: created._id }]);

		const [raw] = r.out('Get user (raw)');
		t.check('01 get (raw): the full record', () => ['addresses', 'phoneNumbers', 'attributes', 'mfa', 'organization'].every((key) => key in raw) || `fields: ${sortedKeys(raw).join(' ')}`);
		t.equal('01 get (raw): every change is stored', [raw._id, raw.jobTitle, raw.lastname, raw.manager], [created._id, 'Senior QA Engineer', 'Hire-Smith', facts.users.jdoe]);
		t.ok('01 get (raw): no password in the output', !('password' in raw));

		t.equal('01 delete: result', r.out('Delete user'), [{ deleted: true, id: created._id, username: created.username, email: created.email }]);
		const [gone] = r.out('Get deleted user');
		t.equal('01 get deleted user: a 404 error item (continue on fail)', [r.out('Get deleted user').length, gone?.details?.httpCode], [1, '404']);
		t.check('01 get deleted user: the error names the user ID', () => String(gone?.details?.description).includes(created._id) || `description: ${gone?.details?.description}`);
		t.equal(
			'01 every item is paired with the trigger item',
			['Create user', 'Get user', 'Update user', 'Assign manager', 'Change password', 'Get user (raw)', 'Delete user', 'Get deleted user'].map((node) => r.paired(node)),
			Array(8).fill([0]),
		);
	},

	jcE2e02Items(t, run, facts) {
		const r = reader(run);
		const found = r.out('Get by email');
		t.equal('02 get by email: 4 items out for 4 in', found.length, 4);
		t.equal('02 get by email: order kept, the failing item in place', found.map((u) => u.username ?? 'ERROR'), ['user001', 'ERROR', 'jdoe', 'user130']);
		t.equal('02 get by email: error item text', found[1]?.error, 'No JumpCloud user has the email "nobody@acme.example"');
		t.check('02 get by email: error item says which parameter to check', () => /'User' parameter/.test(found[1]?.details?.description ?? '') || `description: ${found[1]?.details?.description}`);
		t.equal('02 get by email: pairedItem follows the input', r.paired('Get by email'), [0, 1, 2, 3]);
		t.equal('02 get by email: IDs match the simulator', [found[0]?._id, found[2]?._id, found[3]?._id], [facts.users.user001, facts.users.jdoe, facts.users.user130]);

		const staff = r.out('Create staff');
		const [boss, rep1, rep2] = staff;
		t.equal('02 create from expressions: usernames in input order', staff.map((u) => u.username), ['e2e.boss', 'e2e.rep1', 'e2e.rep2']);
		t.equal('02 create from expressions: per-item fields', staff.map((u) => [u.firstname, u.lastname, u.department, u.jobTitle]), [['Bo', 'Boss', 'Sales', 'Staff 1'], ['Re', 'One', 'Sales', 'Staff 2'], ['Re', 'Two', 'Support', 'Staff 3']]);
		t.equal('02 create from expressions: reports got the boss created one item earlier as manager', [boss?.manager ?? null, rep1?.manager, rep2?.manager], [null, boss?._id, boss?._id]);
		t.equal('02 create from expressions: pairedItem', r.paired('Create staff'), [0, 1, 2]);

		const [refused] = r.out('Delete boss (refused)');
		t.equal('02 delete a manager without an option: refused with 409', refused?.details?.httpCode, '409');
		t.check('02 delete a manager without an option: points at Options > Direct Reports', () => /'Options > Direct Reports'/.test(refused?.details?.description ?? '') || `description: ${refused?.details?.description}`);
		t.equal('02 delete with direct reports reassigned', r.out('Delete boss (reassign)'), [{ deleted: true, id: boss?._id, username: boss?.username, email: boss?.email }]);
		const reports = r.out('Get reports');
		t.equal('02 reports now report to msmith', reports.map((u) => [u.username, u.manager]), [['e2e.rep1', facts.users.msmith], ['e2e.rep2', facts.users.msmith]]);
		t.equal('02 delete (clear direct reports) for each item', r.out('Delete reports'), [rep1, rep2].map((u) => ({ deleted: true, id: u?._id, username: u?.username, email: u?.email })));
	},

	jcE2e03Groups(t, run, facts) {
		const r = reader(run);
		const names = (node) => r.out(node).map((g) => g.name);
		t.equal('03 get many, limit 5: the first 5 groups JumpCloud created', names('First 5 groups'), facts.acmeGroupNamesByCreation.slice(0, 5));
		t.equal('03 get many, return all: every group, in creation order', names('All groups'), facts.acmeGroupNamesByCreation);
		t.equal('03 get many, filter name = Engineering', names('Group named Engineering'), ['Engineering']);
		t.equal('03 get many, name contains "staff"', names('Groups containing "staff"'), facts.acmeGroupNamesByCreation.filter((n) => /staff/i.test(n)));
		const contractors = facts.acmeGroups.Contractors;
		const pair = [facts.users.user010, facts.users.user011];
		t.equal('03 add user (group by name, user by username)', r.out('Add to group'), pair.map((userId) => ({ added: true, groupId: contractors, groupName: 'Contractors', userId })));
		t.equal('03 add again: reported as unchanged, not an error', r.out('Add again (no-op)'), pair.map((userId) => ({ added: false, unchanged: true, reason: 'alreadyMember', groupId: contractors, groupName: 'Contractors', userId })));
		t.equal('03 members listed through an API request', r.out('List members').map((m) => m.to?.id).sort(), [...pair].sort());
		t.equal('03 remove user (group by ID)', r.out('Remove from group'), pair.map((userId) => ({ removed: true, groupId: contractors, groupName: 'Contractors', userId })));
		t.equal('03 remove again: reported as unchanged', r.out('Remove again (no-op)'), pair.map((userId) => ({ removed: false, unchanged: true, reason: 'notMember', groupId: contractors, groupName: 'Contractors', userId })));
		t.equal('03 remove with Fail If Unchanged: error items in place', r.out('Remove again (fail if unchanged)').map((e) => e.error), ['The user is not a member of the group', 'The user is not a member of the group']);
		t.equal('03 membership items stay paired', ['Add to group', 'Add again (no-op)', 'Remove from group', 'Remove again (no-op)', 'Remove again (fail if unchanged)'].map((n) => r.paired(n)), Array(5).fill([0, 1]));
	},

	jcE2e04ApiRequest(t, run, facts) {
		const r = reader(run);
		const [list] = r.out('GET users');
		t.equal('04 GET with query in path and parameters: totalCount', list?.totalCount, facts.acmeUserCount);
		t.equal('04 GET: limit, sort and fields applied', list?.results?.map((u) => [u.username, sortedKeys(u).join(',')]), facts.firstUsernames.map((u) => [u, '_id,email,username']));
		const [full] = r.out('GET groups (full response)');
		t.equal('04 GET with full response: status and x-total-count header', [full?.statusCode, full?.headers?.['x-total-count']], [200, String(facts.acmeGroupNames.length)]);
		t.equal('04 GET with full response: body', full?.body?.map((g) => g.name), facts.acmeGroupNames.slice(0, 3));
		const [posted] = r.out('POST user');
		t.check('04 POST user: created', () => (posted?.username === 'e2e.api' && OBJECT_ID.test(posted?._id)) || short(posted));
		const [put] = r.out('PUT user');
		t.equal('04 PUT user: body built by an expression', [put?._id, put?.jobTitle, put?.displayname], [posted?._id, 'Made by PUT', 'Api Made']);
		const [deleted] = r.out('DELETE user');
		t.equal('04 DELETE user: JumpCloud returns the deleted user', deleted?._id, posted?._id);
		t.equal('04 GET deleted user: 404 error item', r.out('GET deleted user').map((e) => e.details?.httpCode), ['404']);
		const [group] = r.out('POST group');
		t.check('04 POST v2 group: created', () => (group?.name === 'E2E Temp Group' && OBJECT_ID.test(group?.id)) || short(group));
		const [groupDeleted] = r.out('DELETE group (full response)');
		t.equal('04 DELETE v2 group: 204, empty body', [groupDeleted?.statusCode, groupDeleted?.body], [204, null]);
		t.check('04 a full URL in Path is refused before any call', () => /must be a path, not a URL/.test(r.out('Full URL (refused)')[0]?.error ?? '') || short(r.out('Full URL (refused)')));
	},

	jcE2e05MspPerItem(t, run, facts) {
		const r = reader(run);
		const admins = r.out('Get admin per org');
		t.equal('05 get per item, organization from the item', admins.map((u) => [u.username, u.email]), [['gadmin', 'admin@globex.example'], ['iadmin', 'admin@initech.example']]);
		t.equal('05 get per item: pairedItem', r.paired('Get admin per org'), [0, 1]);
		const groups = r.items('Groups per org');
		const namesFor = (i) => groups.filter((g) => g.pairedItem?.item === i).map((g) => g.json.name).sort();
		t.equal('05 get many per item: Globex groups paired with the Globex item', namesFor(0), [...facts.globexGroupNames].sort());
		t.equal('05 get many per item: Initech groups paired with the Initech item', namesFor(1), [...facts.initechGroupNames].sort());
		t.equal('05 get many per item: item order kept (Globex first)', groups.map((g) => g.pairedItem?.item), [...facts.globexGroupNames.map(() => 0), ...facts.initechGroupNames.map(() => 1)]);
		const counts = r.out('Count users per org');
		t.equal('05 API request per item: each org\'s own user count', counts.map((c) => c.totalCount), [facts.globexUserCount, facts.initechUserCount]);
		t.equal('05 API request per item: records belong to that org', counts.map((c) => c.results?.[0]?.organization), [facts.orgs.globex, facts.orgs.initech]);
		t.equal('05 orgs are separate: each admin is unknown in the other org', r.out('Get admin in the other org').map((e) => e.error), ['No JumpCloud user has the username "gadmin"', 'No JumpCloud user has the username "iadmin"']);
		const [created] = r.out('Create in Globex');
		t.equal('05 create with the node\'s organization set: lands in Globex', [created?.username, created?.organization], ['e2e.msp', facts.orgs.globex]);
		t.equal('05 add user in Globex by group name', r.out('Add to Globex Staff'), [{ added: true, groupId: facts.globexGroups['Globex Staff'], groupName: 'Globex Staff', userId: created?._id }]);
		t.equal('05 delete in Globex', r.out('Delete in Globex'), [{ deleted: true, id: created?._id, username: created?.username, email: created?.email }]);
	},

	jcE2e09ErrorOutput(t, run) {
		const r = reader(run);
		const runData = run.data.resultData.runData;
		const notFound = (username) => ({
			username,
			error: `No JumpCloud user has the username "${username}"`,
			details: { description: "Check the 'User' parameter. Matching is exact and case-sensitive; pick the user from the list or use the ID to be certain." },
		});
		t.equal('09 error output: found users go on, in order', r.out('Found').map((u) => u.username), ['jdoe', 'msmith']);
		t.equal('09 error output: unknown users go to the error output, with their input and the error', r.out('Not found'), [notFound('nobody-1'), notFound('nobody-2')]);
		const outputs = runData['Get (error output)']?.[0]?.data?.main ?? [];
		t.equal('09 error output: the node has a success and an error output, paired to the inputs', outputs.map((items) => (items ?? []).map((item) => item.pairedItem?.item)), [[0, 2], [1, 3]]);
		t.equal(
			'09 regular output: every item in place, failures as error items',
			r.out('Every item').map((item) => item.username ?? item.error),
			['jdoe', 'No JumpCloud user has the username "nobody-1"', 'msmith', 'No JumpCloud user has the username "nobody-2"'],
		);
		t.equal('09 regular output: pairedItem follows the input', r.paired('Get (regular output)'), [0, 1, 2, 3]);
	},

	jcE2e10UserOps(t, run, facts) {
		const r = reader(run);
		t.equal('10 get many, filters department + state: exactly the matching users, in creation order', r.out('Engineering, activated').map((u) => u.username), facts.engineeringActivated);
		const found = r.out('Search user01');
		t.check('10 get many, free-text search "user01", limit 5', () => (found.length === 5 && found.every((u) => /user01/.test(u.username))) || short(found.map((u) => u.username)));
		const groups = r.out('Groups of jdoe');
		t.equal("10 get groups: jdoe's groups, with names", groups.map((g) => g.id).sort(), facts.jdoeGroups);
		t.check('10 get groups: every group named and direct', () => groups.every((g) => typeof g.name === 'string' && g.name !== '' && g.direct === true) || short(groups));
		t.equal('10 get with If Not Found: an item, not an error', r.out('Get ghost (not found)'), [{ found: false, user: 'ghost@acme.example', by: 'email' }]);
		const [leaver] = r.out('Create leaver');
		const id = leaver?._id;
		t.equal('10 create a staged user', [leaver?.username, leaver?.state], ['e2e.leaver', 'STAGED']);
		t.equal('10 activate without email', r.out('Activate (no email)'), [{ id, activated: true, email: false }]);
		t.equal('10 unlock', r.out('Unlock'), [{ id, unlocked: true }]);
		t.equal('10 reset MFA with 3 exclusion days', r.out('Reset MFA (3 days)'), [{ id, mfaReset: true, exclusionDays: 3 }]);
		t.equal('10 expire password (user by email)', r.out('Expire password'), [{ id, passwordExpired: true }]);
		t.equal('10 add users (group by expression name, user by ID)', r.out('Add to VPN Users').map((o) => [o.groupId, o.added]), [[facts.acmeGroups['VPN Users'], 1]]);
		t.equal('10 add users (user by username)', r.out('Add to Remote Workers').map((o) => [o.groupId, o.added]), [[facts.acmeGroups['Remote Workers'], 1]]);
		t.equal('10 suspend', r.out('Suspend'), [{ id, suspended: true }]);
		const [removed] = r.out('Remove from all groups');
		t.equal('10 remove from all groups: both groups, by name', [removed?.count, removed?.removedFrom?.map((g) => g.name).sort()], [2, ['Remote Workers', 'VPN Users']]);
		const [raw] = r.out('Get leaver (raw)');
		t.equal('10 the leaver afterwards: suspended, password expired, MFA reset with an exclusion', [raw?.state, raw?.password_expired, raw?.totp_enabled, raw?.mfa?.exclusion], ['SUSPENDED', true, false, true]);
		t.equal('10 delete the leaver', r.out('Delete leaver').map((o) => [o.deleted, o.id]), [[true, id]]);
	},

	jcE2e11GroupAdmin(t, run, facts) {
		const r = reader(run);
		const [created] = r.out('Create group');
		t.check('11 create group: name, description, email', () => (created?.name === 'E2E Team' && created?.description === 'made by e2e' && created?.email === 'team@acme.example' && OBJECT_ID.test(created?.id)) || short(created));
		t.equal('11 create again with Return Existing: the same group, no error', r.out('Create again (return existing)').map((g) => g.id), [created?.id]);
		t.equal('11 get group by ID', r.out('Get group').map((g) => g.name), ['E2E Team']);
		const [updated] = r.out('Update group');
		t.equal('11 update: renamed, description changed, email kept', [updated?.id, updated?.name, updated?.description, updated?.email], [created?.id, 'E2E Team Renamed', 'renamed by e2e', 'team@acme.example']);
		const [added] = r.out('Add users');
		t.equal('11 add users by username and email', [added?.added, added?.users?.map((u) => u.userId)], [3, [facts.users.user010, facts.users.user011, facts.users.msmith]]);
		t.equal('11 get members: users, not IDs', r.out('Get members').map((u) => u.username).sort(), ['msmith', 'user010', 'user011']);
		const [removed] = r.out('Remove users');
		t.equal('11 remove users: one removed, a non-member unchanged', [removed?.removed, removed?.unchanged, removed?.users?.map((u) => u.removed)], [1, 1, [true, false]]);
		t.equal('11 delete group', r.out('Delete group'), [{ deleted: true, id: created?.id, name: 'E2E Team Renamed' }]);
		t.equal('11 get the deleted group with If Not Found: found false', r.out('Get deleted group (found: false)'), [{ found: false, userGroup: 'E2E Team Renamed', by: 'name' }]);
	},

	jcE2e12Organizations(t, run, facts) {
		const r = reader(run);
		const { globex, initech, umbrella } = facts.orgs;
		t.equal('12 organization get many: the MSP key\'s three organizations', r.out('Organizations').map((o) => o._id).sort(), [globex, initech, umbrella].sort());
		t.equal('12 organization get (by ID)', r.out('Organization Initech').map((o) => [o._id, o.displayName]), [[initech, facts.organizationNames[initech]]]);
		const users = r.out('Users everywhere');
		const count = (organizationId) => users.filter((u) => u.organizationId === organizationId && u.error === undefined).length;
		t.equal('12 user get many in All Organizations: every user of Globex and Initech, tagged', [count(globex), count(initech)], [facts.globexUserCount, facts.initechUserCount]);
		t.check('12 every user is tagged with its organization\'s name', () => users.filter((u) => !u.error).every((u) => u.organizationName === facts.organizationNames[u.organizationId]) || 'untagged');
		const failed = users.filter((u) => u.error !== undefined);
		t.equal('12 Umbrella (API access disabled) becomes one error item in place, naming it', failed.map((e) => [e.error, e.details?.organizationId, e.details?.organizationName, e.details?.httpCode]), [
			['JumpCloud: Forbidden: API access is disabled for this organization', umbrella, 'Umbrella Corp', '403'],
		]);
		t.equal('12 groups in All Organizations: success output, tagged', r.out('Groups found').map((g) => g.organizationId).sort(), [...facts.globexGroupNames.map(() => globex), ...facts.initechGroupNames.map(() => initech)].sort());
		t.equal('12 groups in All Organizations: the failed organization on the error output', r.out('Organizations that failed').map((e) => e.details?.organizationName), ['Umbrella Corp']);
		const found = r.out('Find iadmin everywhere');
		t.equal('12 get by email in All Organizations: found in Initech only', found.filter((u) => !u.error).map((u) => [u.username, u.organizationId]), [['iadmin', initech]]);
		t.equal('12 All Organizations is refused for a change', r.out('Delete everywhere (refused)').map((e) => e.error), ["'Options > Organization' is All Organizations, which only reading operations can use"]);
	},

	jcE2e06MspDefault(t, run) {
		const r = reader(run);
		t.equal('06 no organization on the node: the credential default (Globex) is used', r.out('Get gadmin (default org)').map((u) => u.username), ['gadmin']);
		t.equal('06 the node\'s organization overrides the default', r.out('Get iadmin (Initech override)').map((u) => u.username), ['iadmin']);
		t.equal('06 without the override, Initech\'s admin is not found', r.out('Get iadmin (default org)').map((e) => e.error), ['No JumpCloud user has the username "iadmin"']);
	},
};

// ------------------------------------------------------------------ workflows that must fail

const failureChecks = {
	jcE2e07MspNoOrg: {
		node: 'Get jdoe',
		message: 'JumpCloud: Unauthorized: no organization selected',
		description: /^This API key belongs to a multi-organization \(MSP\) admin, so every call must name an organization\. Set 'Options > Organization' on the node/,
		httpCode: '401',
	},
	jcE2e08BadKey: {
		node: 'Get jdoe',
		message: 'JumpCloud: Unauthorized: api key user not found',
		description: /^JumpCloud rejected the API key\. Check 'API Key' in the JumpCloud credential/,
		httpCode: '401',
	},
};

function checkFailure(t, id, runs) {
	const expected = failureChecks[id];
	const [run, ...more] = runs;
	const error = run?.data?.resultData?.error;
	const label = id.replace(/^jcE2e(\d\d).*/, '$1');
	t.equal(`${label} recorded once, status error`, [run?.status, more.length], ['error', 0]);
	t.equal(`${label} the failing node`, [error?.node?.name, run?.data?.resultData?.lastNodeExecuted], [expected.node, expected.node]);
	t.equal(`${label} error message`, error?.message, expected.message);
	t.check(`${label} error description says what to fix`, () => expected.description.test(error?.description ?? '') || `description: ${error?.description}`);
	t.equal(`${label} HTTP code`, error?.httpCode, expected.httpCode);
}

// ------------------------------------------------------------------ examples (run twice each)

const exampleChecks = {
	onboardNewHire01(t, runs) {
		t.equal('example onboarding: both runs recorded, both successful', runs.map((run) => run.status), ['success', 'success']);
		const [first, second] = runs.map(reader);
		if (!first || !second) return;
		const [created] = first.out('Create user');
		const [again] = second.out('Create user');
		t.check('example onboarding, run 1: creates alovelace', () => (created?.username === 'alovelace' && OBJECT_ID.test(created?._id)) || short(created));
		t.equal('example onboarding, run 2: updates the same user instead of failing', again?._id, created?._id);
		t.equal('example onboarding, run 1: added to each group', first.out('Add to group').map((r) => r.added), [true, true, true]);
		t.equal('example onboarding, run 2: already in each group, reported as unchanged', second.out('Add to group').map((r) => [r.added, r.reason]), [[false, 'alreadyMember'], [false, 'alreadyMember'], [false, 'alreadyMember']]);
		t.equal('example onboarding, run 2: the manager is still Mary Smith', second.out('Get manager').map((m) => m.username), ['msmith']);
	},

	offboardLeaver01(t, runs, facts) {
		t.equal('example offboarding: both runs recorded, both successful', runs.map((run) => run.status), ['success', 'success']);
		const [first, second] = runs.map(reader);
		if (!first || !second) return;
		t.equal('example offboarding, run 1: finds user120 and suspends them', [first.out('Find user').map((u) => [u.found, u.username]), first.out('Suspend')], [[[true, 'user120']], [{ id: facts.users.user120, suspended: true }]]);
		const [removed] = first.out('Remove from all groups');
		t.equal('example offboarding, run 1: removed from every group they were in', removed?.removedFrom?.map((g) => g.id).sort(), facts.user120Groups);
		t.equal('example offboarding, run 1: MFA reset', first.out('Reset MFA'), [{ id: facts.users.user120, mfaReset: true }]);
		const [again] = second.out('Remove from all groups');
		t.equal('example offboarding, run 2: safe to repeat (nothing left to remove)', [second.out('Suspend').length, again?.count, again?.removedFrom], [1, 0, []]);
		t.equal('example offboarding: the not-found branch stays unused', [first.ran('Not in JumpCloud'), second.ran('Not in JumpCloud')], [false, false]);
	},

	mspInventory01(t, runs, facts) {
		t.equal('example MSP inventory: both runs recorded, both successful', runs.map((run) => run.status), ['success', 'success']);
		const [first, second] = runs.map(reader);
		if (!first || !second) return;
		const rows = first.out('Count per organization');
		const { globex, initech, umbrella } = facts.orgs;
		t.equal(
			'example MSP inventory: one row per organization, with user counts, Umbrella with its error',
			rows.map((row) => [row.organizationId, row.users, row.error ?? null]),
			[
				[globex, facts.globexUserCount, null],
				[initech, facts.initechUserCount, null],
				[umbrella, 0, 'JumpCloud: Forbidden: API access is disabled for this organization'],
			],
		);
		t.equal('example MSP inventory: run 2 gives the same rows', second.out('Count per organization'), rows);
	},
};

module.exports = { Checks, successChecks, failureChecks, checkFailure, exampleChecks, reader };
