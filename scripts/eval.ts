/**
 * Measures the detection engine on the public labelled sets in ../shared/data (or $MA_DATA_DIR)
 * and on the functional case tables, with the `obscenity` package as a baseline, and writes
 * docs/evaluation.md. Nothing is fitted on the data: the engine runs as shipped.
 *
 *   npm run eval
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { detect, RULES } from '../lib/detect';
import type { Finding } from '../lib/detect/types';
import type { CriterionId } from '../lib/policy/schema';
import { allCases } from '../test/detect/cases/index';
import {
  DAVIDSON,
  dataDir,
  hasData,
  loadDavidson,
  loadOlid,
  loadPresidio,
  loadWnut,
  loadYoutube,
  OLID,
  PRESIDIO,
  repoRoot,
  WNUT_FILES,
  YOUTUBE,
} from './lib/data';

/** Offensive language and its more serious forms: the union scored against "offensive or hate". */
const OFFENSIVE_UNION: CriterionId[] = [
  'offensive-language',
  'threat-abuse-hate',
  'crime-targeted-harassment-hate',
  'crime-grossly-offensive',
];
/** Hate: scored against Davidson class 0. */
const HATE_SET: CriterionId[] = ['threat-abuse-hate', 'crime-targeted-harassment-hate'];
/** Every abuse criterion, scored against OLID OFF (which includes threats). */
const ABUSE_FAMILY: CriterionId[] = [...OFFENSIVE_UNION, 'crime-credible-threat'];
const PII_TYPES = ['PHONE_NUMBER', 'EMAIL_ADDRESS', 'STREET_ADDRESS'];

// ---------------------------------------------------------------------------------------------
// Scoring

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

function tally(c: Counts, gold: boolean, pred: boolean): void {
  if (gold && pred) c.tp++;
  else if (!gold && pred) c.fp++;
  else if (gold) c.fn++;
  else c.tn++;
}

function prf(c: Counts) {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1, support: c.tp + c.fn, n: c.tp + c.fp + c.fn + c.tn, predicted: c.tp + c.fp };
}

const f3 = (x: number): string => x.toFixed(3);
const pct = (num: number, den: number): string =>
  den === 0 ? '–' : `${((100 * num) / den).toFixed(1)}%`;
const esc = (s: string): string =>
  s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/`/g, "'");
const clip = (s: string, n = 90): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

interface Row {
  dataset: string;
  task: string;
  system: string;
  counts: Counts;
}

const rows: Row[] = [];
const md: string[] = [];

function prfTable(list: Row[]): string[] {
  const out = [
    '| task | system | precision | recall | F1 | support (gold +) | flagged | n |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of list) {
    const m = prf(r.counts);
    out.push(
      `| ${r.task} | ${r.system} | ${f3(m.p)} | ${f3(m.r)} | ${f3(m.f1)} | ${m.support} | ${m.predicted} | ${m.n} |`,
    );
  }
  return out;
}

function addRows(dataset: string, list: Omit<Row, 'dataset'>[]): void {
  const full = list.map((r) => ({ ...r, dataset }));
  rows.push(...full);
  md.push(...prfTable(full), '');
}

const criteriaOf = (fs: Finding[]): Set<CriterionId> => new Set(fs.map((f) => f.criterion));
const anyOf = (set: Set<CriterionId>, of: CriterionId[]): boolean => of.some((c) => set.has(c));

/** Findings per ruleId among gold-positive and gold-negative items, for the lead's tuning. */
function ruleBreakdown(
  items: { gold: boolean; findings: Finding[] }[],
  criteria: CriterionId[],
  limit = 12,
): string[] {
  const by = new Map<string, { pos: number; neg: number }>();
  for (const it of items) {
    const ids = new Set(
      it.findings.filter((f) => criteria.includes(f.criterion)).map((f) => f.ruleId),
    );
    for (const id of ids) {
      const e = by.get(id) ?? { pos: 0, neg: 0 };
      if (it.gold) e.pos++;
      else e.neg++;
      by.set(id, e);
    }
  }
  const sorted = [...by.entries()].sort((a, b) => b[1].pos + b[1].neg - (a[1].pos + a[1].neg));
  const out = [
    '| ruleId | items flagged | of which gold + | of which gold − | rule precision |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const [id, e] of sorted.slice(0, limit)) {
    out.push(
      `| \`${id}\` | ${e.pos + e.neg} | ${e.pos} | ${e.neg} | ${f3(e.pos / (e.pos + e.neg))} |`,
    );
  }
  if (sorted.length > limit) out.push(`| … ${sorted.length - limit} more | | | | |`);
  return out;
}

