/**
 * A tiny HTML reader for the tests: enough to open the printable plan as a tree, find elements
 * by `#id` or `tag.class`, and read their text with entities decoded. (No HTML parser is a
 * dependency of the project; this reads well-formed output like ours, nothing more.)
 */
interface Node {
  tag: string;
  attrs: Record<string, string>;
  children: (Node | string)[];
}

const VOID = new Set(['meta', 'br', 'link', 'img', 'hr', 'input']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", middot: '·', nbsp: ' ' };
const decode = (s: string) => s.replace(/&(#?\w+);/g, (m, name: string) => ENTITIES[name] ?? m);

function parse(html: string): Node {
  const root: Node = { tag: '#root', attrs: {}, children: [] };
  const stack = [root];
  const token = /<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(html))) {
    const top = stack[stack.length - 1];
    if (m[4] !== undefined) {
      top.children.push(decode(m[4]));
    } else if (m[2]) {
      const tag = m[2].toLowerCase();
      if (m[1]) {
        const at = stack.map((n) => n.tag).lastIndexOf(tag);
        if (at < 0) throw new Error(`unexpected </${tag}>`);
        stack.length = at;
      } else {
        const attrs: Record<string, string> = {};
        for (const a of m[3].matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) attrs[a[1]] = decode(a[2]);
        const node: Node = { tag, attrs, children: [] };
        top.children.push(node);
        if (!VOID.has(tag)) {
          // <style> content is text up to its end tag.
          if (tag === 'style') {
            const end = html.indexOf('</style>', token.lastIndex);
            node.children.push(html.slice(token.lastIndex, end));
            token.lastIndex = end + '</style>'.length;
          } else stack.push(node);
        }
      }
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].tag}>`);
  return root;
}

function all(node: Node): Node[] {
  return node.children.flatMap((c) => (typeof c === 'string' ? [] : [c, ...all(c)]));
}

function matches(node: Node, selector: string): boolean {
  if (selector.startsWith('#')) return node.attrs.id === selector.slice(1);
  const [tag, cls] = selector.split('.');
  return (!tag || node.tag === tag) && (!cls || (node.attrs.class ?? '').split(/\s+/).includes(cls));
}

const textOf = (node: Node): string => node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

export function parseDocument(html: string) {
  const root = parse(html);
  const find = (selector: string) => all(root).filter((n) => matches(n, selector));
  return {
    find,
    /** Text of the first element matching, whitespace collapsed. */
    text(selector: string): string {
      const [node] = find(selector);
      if (!node) throw new Error(`no element ${selector}`);
      return textOf(node).replace(/\s+/g, ' ').trim();
    },
    /** The cells' text of each matching row. */
    rows(selector: string): string[][] {
      return find(selector).map((row) =>
        all(row)
          .filter((n) => n.tag === 'td')
          .map((td) => textOf(td).replace(/\s+/g, ' ').trim()),
      );
    },
  };
}
