import type { Finding } from '../detect/types';
import { criterion } from '../policy';
import type { ExtractedComment } from '../sites/types';
import { adoptStyles } from './dom';
import { criteriaOf, severityOf } from './findings';
import { BADGE_CSS } from './styles';

export const BADGE_TAG = 'ma-badge';
export const CRIME_ICON = '🚨';
export const REMOVE_ICON = '⚠';

/**
 * The badge's words, e.g. "🚨 Crime: credible threat · ⚠ Remove: Offensive language". Icon and
 * words both carry the meaning, so it never depends on colour alone.
 */
export function badgeText(findings: readonly Finding[]): string {
  const crime: string[] = [];
  const remove: string[] = [];
  for (const id of criteriaOf(findings)) {
    const c = criterion(id);
    if (c.action === 'report-crime') crime.push(c.label.replace(/^Crime:\s*/i, ''));
    else remove.push(c.label);
  }
  const parts: string[] = [];
  if (crime.length > 0) parts.push(`${CRIME_ICON} Crime: ${crime.join(', ')}`);
  if (remove.length > 0) parts.push(`${REMOVE_ICON} Remove: ${remove.join(', ')}`);
  return parts.join(' · ');
}

export interface Badge {
  host: HTMLElement;
  button: HTMLButtonElement;
}

/** Creates a badge host (not yet in the page) whose button calls `onOpen`. */
export function createBadge(doc: Document, onOpen: (badge: Badge) => void): Badge {
  const host = doc.createElement(BADGE_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  root.append(button);
  adoptStyles(doc, root, BADGE_CSS);
  const badge: Badge = { host, button };
  // A native <button> already turns Enter and Space into a click.
  button.addEventListener('click', (event) => {
    // The badge often sits inside a link-like comment card; the site must not navigate.
    event.preventDefault();
    event.stopPropagation();
    onOpen(badge);
  });
  return badge;
}

/** Writes the findings into an existing badge. */
export function updateBadge(badge: Badge, findings: readonly Finding[]): void {
  const { host, button } = badge;
  const doc = host.ownerDocument;
  const severity = severityOf(findings);
  host.setAttribute('data-ma-criteria', criteriaOf(findings).join(' '));
  button.className = severity;
  const text = badgeText(findings);
  const words = doc.createElement('span');
  words.textContent = text;
  // The hint is in the accessible name (which starts with the visible words), not in a visually
  // hidden span: that span is absolutely positioned, so each badge would add a paint layer, and
  // with a thousand badges every frame of the page walks a thousand more layers.
  button.setAttribute('aria-label', `${text} – open Moderator Assist guidance`);
  button.replaceChildren(words);
}

/** Puts the badge just before the comment's text, or first in the container. */
export function placeBadge(badge: Badge, comment: ExtractedComment): void {
  const { element, textElement } = comment;
  const parent = textElement?.parentElement;
  if (textElement && textElement !== element && parent && element.contains(parent)) {
    if (badge.host.nextSibling !== textElement) parent.insertBefore(badge.host, textElement);
    return;
  }
  if (element.firstChild !== badge.host) element.insertBefore(badge.host, element.firstChild);
}