// ---------------------------------------------------------------------------------------------

const dir = dataDir();
const docPath = path.join(repoRoot, 'docs/evaluation.md');
if (!existsSync(dir)) {
  console.log(
    `eval: data folder ${dir} not found (set MA_DATA_DIR to point at it). Nothing measured; ${path.relative(repoRoot, docPath)} left unchanged.`,
  );
  process.exit(0);
}

const started = performance.now();
const matcher = new RegExpMatcher({
  ...englishDataset.build(),
  ...englishRecommendedTransformers,
});
const obscenityVersion = (
  JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/obscenity/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const OURS = 'Moderator Assist';
const OBS = `obscenity ${obscenityVersion} (baseline)`;
const skipped: string[] = [];
const totals: Record<string, number> = {};

// ---- Davidson -------------------------------------------------------------------------------
if (hasData(dir, DAVIDSON)) {
  const data = loadDavidson(dir);
  totals.davidson = data.length;
  const offU = zero();
  const offO = zero();
  const hateU = zero();
  const hateO = zero();
  const perClass = [0, 1, 2].map(() => ({ n: 0, union: 0, hate: 0, obs: 0 }));
  const perCrit = new Map<CriterionId, number[]>();
  const items: { gold: boolean; findings: Finding[] }[] = [];
  for (const r of data) {
    const fs = detect(r.text);
    const set = criteriaOf(fs);
    const union = anyOf(set, OFFENSIVE_UNION);
    const hate = anyOf(set, HATE_SET);
    const obs = matcher.hasMatch(r.text);
    tally(offU, r.cls !== 2, union);
    tally(offO, r.cls !== 2, obs);
    tally(hateU, r.cls === 0, hate);
    tally(hateO, r.cls === 0, obs);
    const pc = perClass[r.cls]!;
    pc.n++;
    if (union) pc.union++;
    if (hate) pc.hate++;
    if (obs) pc.obs++;
    for (const c of set) {
      const arr = perCrit.get(c) ?? [0, 0, 0];
      arr[r.cls]!++;
      perCrit.set(c, arr);
    }
    items.push({ gold: r.cls !== 2, findings: fs });
  }
  md.push(
    '## Davidson et al. (hate / offensive / neither tweets)',
    '',
    `\`${DAVIDSON}\`, ${data.length.toLocaleString('en-GB')} tweets, HTML entities decoded. Class 0 hate speech, 1 offensive language, 2 neither.`,
    '',
    '- **offensive-or-hate**: gold = class 0 or 1; predicted = any finding of ' +
      OFFENSIVE_UNION.map((c) => `\`${c}\``).join(', ') +
      '; obscenity = `hasMatch`.',
    `- **hate**: gold = class 0; predicted = any finding of ${HATE_SET.map((c) => `\`${c}\``).join(' or ')}; obscenity = \`hasMatch\` (it has no notion of hate, shown for scale).`,
    '',
  );
  addRows('davidson', [
    { task: 'offensive-or-hate', system: OURS, counts: offU },
    { task: 'offensive-or-hate', system: OBS, counts: offO },
    { task: 'hate (class 0)', system: OURS, counts: hateU },
    { task: 'hate (class 0)', system: OBS, counts: hateO },
  ]);
  md.push(
    '### Per class: share of tweets flagged',
    '',
    '| class | n | offensive union | hate criteria | obscenity |',
    '|---|---:|---:|---:|---:|',
  );
  const names = ['0 hate speech', '1 offensive', '2 neither'];
  perClass.forEach((pc, i) => {
    md.push(
      `| ${names[i]} | ${pc.n} | ${pct(pc.union, pc.n)} | ${pct(pc.hate, pc.n)} | ${pct(pc.obs, pc.n)} |`,
    );
  });
  md.push(
    '',
    'Class 2 ("neither") rates are false-positive rates. The corpus is known to over-label African-American English as offensive; it has no dialect labels, so that bias cannot be measured here, but reclaimed in-group terms are a likely source of both "hits" and false positives.',
    '',
    '### Per criterion: share of each class with a finding, and P / R / F1 against offensive-or-hate',
    '',
    '| criterion | class 0 | class 1 | class 2 | P | R | F1 |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  const goldPos = perClass[0]!.n + perClass[1]!.n;
  for (const [c, arr] of [...perCrit.entries()].sort((a, b) => b[1][1]! - a[1][1]!)) {
    const tp = arr[0]! + arr[1]!;
    const m = prf({ tp, fp: arr[2]!, fn: goldPos - tp, tn: perClass[2]!.n - arr[2]! });
    md.push(
      `| \`${c}\` | ${pct(arr[0]!, perClass[0]!.n)} | ${pct(arr[1]!, perClass[1]!.n)} | ${pct(arr[2]!, perClass[2]!.n)} | ${f3(m.p)} | ${f3(m.r)} | ${f3(m.f1)} |`,
    );
  }
  md.push(
    '',
    '### Rules behind the offensive union (gold + = class 0 or 1)',
    '',
    ...ruleBreakdown(items, OFFENSIVE_UNION),
    '',
  );
} else skipped.push(DAVIDSON);

