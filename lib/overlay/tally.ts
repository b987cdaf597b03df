/**
 * What has been read on this page: how many comments (by key, so a comment the site re-renders
 * counts once), how many flagged, when each was first seen, and which had no author (selector
 * health, see health.ts).
 */
import type { ExtractedComment } from '../sites/types';

export class PageTally {
  private readonly seen = new Map<string, { flagged: boolean; at: Date }>();
  private readonly authorless = new Set<string>();
  private flaggedCount = 0;

  constructor(private readonly clock: () => Date) {}

  get total(): number {
    return this.seen.size;
  }

  get flagged(): number {
    return this.flaggedCount;
  }

  get withoutAuthor(): number {
    return this.authorless.size;
  }

  /** Counts a comment just read; one read before is counted again only if its flag changed. */
  note(comment: ExtractedComment, flagged: boolean): void {
    const { key } = comment;
    const prior = this.seen.get(key);
    if (prior?.flagged) this.flaggedCount -= 1;
    if (flagged) this.flaggedCount += 1;
    this.seen.set(key, { flagged, at: prior?.at ?? this.clock() });
    if (comment.author.handle) this.authorless.delete(key);
    else this.authorless.add(key);
  }

  /** When the comment was first read on this page (now, if it has not been). */
  seenAt(key: string): Date {
    return this.seen.get(key)?.at ?? this.clock();
  }

  clear(): void {
    this.seen.clear();
    this.authorless.clear();
    this.flaggedCount = 0;
  }
}
