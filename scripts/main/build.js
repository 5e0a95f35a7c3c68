// @ts-check
/**
 * Builds what the main job and the benchmarks run, and only what changed since the last
 * build: a package is rebuilt when any of its sources is newer than its output marker.
 * The n8n package is bundled without its typecheck here (the test command typechecks it);
 * a demo should not refuse to start over a type error in a file it does not load.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');

/** Newest mtime (ms) of the files under the given paths, skipping node_modules and dist. */
function newest(paths) {
  let max = 0;
  const walk = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules' && name !== 'dist') walk(path.join(p, name));
    } else if (st.mtimeMs > max) max = st.mtimeMs;
  };
  for (const p of paths) walk(p);
  return max;
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * What each step reads, what it writes (its marker), and how to run it.
 * @type {Record<string, { sources: string[], output: string, run: [string, string[]] }>}
 */
const STEPS = {
  core: {
    sources: ['packages/core/src', 'packages/core/tsconfig.build.json', 'packages/core/package.json'],
    output: 'packages/core/dist/node/index.js',
    run: ['pnpm', ['--filter', '@panel/core', 'run', 'build']],
  },
  sandbox: {
    sources: ['packages/sandbox/src', 'packages/sandbox/tsconfig.build.json', 'packages/sandbox/package.json'],
    output: 'packages/sandbox/dist/index.js',
    run: ['pnpm', ['--filter', '@panel/sandbox', 'run', 'build']],
  },
  n8n: {
    sources: ['packages/core/src', 'packages/n8n-nodes-panel/nodes', 'packages/n8n-nodes-panel/credentials', 'packages/n8n-nodes-panel/scripts/build.js', 'packages/n8n-nodes-panel/package.json'],
    output: 'packages/n8n-nodes-panel/dist/nodes/Panel/Panel.node.js',
    run: ['node', ['packages/n8n-nodes-panel/scripts/build.js', '--no-typecheck']],
  },
  zapier: {
    sources: ['packages/core/src', 'packages/zapier-panel/src', 'packages/zapier-panel/tsconfig.build.json', 'packages/zapier-panel/package.json'],
    output: 'packages/zapier-panel/dist/index.js',
    run: ['pnpm', ['--filter', 'zapier-panel', 'run', 'build']],
  },
};

/**
 * @param {Array<'core' | 'sandbox' | 'n8n' | 'zapier'>} which
 * @param {{ log?: (s: string) => void, force?: boolean }} [o]
 */
function build(which, { log = () => {}, force = false } = {}) {
  for (const name of which) {
    const step = STEPS[name];
    const out = path.join(REPO, step.output);
    const stale = force || mtime(out) === 0 || newest(step.sources.map((s) => path.join(REPO, s))) > mtime(out);
    if (!stale) {
      log(`build ${name}: up to date`);
      continue;
    }
    log(`build ${name}…`);
    const [cmd, args] = step.run;
    execFileSync(cmd, args, { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
    // tsc may leave an unchanged file's mtime as it was: mark the build as done now.
    const now = new Date();
    fs.utimesSync(out, now, now);
  }
}

module.exports = { build, REPO };
