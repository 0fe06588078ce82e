import { describe, expect, it } from 'vitest';
import { normalize, normalizeString, toOriginal } from '../src/text/normalize.ts';

describe('normalize', () => {
  it('folds Arabic and Persian letter variants to one form', () => {
    expect(normalizeString('حسین امیرعبداللهیان')).toBe(normalizeString('حسين اميرعبداللهيان'));
    expect(normalizeString('أمير')).toBe('امير');
    expect(normalizeString('کشور')).toBe(normalizeString('كشور'));
    expect(normalizeString('الخارجية')).toBe('الخارجيه');
  });
  it('drops tashkeel, tatweel and ZWNJ, maps digits', () => {
    expect(normalizeString('مُحَمَّد')).toBe('محمد');
    expect(normalizeString('عـــلي')).toBe('علي');
    expect(normalizeString('علی‌اکبر')).toBe(normalizeString('علیاکبر'));
    expect(normalizeString('۱۲ آبان ١٢')).toBe('12 ابان 12');
  });
  it('maps normalised spans back to the original text', () => {
    const s = 'قال وزير الخارجية الإيراني حسین امیر‌عبداللهیان';
    const n = normalize(s);
    const i = n.text.indexOf('اميرعبداللهيان');
    const [a, b] = toOriginal(n, i, i + 'اميرعبداللهيان'.length);
    expect(s.slice(a, b)).toBe('امیر‌عبداللهیان');
    expect(n.map.length).toBe(n.text.length + 1);
  });
});
