/**
 * text/markers — the words that open non-story parts of scraped pages (related-article teasers,
 * tag lines, source and credit lines, date lines, footers), in Arabic, Persian and English.
 * They are a start, not the method: segment.ts also uses the structure of the page.
 * Markers are matched at the start of a line, on the normalised form (text/normalize).
 */
import { normalizeString } from './normalize.ts';
import type { SegmentKind } from './types.ts';

export interface Marker {
  kind: Extract<SegmentKind, 'teaser' | 'tags' | 'source' | 'dateline' | 'footer'>;
  /** Normalised marker words. */
  norm: string;
  /**
   * `loose`: text may follow after a space or glued («اقرأ أيضاًترامب»); `colon`: only a colon,
   * dash or nothing may follow (bare «Related» would also start ordinary sentences);
   * `standalone`: the marker must be the whole line.
   */
  follow: 'loose' | 'colon' | 'standalone';
  /** Marks the end of the story: what follows is teaser or footer, not body. */
  ends: boolean;
}

type Row = [Marker['kind'], Marker['follow'], boolean, string[]];

const ROWS: Row[] = [
  [
    'teaser',
    'loose',
    false,
    [
      'اقرأ أيضا',
      'اقرأ أيضاً',
      'إقرأ أيضا',
      'اقرأ ايضا',
      'اقرأ كمان',
      'اقرأ المزيد',
      'إقرأ المزيد',
      'طالع أيضا',
      'شاهد أيضا',
      'اقرأ أيضاً في',
      'مقالات مشابهة',
      'مقالات ذات صلة',
      'مقالات متعلقة',
      'أخبار ذات صلة',
      'أخبار متعلقة',
      'أخبار مشابهة',
      'موضوعات ذات صلة',
      'مواضيع ذات صلة',
      'موضوعات متعلقة',
      'مواضيع متعلقة',
      'قد يهمك أيضا',
      'قد يهمك',
      'قد يعجبك أيضا',
      'ربما يعجبك أيضا',
      'اخترنا لك',
      'الأكثر قراءة',
      'الأكثر مشاهدة',
      'الأكثر تداولا',
      'بیشتر بخوانید',
      'اخبار مرتبط',
      'خبرهای مرتبط',
      'مطالب مرتبط',
      'مطالب پیشنهادی',
      'اخبار پیشنهادی',
      'پیشنهاد سردبیر',
      'پربازدیدترین ها',
      'پربازدیدترین‌ها',
      'پربیننده ترین ها',
      'پربحث ترین ها',
      'read more',
      'read also',
      'also read',
      'related coverage',
      'related articles',
      'related stories',
      'related news',
      'related content',
      'more on this story',
      'you may also like',
      'most read',
      'most popular',
    ],
  ],
  [
    'teaser',
    'colon',
    false,
    [
      'اقرأ',
      'إقرأ',
      'شاهد',
      'طالع',
      'ذات صلة',
      'مواد ذات صلة',
      'بخوانید',
      'ببینید',
      'related',
      'see also',
      'more from',
      'recommended',
      'trending',
      'watch',
      'latest news',
      'آخرین اخبار',
      'آخر الأخبار',
      'أهم الأخبار',
    ],
  ],
  [
    'tags',
    'loose',
    true,
    [
      'كلمات دلالية',
      'الكلمات الدلالية',
      'كلمات مفتاحية',
      'الكلمات المفتاحية',
      'الوسوم',
      'برچسب ها',
      'برچسب‌ها',
      'کلیدواژه ها',
      'کلیدواژه‌ها',
      'کلید واژه ها',
      'کلمات کلیدی',
      'تگ ها',
      'filed under',
    ],
  ],
  ['tags', 'colon', true, ['وسوم', 'برچسب', 'کلیدواژه', 'tags', 'topics', 'keywords']],
  [
    'source',
    'colon',
    true,
    ['المصدر', 'مصدر الخبر', 'المصادر', 'منبع', 'منبع خبر', 'منابع', 'source', 'sources'],
  ],
  [
    'source',
    'loose',
    true,
    ['reporting by', 'writing by', 'editing by', 'additional reporting by', 'compiled by'],
  ],
  [
    'source',
    'colon',
    false,
    [
      'كتب',
      'كتبت',
      'بقلم',
      'تحرير',
      'إعداد',
      'ترجمة',
      'تصوير',
      'نویسنده',
      'خبرنگار',
      'گزارش',
      'ترجمه',
      'عکس',
      'photo',
      'credit',
      'by',
    ],
  ],
  [
    'dateline',
    'loose',
    false,
    [
      'تاريخ النشر',
      'تاريخ نشر',
      'نشر بتاريخ',
      'نشر في',
      'تم النشر',
      'آخر تحديث',
      'تم التحديث',
      'تاريخ التحديث',
      'تاریخ انتشار',
      'زمان انتشار',
      'تاریخ به روزرسانی',
      'last updated',
      'published on',
      'posted on',
    ],
  ],
  [
    'dateline',
    'colon',
    false,
    ['تاریخ', 'التاريخ', 'انتشار', 'published', 'updated', 'posted', 'date'],
  ],
  [
    'footer',
    'loose',
    false,
    ['کد خبر', 'كود الخبر', 'رقم الخبر', 'شناسه خبر', 'لینک کوتاه', 'الرابط المختصر', 'رابط مختصر'],
  ],
  [
    'footer',
    'loose',
    true,
    [
      'newsqrcode',
      'ارسال نظرات',
      'ارسال نظر',
      'نظرات کاربران',
      'نیازمندی ها',
      'نیازمندیها',
      'در انتظار بررسی',
      'انتشار یافته',
      'تمامی حقوق',
      'کلیه حقوق',
      'جميع الحقوق',
      'حقوق النشر',
      'جميع حقوق',
      'أضف تعليق',
      'اضف تعليقك',
      'التعليقات',
      'شارك الخبر',
      'شارك المقال',
      'تابعونا على',
      'تابعوا',
      'تابعنا على',
      'اشترك في',
      'النشرة البريدية',
      'عضویت در خبرنامه',
      'ارسال به دوستان',
      'اشتراک گذاری',
      'اشتراک‌گذاری',
      'copyright',
      'all rights reserved',
      'our standards',
      'sign up',
      'subscribe',
      'follow us',
      'share this',
    ],
  ],
  [
    'footer',
    'standalone',
    false,
    [
      'شارك',
      'طباعة',
      'إعلان',
      'تبليغ',
      'چاپ',
      'نظرات',
      'اشتراک',
      'share',
      'print',
      'advertisement',
      'comments',
    ],
  ],
];

