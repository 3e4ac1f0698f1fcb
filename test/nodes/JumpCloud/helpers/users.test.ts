import { simplifyUser, userBodyFrom, withoutSecrets } from '../../../../nodes/JumpCloud/helpers/users';
import { locatorOf, userReferenceKind } from '../../../../nodes/JumpCloud/helpers/locators';

describe('user helpers', () => {
	it('turns repeatable groups into JumpCloud arrays and drops empty strings in them', () => {
		expect(
			userBodyFrom({
				department: 'IT',
				phoneNumbers: { phoneNumber: [{ type: 'mobile', number: '+1 555 0100' }] },
				addresses: { address: [{ type: 'work', locality: 'Boulder', poBox: '' }] },
				attributes: { attribute: [{ name: 'badge', value: '42' }] },
			}),
		).toEqual({
			department: 'IT',
			phoneNumbers: [{ type: 'mobile', number: '+1 555 0100' }],
			addresses: [{ type: 'work', locality: 'Boulder' }],
			attributes: [{ name: 'badge', value: '42' }],
		});
	});

	it('leaves empty fields out of a create body but sends them on update, where they clear the field', () => {
		const fields = { department: '', jobTitle: 'Engineer', manager: '' };
		expect(userBodyFrom(fields, { dropEmpty: true })).toEqual({ jobTitle: 'Engineer' });
		expect(userBodyFrom(fields)).toEqual({ department: '', jobTitle: 'Engineer', manager: '' });
	});

	it('never outputs a password and simplifies to the chosen fields', () => {
		const user = { _id: 'a', username: 'jdoe', password: 'secret', mfa: { configured: false }, state: 'ACTIVATED' };
		expect(withoutSecrets(user)).toEqual({ _id: 'a', username: 'jdoe', mfa: { configured: false }, state: 'ACTIVATED' });
		expect(simplifyUser(user)).toEqual({ _id: 'a', username: 'jdoe', state: 'ACTIVATED' });
	});

	it('reads locators and free-text user references', () => {
		expect(locatorOf({ __rl: true, mode: 'email', value: ' a@b.c ' })).toEqual({ mode: 'email', value: 'a@b.c' });
		expect(locatorOf('5f0c1a2b3c4d5e6f7a8b9c0d')).toEqual({ mode: 'id', value: '5f0c1a2b3c4d5e6f7a8b9c0d' });
		expect(userReferenceKind('5f0c1a2b3c4d5e6f7a8b9c0d')).toBe('id');
		expect(userReferenceKind('mary.smith@acme.example')).toBe('email');
		expect(userReferenceKind('msmith')).toBe('username');
	});
});
