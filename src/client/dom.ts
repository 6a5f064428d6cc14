/**
 * Tiny DOM builder. Text always goes in as text nodes (never HTML), so untrusted
 * article text cannot become markup.
 */
export type Child = Node | string | null | undefined | false;

/** Creates an element with attributes (values set with setAttribute) and text/element children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  children: Child | Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    // Inline style attributes are forbidden by the page's CSP; use classes.
    if (v !== undefined && k !== 'style' && !/^on/i.test(k)) node.setAttribute(k, v);
  }
  append(node, children);
  return node;
}

/** Appends text or nodes; strings become text nodes. */
export function append(parent: Node, children: Child | Child[]): void {
  for (const c of Array.isArray(children) ? children : [children]) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** Removes all children. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** The element with this id, or throws a clear error (page markup and scripts out of sync). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id}`);
  return node as T;
}
