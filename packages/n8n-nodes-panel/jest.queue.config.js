/**
 * The Panel Trigger in n8n queue mode (test/n8n/trigger-queue.test.cts) as a jest project of its
 * own: it sends 6,000 deliveries through main + 2 workers + webhook processors (10–25 min on
 * 2 cores), so scripts/jest-each.js runs it in its own process, under its own watchdog.
 *   npx jest --selectProjects n8n-nodes-panel-queue
 */
const base = require('./jest.config');

module.exports = {
	...base,
	displayName: 'n8n-nodes-panel-queue',
	testMatch: ['<rootDir>/test/n8n/trigger-queue.test.cts'],
	testPathIgnorePatterns: ['/node_modules/'],
};
