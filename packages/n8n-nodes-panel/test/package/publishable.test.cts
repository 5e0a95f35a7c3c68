/**
 * The package as n8n's tooling sees it: `n8n-node lint` (strict, template config) clean on
 * the source, the community-package scanner's rules clean on every .js of the packed tarball,
 * no runtime dependencies, and n8n's conventions (n8n attribute, icons, codex files, license).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PanelApi } from '../../credentials/PanelApi.credentials';
import { Panel } from '../../nodes/Panel/Panel.node';
import { PanelTrigger } from '../../nodes/PanelTrigger/PanelTrigger.node';

const PKG = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8'));

jest.setTimeout(180_000);

const REPOSITORY = 'https://github.com/panel-integrations/panel-integrations';
const SCHEMA_FILES = ['account/getBalance.json', 'order/cancel.json', 'order/create.json', 'order/getManyStatuses.json', 'order/getStatus.json', 'order/refill.json', 'refill/getStatus.json', 'service/get.json', 'service/getMany.json'];
const DOCS_BASE = (pkg.homepage as string).replace(/#.*$/, '');
/** GitHub's anchors of the README's headings. */
const README_ANCHORS = [...fs.readFileSync(path.join(PKG, 'README.md'), 'utf8').matchAll(/^#{1,4} (.+)$/gm)].map((m) =>
	m[1]!.trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-'),
);

beforeAll(() => {
	execFileSync(process.execPath, [path.join(PKG, 'scripts/build.js'), '--no-typecheck'], { stdio: 'ignore' });
});

// Jest sets NODE_ENV=test, which eslint-plugin-n8n-nodes-base reads as its own test mode
// (fake file names, all rules everywhere): run the tools as a developer or CI would.
const toolEnv: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' };
delete toolEnv.NODE_ENV;

describe('package.json', () => {
	it('declares the nodes and credential to n8n, ships only dist, depends on nothing at run time', () => {
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.files).toEqual(['dist', 'CHANGELOG.md']);
		expect(pkg.license).toBe('MIT');
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.n8n).toEqual({
			n8nNodesApiVersion: 1,
			strict: true,
			credentials: ['dist/credentials/PanelApi.credentials.js'],
			nodes: ['dist/nodes/Panel/Panel.node.js', 'dist/nodes/PanelTrigger/PanelTrigger.node.js'],
		});
		expect(fs.readFileSync(path.join(PKG, 'LICENSE'), 'utf8')).toMatch(/MIT License/);
	});

	it.each(['Panel', 'PanelTrigger'])('%s: a codex file in dist whose links are package.json\'s homepage + an anchor of the README', (name) => {
		const codex = JSON.parse(fs.readFileSync(path.join(PKG, 'dist', 'nodes', name, `${name}.node.json`), 'utf8'));
		expect(codex.node).toBe(`n8n-nodes-panel.${name[0]!.toLowerCase()}${name.slice(1)}`);
		expect(codex.categories).toEqual(['Marketing']);
		expect(codex.alias).toEqual(expect.arrayContaining(['SMM', 'SMM panel', 'social media marketing', 'reseller panel', 'followers', 'likes', 'views']));
		const links = [codex.resources.primaryDocumentation[0].url, codex.resources.credentialDocumentation[0].url] as string[];
		for (const url of links) {
			expect(url.startsWith(`${DOCS_BASE}#`)).toBe(true);
			expect(README_ANCHORS).toContain(url.slice(DOCS_BASE.length + 1));
		}
	});

	it('one project URL: repository, homepage and the credential\'s documentationUrl agree', () => {
		expect(pkg.repository).toEqual({ type: 'git', url: `git+${REPOSITORY}.git`, directory: 'packages/n8n-nodes-panel' });
		expect(DOCS_BASE).toBe(`${REPOSITORY}/tree/main/packages/n8n-nodes-panel`);
		expect(new PanelApi().documentationUrl).toBe(`${DOCS_BASE}#credentials`);
		expect(README_ANCHORS).toContain('credentials');
	});

	it('icons are kept once: the Panel node\'s light and dark SVGs (they differ), which the trigger and the credential reuse', () => {
		const light = fs.readFileSync(path.join(PKG, 'nodes/Panel/panel.svg'), 'utf8');
		const dark = fs.readFileSync(path.join(PKG, 'nodes/Panel/panel.dark.svg'), 'utf8');
		expect(light).toMatch(/^<svg/);
		expect(dark).not.toBe(light);
		const svgs = execFileSync('find', [path.join(PKG, 'nodes'), path.join(PKG, 'credentials'), '-name', '*.svg'], { encoding: 'utf8' }).trim().split('\n');
		expect(svgs.map((f) => path.relative(PKG, f)).sort()).toEqual(['nodes/Panel/panel.dark.svg', 'nodes/Panel/panel.svg']);
		expect(new PanelTrigger().description.icon).toEqual({ light: 'file:../Panel/panel.svg', dark: 'file:../Panel/panel.dark.svg' });
		expect(new PanelApi().icon).toEqual({ light: 'file:../nodes/Panel/panel.svg', dark: 'file:../nodes/Panel/panel.dark.svg' });
	});

	it('ships an output schema for every operation where n8n 2.41 looks for it (n8n-core\'s own resolver, on dist)', () => {
		// n8n-core keeps instance settings under N8N_USER_FOLDER: a throw-away one.
		process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'panel-schema-'));
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { resolveOutputSchemaPath } = require('n8n-core') as typeof import('n8n-core');
		const nodeDir = path.join(PKG, 'dist/nodes/Panel');
		const operations = new Panel().description.properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => (p.options as Array<{ value: string }>).map((o) => [(p.displayOptions!.show!.resource as string[])[0]!, o.value]));
		expect(operations).toHaveLength(9);
		for (const [resource, operation] of operations) {
			// The editor asks for /schemas/n8n-nodes-panel.panel/1.0.0/<resource>/<operation>.json.
			const file = resolveOutputSchemaPath({ nodeDir, version: '1.0.0', resource, operation, versionFallback: true });
			expect(file).toBe(path.join(nodeDir, '__schema__', 'v1.0.0', resource!, `${operation}.json`));
			expect(JSON.parse(fs.readFileSync(file!, 'utf8'))).toMatchObject({ type: 'object', version: 1 });
		}
	});

	it('has a CHANGELOG with an Unreleased section, shipped in the tarball', () => {
		expect(fs.readFileSync(path.join(PKG, 'CHANGELOG.md'), 'utf8')).toMatch(/^# Changelog\n[\s\S]*\n## \[Unreleased\]\n/);
	});
});

