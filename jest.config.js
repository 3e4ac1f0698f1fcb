/** Jest runs the TypeScript tests under test/ (ts-jest, type-checked) against the JS simulator. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
	globalSetup: '<rootDir>/test/jest.global-setup.js',
	globalTeardown: '<rootDir>/test/jest.global-teardown.js',
	setupFiles: ['<rootDir>/test/jest.setup.js'],
	setupFilesAfterEnv: ['<rootDir>/test/jest.console.js'],
	testTimeout: 30000,
};