/** All markers, longest first (so «اقرأ أيضا» wins over «اقرأ»). */
export const MARKERS: Marker[] = ROWS.flatMap(([kind, follow, ends, words]) =>
  words.map((w) => ({ kind, follow, ends, norm: normalizeString(w) })),
)
  .filter((m, i, all) => all.findIndex((o) => o.norm === m.norm && o.kind === m.kind) === i)
  .sort((a, b) => b.norm.length - a.norm.length);

/** What a marker match found: the marker, where its words end, and what follows. */
export interface MarkerHit {
  marker: Marker;
  /** Normalised offset of the marker words (after leading bullets and punctuation). */
  start: number;
  /** Normalised offset just after the marker words. */
  end: number;
  /** True when nothing but punctuation follows. */
  standalone: boolean;
}

const LEAD = /^[\s•·▪●◦►■□‣⁃*\-–—|:"'()[\]]*/;
const ONLY_PUNCT = /^[\s:.\-–—|"'()[\]/]*$/;

/**
 * The marker a line starts with, if any. `norm` is the normalised line (normalizeString form or
 * a slice of a normalised text). Glued text («اقرأ أيضاًترامب») is accepted for `loose` markers
 * written in Arabic script for teasers.
 */
export function matchMarker(norm: string): MarkerHit | undefined {
  const lead = LEAD.exec(norm)![0].length;
  const text = norm.slice(lead);
  for (const marker of MARKERS) {
    if (!text.startsWith(marker.norm)) continue;
    const rest = text.slice(marker.norm.length);
    const standalone = ONLY_PUNCT.test(rest);
    const next = rest[0] ?? '';
    let ok: boolean;
    if (standalone) ok = true;
    else if (marker.follow === 'standalone') ok = false;
    else if (marker.follow === 'colon') ok = /^\s*[:\-–—|]/.test(rest);
    else if (/^[\s:\-–—|]/.test(next)) ok = true;
    else {
      ok =
        marker.kind === 'teaser' &&
        /[\u0600-\u06ff]/.test(marker.norm) &&
        /[\u0600-\u06ff]/.test(next);
    }
    if (ok) return { marker, start: lead, end: lead + marker.norm.length, standalone };
  }
  return undefined;
}
