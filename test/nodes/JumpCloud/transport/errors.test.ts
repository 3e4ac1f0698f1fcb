import { fieldViolationsOf, jumpCloudApiError, jumpCloudMessageOf } from '../../../../nodes/JumpCloud/transport/errors';
import { TEST_NODE } from '../../../helpers/engine';

const node = TEST_NODE;
const context = { method: 'GET', path: '/api/systemusers/x', itemIndex: 2 };

describe('errors', () => {
	it('reads message, then error, then raw text', () => {
		expect(jumpCloudMessageOf({ message: 'Not Found' })).toBe('Not Found');
		expect(jumpCloudMessageOf({ error: 'Unauthorized' })).toBe('Unauthorized');
		expect(jumpCloudMessageOf({ error: 'Unauthorized', message: 'Unauthorized: api key user not found' })).toBe(
			'Unauthorized: api key user not found',
		);
		expect(jumpCloudMessageOf('gateway down')).toBe('gateway down');
		expect(jumpCloudMessageOf({})).toBeUndefined();
	});

	it('lists field violations of a validation error', () => {
		const body = {
			code: 400,
			message: 'Password validation fail',
			details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolationsList: [{ field: 'password', description: 'minLength' }] }],
		};
		expect(fieldViolationsOf(body)).toEqual(['password: minLength']);
		const error = jumpCloudApiError(node, 400, body, context);
		expect(error.message).toBe('JumpCloud: Password validation fail');
		expect(error.description).toContain('password: minLength');
		expect(error.httpCode).toBe('400');
		expect(error.context.itemIndex).toBe(2);
	});

	it('tells an MSP key without organization apart from a wrong key', () => {
		const noOrg = jumpCloudApiError(node, 401, { message: 'Unauthorized: no organization selected' }, context);
		expect(noOrg.description).toContain("Set 'Options > Organization' on the node");
		const wrongKey = jumpCloudApiError(node, 401, { error: 'Unauthorized', message: 'Unauthorized: api key user not found' }, context);
		expect(wrongKey.message).toBe('JumpCloud: Unauthorized: api key user not found');
		expect(wrongKey.description).toContain("Check 'API Key'");
	});

	it('uses the caller hint for a 404', () => {
		const error = jumpCloudApiError(node, 404, { message: 'Not Found' }, { ...context, notFoundHint: "Check the 'User' parameter" });
		expect(error.description).toBe("Check the 'User' parameter");
	});
});
