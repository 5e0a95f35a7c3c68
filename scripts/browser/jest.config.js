/**
 * The browser suite (plain JS, like the scripts it drives): a real Chromium on n8n's editor.
 * `npx jest --selectProjects browser`. Screenshots of every step go to scripts/browser/artifacts/.
 */
module.exports = {
  displayName: 'browser',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.js'],
};