describe('n8n\'s verification guidelines', () => {
	const distJs = () =>
		execFileSync('find', [path.join(PKG, 'dist'), '-name', '*.js'], { encoding: 'utf8' }).trim().split('\n').map((f) => [path.relative(PKG, f), fs.readFileSync(f, 'utf8')] as const);

	it('no environment variables and no file-system access in the shipped code', () => {
		for (const [file, code] of distJs()) {
			expect([file, /\bprocess\.env\b/.test(code)]).toEqual([file, false]);
			expect([file, /require\("(node:)?(fs|fs\/promises|child_process)"\)/.test(code)]).toEqual([file, false]);
		}
	});

	it('one service: the nodes and the credential are all the Panel\'s; MIT; an English README that documents them', () => {
		expect(pkg.n8n.nodes.map((n: string) => path.basename(n))).toEqual(['Panel.node.js', 'PanelTrigger.node.js']);
		expect(pkg.n8n.credentials.every((n: string) => /^dist\/credentials\/Panel\w*\.credentials\.js$/.test(n))).toBe(true);
		expect(pkg.license).toBe('MIT');
		const readme = fs.readFileSync(path.join(PKG, 'README.md'), 'utf8');
		for (const heading of ['Installation', 'Credentials', 'Operations', 'Panel Trigger']) expect(readme).toContain(`## ${heading}`);
	});

	it('a release workflow publishes from GitHub Actions with npm provenance, after lint, build and a scan of the exact tarball', () => {
		const wf = fs.readFileSync(path.join(PKG, '../../.github/workflows/release-n8n-nodes-panel.yml'), 'utf8');
		expect(wf).toMatch(/^\s+id-token: write$/m);
		const steps = ['pnpm run lint', 'pnpm run build', 'node scripts/pack.js', 'node scripts/scan.mjs --tarball "${{ steps.pack.outputs.tarball }}"', 'npm publish "${{ steps.pack.outputs.tarball }}" --provenance --access public'];
		const at = steps.map((step) => wf.indexOf(step));
		expect(at.every((i) => i > 0)).toBe(true);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
		expect(wf).toContain("- 'n8n-nodes-panel@*.*.*'");
	});
});

