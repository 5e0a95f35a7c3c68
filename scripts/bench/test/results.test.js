/** The benchmark table: one row per result, the goal and whether it was met, the machine. */
const { render } = require('../results');
const { median } = require('../lib');

const run = {
  command: 'pnpm bench',
  started: '2026-11-24T05:00:00.000Z',
  seconds: 90,
  machine: { cpus: 2, cpu_model: 'AMD EPYC', memory_gib: 23.5, platform: 'Linux x64', node: 'v24.9.0', load_at_start: '1.00 1.00 1.00' },
};

test('median of odd and even samples, order-independent', () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
});

test('render: rows in benchmark order, met as yes / no / –, pipes escaped, machine named', () => {
  const md = render({
    benchmarks: {
      B3: { run, rows: [{ id: 'B3', what: 'parse | normalise', result: 'r3', ratio: '2×', goal: '≤ 4×', met: true }] },
      B1: { run, rows: [{ id: 'B1', what: 'calls', result: 'r1', ratio: '0.5×', goal: '≥ 0.8×', met: false }] },
      B4: { run: { ...run, command: 'pnpm bench:n8n', started: '2026-11-24T05:10:00.000Z' }, rows: [{ id: 'B4′', what: 'baseline', result: 'r', ratio: '–', goal: '(baseline)', met: null }] },
    },
  });
  const lines = md.split('\n');
  expect(lines[0]).toBe('| # | benchmark | result | ratio | goal | met |');
  expect(lines[2]).toBe('| B1 | calls | r1 | 0.5× | ≥ 0.8× | **no** |');
  expect(lines[3]).toBe('| B3 | parse \\| normalise | r3 | 2× | ≤ 4× | yes |');
  expect(lines[4]).toBe('| B4′ | baseline | r | – | (baseline) | – |');
  expect(md).toContain('B1, B3: `pnpm bench`, 2026-11-24 05:00 UTC, 90 s; 2 cores (AMD EPYC), 23.5 GiB');
  expect(md).toContain('B4: `pnpm bench:n8n`, 2026-11-24 05:10 UTC');
});

test('updateReadme replaces only what is between the bench markers', () => {
  const fs = require('node:fs');
  const os = require('node:os');
  const path = require('node:path');
  const { updateReadme } = require('../results');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-readme-')), 'README.md');
  fs.writeFileSync(file, 'intro\n<!-- bench:start -->\nold table\n<!-- bench:end -->\noutro\n');
  expect(updateReadme('| new |\n', file)).toBe(true);
  expect(fs.readFileSync(file, 'utf8')).toBe('intro\n<!-- bench:start -->\n| new |\n<!-- bench:end -->\noutro\n');
  fs.writeFileSync(file, 'no markers\n');
  expect(updateReadme('| new |\n', file)).toBe(false);
  expect(fs.readFileSync(file, 'utf8')).toBe('no markers\n');
  fs.rmSync(path.dirname(file), { recursive: true });
});
