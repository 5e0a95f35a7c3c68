/**
 * The real-n8n suites of scripts/n8n (plain JS, like the scripts they test): n8n in queue mode
 * (Redis, Postgres, main, workers, webhook processor) started once per test file by
 * scripts/n8n/queue.js.   npx jest --selectProjects n8n-queue
 */
module.exports = {
  displayName: 'n8n-queue',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.js'],
  testTimeout: 300_000,
};