describe('n8n tooling', () => {
	it('n8n-node lint (strict, the template eslint config) is clean on the source', () => {
		const res = spawnSync(path.join(PKG, 'node_modules/.bin/n8n-node'), ['lint'], { cwd: PKG, encoding: 'utf8', env: toolEnv });
		const output = `${res.stdout}\n${res.stderr}`;
		expect(output).not.toMatch(/error|warning|problem/i);
		expect(res.status).toBe(0);
	});

	it('the scanner passes on the packed tarball (every .js) and the source; dependencies are empty', () => {
		const res = spawnSync(process.execPath, [path.join(PKG, 'scripts/scan.mjs')], { cwd: PKG, encoding: 'utf8', env: toolEnv });
		const summary = JSON.parse(res.stdout);
		process.stderr.write(`[scan] tarball ${summary.tarball}: ${summary.tarballBytes} bytes; .js files: ${summary.jsFiles.join(', ')}\n`);
		expect(summary.jsFiles).toEqual(expect.arrayContaining(['dist/vendor/panel-core.js', 'dist/nodes/Panel/Panel.node.js', 'dist/nodes/PanelTrigger/PanelTrigger.node.js', 'dist/credentials/PanelApi.credentials.js']));
		expect(summary.scannerDistLeg.passed).toBe(true);
		expect(summary.scannerSourceLeg.passed).toBe(true);
		expect(summary.plugin032).toEqual({ errors: 0, warnings: 0 });
		expect(summary.dependencies).toEqual([]);
		expect(summary.passed).toBe(true);
		// What the tarball holds: the built nodes, their icons, codex files and output schemas,
		// the README, LICENSE and CHANGELOG — nothing else (no sources, tests or scripts).
		expect(summary.files).toEqual(
			[
				'CHANGELOG.md',
				'LICENSE',
				'README.md',
				'package.json',
				'dist/vendor/panel-core.js',
				...pkg.n8n.credentials,
				...pkg.n8n.nodes.flatMap((n: string) => [n, n.replace(/\.js$/, '.json')]),
				...SCHEMA_FILES.map((f) => `dist/nodes/Panel/__schema__/v1.0.0/${f}`),
				'dist/nodes/Panel/panel.dark.svg',
				'dist/nodes/Panel/panel.svg',
			].sort(),
		);
		expect(res.status).toBe(0);
	});

	it('the same scanner rules do catch what they forbid (control: a bundled file using globalThis and setTimeout)', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-control-'));
		try {
			fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...pkg, dependencies: { zod: '4.0.0' } }));
			fs.mkdirSync(path.join(dir, 'dist'));
			fs.writeFileSync(path.join(dir, 'dist', 'bad.js'), 'globalThis.x = 1;\nsetTimeout(() => {}, 1);\nrequire("undici");\n');
			const scannerPkg = require.resolve('@n8n/scan-community-package/package.json', { paths: [PKG] });
			const script = `
				const Module = require('node:module');
				const ts = require.resolve('typescript', { paths: [${JSON.stringify(PKG)}] });
				const orig = Module._resolveFilename;
				Module._resolveFilename = function (r, ...a) { return r === 'typescript' ? ts : orig.call(this, r, ...a); };
				import(${JSON.stringify(path.join(path.dirname(scannerPkg), 'scanner', 'scanner.mjs'))})
					.then((s) => s.analyzePackage(${JSON.stringify(dir)}, ['**/*.js', 'package.json']))
					.then((r) => process.stdout.write(JSON.stringify({ passed: r.passed, details: r.details })));`;
			const res = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: toolEnv });
			const result = JSON.parse(res.stdout);
			expect(result.passed).toBe(false);
			expect(result.details).toMatch(/globalThis/);
			expect(result.details).toMatch(/setTimeout/);
			expect(result.details).toMatch(/undici|dependencies/);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
