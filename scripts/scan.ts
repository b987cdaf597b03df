/**
 * Batch scanner: comments in (JSON lines or CSV), one JSON line of findings out per comment.
 * This is the contract outside evaluation relies on; keep the output shape exact.
 *
 *   npm run --silent scan -- [FILE|-] [--names FILE]
 */
import { createReadStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import Papa from 'papaparse';
import { z } from 'zod';
import { detect } from '../lib/detect';
import type { DetectContext, Finding, ProtectedName } from '../lib/detect/types';

const USAGE = `Usage: npm run --silent scan -- [FILE|-] [--names FILE]

Checks each comment against the Annex 1 criteria and writes one JSON line per comment:
  {"id": ..., "findings": [{"criterion","action","ruleId","start","end","excerpt","confidence"}]}

Input (FILE, or standard input when FILE is "-" or absent):
  JSON lines  {"id": ..., "text": "...", "author"?: "..."}   (id defaults to the line number)
  CSV         when FILE ends in .csv or the first line is a header with a "text" column;
              optional "id" and "author" columns (id defaults to the row number)
Blank lines are ignored. Comments by the same author are checked for repeats (the author's
earlier comments in this input, newest first, at most ${20}).

Options:
  --names FILE  JSON array of protected names: [{"name", "variants"?, "role", "caseRef"?}]
                role: victim | witness | suspect | officer | protected-by-order
  -h, --help    show this help

Exit status: 0 when every line was read; 2 when a line was malformed (reported on standard
error as "line N: reason" and skipped) or the arguments or names file were bad.
`;

const MAX_RECENT = 20;

const ProtectedNamesSchema = z.array(
  z
    .object({
      name: z.string().trim().min(1),
      variants: z.array(z.string().trim().min(1)).optional(),
      role: z.enum(['victim', 'witness', 'suspect', 'officer', 'protected-by-order']),
      caseRef: z.string().optional(),
    })
    .strict(),
) satisfies z.ZodType<ProtectedName[]>;

interface Args {
  file: string | null;
  names: string | null;
}

class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}

function parseArgs(argv: string[]): Args | 'help' {
  const args: Args = { file: null, names: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--names' || a.startsWith('--names=')) {
      const v = a === '--names' ? argv[++i] : a.slice('--names='.length);
      if (!v) throw new UsageError('--names needs a file');
      args.names = v;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option ${a}`);
    } else if (args.file !== null) {
      throw new UsageError(`only one input file, got "${args.file}" and "${a}"`);
    } else {
      args.file = a;
    }
  }
  return args;
}

function loadNames(file: string): ProtectedName[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read names file ${file}: ${(e as Error).message}`, false);
  }
  const parsed = ProtectedNamesSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new UsageError(`bad names file ${file}${where}: ${issue?.message ?? 'invalid'}`, false);
  }
  return parsed.data;
}

interface Item {
  id: unknown;
  text: string;
  author: string | null;
}

/** The output keys, in contract order. */
function slim(f: Finding) {
  return {
    criterion: f.criterion,
    action: f.action,
    ruleId: f.ruleId,
    start: f.start,
    end: f.end,
    excerpt: f.excerpt,
    confidence: f.confidence,
  };
}

function authorOf(v: unknown): string | null | Error {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return new Error('"author" must be a string');
}

function fromJsonLine(line: string, lineNo: number): Item | string {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    return `invalid JSON (${(e as Error).message})`;
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return 'not a JSON object';
  const rec = obj as Record<string, unknown>;
  if (!('text' in rec)) return 'missing "text"';
  if (typeof rec.text !== 'string') return '"text" must be a string';
  const author = authorOf(rec.author);
  if (author instanceof Error) return author.message;
  return { id: 'id' in rec ? rec.id : lineNo, text: rec.text, author };
}

/** A first line counts as a CSV header when it is not JSON and has a "text" column. */
function looksLikeCsvHeader(line: string): boolean {
  const t = line.trim();
  if (t.startsWith('{') || t.startsWith('[')) return false;
  return csvFields(t).some((f) => f.trim().toLowerCase() === 'text');
}

