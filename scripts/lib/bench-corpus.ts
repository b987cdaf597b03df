/**
 * The engine benchmark's corpus: the Davidson tweets where ../shared/data has them, else a
 * generated stand-in of the same size. Shared by scripts/bench.ts and the throughput processes
 * it starts (scripts/bench-throughput.ts), so both time the same texts.
 */
import path from 'node:path';
import { DAVIDSON, dataDir, hasData, loadDavidson } from './data';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stand-in corpus when the Davidson file is absent: tweet-length mixes of everyday words. */
function generatedCorpus(n: number): string[] {
  const rnd = mulberry32(42);
  const words = (
    'the a to and of you is it in that for on this my with be have not are just get what was ' +
    'so at like they your all me police officer street road thanks today going when can he she ' +
    'lol people know out no about one why who last night update car stolen please share damn ' +
    'bloody idiot rubbish crap 07700 900123 @user https://example.com LE1 1AA Leicester court'
  ).split(' ');
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const len = 5 + Math.floor(rnd() * 20);
    const w: string[] = [];
    for (let j = 0; j < len; j++) w.push(words[Math.floor(rnd() * words.length)]!);
    out.push(w.join(' '));
  }
  return out;
}

export function benchCorpus(): { texts: string[]; name: string } {
  const dir = dataDir();
  if (hasData(dir, DAVIDSON)) {
    return {
      texts: loadDavidson(dir).map((r) => r.text),
      name: `Davidson tweets (${path.join(dir, DAVIDSON)})`,
    };
  }
  return { texts: generatedCorpus(24_783), name: 'generated corpus (Davidson file not found)' };
}
