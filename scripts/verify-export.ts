// Checks an exported file from the command line, e.g. for a complaint investigator:
//   npm run verify-export -- block-log_x-jbloggs_…json
//   npm run verify-export -- block-log_x-jbloggs_…json --head 3f9c…  (a head hash held from an
//   earlier report or export: the chain must still contain it)
// A file holding several installations' chains (`otherChains`) has each checked on its own, each
// against its own head; --head is looked for in every chain.
// Exit codes: 0 verifies (warnings, such as times going backwards, are printed but do not fail),
// 1 a record or a head does not verify (named), 2 not a readable export or a usage error.
import { readFile } from 'node:fs/promises';
import { isHeadHash, parseExport, verifyExport, type ExportAudit } from '../lib/records/export';
import type { BlockLogExport, ChainHead } from '../lib/records/schemas';

const USAGE = 'usage: npm run verify-export -- FILE.json [--head HASH]';

function describeRaw(text: string, index: number): string {
  // The file failed validation, so read the seq and id straight from the JSON if we can.
  try {
    const raw = JSON.parse(text.replace(/^\uFEFF/, '')) as { chain?: unknown; contacts?: unknown };
    const list = Array.isArray(raw.chain)
      ? raw.chain
      : Array.isArray(raw.contacts)
        ? raw.contacts
        : [];
    const item: unknown = list[index];
    if (typeof item !== 'object' || item === null) return `record ${index}`;
    const rec = item as { seq?: unknown; id?: unknown; record?: { id?: unknown } };
    const id = rec.record?.id ?? rec.id;
    const seq = typeof rec.seq === 'number' ? rec.seq : index;
    return `seq ${seq}${typeof id === 'string' ? ` (id ${id})` : ''}`;
  } catch {
    return `record ${index}`;
  }
}

type Args = { file: string; head?: string } | { error: string };

function parseArgs(argv: readonly string[]): Args {
  let file: string | undefined;
  let head: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--head' || arg.startsWith('--head=')) {
      const value = arg === '--head' ? argv[++i] : arg.slice('--head='.length);
      if (value === undefined || value === '') return { error: '--head needs a hash after it' };
      if (head !== undefined) return { error: '--head given twice' };
      if (!isHeadHash(value)) {
        return {
          error: `--head ${JSON.stringify(value)} is not a head hash: expected 64 hex digits (0-9, a-f), as printed on the evidence report`,
        };
      }
      head = value.toLowerCase();
    } else if (arg.startsWith('-') && arg !== '-') {
      return { error: `unknown option ${arg}` };
    } else if (file === undefined) {
      file = arg;
    } else {
      return { error: 'give one file' };
    }
  }
  if (file === undefined) return { error: 'give the export file to check' };
  return head === undefined ? { file } : { file, head };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The counts, completeness and head of one checked chain of a block-log export, a fact a line. */
function chainLines(
  file: BlockLogExport,
  heads: readonly ChainHead[],
  result: ExportAudit,
  head: string | undefined,
) {
  const { counts } = result;
  const lines = [
    `  verified: ${plural(counts.verified, 'record')}; erased: ${plural(counts.erased, 'link')}; redacted: ${plural(counts.redacted, 'link')} (other records present as hashes only)${counts.setAside > 0 ? `; set aside: ${plural(counts.setAside, 'link')} (unreadable when exported, kept by the exporting installation)` : ''}`,
    `  complete: ${result.complete ? 'yes' : 'no'}${file.complete !== result.complete ? ` (the file says ${file.complete ? 'yes' : 'no'})` : ''}`,
  ];
  if (file.heads === undefined) {
    lines.push('  heads: none in the file (made before exports recorded them)');
  }
  for (const h of heads) {
    const last = h.count === 0 ? 'none (empty chain)' : String(h.lastSeq);
    lines.push(
      `  head: installation ${h.installationId}, last seq ${last}, head hash ${h.headHash}`,
    );
  }
  if (head !== undefined && result.givenHeadSeq !== undefined) {
    const after = result.head.lastSeq - result.givenHeadSeq;
    const where =
      result.givenHeadSeq === -1
        ? 'is the genesis hash (an empty chain’s head)'
        : `is the hash of seq ${result.givenHeadSeq}`;
    lines.push(
      `  the head hash you gave ${where}: ${after === 0 ? 'nothing comes after it' : `${plural(after, 'link')} ${after === 1 ? 'comes' : 'come'} after it`}`,
    );
  }
  return lines;
}

