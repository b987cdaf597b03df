import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'ma-scan-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the scan CLI as the outside world does, with `input` on standard input. */
function scan(args: string[], input: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'npx',
      ['tsx', 'scripts/scan.ts', ...args],
      { cwd: root, maxBuffer: 10 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        if (err && code === -1) reject(err);
        else resolve({ code, stdout, stderr });
      },
    );
    child.stdin!.end(input);
  });
}

const lines = (s: string): Record<string, unknown>[] =>
  s
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

interface OutFinding {
  criterion: string;
  ruleId: string;
  excerpt: string;
  start: number;
  end: number;
}
const findings = (o: Record<string, unknown>) => o.findings as OutFinding[];

describe('scan CLI', () => {
  it('turns JSON lines into one output line each, with exactly the contract keys', async () => {
    const input = [
      JSON.stringify({ id: 'a1', text: 'you absolute f*cking muppet' }),
      '',
      JSON.stringify({ id: 2, text: 'Thank you for the update, officers' }),
    ].join('\n');
    const r = await scan([], input);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => o.id)).toEqual(['a1', 2]);
    expect(Object.keys(out[0]!)).toEqual(['id', 'findings']);
    const f = findings(out[0]!);
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) {
      expect(Object.keys(x)).toEqual([
        'criterion',
        'action',
        'ruleId',
        'start',
        'end',
        'excerpt',
        'confidence',
      ]);
      expect('you absolute f*cking muppet'.slice(x.start, x.end)).toBe(x.excerpt);
    }
    expect(f.some((x) => x.criterion === 'offensive-language' && x.excerpt === 'f*cking')).toBe(
      true,
    );
    expect(findings(out[1]!)).toEqual([]);
  });

  it('reads CSV with a text column, quoted fields and a default row-number id', async () => {
    const csv = 'author,text\nsam,"fuck off, ""mate""\nand stay off"\njo,Lovely weather today\n';
    const r = await scan(['-'], csv);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => o.id)).toEqual([1, 2]);
    expect(findings(out[0]!).some((x) => x.criterion === 'offensive-language')).toBe(true);
    expect(findings(out[0]!)[0]!.start).toBe(0);
    expect(findings(out[1]!)).toEqual([]);
  });

  it('reports a malformed line by number on stderr, scans the rest and exits 2', async () => {
    const input = [
      JSON.stringify({ id: 1, text: 'fuck off' }),
      '{"id": 2, "text": ',
      JSON.stringify({ id: 3, text: 42 }),
      JSON.stringify({ id: 4 }),
      JSON.stringify({ id: 5, text: 'all fine here' }),
    ].join('\n');
    const r = await scan([], input);
    expect(r.code).toBe(2);
    expect(lines(r.stdout).map((o) => o.id)).toEqual([1, 5]);
    expect(r.stderr).toMatch(/^line 2: /m);
    expect(r.stderr).toMatch(/^line 3: .*text/m);
    expect(r.stderr).toMatch(/^line 4: .*text/m);
    expect(r.stderr).not.toMatch(/line [15]:/);
  });

  it('flags a protected name from --names as identifies-person, and only with it', async () => {
    const names = path.join(tmp, 'names.json');
    writeFileSync(names, JSON.stringify([{ name: 'Tanya Hurst', role: 'victim' }]));
    const input = JSON.stringify({ id: 1, text: 'That Tanya Hurst is lying about it all' });
    const withNames = await scan(['--names', names], input);
    expect(withNames.code).toBe(0);
    const hit = findings(lines(withNames.stdout)[0]!).filter(
      (x) => x.criterion === 'identifies-person',
    );
    expect(hit.map((x) => x.excerpt)).toContain('Tanya Hurst');
    const without = await scan([], input);
    expect(
      findings(lines(without.stdout)[0]!).filter((x) => x.ruleId === 'identify.protected-name'),
    ).toEqual([]);
  });

  it('refuses a bad names file before scanning, with exit 2', async () => {
    const names = path.join(tmp, 'bad-names.json');
    writeFileSync(names, JSON.stringify([{ name: 'Tanya Hurst', role: 'neighbour' }]));
    const r = await scan(['--names', names], JSON.stringify({ id: 1, text: 'fuck off' }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/names file.*role/);
  });

  it('catches repeats by the same author, not by different authors', async () => {
    const msg = 'Follow my page for updates on the case';
    const input = [
      JSON.stringify({ id: 1, text: msg, author: 'a' }),
      JSON.stringify({ id: 2, text: msg, author: 'b' }),
      JSON.stringify({ id: 3, text: msg, author: 'a' }),
    ].join('\n');
    const r = await scan([], input);
    expect(r.code).toBe(0);
    const repeated = lines(r.stdout).map((o) =>
      findings(o).some((x) => x.criterion === 'spam' && x.ruleId === 'spam.repeated-message'),
    );
    expect(repeated).toEqual([false, false, true]);
  });
});
