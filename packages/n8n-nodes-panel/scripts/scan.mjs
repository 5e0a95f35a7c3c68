#!/usr/bin/env node
/**
 * The community-package scanner, offline: packs the package, unpacks the tarball, and runs
 * @n8n/scan-community-package's own `analyzePackage` on (1) every .js and the package.json
 * of the tarball (its "dist" leg) and (2) the sources it would fetch by provenance (its
 * "source" leg); then lints the tarball's .js once more with the recommended config of
 * @n8n/eslint-plugin-community-nodes@0.32.0 (the scanner pins an older copy). Prints a JSON
 * summary on stdout; exits 1 on any violation.
 *   node scripts/scan.mjs                      packs first, then scans that tarball
 *   node scripts/scan.mjs --tarball <file.tgz> scans a tarball already packed (the release
 *                                              workflow scans the exact file it publishes)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { pack } = require('./pack.js');

// The scanner 0.32.0 declares typescript 7 (the native port, which has no JS API), so its
// @typescript-eslint/parser cannot load. Point every `require('typescript')` at the
// TypeScript 5.9 this package builds with, as n8n's own node-cli resolves it.
const Module = require('node:module');
const typescript = require.resolve('typescript', { paths: [root] });
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
	return request === 'typescript' ? typescript : resolveFilename.call(this, request, ...rest);
};

const scannerPath = require.resolve('@n8n/scan-community-package/package.json', { paths: [root] });
const scanner = await import(path.join(path.dirname(scannerPath), 'scanner', 'scanner.mjs'));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-panel-scan-'));
try {
	const given = process.argv.indexOf('--tarball');
	const tarball = given > 0 ? path.resolve(process.argv[given + 1]) : pack(path.join(work, 'pack'));
	const unpacked = path.join(work, 'unpacked');
	fs.mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
	const pkgDir = path.join(unpacked, 'package');
	const allFiles = execFileSync('find', [pkgDir, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
	const jsFiles = allFiles.filter((f) => f.endsWith('.js'));

	const dist = await scanner.analyzePackage(pkgDir, ['**/*.js', 'package.json']);
	const source = await scanner.analyzePackage(root, scanner.SOURCE_FILE_PATTERNS);

	// Same tarball, rules of the plugin version this project pins.
	const { ESLint } = require(require.resolve('eslint', { paths: [root] }));
	const { n8nCommunityNodesPlugin } = await import(
		require.resolve('@n8n/eslint-plugin-community-nodes', { paths: [root] })
	);
	const tsParser = require(require.resolve('@typescript-eslint/parser', { paths: [path.dirname(scannerPath)] }));
	const eslint = new ESLint({
		cwd: pkgDir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: [
			n8nCommunityNodesPlugin.configs.recommended,
			{ rules: { 'no-console': 'error' } },
			{ files: ['**/*.json'], languageOptions: { parser: tsParser } },
		],
	});
	const results = await eslint.lintFiles([...jsFiles, path.join(pkgDir, 'package.json')]);
	const errors = results.reduce((n, r) => n + r.errorCount, 0);
	const warnings = results.reduce((n, r) => n + r.warningCount, 0);
	const details = errors > 0 ? await (await eslint.loadFormatter('stylish')).format(results) : undefined;

	const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
	const summary = {
		tarball: path.basename(tarball),
		tarballBytes: fs.statSync(tarball).size,
		files: allFiles.map((f) => path.relative(pkgDir, f)).sort(),
		jsFiles: jsFiles.map((f) => path.relative(pkgDir, f)),
		dependencies: Object.keys(pkg.dependencies ?? {}),
		scannerDistLeg: { passed: dist.passed, message: dist.message, details: dist.details },
		scannerSourceLeg: { passed: source.passed, message: source.message, details: source.details },
		plugin032: { errors, warnings, details },
	};
	const passed = dist.passed && source.passed && errors === 0 && summary.dependencies.length === 0;
	process.stdout.write(`${JSON.stringify({ passed, ...summary }, null, 2)}\n`);
	process.exitCode = passed ? 0 : 1;
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
