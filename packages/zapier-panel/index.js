// Entry point Zapier's runtime loads for a CommonJS app (zapierwrapper.js requires ./index.js):
// the app definition compiled from src/ by `pnpm run build`.
module.exports = require('./dist/index.js').default;