// ---- OLID -----------------------------------------------------------------------------------
if (hasData(dir, OLID)) {
  const data = loadOlid(dir);
  totals.olid = data.length;
  const offU = zero();
  const offO = zero();
  const tinU = zero();
  const tinO = zero();
  const items: { gold: boolean; findings: Finding[] }[] = [];
  const perCrit = new Map<CriterionId, { off: number; not: number }>();
  let nOff = 0;
  for (const r of data) {
    const fs = detect(r.text);
    const set = criteriaOf(fs);
    const obs = matcher.hasMatch(r.text);
    tally(offU, r.a === 'OFF', anyOf(set, ABUSE_FAMILY));
    tally(offO, r.a === 'OFF', obs);
    tally(tinU, r.b === 'TIN', set.has('threat-abuse-hate'));
    tally(tinO, r.b === 'TIN', obs);
    if (r.a === 'OFF') nOff++;
    for (const c of set) {
      const e = perCrit.get(c) ?? { off: 0, not: 0 };
      if (r.a === 'OFF') e.off++;
      else e.not++;
      perCrit.set(c, e);
    }
    items.push({ gold: r.a === 'OFF', findings: fs });
  }
  md.push(
    '## OLID (OffensEval 2019 training set)',
    '',
    `\`${OLID}\`, ${data.length.toLocaleString('en-GB')} tweets (mentions and links already replaced by @USER and URL).`,
    '',
    `- **OFF**: gold = subtask A OFF; predicted = any abuse-family finding (${ABUSE_FAMILY.map((c) => `\`${c}\``).join(', ')}).`,
    '- **TIN**: gold = subtask B TIN (targeted insult or threat); negatives are every other tweet (NOT and UNT); predicted = a `threat-abuse-hate` finding.',
    '',
  );
  addRows('olid-train', [
    { task: 'OFF', system: OURS, counts: offU },
    { task: 'OFF', system: OBS, counts: offO },
    { task: 'TIN', system: OURS, counts: tinU },
    { task: 'TIN', system: OBS, counts: tinO },
  ]);
  const nNot = data.length - nOff;
  md.push(
    '### Per criterion: share of OFF and NOT tweets with a finding, and P / R / F1 against OFF',
    '',
    '| criterion | OFF | NOT | P | R | F1 |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const [c, e] of [...perCrit.entries()].sort((a, b) => b[1].off - a[1].off)) {
    const m = prf({ tp: e.off, fp: e.not, fn: nOff - e.off, tn: nNot - e.not });
    md.push(
      `| \`${c}\` | ${pct(e.off, nOff)} | ${pct(e.not, nNot)} | ${f3(m.p)} | ${f3(m.r)} | ${f3(m.f1)} |`,
    );
  }
  md.push('', '### Rules behind OFF (gold + = OFF)', '', ...ruleBreakdown(items, ABUSE_FAMILY), '');
} else skipped.push(OLID);

