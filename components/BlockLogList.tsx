import {
  defaultRangeExtractor,
  measureElement as measureRow,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Virtualizer,
} from '@tanstack/react-virtual';
import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';

/** Rows drawn beyond each edge of the visible part of the list. */
export const OVERSCAN = 8;
/**
 * A first guess at a row's height in CSS pixels (a two-line row at 100 % zoom). Every drawn row is
 * then measured, so wrapped text and 200 % zoom take the height they need.
 */
const ESTIMATED_ROW_PX = 56;

/**
 * The scroll area's size as the virtualiser sees it. Before it has been laid out it reports a
 * height of 0, which would draw no rows at all: assume the window's height until it has one.
 */
const observeRect: typeof observeElementRect<HTMLDivElement> = (instance, cb) =>
  observeElementRect(instance, (rect) =>
    cb(
      rect.height > 0
        ? rect
        : { width: rect.width, height: instance.targetWindow?.innerHeight ?? 0 },
    ),
  );

interface Props<T> {
  items: readonly T[];
  /** A stable key per item (the entry id). */
  itemKey: (item: T) => string;
  /** The content of one row: a single focusable control (the row's button). */
  renderRow: (item: T) => ReactNode;
  label: string;
  /** Id of the element that explains how to move through the list. */
  describedBy?: string;
  /** Where to start scrolled to (when coming back from an entry's details). */
  initialOffset?: number;
  /** Called with the scroll offset as the list scrolls, so a later mount can start there. */
  onOffset?: (offset: number) => void;
  /** An item to focus once the list has mounted (the one whose details were just closed). */
  focusKey?: string | null;
}

/**
 * A virtualised list: only the rows in view, a few either side, and the row that has keyboard
 * focus are in the DOM; every drawn row is measured. Each row says where it sits
 * (aria-posinset) in how many (aria-setsize), so a screen reader still hears the whole count.
 * Tab moves through the drawn rows (the focused row scrolls into view and its neighbours are
 * drawn), and the arrow keys, Page Up/Down, Home and End move focus through every row.
 */
export function VirtualList<T>({
  items,
  itemKey,
  renderRow,
  label,
  describedBy,
  initialOffset = 0,
  onOffset,
  focusKey,
}: Props<T>) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // The row with keyboard focus stays drawn even when scrolled out of view, so focus is not lost.
  const [returnIndex] = useState<number | null>(() => {
    if (!focusKey) return null;
    const index = items.findIndex((it) => itemKey(it) === focusKey);
    return index < 0 ? null : index;
  });
  const [pinned, setPinned] = useState<number | null>(returnIndex);
  // A row to focus as soon as it has been drawn.
  const pendingFocus = useRef<number | null>(returnIndex);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const f = pinned;
      if (f === null || f >= range.count || indexes.includes(f)) return indexes;
      return f < indexes[0]! ? [f, ...indexes] : [...indexes, f];
    },
    [pinned],
  );

  // An element without layout (not displayed yet) measures 0: keep the estimate for it.
  const measureElement = useCallback(
    (
      el: HTMLLIElement,
      entry: ResizeObserverEntry | undefined,
      instance: Virtualizer<HTMLDivElement, HTMLLIElement>,
    ) => measureRow(el, entry, instance) || ESTIMATED_ROW_PX,
    [],
  );

  // No React Compiler in this build: the list re-renders whenever the virtualiser changes.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer: Virtualizer<HTMLDivElement, HTMLLIElement> = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey: (i) => itemKey(items[i]!),
    overscan: OVERSCAN,
    rangeExtractor,
    measureElement,
    observeElementRect: observeRect,
    initialOffset,
    onChange: (v) => {
      if (v.scrollOffset !== null) onOffset?.(v.scrollOffset);
    },
  });

  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const button = listRef.current?.querySelector<HTMLElement>(
      `[data-index="${pendingFocus.current}"] button`,
    );
    if (!button) return;
    pendingFocus.current = null;
    button.focus({ preventScroll: true });
  });

  const rowsInView = () => {
    const visible = virtualizer.getVirtualItems();
    return Math.max(1, visible.length - 2 * OVERSCAN);
  };

  const moveTo = (index: number) => {
    const i = Math.max(0, Math.min(items.length - 1, index));
    pendingFocus.current = i;
    setPinned(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const at = Number(row.dataset.index);
    const to: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      PageDown: at + rowsInView(),
      PageUp: at - rowsInView(),
      Home: 0,
      End: items.length - 1,
    };
    if (!(e.key in to) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    moveTo(to[e.key]!);
  };

  const rows = virtualizer.getVirtualItems();
  return (
    <div ref={scrollerRef} className="virtual-scroller">
      <ul
        ref={listRef}
        className="virtual-list"
        aria-label={label}
        aria-describedby={describedBy}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
          if (row) setPinned(Number(row.dataset.index));
        }}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setPinned(null);
        }}
      >
        {rows.map((row) => (
          <li
            key={row.key}
            ref={virtualizer.measureElement}
            data-index={row.index}
            aria-setsize={items.length}
            aria-posinset={row.index + 1}
            style={{ transform: `translateY(${row.start}px)` }}
          >
            {renderRow(items[row.index]!)}
          </li>
        ))}
      </ul>
    </div>
  );
}
