/**
 * `@panel/core`'s main entry is bundled into the n8n package, whose scanner forbids timers,
 * `process`, `globalThis` and `__dirname`, and must not drag in undici. Bundle the entry the
 * way an adapter would and look at what actually ships.
 */
import path from 'node:path';
import { buildSync } from 'esbuild';

const entry = path.join(__dirname, '..', 'src', 'index.ts');

function bundle(file: string): string {
  const out = buildSync({
    entryPoints: [file],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    legalComments: 'none',
    // What n8n provides to community nodes and Node's crypto; undici kept external so an import of it shows as require("undici").
    external: ['zod', 'node:crypto', 'crypto', 'undici'],
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

describe('the main entry is host-agnostic', () => {
  const code = bundle(entry);

  it.each([
    ['setTimeout', /\bsetTimeout\s*\(/],
    ['setInterval', /\bsetInterval\s*\(/],
    // (not the word in a sentence: "also process." appears in a field description)
    ['process', /\bprocess\.(env|exit|argv|on|once|stdout|stderr|nextTick|cwd|platform|version|hrtime|memoryUsage)\b/],
    ['globalThis', /\bglobalThis\b/],
    ['__dirname', /\b__dirname\b/],
    ['undici', /require\(["']undici["']\)/],
    ['node:http', /require\(["']node:https?["']\)/],
  ])('uses no %s', (_name, pattern) => {
    expect(code).not.toMatch(pattern);
  });

  it('still contains the client and the policies (the check looks at real code)', () => {
    expect(code).toMatch(/PanelClient = class|class PanelClient/);
    expect(code).toMatch(/RateLimiter = class|class RateLimiter/);
    expect(code).toMatch(/function decideRetry/);
  });

  it('while the Node entry does use undici and timers (so the check can fail)', () => {
    const node = bundle(path.join(__dirname, '..', 'src', 'node', 'index.ts'));
    expect(node).toMatch(/\bsetTimeout\s*\(/);
    expect(node).toMatch(/require\(["']undici["']\)/);
  });
});