// ---- YouTube spam ---------------------------------------------------------------------------
if (hasData(dir, YOUTUBE)) {
  const data = loadYoutube(dir);
  totals.youtube = data.length;
  const u = zero();
  const o = zero();
  const items: { gold: boolean; findings: Finding[] }[] = [];
  for (const r of data) {
    const fs = detect(r.text);
    tally(
      u,
      r.spam,
      fs.some((f) => f.criterion === 'spam'),
    );
    tally(o, r.spam, matcher.hasMatch(r.text));
    items.push({ gold: r.spam, findings: fs });
  }
  md.push(
    '## YouTube spam collection',
    '',
    `\`${YOUTUBE}\`, ${data.length.toLocaleString('en-GB')} comments; gold = class 1 (spam); predicted = a \`spam\` finding. Each comment is scanned alone (author columns were removed, so \`recentByAuthor\` is empty and repeat detection cannot help). obscenity is a profanity filter, not a spam filter: its row shows only that profanity does not indicate spam.`,
    '',
  );
  addRows('youtube-spam', [
    { task: 'spam', system: OURS, counts: u },
    { task: 'spam', system: OBS, counts: o },
  ]);
  md.push('### Spam rules (gold + = spam)', '', ...ruleBreakdown(items, ['spam']), '');
} else skipped.push(YOUTUBE);

