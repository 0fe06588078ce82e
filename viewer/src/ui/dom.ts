/**
 * viewer/ui/dom — the one way the viewer builds DOM: elements with attributes set one by one and
 * children appended as nodes or text nodes. Strings are always text (never parsed as HTML), which
 * is what keeps article ids and evidence sentences from running as markup.
 */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Create an element; `attrs` values true → present, false/null/undefined → absent. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (/^on/i.test(k)) throw new Error(`viewer: event attribute ${k} is not allowed; use on()`);
    el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, ...children);
  return el;
}

/** Append children (strings become text nodes). */
export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/** Replace all children of `el`. */
export function replace(el: Node, ...children: Child[]): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  append(el, ...children);
}

/** Add an event listener and return `el` (for chaining in builders). */
export function on<E extends HTMLElement, K extends keyof HTMLElementEventMap>(
  el: E,
  type: K,
  fn: (ev: HTMLElementEventMap[K]) => void,
): E {
  el.addEventListener(type, fn as EventListener);
  return el;
}

/** Trigger a browser download of a blob under a file name. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
