/**
 * Tests are `.test.cts` (TypeScript, CommonJS): `n8n-node lint` lints every `.ts` file of the
 * package with the community-node rules (no timers, no `process`, no test libraries), and its
 * strict mode forbids changing the lint config; `.cts` keeps the tests typed and out of it.
 */
const path = require('node:path');
const base = require('../../jest.preset')(__dirname);

module.exports = {
	...base,
	testMatch: ['<rootDir>/test/**/*.test.cts'],
	// The queue-mode trigger suite is a project of its own (jest.queue.config.js).
	testPathIgnorePatterns: ['/node_modules/', '/test/n8n/trigger-queue\\.test\\.cts$'],
	moduleFileExtensions: ['ts', 'cts', 'js', 'cjs', 'json'],
	// `import './x.cjs'` in a .cts test means that test helper, x.cts.
	moduleNameMapper: {
		...base.moduleNameMapper,
		'^(\\.{1,2}/)+context\\.cjs$': '<rootDir>/test/unit/context.cts',
		'^(\\.{1,2}/)+harness\\.cjs$': '<rootDir>/test/unit/harness.cts',
		'^\\./engine\\.cjs$': '<rootDir>/test/engine/engine.cts',
	},
	transform: {
		'^.+\\.c?ts$': ['ts-jest', { isolatedModules: true, tsconfig: path.join(__dirname, 'tsconfig.json') }],
	},
};