/**
 * Every chain's lines: one chain's as they always were; with several, each under a line naming
 * its installation (and, for a chain restored from another installation's backup, where from).
 */
function blockLogLines(file: BlockLogExport, result: ExportAudit, head: string | undefined) {
  const chains = result.chains ?? [{ installationId: '', audit: result }];
  const heads = file.heads ?? [];
  if (chains.length === 1) return chainLines(file, heads, chains[0]!.audit, head);
  const lines: string[] = [];
  for (const [i, c] of chains.entries()) {
    const other = file.otherChains?.find((o) => o.installationId === c.installationId);
    const latest = i === 0 ? undefined : other?.imports.at(-1);
    const from =
      i === 0
        ? 'the exporting installation’s own'
        : latest
          ? `imported from backup ${latest.file || '(file name not known)'} by ${latest.by.name} (${latest.by.staffNumber}), ${latest.at}`
          : 'another installation’s, held by the exporting one';
    const state = c.audit.ok
      ? 'verifies'
      : `FAILED at seq ${c.audit.firstBadSeq}: ${c.audit.reason}`;
    lines.push(`chain of installation ${c.installationId || '(no head)'} (${from}): ${state}`);
    const mine = heads.filter((h) => h.installationId === c.installationId);
    lines.push(
      ...chainLines(file, mine, c.audit, c.audit.givenHeadSeq === undefined ? undefined : head),
    );
  }
  return lines;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    console.error(`${args.error}\n${USAGE}`);
    return 2;
  }
  const { file, head } = args;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    console.error(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const parsed = parseExport(text);
  if (!parsed.ok) {
    const [top, index] = parsed.path;
    if (
      parsed.kind === 'schema' &&
      (top === 'chain' || top === 'contacts') &&
      typeof index === 'number'
    ) {
      console.error(`FAILED: ${describeRaw(text, index)} is not a valid record: ${parsed.message}`);
      return 1;
    }
    console.error(`${file} is not a Moderator Assist export: ${parsed.message}`);
    return 2;
  }
  if (parsed.file.kind === 'contacts') {
    if (head !== undefined) {
      console.error(`--head applies to block-log exports; ${file} is a contacts export\n${USAGE}`);
      return 2;
    }
    const result = await verifyExport(parsed.file);
    if (result.ok) {
      console.log(`OK: ${result.count} contacts verified in ${file}`);
      return 0;
    }
    console.error(
      `FAILED: contact ${result.firstBadSeq}${result.id !== undefined ? ` (id ${result.id})` : ''} does not verify: ${result.reason}`,
    );
    return 1;
  }
  const result = await verifyExport(parsed.file, head === undefined ? {} : { head });
  const lines = blockLogLines(parsed.file, result, head);
  for (const w of result.warnings) console.error(`WARNING: ${w.message}`);
  const chains = result.chains ?? [];
  if (result.ok) {
    const count =
      chains.length > 1 ? chains.reduce((n, c) => n + c.audit.head.count, 0) : result.count;
    const of = chains.length > 1 ? ` (${chains.length} chains, each verified on its own)` : '';
    console.log(`OK: ${count} chained records verified in ${file}${of}`);
    for (const line of lines) console.log(line);
    return 0;
  }
  const failure = result.failure ?? 'record';
  const whose =
    chains.length > 1 && failure !== 'given-head'
      ? `installation ${result.installationId ?? '(no head)'}’s chain: `
      : '';
  console.error(
    failure === 'file-head' || failure === 'given-head'
      ? `FAILED: ${whose}${result.reason}`
      : `FAILED: ${whose}seq ${result.firstBadSeq}${result.id !== undefined ? ` (id ${result.id})` : ''} does not verify: ${result.reason}`,
  );
  for (const line of lines) console.error(line);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
