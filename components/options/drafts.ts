import type { Settings } from '../../lib/storage/settings';

type ProtectedEntry = Settings['protectedNames'][number];
type CustomRule = Settings['customRules'][number];

/** Changes typed on the page but not yet saved, so "Try it" can show what they would do. */
export interface Drafts {
  /** A protected name being added (`replaces` null) or edited (`replaces` = its index). */
  protectedName?: { entry: ProtectedEntry; replaces: number | null };
  activeCases?: string[];
  operations?: string[];
  allowList?: string[];
  /** A custom rule being added, only once it is valid. */
  customRule?: CustomRule;
}

export type ListKey = 'activeCases' | 'operations' | 'allowList';

export type SetDraft = <K extends keyof Drafts>(key: K, value: Drafts[K] | undefined) => void;

/** The saved settings with the unsaved drafts laid over them. */
export function withDrafts(saved: Settings, drafts: Drafts): Settings {
  const next: Settings = { ...saved };
  for (const key of ['activeCases', 'operations', 'allowList'] as const) {
    const d = drafts[key];
    if (d) next[key] = d;
  }
  const pn = drafts.protectedName;
  if (pn) {
    next.protectedNames =
      pn.replaces === null
        ? [...saved.protectedNames, pn.entry]
        : saved.protectedNames.map((e, i) => (i === pn.replaces ? pn.entry : e));
  }
  if (drafts.customRule) next.customRules = [...saved.customRules, drafts.customRule];
  return next;
}

/** One entry per line (or per comma when `commas`), trimmed, empty ones and repeats dropped. */
export function splitList(text: string, commas = false): string[] {
  const parts = text.split(commas ? /[,\n]/ : /\n/).map((s) => s.trim().replace(/\s+/g, ' '));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of parts) {
    const key = p.toLowerCase();
    if (!p || seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/** Today's date in the moderator's own time zone, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
