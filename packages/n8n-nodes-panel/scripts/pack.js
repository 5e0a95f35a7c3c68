#!/usr/bin/env node
/**
 * Packs the package as npm would publish it (`pnpm pack`, so workspace: ranges are
 * rewritten) into a directory, and prints the tarball's path. Build first.
 *   node scripts/pack.js [destDir]
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** pnpm from PATH, else the toolchain's (scripts/toolchain.sh puts it there). */
function pnpmBin() {
	const cache = process.env.PANEL_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'panel-integrations');
	const local = path.join(cache, 'toolchain-node24.9.0-pnpm10.34.8', 'node_modules', '.bin', 'pnpm');
	const onPath = (process.env.PATH || '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, 'pnpm')));
	return onPath ? 'pnpm' : local;
}

function pack(dest = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-panel-pack-'))) {
	const root = path.resolve(__dirname, '..');
	if (!fs.existsSync(path.join(root, 'dist', 'nodes', 'Panel', 'Panel.node.js'))) {
		throw new Error('dist/ is missing: run the build first (pnpm --filter n8n-nodes-panel build)');
	}
	fs.mkdirSync(dest, { recursive: true });
	const out = execFileSync(pnpmBin(), ['pack', '--pack-destination', dest], { cwd: root, encoding: 'utf8' });
	const file = out.trim().split('\n').filter((l) => l.endsWith('.tgz')).pop();
	const tarball = path.isAbsolute(file) ? file : path.join(dest, path.basename(file));
	if (!fs.existsSync(tarball)) throw new Error(`pnpm pack did not produce a tarball:\n${out}`);
	return tarball;
}

module.exports = { pack };

if (require.main === module) process.stdout.write(`${pack(process.argv[2])}\n`);
