import type { OutboundContent } from '@/lib/core/notify/format-message';

export type DigestSection = { title: string; items: { text: string }[] };

/** Items listed per section; the rest are counted ("等N项"). */
export const DIGEST_ITEMS_PER_SECTION = 5;

/**
 * The morning digest of one leader or unit: a section per kind of item, each with a count and the
 * first few items. Empty sections are left out; with nothing to say, no digest (null).
 */
export function composeDigest({ recipientName, dateLabel, sections, link }: { recipientName: string; dateLabel: string; sections: DigestSection[]; link: string | null }): OutboundContent | null {
  const filled = sections.filter((section) => section.items.length > 0);
  if (filled.length === 0) return null;
  const total = filled.reduce((sum, section) => sum + section.items.length, 0);
  const text = filled
    .map((section) => {
      const shown = section.items.slice(0, DIGEST_ITEMS_PER_SECTION).map((item) => `· ${item.text}`);
      const more = section.items.length - shown.length;
      return [`${section.title}（${section.items.length}项）`, ...shown, ...(more > 0 ? [`  等${more}项`] : [])].join('\n');
    })
    .join('\n');
  return { subject: `【每日摘要】${recipientName} ${dateLabel}：${total}项待关注`, text, link };
}
