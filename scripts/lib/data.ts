/**
 * Loaders for the public evaluation sets in ../shared/data (see its README.md). The data is read
 * in place at evaluation time and never copied into the repository or the extension.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The data folder: $MA_DATA_DIR when set, else ../shared/data next to the repository. */
export function dataDir(): string {
  const env = process.env.MA_DATA_DIR;
  return env && env.length > 0 ? path.resolve(env) : path.resolve(repoRoot, '../shared/data');
}

/** Whether `rel` exists under the data folder. */
export function hasData(dir: string, rel: string): boolean {
  return existsSync(path.join(dir, rel));
}

function read(dir: string, rel: string): string {
  return readFileSync(path.join(dir, rel), 'utf8').replace(/^\uFEFF/, '');
}

/** Tweets were stored HTML-escaped ("&amp;"); decode the few entities so offsets mean text. */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (m, d: string) => {
      const n = Number(d);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    })
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function parseCsv(text: string): Record<string, string>[] {
  const out = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return out.data;
}

export interface DavidsonRow {
  text: string;
  /** 0 hate speech, 1 offensive language, 2 neither. */
  cls: 0 | 1 | 2;
}

export const DAVIDSON = 'davidson/labeled_data.csv';

export function loadDavidson(dir: string): DavidsonRow[] {
  const rows: DavidsonRow[] = [];
  for (const r of parseCsv(read(dir, DAVIDSON))) {
    const cls = Number(r.class);
    if (typeof r.tweet !== 'string' || !(cls === 0 || cls === 1 || cls === 2)) continue;
    rows.push({ text: decodeEntities(r.tweet), cls });
  }
  return rows;
}

export interface OlidRow {
  text: string;
  /** subtask A: offensive or not. */
  a: 'OFF' | 'NOT';
  /** subtask B: targeted insult / threat, untargeted, or NULL when A is NOT. */
  b: 'TIN' | 'UNT' | null;
}

export const OLID = 'olid-train/olid-training-v1.0.tsv';

export function loadOlid(dir: string): OlidRow[] {
  const rows: OlidRow[] = [];
  const lines = read(dir, OLID).split(/\r?\n/);
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    // Tab-separated with no quoting: a tweet never contains a tab.
    const [, tweet, a, b] = line.split('\t');
    if (tweet === undefined || (a !== 'OFF' && a !== 'NOT')) continue;
    rows.push({ text: tweet, a, b: b === 'TIN' || b === 'UNT' ? b : null });
  }
  return rows;
}

export interface YoutubeRow {
  text: string;
  spam: boolean;
}

export const YOUTUBE = 'youtube-spam/comments.csv';

export function loadYoutube(dir: string): YoutubeRow[] {
  return parseCsv(read(dir, YOUTUBE))
    .filter((r) => typeof r.content === 'string' && (r.class === '0' || r.class === '1'))
    .map((r) => ({ text: r.content!, spam: r.class === '1' }));
}

export interface PresidioSpan {
  type: string;
  start: number;
  end: number;
  value: string;
}

export interface PresidioRow {
  text: string;
  spans: PresidioSpan[];
}

export const PRESIDIO = 'presidio-synth/synth_dataset_v2.json';

export function loadPresidio(dir: string): PresidioRow[] {
  const raw = JSON.parse(read(dir, PRESIDIO)) as Array<{
    full_text: string;
    spans: Array<{
      entity_type: string;
      entity_value: string;
      start_position: number;
      end_position: number;
    }>;
  }>;
  return raw.map((r) => ({
    text: r.full_text,
    spans: r.spans.map((s) => ({
      type: s.entity_type,
      start: s.start_position,
      end: s.end_position,
      value: s.entity_value,
    })),
  }));
}

export interface WnutSentence {
  text: string;
  /** Character spans (into `text`) of entities, by type ("person", "location", …). */
  entities: { type: string; start: number; end: number }[];
  file: string;
}

export const WNUT_FILES = [
  'wnut17/wnut17train.conll',
  'wnut17/emerging.dev.conll',
  'wnut17/emerging.test.annotated',
];

/** CoNLL "token<TAB>BIO-tag" lines, sentences separated by blank lines; tokens joined by spaces. */
export function parseConll(content: string, file: string): WnutSentence[] {
  const out: WnutSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (tokens.length === 0) return;
    let text = '';
    const entities: WnutSentence['entities'] = [];
    let open: { type: string; start: number; end: number } | null = null;
    tokens.forEach((tok, i) => {
      if (i > 0) text += ' ';
      const start = text.length;
      text += tok;
      const tag = tags[i] ?? 'O';
      if (tag.startsWith('B-') || (tag.startsWith('I-') && open?.type !== tag.slice(2))) {
        if (open) entities.push(open);
        open = { type: tag.slice(2), start, end: text.length };
      } else if (tag.startsWith('I-') && open) {
        open.end = text.length;
      } else {
        if (open) entities.push(open);
        open = null;
      }
    });
    if (open) entities.push(open);
    out.push({ text, entities, file });
    tokens = [];
    tags = [];
  };
  for (const line of content.split(/\r?\n/)) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const tab = line.lastIndexOf('\t');
    tokens.push(tab === -1 ? line : line.slice(0, tab));
    tags.push(tab === -1 ? 'O' : line.slice(tab + 1).trim());
  }
  flush();
  return out;
}

export function loadWnut(dir: string): WnutSentence[] {
  return WNUT_FILES.filter((f) => hasData(dir, f)).flatMap((f) => parseConll(read(dir, f), f));
}
