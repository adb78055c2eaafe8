// Shared helpers for the plan-parser tests (not a test file itself).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { expect } from 'vitest';
import type { PlanParseOutput } from '@/lib/core/plan/parse';
import { planParseResultSchema, type PlanItem } from '@/lib/core/plan/schema';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SEED_DIR = path.join(ROOT, 'seeds');

export const SEEDS = {
  plan2024: '000_f185846fe9bda011.txt', // 2024年县委办工作计划 (一是…八是, watermarks, ##paidbegin##)
  traditional: '001_1edf164bf3405bc4.txt', // traditional characters with pinyin, 亮点一… and 2024年工作展望
  speech: '002_6089192e013f8b81.txt', // 县长讲话 (一、 一要 一是), mid-year 2023
  wrapped: '003_89e926f9da817b36.txt', // page chrome + line-wrap spaces, flattened to one line
  summaryPlan: '004_ea3d384e127bea21.txt', // 2023年工作总结及2024年工作计划 (XXX placeholders)
} as const;

export function seed(name: string): string {
  return readFileSync(path.join(SEED_DIR, name), 'utf8');
}

/** Structural checks every parse result must pass (schema + spans + parent order). */
export function expectWellFormed(r: PlanParseOutput): void {
  const checked = planParseResultSchema.safeParse({ title: r.title, year: r.year, items: r.items });
  if (!checked.success) throw new Error(JSON.stringify(checked.error.issues.slice(0, 3)));
  const problems: string[] = [];
  if (r.error !== undefined) problems.push(`error: ${r.error}`);
  if (r.simplified.length !== r.cleaned.length) problems.push('simplified not aligned');
  if (r.originalOffsets.length !== r.cleaned.length + 1) problems.push('offset map length');
  const seen = new Set<string>();
  for (const it of r.items) {
    if (it.span[0] < 0 || it.span[1] > r.cleaned.length) problems.push(`${it.id}: span out of bounds`);
    const slice = r.cleaned.slice(it.span[0], it.span[1]);
    // Table rows join their cell fragments with "\n"; every fragment lies in the span.
    for (const part of it.text.split('\n')) if (!slice.includes(part.trim())) problems.push(`${it.id}: text not in span`);
    if (it.parentId !== null && !seen.has(it.parentId)) problems.push(`${it.id}: parent not earlier`);
    seen.add(it.id);
  }
  expect(problems).toEqual([]);
}

export function byHeading(items: PlanItem[], heading: string): PlanItem {
  const it = items.find((i) => i.heading === heading);
  if (!it) throw new Error(`no item with heading ${heading}; headings: ${items.map((i) => i.heading).join(' | ')}`);
  return it;
}

export function descendants(items: PlanItem[], id: string): PlanItem[] {
  return items.filter((i) => i.id.startsWith(`${id}.`));
}

export function targetTuples(it: PlanItem): Array<[string, number | null, number | null, string]> {
  return it.targets.map((t) => [t.comparator, t.value, t.valueMax, t.unit]);
}

/** A minimal .docx (paragraphs and tables) built in memory. `body` is WordprocessingML. */
export async function buildDocx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
export const wp = (t: string) => (t === '' ? '<w:p/>' : `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`);
export const wtable = (rows: string[][]) =>
  `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${wp(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
