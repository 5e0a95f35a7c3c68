/**
 * The Chromium the suite drives: PANEL_CHROMIUM if set, else Debian's /usr/bin/chromium,
 * installed with apt-get when missing (CI runs as root; puppeteer's own browser download
 * cannot reach its host from here). Launched headless with the flags that work in a
 * container, a fresh profile each time. puppeteer-core stays on 24.x: 25 ships ESM only, which
 * jest's CommonJS runtime cannot require.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function findChromium() {
	if (process.env.PANEL_CHROMIUM) return process.env.PANEL_CHROMIUM;
	return CANDIDATES.find((p) => fs.existsSync(p));
}

/** The Chromium binary; installs Debian's `chromium` when none is there (needs root). */
function ensureChromium({ log = () => {} } = {}) {
	const found = findChromium();
	if (found) return found;
	if (typeof process.getuid === 'function' && process.getuid() !== 0) {
		throw new Error('No Chromium found: install Debian\'s chromium package (apt-get install chromium) or set PANEL_CHROMIUM to a Chromium binary.');
	}
	log('installing Debian\'s chromium package (apt-get, ~2-3 min)');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'ignore', 'inherit'], env });
	execFileSync('apt-get', ['install', '-y', '-q', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
	const installed = findChromium();
	if (!installed) throw new Error('apt-get installed chromium, but no binary was found at /usr/bin/chromium');
	return installed;
}

const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
	'--window-size=1600,1000',
];

/** A puppeteer Browser on a fresh profile; `close()` also removes the profile. */
async function launchChromium({ log, extraArgs = [] } = {}) {
	const puppeteer = require('puppeteer-core');
	const executablePath = ensureChromium({ log });
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-chromium-'));
	const browser = await puppeteer.launch({
		executablePath,
		headless: true,
		userDataDir,
		args: [...FLAGS, ...extraArgs],
		defaultViewport: { width: 1600, height: 1000 },
	});
	const close = browser.close.bind(browser);
	browser.close = async () => {
		try {
			await close();
		} finally {
			fs.rmSync(userDataDir, { recursive: true, force: true });
		}
	};
	return browser;
}

module.exports = { ensureChromium, launchChromium, FLAGS };
