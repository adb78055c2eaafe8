import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildBulletinDocument, bulletinDocumentFileName, bulletinDocumentNumber, type BulletinDocument } from '@/lib/core/export/bulletin-document';

const content: BulletinDocument = {
  period: '2026-11',
  title: '2026年11月重点任务推进情况通报',
  asOf: '2026-11-30',
  year: 2026,
  totals: { total: 10, closed: 4, completionRate: 0.4, overdue: 2 },
  overdue: { rows: [{ code: 'T1', title: '老旧小区改造', unit: '住建局', deadline: '2026-10-31', daysOverdue: 30 }] },
  overdueCount: 2,
  ranking: [{ rank: 1, unit: '发改局', total: 5, closed: 3, closedOnTime: 3, overdue: 0, onTimeRate: 1, onTrackShare: 0.8, score: 92 }],
  issuer: '青山县委督查室',
  dateText: '2026年11月30日',
};

describe('the 通报 as a Word document', () => {
  it('holds the 文号, title, body, ranking table, 落款 and date, in that order', async () => {
    const zip = await JSZip.loadAsync(await buildBulletinDocument(content));
    const xml = await zip.file('word/document.xml')!.async('string');
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const order = ['督查通报〔2026〕11号', content.title, '已销号4项，完成率40%', '共2项，以下列出逾期最久的1项', '老旧小区改造（住建局，完成时限2026-10-31，已逾期30天）', '名次', '发改局', '青山县委督查室', '2026年11月30日'];
    const positions = order.map((part) => words.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(xml).toContain('<w:tbl>');
  });
  it('numbers and names the file after the month', () => {
    expect(bulletinDocumentNumber('2026-03')).toBe('督查通报〔2026〕3号');
    expect(bulletinDocumentFileName(content)).toEqual({ name: `${content.title}.docx`, asciiName: 'bulletin-2026-11.docx' });
  });
});
