/** Root jest: one project per package, each with its own jest.config.js, plus the main job's and the benchmarks' own tests (scripts/main/jest.config.js), the queue-mode suites (packages/n8n-nodes-panel/jest.queue.config.js, scripts/n8n/jest.config.js) and the browser suite (scripts/browser/jest.config.js). */
module.exports = {
  projects: ['<rootDir>/packages/*/jest.config.js', '<rootDir>/packages/n8n-nodes-panel/jest.queue.config.js', '<rootDir>/scripts/main/jest.config.js', '<rootDir>/scripts/n8n/jest.config.js', '<rootDir>/scripts/browser/jest.config.js'],
};
