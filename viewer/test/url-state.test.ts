import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_STATE, type ViewState } from '../src/types.ts';
import { decodeViewState, encodeViewState } from '../src/url-state.ts';

describe('URL state', () => {
  it('encodes the default view as an empty fragment', () => {
    expect(encodeViewState(DEFAULT_VIEW_STATE)).toBe('');
    expect(decodeViewState('')).toEqual(DEFAULT_VIEW_STATE);
  });

  it('round-trips a full view, including keys with colons, arrows and Arabic', () => {
    const s: ViewState = {
      selected: 'person:sergey-lavrov',
      edges: ['interaction:meeting:person:ayman-safadi->person:sergey-lavrov', 'e&=#2'],
      kinds: ['person', 'country'],
      edgeKinds: ['interaction'],
      hiddenActions: ['phone_call'],
      minWeight: 3,
      hideIsolated: true,
      from: '2023-11-01',
      to: '2023-11-30',
      color: 'community',
      lang: 'fa',
    };
    const frag = encodeViewState(s);
    expect(decodeViewState(`#${frag}`)).toEqual(s);
    expect(decodeViewState(encodeViewState({ ...s, selected: 'place:قطاع-غزة' })).selected).toBe(
      'place:قطاع-غزة',
    );
  });

  it('keeps "no kinds at all" distinct from "all kinds"', () => {
    const none = { ...DEFAULT_VIEW_STATE, kinds: [], edgeKinds: [] };
    expect(decodeViewState(encodeViewState(none))).toEqual(none);
  });

  it('writes kinds in a canonical order, so equal views give equal URLs', () => {
    const a = encodeViewState({ ...DEFAULT_VIEW_STATE, kinds: ['place', 'person'] });
    const b = encodeViewState({ ...DEFAULT_VIEW_STATE, kinds: ['person', 'place'] });
    expect(a).toBe(b);
  });

  it('drops what it does not know or cannot trust', () => {
    const s = decodeViewState(
      '#kinds=person,alien&links=role,bogus&minw=-4&from=2023-13&to=yesterday&color=red&lang=xx&hide=ok_action,<script>&isolated=1',
    );
    expect(s.kinds).toEqual(['person']);
    expect(s.edgeKinds).toEqual(['role']);
    expect(s.minWeight).toBe(1);
    expect(s.from).toBeNull();
    expect(s.to).toBeNull();
    expect(s.color).toBe('kind');
    expect(s.lang).toBe('en');
    expect(s.hiddenActions).toEqual(['ok_action']);
    expect(s.hideIsolated).toBe(false);
    expect(decodeViewState(`#actor=${'x'.repeat(600)}`).selected).toBeNull();
  });
});
