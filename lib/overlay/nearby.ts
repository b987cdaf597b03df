import type { ObserverCtor } from './highlights';

/**
 * Which flagged comments are near enough to the viewport to be worth drawing.
 *
 * Drawing a comment (badge, outline, highlighted words) makes the browser restyle, lay out and
 * pre-paint it. For a screenful that is nothing; for the thousand flagged comments of a long feed
 * it is a long task (~250 ms on a 2,000-comment post), and each batch of 50 comments the site adds
 * while scrolling pushed the site's own frame past 50 ms. A comment two screens away shows
 * nothing the moderator can see, so it is scanned, counted and listed at once but drawn only when
 * it comes within `NEAR_SCREENS` screens of the viewport (and at once when Previous/Next moves
 * to it). Once drawn it stays drawn.
 */

/** How far above and below the viewport comments are drawn, in viewport heights. */
export const NEAR_SCREENS = 1.5;

/** Reports elements as they come near the viewport; `null` where that cannot be known. */
export interface NearbyWatcher {
  watch(el: Element): void;
  unwatch(el: Element): void;
  /** Stops watching everything (it can watch again afterwards). */
  clear(): void;
}

export type NearbyFactory = (onNear: (elements: Element[]) => void) => NearbyWatcher | null;

/**
 * An IntersectionObserver with a margin of `NEAR_SCREENS` viewports. Without one (older
 * browsers, test DOMs) there is no watcher and the controller draws every comment at once.
 */
export function viewportWatcher(win: Window | null): NearbyFactory {
  return (onNear) => {
    const IO = (win as unknown as { IntersectionObserver?: ObserverCtor } | null)
      ?.IntersectionObserver;
    if (!IO) return null;
    const observer = new IO(
      (entries) => {
        const near = entries.filter((e) => e.isIntersecting).map((e) => e.target);
        if (near.length > 0) onNear(near);
      },
      { rootMargin: `${NEAR_SCREENS * 100}% 0px` },
    );
    return {
      watch: (el) => observer.observe(el),
      unwatch: (el) => observer.unobserve(el),
      clear: () => observer.disconnect(),
    };
  };
}

/**
 * Whether `el` is within `NEAR_SCREENS` screens of the viewport now. Reading a position makes the
 * browser lay the page out first, so call it for a whole batch before writing anything.
 */
export function isNear(el: Element, viewportHeight: number): boolean {
  const rect = el.getBoundingClientRect();
  const margin = NEAR_SCREENS * viewportHeight;
  return rect.bottom >= -margin && rect.top <= viewportHeight + margin;
}
