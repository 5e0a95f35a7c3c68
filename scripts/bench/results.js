// @ts-check
/**
 * bench-results/latest.json holds the latest figures of every benchmark (each with the run
 * and machine it came from); latest.md is the table rendered from it. `pnpm bench` and
 * `pnpm bench:n8n` each replace their own entries and leave the other's.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO } = require('./lib');

const DIR = path.join(REPO, 'bench-results');
const JSON_FILE = path.join(DIR, 'latest.json');
const MD_FILE = path.join(DIR, 'latest.md');

function machine() {
  const cpus = os.cpus();
  let load = '';
  try {
    load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  } catch {
    // not on every platform
  }
  return {
    cpus: cpus.length,
    cpu_model: cpus[0]?.model ?? 'unknown',
    memory_gib: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    load_at_start: load,
  };
}

function load() {
  try {
    return JSON.parse(fs.readFileSync(JSON_FILE, 'utf8'));
  } catch {
    return { benchmarks: {} };
  }
}

/**
 * @param {Record<string, { figures: unknown, rows: any[] }>} results  keyed by benchmark id (B1…)
 * @param {{ command: string, machine: ReturnType<typeof machine>, started: string, seconds: number }} run
 */
function save(results, run) {
  const data = load();
  for (const [id, r] of Object.entries(results)) data.benchmarks[id] = { ...r, run };
  data.updated = new Date().toISOString();
  fs.mkdirSync(DIR, { recursive: true });
  fs.writeFileSync(JSON_FILE, `${JSON.stringify(data, null, 2)}\n`);
  const md = render(data);
  fs.writeFileSync(MD_FILE, md);
  updateReadme(md);
  return md;
}

/** The root README shows the latest table between its bench markers. */
function updateReadme(md, file = path.join(REPO, 'README.md')) {
  const START = '<!-- bench:start -->';
  const END = '<!-- bench:end -->';
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) return false;
  fs.writeFileSync(file, `${text.slice(0, a + START.length)}\n${md}${text.slice(b)}`);
  return true;
}

const ORDER = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9'];

function table(rows) {
  const head = '| # | benchmark | result | ratio | goal | met |\n|---|---|---|---|---|---|';
  const cell = (/** @type {unknown} */ s) => String(s).replace(/\|/g, '\\|');
  const body = rows.map((r) => `| ${r.id} | ${cell(r.what)} | ${cell(r.result)} | ${cell(r.ratio)} | ${cell(r.goal)} | ${r.met === null ? '–' : r.met ? 'yes' : '**no**'} |`);
  return [head, ...body].join('\n');
}

/** The markdown table of every benchmark in `data`, with the runs and machines behind it. */
function render(data) {
  const ids = Object.keys(data.benchmarks).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  const rows = ids.flatMap((id) => data.benchmarks[id].rows);
  const runs = new Map();
  for (const id of ids) {
    const r = data.benchmarks[id].run;
    const key = `${r.command} @ ${r.started}`;
    if (!runs.has(key)) runs.set(key, { ...r, ids: [] });
    runs.get(key).ids.push(id);
  }
  const lines = [table(rows), ''];
  for (const r of runs.values()) {
    const m = r.machine;
    lines.push(
      `${r.ids.join(', ')}: \`${r.command}\`, ${r.started.replace('T', ' ').slice(0, 16)} UTC, ${Math.round(r.seconds)} s; ` +
        `${m.cpus} cores (${m.cpu_model}), ${m.memory_gib} GiB, ${m.platform}, Node ${m.node}, load average at start ${m.load_at_start}.`,
    );
  }
  lines.push('', 'Loopback only (B5, B8, B9 through the latency proxy: a far Panel); figures are medians of repeated, interleaved runs; goals are targets, not test assertions.');
  return `${lines.join('\n')}\n`;
}

module.exports = { machine, save, render, load, updateReadme, JSON_FILE, MD_FILE };
