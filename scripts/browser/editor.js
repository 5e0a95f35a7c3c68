/**
 * Small steps on n8n 2.41.1's editor, by its `data-test-id` attributes (the selectors n8n's
 * own end-to-end tests use). Every step waits for what it needs instead of sleeping a fixed
 * time, except where the editor debounces (search boxes).
 */
const fs = require('node:fs');
const path = require('node:path');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value; throws `what` after `timeoutMs`. */
async function until(fn, what, { timeoutMs = 20_000, everyMs = 200 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last;
	for (;;) {
		try {
			last = await fn();
			if (last) return last;
		} catch (err) {
			last = err;
		}
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
		await sleep(everyMs);
	}
}

function createEditor(page, { baseUrl, artifacts }) {
	let shots = 0;
	const ed = {
		page,
		/** A screenshot of the whole page, numbered in step order, kept in the artifacts folder. */
		async shot(name) {
			shots += 1;
			const file = path.join(artifacts, `${String(shots).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '-')}.png`);
			await page.screenshot({ path: file });
			return file;
		},
		async login({ email, password }) {
			await page.goto(`${baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
			await page.waitForSelector('[data-test-id="emailOrLdapLoginId"] input', { visible: true });
			await page.type('[data-test-id="emailOrLdapLoginId"] input', email);
			await page.type('[data-test-id="password"] input', password);
			await page.click('[data-test-id="form-submit-button"]');
			await until(() => !page.url().includes('/signin'), 'the editor to open after signing in');
		},
		async openWorkflow(id) {
			await page.goto(`${baseUrl}/workflow/${id}`, { waitUntil: 'domcontentloaded' });
			await page.waitForSelector('[data-test-id="canvas-node"]', { visible: true });
		},
		/** Node descriptions as the editor loaded them. */
		async nodeTypes() {
			return await page.evaluate(async () => (await fetch('/types/nodes.json', { credentials: 'include' })).json());
		},
		async openNode(name) {
			await ed.closeNdv();
			await page.click(`[data-test-id="canvas-node"][data-node-name="${name}"]`, { count: 2 });
			await page.waitForSelector('[data-test-id="ndv"] [data-test-id="node-parameters"]', { visible: true });
		},
		async closeNdv() {
			const close = await page.$('[data-test-id="ndv-close-button"]');
			if (close && (await close.isVisible())) {
				await close.click();
				await until(async () => !(await page.$('[data-test-id="ndv"] [data-test-id="node-parameters"]')), 'the node panel to close');
			}
		},
		/**
		 * Clicks what `selector` finds, querying it afresh on each try: a panel that is still
		 * sliding in can re-render its element between the query and the click ("not
		 * clickable"), seen in CI on a loaded machine.
		 */
		async clickFresh(selector, options = {}) {
			await until(async () => {
				const el = await page.waitForSelector(selector, { visible: true, timeout: 5_000 });
				await el.click(options);
				return true;
			}, `${selector} to take a click`);
		},
		/** Replaces the text of the input `selector` finds: select all (triple click), delete, type. */
		async retype(selector, text) {
			await ed.clickFresh(selector, { count: 3 });
			await page.keyboard.press('Backspace');
			await page.type(selector, text);
		},
		/** Texts of the visible dropdown options (element-plus selects and n8n's own). */
		async visibleOptions() {
			return await page.$$eval('.el-select-dropdown__item, [role="option"]', (els) =>
				els.filter((e) => e.offsetParent !== null).map((e) => (e.querySelector('.option-headline') ?? e).textContent.trim()),
			);
		},
		/** Opens an options parameter's dropdown and returns its option texts. */
		async optionsOf(param) {
			// A click on a loaded machine can land before the input takes clicks: click again.
			for (let attempt = 1; ; attempt++) {
				await ed.clickFresh(`[data-test-id="parameter-input-${param}"]`);
				try {
					return await until(async () => {
						const o = await ed.visibleOptions();
						return o.length > 0 && o;
					}, `the options of ${param}`, { timeoutMs: attempt < 3 ? 7_000 : 20_000 });
				} catch (err) {
					if (attempt >= 3) throw err;
				}
			}
		},
		async closeDropdown() {
			await page.keyboard.press('Escape');
			await ed.dropdownGone();
		},
		/** Waits until no dropdown shows (they fade out), so that the next one read is the right one. */
		async dropdownGone() {
			await until(async () => (await ed.visibleOptions()).length === 0, 'the dropdown to close');
		},
		/**
		 * Chooses an option of an options parameter by its visible name. A click that lands
		 * while the dropdown is still fading in can miss (seen once in CI on a loaded machine),
		 * so the choice is retried a few times before it counts as failed.
		 */
		async select(param, name, { attempts = 3 } = {}) {
			let lastErr;
			for (let attempt = 1; attempt <= attempts; attempt++) {
				if ((await ed.paramValue(param)) === name) break;
				const options = await ed.optionsOf(param);
				const option = await until(async () => {
					for (const h of await page.$$('.el-select-dropdown__item, [role="option"]')) {
						if ((await h.isVisible()) && (await h.evaluate((e) => (e.querySelector('.option-headline') ?? e).textContent.trim())) === name) return h;
					}
					return null;
				}, `option "${name}" of ${param} (shown: ${options.join(', ')})`, { timeoutMs: 5_000 });
				await sleep(150); // let the dropdown's open transition finish before clicking
				await option.click();
				try {
					await until(async () => (await ed.paramValue(param)) === name, `${param} to show "${name}"`, { timeoutMs: 7_000 });
					lastErr = undefined;
					break;
				} catch (err) {
					lastErr = err;
					await page.keyboard.press('Escape');
					await ed.dropdownGone().catch(() => {});
				}
			}
			if (lastErr) throw lastErr;
			await ed.dropdownGone();
		},
		async paramValue(param) {
			return await page.$eval(`[data-test-id="parameter-input-${param}"] input`, (e) => e.value);
		},
		/**
		 * The parameters the Parameters tab shows: `names` of the top-level inputs, and the
		 * collections ("Additional Fields", "Options" …) by parameter name.
		 */
		async shownParameters() {
			return await page.$eval('[data-test-id="ndv"] [data-test-id="node-parameters"]', (root) => {
				const visible = (e) => e.offsetParent !== null;
				const names = [...root.querySelectorAll('[data-test-id^="parameter-input-"]')]
					.filter((e) => visible(e) && !e.closest('.multi-parameter'))
					.map((e) => e.getAttribute('data-test-id').slice('parameter-input-'.length))
					.filter((n) => n !== 'field');
				const collections = [...root.querySelectorAll('.multi-parameter')]
					.filter(visible)
					.map((m) => m.querySelector('label[for]')?.getAttribute('for'))
					.filter(Boolean);
				const notices = [...root.querySelectorAll('.notice')].filter(visible).map((n) => n.textContent.trim());
				return { names: [...new Set(names)], collections, notices };
			});
		},
		/** The option names a collection's "Add …" dropdown offers. */
		async collectionOptions(collection) {
			const add = await page.$(`[data-test-id="node-parameters"] .multi-parameter:has(label[for="${collection}"]) [data-test-id="collection-parameter-add"]`);
			if (!add) throw new Error(`collection ${collection} has no add control`);
			await add.click();
			const options = await until(async () => {
				const o = await ed.visibleOptions();
				return o.length > 0 && o;
			}, `the options of collection ${collection}`);
			await ed.closeDropdown();
			return options;
		},
		/** Opens the service picker's list (mode "From list") and returns its rows. */
		async openPicker(param = 'service') {
			const mode = await page.$eval(`[data-test-id="parameter-input-${param}"] [data-test-id="rlc-mode-selector"] input`, (e) => e.value);
			if (mode !== 'From list') {
				await page.click(`[data-test-id="parameter-input-${param}"] [data-test-id="rlc-mode-selector"]`);
				const options = await page.$$('.el-select-dropdown__item, [role="option"]');
				for (const o of options) if ((await o.isVisible()) && (await o.evaluate((e) => e.textContent.trim())) === 'From list') await o.click();
			}
			await page.click(`[data-test-id="parameter-input-${param}"] [data-test-id="rlc-input"]`);
			await page.waitForSelector('[data-test-id="rlc-search"]', { visible: true });
			return await ed.pickerRows();
		},
		/** The picker's rows once the list stops loading: their text and whether each is cut off. */
		async pickerRows({ settleMs = 600 } = {}) {
			let previous = '';
			return await until(async () => {
				const rows = await page.$$eval('[data-test-id="rlc-item"]', (els) =>
					els
						.filter((e) => e.offsetParent !== null)
						.map((e) => {
							const cut = [e, ...e.querySelectorAll('*')].some((x) => x.scrollWidth > x.clientWidth + 1 && getComputedStyle(x).overflow !== 'visible');
							return { text: e.textContent.trim(), cutOff: cut };
						}),
				);
				// Settled: the same rows twice in a row, and either some rows or n8n's "No results".
				const empty = await page.$$eval('[class*="messageContainer"]', (els) => els.some((e) => e.offsetParent !== null && /No results/i.test(e.textContent)));
				const key = JSON.stringify(rows);
				const stable = key === previous && (rows.length > 0 || empty);
				previous = key;
				return stable && { rows };
			}, 'the service picker to settle', { everyMs: settleMs }).then((r) => r.rows);
		},
		async searchPicker(text) {
			await ed.retype('input[data-test-id="rlc-search"], [data-test-id="rlc-search"] input', text);
			await sleep(700); // the picker debounces typing before it asks n8n
			return await ed.pickerRows();
		},
		/** Picks a picker row by its text. */
		async pickRow(text) {
			const rows = await page.$$('[data-test-id="rlc-item"]');
			for (const r of rows) {
				if ((await r.evaluate((e) => e.textContent.trim())) === text) {
					await r.click();
					return;
				}
			}
			throw new Error(`the picker has no row "${text}"`);
		},
		async typeInto(param, text) {
			await ed.retype(`[data-test-id="parameter-input-${param}"] input, [data-test-id="parameter-input-${param}"] textarea`, text);
			await page.keyboard.press('Tab');
		},
		/** Execute step in the open node panel; returns the output items as JSON (JSON view). */
		async executeStep() {
			await page.click('[data-test-id="ndv"] [data-test-id="node-execute-button"]');
			return await ed.outputJson();
		},
		async outputJson({ timeoutMs = 60_000 } = {}) {
			await until(
				async () => (await page.$('[data-test-id="output-panel"] [data-test-id="node-run-status-success"], [data-test-id="output-panel"] [data-test-id="node-error-message"], [data-test-id="output-panel"] .node-error-view, [data-test-id="output-panel"] [data-test-id="node-error-description"]')),
				'the step to finish',
				{ timeoutMs },
			);
			const error = await page.$('[data-test-id="output-panel"] [data-test-id="node-error-message"]');
			if (error && (await error.isVisible())) {
				const text = await page.$eval('[data-test-id="output-panel"]', (e) => e.innerText);
				return { error: text };
			}
			await page.click('[data-test-id="output-panel"] [data-test-id="radio-button-json"]');
			const text = await until(async () => {
				const t = await page.$eval('[data-test-id="output-panel"] [data-test-id="ndv-data-container"]', (e) => e.innerText);
				return t.trim().startsWith('[') && t;
			}, 'the JSON view');
			// The JSON view renders tokens in separate elements: join them back into JSON text.
			return { items: JSON.parse(text.replace(/\u00a0/g, ' ')) };
		},
		/** Searches the node creator ("+" on the canvas); returns the names of the results. */
		async searchNodes(term) {
			await ed.closeNdv();
			if (!(await page.$('[data-test-id="node-creator-search-bar"]'))) await page.click('[data-test-id="node-creator-plus-button"]');
			await ed.retype('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]', term);
			await sleep(500);
			return await page.$$eval('[data-test-id="node-creator"] [data-test-id="node-creator-item-name"]', (els) => els.map((e) => e.textContent.trim()));
		},
		/** Opens a node creator result; returns its action names and category headers ("Triggers (1)"). */
		async openNodeCreatorItem(name) {
			const items = await page.$$('[data-test-id="node-creator"] [data-test-id="node-creator-item-name"]');
			for (const it of items) {
				if ((await it.evaluate((e) => e.textContent.trim())) === name) {
					await it.click();
					break;
				}
			}
			await page.waitForSelector('[data-test-id="node-creator"] [data-test-id="node-creator-category-item"]', { visible: true });
			// Open every collapsed category so that its items show.
			for (const c of await page.$$('[data-test-id="node-creator"] [data-test-id="node-creator-category-item"]')) {
				const before = await page.$$eval('[data-test-id="node-creator"] [data-test-id="node-creator-item-name"]', (e) => e.length);
				await c.click();
				await sleep(300);
				const after = await page.$$eval('[data-test-id="node-creator"] [data-test-id="node-creator-item-name"]', (e) => e.length);
				if (after < before) await c.click(); // it was open: opening it again
			}
			const categories = await page.$$eval('[data-test-id="node-creator"] [data-test-id="node-creator-category-item"]', (els) => els.map((e) => e.textContent.trim()));
			const actions = await page.$$eval('[data-test-id="node-creator"] [data-test-id="node-creator-item-name"]', (els) => els.map((e) => e.textContent.trim()));
			return { categories, actions };
		},
		async closeNodeCreator() {
			if (await page.$('[data-test-id="node-creator"]')) {
				await page.keyboard.press('Escape');
				await until(async () => !(await page.$('[data-test-id="node-creator"]')), 'the node creator to close');
			}
		},
		/** The credential dialog for a saved credential: n8n tests it on opening; returns the banner text. */
		async credentialTest(id) {
			await ed.closeNdv();
			await page.goto(`${baseUrl}/home/credentials/${id}`, { waitUntil: 'domcontentloaded' });
			await page.waitForSelector('[data-test-id="credential-edit-dialog"]', { visible: true });
			// The dialog holds several banners, shown one at a time: read the visible test result.
			const banner = '[data-test-id="credential-edit-dialog"] [data-test-id="node-credentials-config-container"] .el-tag';
			const read = () =>
				page.$$eval(banner, (els) =>
					els
						.filter((e) => e.offsetParent !== null && /Couldn.t connect|tested successfully/i.test(e.innerText))
						.map((e) => ({ text: e.innerText.replace(/\s+/g, ' ').trim(), success: e.classList.contains('el-tag--success') })),
				);
			await until(async () => (await read()).length === 1, `the test result of credential ${id}`, { timeoutMs: 30_000 });
			const more = await page.$$(`xpath/.//*[@data-test-id="credential-edit-dialog"]//*[contains(text(), "More details")]`);
			for (const m of more) if (await m.isVisible()) await m.click();
			await sleep(300);
			const [{ text, success }] = await read();
			return { text, success };
		},
	};
	fs.mkdirSync(artifacts, { recursive: true });
	return ed;
}

module.exports = { createEditor, until, sleep };