// ---- Presidio synthetic PII -----------------------------------------------------------------
if (hasData(dir, PRESIDIO)) {
  const data = loadPresidio(dir);
  totals.presidio = data.length;
  const spanStats = new Map<string, { n: number; hit: number; missed: string[] }>();
  let clean = 0;
  let cleanFlagged = 0;
  let empty = 0;
  let emptyFlagged = 0;
  const fpRules = new Map<string, number>();
  const fpExamples: string[] = [];
  for (const r of data) {
    const fs = detect(r.text).filter((f) => f.criterion === 'identifies-person');
    for (const s of r.spans) {
      if (!PII_TYPES.includes(s.type) && s.type !== 'PERSON') continue;
      const st = spanStats.get(s.type) ?? { n: 0, hit: 0, missed: [] };
      st.n++;
      if (fs.some((f) => f.start < s.end && s.start < f.end)) st.hit++;
      else if (st.missed.length < 5) st.missed.push(s.value);
      spanStats.set(s.type, st);
    }
    if (!r.spans.some((s) => PII_TYPES.includes(s.type))) {
      clean++;
      if (fs.length > 0) {
        cleanFlagged++;
        for (const id of new Set(fs.map((f) => f.ruleId)))
          fpRules.set(id, (fpRules.get(id) ?? 0) + 1);
        if (fpExamples.length < 6) {
          fpExamples.push(`${fs[0]!.ruleId}: "${clip(fs[0]!.excerpt, 50)}" in "${clip(r.text)}"`);
        }
      }
    }
    if (r.spans.length === 0) {
      empty++;
      if (fs.length > 0) emptyFlagged++;
    }
  }
  md.push(
    '## Presidio synthetic PII sentences',
    '',
    `\`${PRESIDIO}\`, ${data.length.toLocaleString('en-GB')} sentences with character spans. Span-level recall: a gold span counts as found when an \`identifies-person\` finding overlaps it. **These are US and other non-UK formats** (US phone numbers, US street addresses with ZIP codes, international numbers); our rules target UK formats (07… mobiles, +44, UK postcodes, "12 Oak Road"), so low recall here is expected and does not measure UK performance. PERSON spans are shown for completeness: a bare name is not flagged by design (protected names come from the moderator's settings), so their recall is expected to be near zero.`,
    '',
    '| entity type | gold spans | found | recall | examples missed |',
    '|---|---:|---:|---:|---|',
  );
  for (const t of [...PII_TYPES, 'PERSON']) {
    const st = spanStats.get(t) ?? { n: 0, hit: 0, missed: [] };
    md.push(
      `| ${t} | ${st.n} | ${st.hit} | ${st.n === 0 ? '–' : f3(st.hit / st.n)} | ${st.missed.map((m) => `\`${esc(clip(m, 40))}\``).join(', ')} |`,
    );
  }
  const fpList = [...fpRules.entries()].sort((a, b) => b[1] - a[1]);
  md.push(
    '',
    `False-positive rate: \`identifies-person\` fires on **${cleanFlagged} of ${clean}** sentences with no phone, e-mail or street-address span (${pct(cleanFlagged, clean)}); on ${emptyFlagged} of ${empty} sentences with no entity of any kind (${pct(emptyFlagged, empty)}). Some of these may be true identification of other kinds (ages, jobs, ZIP codes).`,
    '',
    fpList.length > 0
      ? `Rules firing on those sentences: ${fpList.map(([id, n]) => `\`${id}\` ${n}`).join(', ')}.`
      : 'No rule fired on those sentences.',
    '',
  );
  if (fpExamples.length > 0) {
    md.push('Examples:', '', ...fpExamples.map((e) => `- ${esc(e)}`), '');
  }
  for (const t of PII_TYPES) {
    const st = spanStats.get(t) ?? { n: 0, hit: 0, missed: [] };
    rows.push({
      dataset: 'presidio-synth',
      task: `${t} span recall`,
      system: OURS,
      counts: { tp: st.hit, fn: st.n - st.hit, fp: 0, tn: 0 },
    });
  }
} else skipped.push(PRESIDIO);

// ---- WNUT17 ---------------------------------------------------------------------------------
if (WNUT_FILES.some((f) => hasData(dir, f))) {
  const data = loadWnut(dir);
  totals.wnut17 = data.length;
  let withPerson = 0;
  let withPersonFlagged = 0;
  let without = 0;
  let withoutFlagged = 0;
  let personSpans = 0;
  let personSpansHit = 0;
  let obsFlagged = 0;
  const ruleCounts = new Map<string, number>();
  const examples: string[] = [];
  for (const s of data) {
    const fs = detect(s.text).filter((f) => f.criterion === 'identifies-person');
    if (matcher.hasMatch(s.text)) obsFlagged++;
    const persons = s.entities.filter((e) => e.type === 'person');
    personSpans += persons.length;
    personSpansHit += persons.filter((p) =>
      fs.some((f) => f.start < p.end && p.start < f.end),
    ).length;
    if (persons.length > 0) {
      withPerson++;
      if (fs.length > 0) withPersonFlagged++;
    } else {
      without++;
      if (fs.length > 0) withoutFlagged++;
    }
    for (const id of new Set(fs.map((f) => f.ruleId)))
      ruleCounts.set(id, (ruleCounts.get(id) ?? 0) + 1);
    if (fs.length > 0 && examples.length < 6) {
      examples.push(`${fs[0]!.ruleId}: "${clip(fs[0]!.excerpt, 50)}" in "${clip(s.text)}"`);
    }
  }
  const n = data.length;
  const flagged = withPersonFlagged + withoutFlagged;
  md.push(
    '## WNUT17 emerging entities',
    '',
    `${WNUT_FILES.filter((f) => hasData(dir, f))
      .map((f) => `\`${f}\``)
      .join(
        ', ',
      )}: ${n.toLocaleString('en-GB')} sentences (tokens joined by spaces), real social-media text with BIO entity tags. A person's name on its own is **not** flagged by design: the engine flags names only from the moderator's protected-names list, or with identifying context (an address, a school, "lives at"). So this set is used as a false-positive proxy: how often does \`identifies-person\` fire on ordinary comments?`,
    '',
    '| sentences | n | identifies-person fires | rate |',
    '|---|---:|---:|---:|',
    `| all | ${n} | ${flagged} | ${pct(flagged, n)} |`,
    `| with a person entity | ${withPerson} | ${withPersonFlagged} | ${pct(withPersonFlagged, withPerson)} |`,
    `| without a person entity | ${without} | ${withoutFlagged} | ${pct(withoutFlagged, without)} |`,
    '',
    `Person spans overlapped by an \`identifies-person\` finding: ${personSpansHit} of ${personSpans} (${pct(personSpansHit, personSpans)}). obscenity \`hasMatch\` fires on ${obsFlagged} sentences (${pct(obsFlagged, n)}).`,
    '',
    ruleCounts.size > 0
      ? `Rules firing: ${[...ruleCounts.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([id, c]) => `\`${id}\` ${c}`)
          .join(', ')}.`
      : 'No rule fired.',
    '',
  );
  if (examples.length > 0) md.push('Examples:', '', ...examples.map((e) => `- ${esc(e)}`), '');
  rows.push({
    dataset: 'wnut17',
    task: 'identifies-person fire rate',
    system: OURS,
    counts: { tp: 0, fp: flagged, fn: 0, tn: n - flagged },
  });
} else skipped.push('wnut17/');

// ---- Functional suite -----------------------------------------------------------------------
interface SuiteRow {
  criterion: CriterionId;
  flagPass: number;
  flagN: number;
  noPass: number;
  noN: number;
}
const suite: SuiteRow[] = [];
const failures: string[] = [];
for (const { criterion, flag, noFlag } of allCases) {
  const row: SuiteRow = {
    criterion,
    flagPass: 0,
    flagN: flag.length,
    noPass: 0,
    noN: noFlag.length,
  };
  for (const c of flag) {
    const found = detect(c.text, c.context ?? {}).filter((f) => f.criterion === criterion);
    let ok = found.length > 0;
    if (ok && c.expect) {
      // The same check as test/detect/criteria.test.ts: a finding must overlap the expected words.
      const at = c.text.toLowerCase().indexOf(c.expect.toLowerCase());
      ok = found.some((f) => f.start < at + c.expect!.length && at < f.end);
    }
    if (ok) row.flagPass++;
    else failures.push(`${criterion} · should flag · "${clip(c.text)}"`);
  }
  for (const c of noFlag) {
    const found = detect(c.text, c.context ?? {}).filter((f) => f.criterion === criterion);
    if (found.length === 0) row.noPass++;
    else {
      failures.push(
        `${criterion} · should not flag · "${clip(c.text)}" (${found.map((f) => f.ruleId).join(', ')})`,
      );
    }
  }
  suite.push(row);
}

const elapsed = (performance.now() - started) / 1000;

// ---------------------------------------------------------------------------------------------
// The document

const today = new Date().toISOString().slice(0, 10);
const head = [
  '# Detection engine evaluation',
  '',
  '_Generated by `npm run eval` (scripts/eval.ts); do not edit by hand._',
  '',
  `- Date: ${today}`,
  `- Engine: ${RULES.length} rules (\`RULES\` in lib/detect), default context (all criteria on, no protected names, no allow-list)`,
  `- Baseline: obscenity ${obscenityVersion}, \`new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers }).hasMatch(text)\``,
  `- Data: \`${path.relative(repoRoot, dir) || dir}\` (${Object.entries(totals)
    .map(([k, v]) => `${k} ${v.toLocaleString('en-GB')}`)
    .join(', ')})`,
  `- Node ${process.version}; run time ${elapsed.toFixed(1)} s`,
  '',
  'Commands:',
  '',
  '```sh',
  'npm run eval                                 # this report',
  'MA_DATA_DIR=/path/to/shared/data npm run eval   # another data folder',
  'npm run bench                                # throughput, worst-case inputs, heap',
  'npm run --silent scan -- comments.jsonl --names names.json   # batch scan',
  '```',
  '',
  'Nothing is fitted on these sets: the rules are hand-written from the policy and run as shipped. Figures are for the engine as it stood on the date above; the public sets do not follow the force policy (their "offensive" is broader or narrower than Annex 1), so treat them as a guide, not a target.',
  '',
];
if (skipped.length > 0) {
  head.push(
    `Skipped (not found in the data folder): ${skipped.map((s) => `\`${s}\``).join(', ')}.`,
    '',
  );
}

const summary = [
  '## Summary',
  '',
  '| dataset | task | system | P | R | F1 | support |',
  '|---|---|---|---:|---:|---:|---:|',
];
for (const r of rows) {
  const m = prf(r.counts);
  const isRate = r.task.includes('fire rate');
  const isRecall = r.task.includes('span recall');
  summary.push(
    `| ${r.dataset} | ${r.task} | ${r.system} | ${isRate || isRecall ? '–' : f3(m.p)} | ${isRate ? `${pct(r.counts.fp, m.n)} fire` : f3(m.r)} | ${isRate || isRecall ? '–' : f3(m.f1)} | ${isRate ? m.n : m.support} |`,
  );
}
summary.push('');

const suiteMd = [
  '## Functional suite',
  '',
  'The hand-written flag / no-flag tables in `test/detect/cases` (the same checks as `test/detect/criteria.test.ts`). Flag recall = flag cases found (overlapping the expected words where given); no-flag pass = contrast cases left alone; precision = flag cases found ÷ (found + contrast cases wrongly flagged).',
  '',
  '| criterion | flag cases | flag recall | no-flag cases | no-flag pass | precision |',
  '|---|---:|---:|---:|---:|---:|',
];
let tf = 0;
let tfp = 0;
let tn = 0;
let tnp = 0;
for (const s of suite) {
  const wrong = s.noN - s.noPass;
  suiteMd.push(
    `| \`${s.criterion}\` | ${s.flagN} | ${pct(s.flagPass, s.flagN)} (${s.flagPass}) | ${s.noN} | ${pct(s.noPass, s.noN)} (${s.noPass}) | ${s.flagPass + wrong === 0 ? '–' : f3(s.flagPass / (s.flagPass + wrong))} |`,
  );
  tf += s.flagN;
  tfp += s.flagPass;
  tn += s.noN;
  tnp += s.noPass;
}
suiteMd.push(
  `| **all** | ${tf} | ${pct(tfp, tf)} (${tfp}) | ${tn} | ${pct(tnp, tn)} (${tnp}) | ${f3(tfp / Math.max(1, tfp + tn - tnp))} |`,
  '',
  `${tfp + tnp} of ${tf + tn} cases pass, ${failures.length} fail.`,
  '',
);
if (failures.length > 0) {
  suiteMd.push('Failing cases:', '', ...failures.slice(0, 60).map((f) => `- ${esc(f)}`));
  if (failures.length > 60) suiteMd.push(`- … and ${failures.length - 60} more`);
  suiteMd.push('');
}

