/**
 * viewer/ui/search-box — the "Search actors" combobox: suggestions in an accessible listbox
 * (ARIA 1.2 combobox pattern: arrow keys move, Enter picks the active or best match, Escape
 * closes), each showing the actor, its kind and the name that matched.
 */

import { textDirection } from '../script.ts';
import type { SearchHit } from '../search.ts';
import { h, on, replace } from './dom.ts';

export interface SearchBoxOptions {
  search: (query: string) => SearchHit[];
  onPick: (hit: SearchHit) => void;
}

/** Mount the search box into `host`; returns the input element. */
export function mountSearchBox(host: HTMLElement, opts: SearchBoxOptions): HTMLInputElement {
  const listId = 'search-suggestions';
  const input = h('input', {
    type: 'search',
    id: 'search-input',
    role: 'combobox',
    'aria-label': 'Search actors',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    placeholder: 'Search actors — لافروف · لاوروف · Lavrov',
    dir: 'auto',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const list = h('ul', { id: listId, role: 'listbox', 'aria-label': 'Suggestions', hidden: true });
  replace(host, input, list);

  let hits: SearchHit[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (i: number) => {
    active = i;
    list.querySelectorAll('[role="option"]').forEach((el, k) => {
      el.setAttribute('aria-selected', k === i ? 'true' : 'false');
    });
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${i}`);
      list.querySelector(`#${listId}-${i}`)?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    close();
    input.value = hit.label;
    opts.onPick(hit);
  };
  const render = () => {
    hits = opts.search(input.value);
    if (hits.length === 0 || !input.value.trim()) {
      replace(list);
      close();
      return;
    }
    replace(
      list,
      ...hits.map((hit, i) => {
        const li = h(
          'li',
          { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', 'data-key': hit.key },
          h('span', { class: 'opt-label', dir: 'auto' }, hit.label),
          h('span', { class: `opt-kind kind-${hit.kind}` }, hit.kind),
          hit.matched !== hit.label
            ? h('span', { class: 'opt-matched', dir: textDirection(hit.matched) }, hit.matched)
            : null,
        );
        // mousedown, not click: keep focus in the input until the pick is made.
        on(li, 'mousedown', (ev) => {
          ev.preventDefault();
          pick(hit);
        });
        return li;
      }),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(-1);
  };

  on(input, 'input', render);
  on(input, 'focus', () => {
    if (input.value.trim()) render();
  });
  on(input, 'blur', () => setTimeout(close, 100));
  on(input, 'keydown', (ev) => {
    if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      if (list.hidden) render();
      if (hits.length) setActive((active + 1) % hits.length);
    } else if (ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (hits.length) setActive(active <= 0 ? hits.length - 1 : active - 1);
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (list.hidden || hits.length === 0) hits = opts.search(input.value);
      pick(hits[Math.max(active, 0)]);
    } else if (ev.key === 'Escape') {
      close();
    }
  });
  return input;
}
