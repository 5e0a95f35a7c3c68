/** The main job's tests (plain JS, like the scripts they test): `npx jest --selectProjects main`. */
module.exports = {
  displayName: 'main',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>', '<rootDir>/../bench'],
  testMatch: ['<rootDir>/test/**/*.test.js', '<rootDir>/../bench/test/**/*.test.js'],
};