writeFileSync(docPath, [...head, ...summary, ...md, ...suiteMd].join('\n'));

// ---- stdout ---------------------------------------------------------------------------------
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
console.log(`Engine ${RULES.length} rules · data ${dir} · ${elapsed.toFixed(1)} s\n`);
console.log(
  `${pad('dataset', 15)}${pad('task', 30)}${pad('system', 26)}    P      R      F1   support`,
);
for (const r of rows) {
  const m = prf(r.counts);
  const rate = r.task.includes('fire rate');
  const recallOnly = r.task.includes('span recall');
  const sys = r.system.startsWith('obscenity') ? 'obscenity' : r.system;
  console.log(
    `${pad(r.dataset, 15)}${pad(r.task, 30)}${pad(sys, 26)}${rate || recallOnly ? '      –' : f3(m.p).padStart(7)}${rate ? pct(r.counts.fp, m.n).padStart(7) : f3(m.r).padStart(7)}${rate || recallOnly ? '      –' : f3(m.f1).padStart(7)}${String(rate ? m.n : m.support).padStart(9)}`,
  );
}
console.log(
  `\nFunctional suite: ${tfp}/${tf} flag cases found, ${tnp}/${tn} contrast cases left alone (${failures.length} failing).`,
);
console.log(`Wrote ${path.relative(repoRoot, docPath)}`);
