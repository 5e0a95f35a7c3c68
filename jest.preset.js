/**
 * Shared jest settings for every package: TypeScript through ts-jest, node environment.
 * ts-jest transpiles file by file (fast, no type errors in tests) because tsconfig.base.json
 * sets isolatedModules; types are checked by each package's `typecheck` / build.
 */
const path = require('node:path');
module.exports = (dir, extra = {}) => ({
  rootDir: dir,
  displayName: path.basename(dir),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(dir, 'tsconfig.json') }],
  },
  // Adapters test against core's source, so a core change needs no rebuild for unit tests.
  moduleNameMapper: { '^@panel/core$': path.join(__dirname, 'packages/core/src/index.ts'), '^@panel/core/node$': path.join(__dirname, 'packages/core/src/node/index.ts'), '^@panel/sandbox$': path.join(__dirname, 'packages/sandbox/src/index.ts') },
  ...extra,
});