function csvFields(record: string): string[] {
  const res = Papa.parse<string[]>(record, { header: false });
  return res.data[0] ?? [];
}

const quoteCount = (s: string): number => {
  let n = 0;
  for (let i = s.indexOf('"'); i !== -1; i = s.indexOf('"', i + 1)) n++;
  return n;
};

async function main(): Promise<number> {
  let args: Args | 'help';
  let names: ProtectedName[] | undefined;
  try {
    args = parseArgs(process.argv.slice(2));
    if (args === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (args.names) names = loadNames(args.names);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`scan: ${e.message}\n${e.showUsage ? USAGE : ''}`);
      return 2;
    }
    throw e;
  }

  const fromStdin = args.file === null || args.file === '-';
  const input = fromStdin ? process.stdin : createReadStream(args.file!);
  const opened = new Promise<void>((resolve, reject) => {
    if (fromStdin) resolve();
    else {
      input.once('open', () => resolve());
      input.once('error', reject);
    }
  });
  try {
    await opened;
  } catch (e) {
    process.stderr.write(`scan: cannot read ${args.file}: ${(e as Error).message}\n`);
    return 2;
  }

  const recent = new Map<string, string[]>();
  const baseContext: DetectContext = names ? { protectedNames: names } : {};
  let status = 0;
  const bad = (lineNo: number, reason: string) => {
    process.stderr.write(`line ${lineNo}: ${reason}\n`);
    status = 2;
  };
  const emit = async (item: Item) => {
    const context: DetectContext = { ...baseContext };
    let history: string[] | undefined;
    if (item.author !== null) {
      history = recent.get(item.author);
      if (history && history.length > 0) context.recentByAuthor = history.slice();
    }
    const findings = detect(item.text, context).map(slim);
    if (item.author !== null) {
      const h = history ?? [];
      h.unshift(item.text);
      if (h.length > MAX_RECENT) h.length = MAX_RECENT;
      recent.set(item.author, h);
    }
    if (!process.stdout.write(`${JSON.stringify({ id: item.id, findings })}\n`)) {
      await once(process.stdout, 'drain');
    }
  };

  const rl = createInterface({ input, crlfDelay: Infinity });
  let mode: 'json' | 'csv' | null = args.file?.toLowerCase().endsWith('.csv') ? 'csv' : null;
  let header: string[] | null = null;
  let lineNo = 0;
  let rowNo = 0;
  // A CSV record may span lines when a quoted field holds a newline.
  let pending = '';
  let pendingStart = 0;

  const csvRecord = async (record: string, at: number) => {
    const fields = csvFields(record);
    if (header === null) {
      header = fields.map((f) => f.trim().toLowerCase());
      if (!header.includes('text')) bad(at, 'CSV header has no "text" column');
      return;
    }
    rowNo++;
    const ti = header.indexOf('text');
    if (ti === -1) return; // Already reported at the header.
    if (fields.length !== header.length) {
      bad(at, `expected ${header.length} CSV fields, got ${fields.length}`);
      return;
    }
    const ii = header.indexOf('id');
    const ai = header.indexOf('author');
    const id = ii === -1 || fields[ii] === '' ? rowNo : fields[ii];
    await emit({ id, text: fields[ti]!, author: ai === -1 ? null : fields[ai] || null });
  };

  for await (const rawLine of rl) {
    lineNo++;
    const line = lineNo === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
    if (mode === 'csv' && pending !== '') {
      pending += `\n${line}`;
      if (quoteCount(pending) % 2 === 0) {
        const rec = pending;
        pending = '';
        await csvRecord(rec, pendingStart);
      }
      continue;
    }
    if (line.trim() === '') continue;
    if (mode === null) mode = looksLikeCsvHeader(line) ? 'csv' : 'json';
    if (mode === 'json') {
      const item = fromJsonLine(line, lineNo);
      if (typeof item === 'string') bad(lineNo, item);
      else await emit(item);
      continue;
    }
    if (quoteCount(line) % 2 === 1) {
      pending = line;
      pendingStart = lineNo;
      continue;
    }
    await csvRecord(line, lineNo);
  }
  if (pending !== '') bad(pendingStart, 'unterminated quoted CSV field');
  return status;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`scan: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
