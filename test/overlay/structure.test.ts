// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageStructure } from '../../lib/overlay/structure';

function build(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

describe('pageStructure', () => {
  it.each([
    ['<p>Hello there</p>', ['0 div', '1 p']],
    [
      '<article role="article" data-testid="tweet" aria-label="Post by Jo"><h2 aria-level="2">Title</h2></article>',
      ['0 div', '1 article role=article testid=tweet', '2 h2 level=2'],
    ],
    [
      '<a href="/someone/status/1" class="x1lliihq" id="u1" title="t">link text</a>',
      ['0 div', '1 a'],
    ],
    // Test ids with a handle or an account id in them keep only their known part.
    [
      '<div data-testid="UserAvatar-Container-jo_bloggs"></div><div data-testid="123456-follow"></div>',
      ['0 div', '1 div testid=UserAvatar-Container-*', '1 div testid=*-follow'],
    ],
    // Unknown values, which a page could fill with anything, are shown as ?.
    [
      '<div role="jo bloggs" data-testid="jo_bloggs" aria-level="jo"></div><jo-bloggs></jo-bloggs>',
      ['0 div', '1 div role=? testid=? level=?', '1 ?'],
    ],
    // Inside an svg or a script there is nothing to learn about the page.
    ['<svg><g><path></path></g></svg><script>var x</script>', ['0 div', '1 svg', '1 script']],
  ])('should list %s as structure only', (html, lines) => {
    expect(pageStructure(build(html)).lines).toEqual(lines);
  });

  it('should list elements in document order with their depth', () => {
    const out = pageStructure(build('<ul><li><span></span></li><li></li></ul><p></p>'));
    expect(out.lines).toEqual(['0 div', '1 ul', '2 li', '3 span', '2 li', '1 p']);
    expect(out).toMatchObject({ leftOut: 0, hitNodes: false, hitDepth: false });
  });

  it('should stop at the element limit and count what it left out', () => {
    const root = build('<p></p>'.repeat(10));
    const out = pageStructure(root, { maxNodes: 4, maxDepth: 10 });
    expect(out.lines).toHaveLength(4);
    expect(out).toMatchObject({ leftOut: 7, hitNodes: true, hitDepth: false });
  });

  it('should stop at the depth limit and count what it left out', () => {
    const root = build('<div><div><div><div><p></p></div></div></div></div>');
    const out = pageStructure(root, { maxNodes: 100, maxDepth: 2 });
    expect(out.lines).toEqual(['0 div', '1 div', '2 div']);
    expect(out).toMatchObject({ leftOut: 3, hitNodes: false, hitDepth: true });
  });

  it('should leave out what `skip` says, and everything in it', () => {
    const root = build('<ma-badge><p></p></ma-badge><p></p>');
    const out = pageStructure(root, undefined, (el) => el.tagName === 'MA-BADGE');
    expect(out.lines).toEqual(['0 div', '1 p']);
  });

  it('should walk a page nested far deeper than a recursive walk could', () => {
    const root = document.createElement('div');
    let at = root;
    for (let i = 0; i < 20_000; i += 1) at = at.appendChild(document.createElement('div'));
    const out = pageStructure(root, { maxNodes: 30_000, maxDepth: 100_000 });
    expect(out.lines).toHaveLength(20_001);
    expect(out.lines.at(-1)).toBe('20000 div');
  });
});

// What a person could have written, anywhere the page can hold it. Each is long and made of
// letters no printed name has in a row ("qz"), so finding one in the output can only mean it
// leaked.
const secret = fc
  .stringMatching(/^[a-z0-9_]{4,12}$/)
  .map((s) => `qz${s}`)
  .filter((s) => !s.includes('follow'));

const TAGS = ['div', 'span', 'a', 'article', 'li', 'ul', 'h2', 'time', 'img', 'svg', 'section'];
const ROLES = ['article', 'button', 'link', 'main', 'dialog', 'presentation'];
const TEST_IDS = ['tweet', 'tweetText', 'User-Name', 'cellInnerDiv', 'primaryColumn'];

interface Spec {
  tag: string;
  text: string | null;
  attrs: [string, string][];
  children: Spec[];
}

const node: fc.Memo<Spec> = fc.memo((n) =>
  fc.record({
    tag: fc.oneof(fc.constantFrom(...TAGS), secret),
    text: fc.option(fc.oneof(secret, fc.string()), { nil: null }),
    attrs: fc.array(
      fc.oneof(
        fc.tuple(
          fc.constantFrom('href', 'aria-label', 'class', 'id', 'title', 'alt', 'src', 'datetime'),
          secret,
        ),
        fc.tuple(fc.constant('role'), fc.oneof(fc.constantFrom(...ROLES), secret)),
        fc.tuple(
          fc.constant('data-testid'),
          fc.oneof(
            fc.constantFrom(...TEST_IDS),
            secret,
            secret.map((s) => `UserAvatar-Container-${s}`),
          ),
        ),
        fc.tuple(fc.constant('aria-level'), fc.oneof(fc.constantFrom('1', '2', '10'), secret)),
      ),
      { maxLength: 4 },
    ),
    children: n > 1 ? fc.array(node(n - 1), { maxLength: 3 }) : fc.constant([]),
  }),
);

function render(spec: Spec, doc: Document): Element {
  const el = doc.createElement(/^[a-z][a-z0-9_-]*$/.test(spec.tag) ? spec.tag : 'div');
  for (const [name, value] of spec.attrs) el.setAttribute(name, value);
  if (spec.text !== null) el.append(doc.createTextNode(spec.text));
  for (const child of spec.children) el.append(render(child, doc));
  return el;
}

/** Every string the page holds outside the structure we print. */
function secretsOf(spec: Spec, out: string[] = []): string[] {
  if (spec.tag.startsWith('qz')) out.push(spec.tag);
  if (spec.text?.startsWith('qz')) out.push(spec.text);
  for (const [, value] of spec.attrs) {
    const found = /qz[a-z0-9_]+/.exec(value)?.[0];
    if (found) out.push(found);
  }
  for (const child of spec.children) secretsOf(child, out);
  return out;
}

describe('pageStructure on any page', () => {
  it('should never print a text, link, label, class, id or unknown value from the page', () => {
    fc.assert(
      fc.property(node(4), (spec) => {
        const root = render(spec, document);
        const printed = pageStructure(root).lines.join('\n');
        for (const s of secretsOf(spec)) expect(printed).not.toContain(s);
        // And nothing at all beyond the closed vocabulary: depth, tag, role, testid, level.
        for (const line of printed.split('\n')) {
          expect(line).toMatch(
            /^\d+ [a-z0-9?]+( role=[a-z?]+)?( testid=([A-Za-z*_.-]+|\?))?( level=(\d+|\?))?$/,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
