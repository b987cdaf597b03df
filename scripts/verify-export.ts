// Checks an exported file from the command line, e.g. for a complaint investigator:
//   npm run verify-export -- block-log_x-jbloggs_…json
// Exit codes: 0 verifies, 1 a record does not verify (named), 2 not a readable export.
import { readFile } from 'node:fs/promises';
import { parseExport, verifyExport } from '../lib/records/export';

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

async function main(argv: readonly string[]): Promise<number> {
  const file = argv[0];
  if (file === undefined || argv.length > 1) {
    console.error('usage: npm run verify-export -- FILE.json');
    return 2;
  }
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
  const result = await verifyExport(parsed.file);
  const noun = parsed.file.kind === 'block-log' ? 'chained records' : 'contacts';
  if (result.ok) {
    const redacted =
      parsed.file.kind === 'block-log'
        ? parsed.file.chain.filter((l) => !('record' in l)).length
        : 0;
    const note = redacted > 0 ? ` (${redacted} other records present as hashes only)` : '';
    console.log(`OK: ${result.count} ${noun} verified in ${file}${note}`);
    return 0;
  }
  const label =
    parsed.file.kind === 'block-log'
      ? `seq ${result.firstBadSeq}`
      : `contact ${result.firstBadSeq}`;
  console.error(
    `FAILED: ${label}${result.id !== undefined ? ` (id ${result.id})` : ''} does not verify: ${result.reason}`,
  );
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
