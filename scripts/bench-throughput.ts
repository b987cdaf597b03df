/**
 * One throughput measurement, in a process of its own: `node --import tsx
 * scripts/bench-throughput.ts ours|obscenity`. Warms up, times THROUGHPUT_PASSES passes over the
 * benchmark corpus and prints `{ "ms": [...] }` (ms per pass). scripts/bench.ts starts these
 * alternately for our engine and the obscenity baseline.
 *
 * Why a process each: timed in one process, each library's speed depended on the other's heap.
 * obscenity measured ~41,000 comments/s beside our engine's ~19 MB of compiled patterns, ~45,000
 * alone and ~47,000 beside the compacted ones (lib/detect/rule.ts compactCode): the comparison
 * moved with something neither library does on a user's machine.
 */
import { benchCorpus } from './lib/bench-corpus';

const THROUGHPUT_PASSES = 3;
const WARM_UP_PASSES = 2;

const which = process.argv[2];
if (which !== 'ours' && which !== 'obscenity') {
  console.error('usage: bench-throughput.ts ours|obscenity');
  process.exit(2);
}
const { texts } = benchCorpus();
let sink = 0;
let pass: () => void;
if (which === 'ours') {
  const { detect } = await import('../lib/detect');
  pass = () => {
    for (const t of texts) sink += detect(t).length;
  };
} else {
  const { englishDataset, englishRecommendedTransformers, RegExpMatcher } =
    await import('obscenity');
  const matcher = new RegExpMatcher({
    ...englishDataset.build(),
    ...englishRecommendedTransformers,
  });
  pass = () => {
    for (const t of texts) if (matcher.hasMatch(t)) sink += 1;
  };
}
for (let i = 0; i < WARM_UP_PASSES; i++) pass();
const ms: number[] = [];
for (let i = 0; i < THROUGHPUT_PASSES; i++) {
  const t0 = performance.now();
  pass();
  ms.push(performance.now() - t0);
}
console.log(JSON.stringify({ ms, sink }));
