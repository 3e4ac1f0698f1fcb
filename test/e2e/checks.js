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

	jcE2e13Devices(t, run, facts) {
		const r = reader(run);
		const dev = facts.devices;
		const all = r.out('All devices');
		const ids = all.map((device) => device._id);
		t.equal(`13 get many, Return All: every one of the ${facts.acmeDeviceIds.length} devices, in creation order`, ids, facts.acmeDeviceIds);
		t.equal('13 get many, Return All: no device twice', new Set(ids).size, facts.acmeDeviceIds.length);
		t.ok('13 get many, Return All: more than 250 devices (several pages)', ids.length > 250, `${ids.length}`);
		t.equal('13 get many: simplified devices', Object.keys(all[0] ?? {}).sort(), ['_id', 'active', 'agentVersion', 'created', 'description', 'displayName', 'hostname', 'lastContact', 'mdmEnrolled', 'os', 'osFamily', 'remoteIP', 'serialNumber', 'version']);
		t.equal('13 get many, filters OS + inactive + last contact before 2026: the lobby kiosk', r.out('Stale Windows devices').map((d) => d.hostname), ['acme-win-kiosk']);
		t.equal('13 get many, search "user120" (whole records)', r.out('Search user120').map((d) => [d.hostname, typeof d.networkInterfaces]), [['acme-mbp-user120', 'object'], ['acme-win-user120', 'object']]);
		const [build] = r.out('Get build server');
		t.equal('13 get by hostname', [build?._id, build?.displayName, build?.osFamily, build?.mdmEnrolled], [dev['acme-ubuntu-build01'], 'Build server 01', 'linux', false]);
		t.equal('13 get users of the device: jdoe with sudo, user002 without', r.out('Users of build server').map((u) => [u.username, u.direct, u.sudo, u.deviceId]), [['jdoe', true, true, build?._id], ['user002', true, false, build?._id]]);
		t.equal('13 get groups of the device, with names', r.out('Groups of build server').map((g) => [g.name, g.direct]), [['Engineering Laptops', true], ['Servers', true]]);
		const [renamed] = r.out('Rename build server');
		t.equal('13 update: display name, description and custom attribute changed', [renamed?.displayName, renamed?.description, renamed?.attributes], ['Build server 01 (e2e)', 'renamed by e2e', [{ name: 'assetTag', value: 'E2E-1' }]]);
		t.equal('13 update back (by hostname)', r.out('Rename back').map((d) => [d.displayName, d.description, d.attributes]), [['Build server 01', 'CI runner', []]]);
		t.equal('13 get with If Not Found: found false', r.out('Get unknown device (found: false)'), [{ found: false, device: 'no-such-host', by: 'hostname' }]);
		const db01 = dev['acme-ubuntu-db01'];
		const user001 = facts.users.user001;
		t.equal('13 bind user with sudo', r.out('Bind user001 (sudo)'), [{ bound: true, deviceId: db01, hostname: 'acme-ubuntu-db01', userId: user001, sudo: { enabled: true, withoutPassword: false } }]);
		t.equal('13 bind again: unchanged, not an error', r.out('Bind again (no-op)'), [{ bound: false, unchanged: true, reason: 'alreadyBound', deviceId: db01, hostname: 'acme-ubuntu-db01', userId: user001 }]);
		t.equal('13 the bound user is listed on the device', r.out('Users of db01').map((u) => [u.username, u.sudo]), [['user001', true]]);
		t.equal('13 unbind (user by email)', r.out('Unbind user001'), [{ unbound: true, deviceId: db01, hostname: 'acme-ubuntu-db01', userId: user001 }]);
		t.equal('13 unbind again: unchanged', r.out('Unbind again (no-op)'), [{ unbound: false, unchanged: true, reason: 'notBound', deviceId: db01, hostname: 'acme-ubuntu-db01', userId: user001 }]);
		const [offboarded] = r.out('Offboard user010 (groups and devices)');
		t.equal(
			'13 user Remove From All Groups with Unbind From All Devices: out of every group, off their device',
			[offboarded?.removedFrom?.map((g) => g.id).sort(), offboarded?.unboundFrom, offboarded?.deviceCount],
			[facts.user010Groups, [{ id: dev['acme-mac-legacy'], hostname: 'acme-mac-legacy' }], 1],
		);
		t.equal("13 MSP key, node's organization Globex: Globex's devices only", r.out('Globex devices').map((d) => d.hostname), ['globex-win-hq', 'globex-linux-lab']);
		const everywhere = r.out('Devices everywhere');
		t.equal(
			'13 All Organizations: Globex devices tagged, Initech has none, Umbrella an error item in place',
			everywhere.map((item) => (item.error ? [item.details?.organizationName, 'error'] : [item.organizationName, item.hostname])),
			[['Globex Corporation', 'globex-win-hq'], ['Globex Corporation', 'globex-linux-lab'], ['Umbrella Corp', 'error']],
		);
	},

	jcE2e14DeviceActs(t, run, facts) {
		const r = reader(run);
		const dev = facts.devices;
		const action = (node) => r.out(node).map((item) => [item.hostname, item.command, item.via, item.queued]);
		t.equal('14 lock a Windows device: built-in command, queued', action('Lock Windows laptop'), [['acme-win-user001', 'lock', 'builtin', true]]);
		const [mac] = r.out('Lock Mac (Apple MDM)');
		t.equal('14 lock a Mac: through Apple MDM, with the MDM ids', [mac?.hostname, mac?.via, mac?.appleMdmId, mac?.mdmDeviceId], ['acme-mbp-jdoe', 'appleMdm', facts.appleMdmId, facts.mdmDevices['acme-mbp-jdoe']]);
		t.equal('14 restart', action('Restart build server'), [['acme-ubuntu-build01', 'restart', 'builtin', true]]);
		t.equal('14 shut down', action('Shut down kiosk'), [['acme-win-kiosk', 'shutdown', 'builtin', true]]);
		t.equal('14 erase with a confirmation naming another device: refused, as an error item', r.out('Erase (wrong confirmation)').map((e) => e.error), [`'Confirm Device' ("acme-win-kiosk") does not match the device to erase ("acme-win-user001")`]);
		t.equal('14 erase with the matching confirmation', action('Erase db01'), [['acme-ubuntu-db01', 'erase', 'builtin', true]]);
		t.equal('14 delete the erased device', r.out('Delete db01'), [{ deleted: true, id: dev['acme-ubuntu-db01'], hostname: 'acme-ubuntu-db01', displayName: 'Database 01' }]);
		t.equal('14 device groups, Get Many', r.out('Device groups').map((g) => g.name), facts.deviceGroupNames);
		const [group] = r.out('Create device group');
		t.check('14 create device group', () => (group?.name === 'E2E Devices' && group?.type === 'system_group' && OBJECT_ID.test(group?.id)) || short(group));
		t.equal('14 create again: Return Existing', r.out('Create again (return existing)').map((g) => g.id), [group?.id]);
		t.equal('14 get device group', r.out('Get device group').map((g) => [g.id, g.description]), [[group?.id, 'made by e2e']]);
		const build = dev['acme-ubuntu-build01'];
		const membership = { groupId: group?.id, groupName: 'E2E Devices', deviceId: build, hostname: 'acme-ubuntu-build01' };
		t.equal('14 add device', r.out('Add build server'), [{ added: true, ...membership }]);
		t.equal('14 add again: unchanged', r.out('Add again (no-op)'), [{ added: false, unchanged: true, reason: 'alreadyMember', ...membership }]);
		t.equal('14 get members: the build server, as a device', r.out('Members').map((d) => [d._id, d.hostname, d.groupId]), [[build, 'acme-ubuntu-build01', group?.id]]);
		t.equal('14 remove device', r.out('Remove build server'), [{ removed: true, ...membership }]);
		t.equal('14 remove again: unchanged', r.out('Remove again (no-op)'), [{ removed: false, unchanged: true, reason: 'notMember', ...membership }]);
		t.equal('14 delete device group', r.out('Delete device group'), [{ deleted: true, id: group?.id, name: 'E2E Devices' }]);
		t.equal('14 the deleted group is not found', r.out('Get deleted group (found: false)'), [{ found: false, deviceGroup: 'E2E Devices', by: 'name' }]);
		t.equal('14 commands, Get Many', r.out('Commands').map((c) => c.name), ['Collect Diagnostics', 'Restart Print Spooler', 'Deploy Hotfix']);
		const [spooler] = r.out('Run spooler restart');
		t.check('14 run on the bound devices: a queue ID per device and a run ID', () => (spooler?.queueIds?.length === 3 && OBJECT_ID.test(spooler?.workflowInstanceId) && spooler?.runOn === 'boundDevices') || short(spooler));
		t.equal(
			'14 results of that run: the two active Windows devices answered (the kiosk is offline)',
			r.out('Results of the run').map((result) => [result.device, result.exitCode, result.workflowInstanceId]),
			[['acme-win-user001', 0, spooler?.workflowInstanceId], ['acme-win-user120', 0, spooler?.workflowInstanceId]],
		);
		t.equal('14 run on a chosen device and a group (members expanded)', r.out('Run diagnostics on chosen devices').map((run) => run.deviceIds), [[build, dev['acme-win-kiosk']]]);
		t.equal('14 trigger with JSON variables', r.out('Trigger hotfix'), [{ trigger: 'deploy-hotfix', triggered: ['Deploy Hotfix'], variables: { version: 'e2e-1' } }]);
		t.equal('14 a trigger nobody listens to fails its item', r.out('Trigger nobody listens to').map((e) => e.error), ['No JumpCloud command listens to the trigger "no-such-trigger"']);
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

	offboardDevices01(t, runs, facts) {
		t.equal('example device offboarding: both runs recorded, both successful', runs.map((run) => run.status), ['success', 'success']);
		const [first, second] = runs.map(reader);
		if (!first || !second) return;
		const devices = facts.user120Devices;
		t.equal('example device offboarding, run 1: lists the leaver\'s devices (API Request, Return All)', first.out("Leaver's devices").map((edge) => edge.to?.id), devices.map((d) => d.id));
		t.equal(
			'example device offboarding, run 1: locks each device (the Mac through Apple MDM)',
			first.out('Lock device').map((lock) => [lock.hostname, lock.command, lock.via]),
			devices.map((d) => [d.hostname, 'lock', d.hostname.includes('mbp') ? 'appleMdm' : 'builtin']),
		);
		t.equal('example device offboarding, run 1: locks stay paired with the devices', first.paired('Lock device'), devices.map((_, index) => index));
		t.equal(
			'example device offboarding, run 1: unbound from each device',
			first.out('Unbind from device').map((u) => [u.unbound, u.deviceId, u.hostname, u.userId]),
			devices.map((d) => [true, d.id, d.hostname, facts.users.user120]),
		);
		t.equal('example device offboarding, run 2: no device left, nothing locked or unbound', [second.out("Leaver's devices").length, second.ran('Lock device'), second.ran('Unbind from device')], [0, false, false]);
		t.equal('example device offboarding: the not-found branch stays unused', [first.ran('Not in JumpCloud'), second.ran('Not in JumpCloud')], [false, false]);
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
