#!/usr/bin/env node
/**
 * Build: typecheck with tsc, then bundle with esbuild into CommonJS under dist/ (n8n loads
 * nodes with require). Core's protocol logic is compiled in, once, as dist/vendor/panel-core.js,
 * which every node and the credential require relatively: the package has no runtime
 * dependencies. Left to n8n: `n8n-workflow` (a peer dependency) and `zod`, which n8n ships
 * (3.25.76, the v3 API core uses) and puts on the module path of community packages
 * (NODE_PATH, set in n8n's load-nodes-and-credentials). Icons are copied beside their
 * nodes; codex files too, their `#anchor` links resolved against package.json's `homepage`
 * (the one place the project's URL is written); output schemas (`__schema__/`) as they are.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const coreEntry = path.resolve(root, '../core/src/index.ts');
const vendorFile = path.join(dist, 'vendor', 'panel-core.js');
const EXTERNAL = ['n8n-workflow', 'zod'];
const ENTRIES = [
	'credentials/PanelApi.credentials.ts',
	'nodes/Panel/Panel.node.ts',
	'nodes/PanelTrigger/PanelTrigger.node.ts',
];
const ASSETS = /\.(svg|png)$/;
const CODEX = /\.node\.json$/;
const SCHEMA_DIR = '__schema__';
const { homepage } = require('../package.json');
const DOCS_BASE = homepage.replace(/#.*$/, '');

/** A codex file with every `#anchor` documentation link made absolute. */
function resolveCodexLinks(text) {
	const codex = JSON.parse(text);
	for (const links of Object.values(codex.resources ?? {})) {
		for (const link of links) if (typeof link.url === 'string' && link.url.startsWith('#')) link.url = `${DOCS_BASE}${link.url}`;
	}
	return `${JSON.stringify(codex, null, '\t')}\n`;
}

function log(msg) {
	process.stderr.write(`[n8n-nodes-panel build] ${msg}\n`);
}

async function main() {
	if (!process.argv.includes('--no-typecheck')) {
		log('typecheck (tsc)');
		execFileSync(require.resolve('typescript/bin/tsc'), ['-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
	}
	fs.rmSync(dist, { recursive: true, force: true });
	const common = {
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		external: EXTERNAL,
		legalComments: 'none',
		logLevel: 'warning',
		tsconfig: path.join(root, 'tsconfig.json'),
	};
	log('bundle @panel/core → dist/vendor/panel-core.js');
	await esbuild.build({ ...common, entryPoints: [coreEntry], outfile: vendorFile });

	// Each entry requires the one vendored core, by a path relative to its own output file.
	const vendorCore = (outfile) => ({
		name: 'vendor-core',
		setup(build) {
			build.onResolve({ filter: /^@panel\/core$/ }, () => {
				let rel = path.relative(path.dirname(outfile), vendorFile).split(path.sep).join('/');
				if (!rel.startsWith('.')) rel = `./${rel}`;
				return { path: rel, external: true };
			});
		},
	});
	for (const entry of ENTRIES) {
		const outfile = path.join(dist, entry.replace(/\.ts$/, '.js'));
		log(`bundle ${entry}`);
		await esbuild.build({ ...common, entryPoints: [path.join(root, entry)], outfile, plugins: [vendorCore(outfile)] });
	}
	for (const dir of ['nodes/Panel', 'nodes/PanelTrigger', 'credentials']) {
		fs.mkdirSync(path.join(dist, dir), { recursive: true });
		for (const file of fs.readdirSync(path.join(root, dir))) {
			const from = path.join(root, dir, file);
			const to = path.join(dist, dir, file);
			if (ASSETS.test(file)) fs.copyFileSync(from, to);
			else if (CODEX.test(file)) fs.writeFileSync(to, resolveCodexLinks(fs.readFileSync(from, 'utf8')));
			else if (file === SCHEMA_DIR) fs.cpSync(from, to, { recursive: true });
		}
	}
	log('done');
}

main().catch((err) => {
	process.stderr.write(`${err.stack || err}\n`);
	process.exit(1);
});
