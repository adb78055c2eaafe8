// Hostile .docx/.xlsx uploads: zip bombs are refused while unzipping, before any parser runs, and a
// parser that runs away hits its worker's memory cap instead of taking the server down.
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { PlanInputError } from '@/lib/core/plan/input';
import { checkZipBounds, ZIP_LIMITS } from '@/lib/core/plan/zip-bounds';
import { readOfficeInWorker } from '@/lib/platform/office-reader';
import { importPlanSource } from '@/lib/server/plans/import-plan-source';
import { sessionUser, testDb } from '../support/db';

const MB = 1024 * 1024;
const DOCX_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOCX_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A .docx whose document.xml repeats one paragraph until it inflates to about `inflatedMb`. */
async function docxOf(inflatedMb: number): Promise<Uint8Array> {
  const paragraph = '<w:p><w:r><w:t>（一）全年实施重点项目200个以上，完成投资40亿元。牵头单位：县发改局。</w:t></w:r></w:p>';
  const body = paragraph.repeat(Math.ceil((inflatedMb * MB) / Buffer.byteLength(paragraph)));
  const zip = new JSZip();
  zip.file('[Content_Types].xml', DOCX_TYPES);
  zip.file('_rels/.rels', DOCX_RELS);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** An .xlsx whose one sheet inflates to about `inflatedMb`, or a package of `entries` tiny parts. */
async function xlsxOf({ inflatedMb = 0, entries = 0 }: { inflatedMb?: number; entries?: number }): Promise<Uint8Array> {
  const row = '<row><c t="inlineStr"><is><t>完成投资40亿元</t></is></c></row>';
  const rows = row.repeat(Math.ceil((inflatedMb * MB) / Buffer.byteLength(row)));
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${rows}</sheetData></worksheet>`);
  for (let i = 0; i < entries; i++) zip.file(`xl/media/p${i}.xml`, '<x/>');
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

const rssMb = () => Math.round(process.memoryUsage().rss / MB);

describe('bounded plan imports', () => {
  test('a .docx and an .xlsx bomb are refused in Chinese, nothing is imported, and the process stays up', async () => {
    const admin = await sessionUser('admin');
    const plansBefore = await testDb.plan.count();
    const docxBomb = await docxOf(100);
    const xlsxBomb = await xlsxOf({ inflatedMb: 100 });
    const manyEntries = await xlsxOf({ entries: ZIP_LIMITS.maxEntries + 1 });
    // Both pass the 5 MB upload limit.
    expect(Math.max(docxBomb.byteLength, xlsxBomb.byteLength)).toBeLessThan(5 * MB);

    const before = rssMb();
    for (const [name, bytes] of [['炸弹.docx', docxBomb], ['炸弹.xlsx', xlsxBomb], ['条目.xlsx', manyEntries]] as const) {
      await expect(importPlanSource({ user: admin, input: { file: { name, bytes } } })).rejects.toMatchObject({
        code: 'INVALID',
        message: expect.stringMatching(/^文件解压后超过 64 MB 或包含过多条目，已拒绝，未导入任何内容$/),
      });
    }
    const after = rssMb();
    console.log(`import-bounds: docx bomb ${(docxBomb.byteLength / 1024).toFixed(0)} KB and xlsx bomb ${(xlsxBomb.byteLength / 1024).toFixed(0)} KB → 100 MB each; rss before ${before} MB, after ${after} MB`);
    expect(after - before).toBeLessThan(200);
    expect(await testDb.plan.count()).toBe(plansBefore);
    // The database is still there, and so is this process.
    expect(await testDb.user.count()).toBeGreaterThan(0);
  }, 120_000);

  test('the bounds count what really inflates: a package under the limits passes, one byte over does not', async () => {
    const small = await docxOf(1);
    const ok = await checkZipBounds(small);
    expect(ok).toMatchObject({ ok: true, entries: 5 }); // three files and the two folders JSZip adds
    const inflated = ok.ok ? ok.totalBytes : 0;
    expect(await checkZipBounds(small, { maxEntries: 10, maxTotalBytes: inflated, maxXmlBytes: inflated })).toMatchObject({ ok: true });
    expect(await checkZipBounds(small, { maxEntries: 10, maxTotalBytes: inflated - 1, maxXmlBytes: inflated })).toEqual({ ok: false, reason: 'too-large' });
    expect(await checkZipBounds(small, { maxEntries: 4, maxTotalBytes: inflated, maxXmlBytes: inflated })).toEqual({ ok: false, reason: 'too-many-entries' });
    expect(await checkZipBounds(new TextEncoder().encode('PK\u0003\u0004 not a zip'))).toEqual({ ok: false, reason: 'not-zip' });
  });

  test('a parser that outgrows its worker heap ends the worker, not the server', async () => {
    const docx = await docxOf(24); // within the zip bounds, too much for a 16 MB heap
    const error = await readOfficeInWorker(docx, 'docx', { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4, timeoutMs: 60_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanInputError);
    expect(error).toMatchObject({ code: 'too-complex' });
    const slow = await readOfficeInWorker(docx, 'docx', { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 32, timeoutMs: 50 }).catch((e: unknown) => e);
    expect(slow).toMatchObject({ code: 'too-complex' });
  }, 120_000);

  test('an ordinary .docx still imports through the worker', async () => {
    const admin = await sessionUser('admin');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', DOCX_TYPES);
    zip.file('_rels/.rels', DOCX_RELS);
    const paras = ['示范县2024年防汛工作要点（边界测试）', '一、压实责任', '（一）6月底前完成全县水库安全检查。牵头单位：县水利局。'];
    zip.file(
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paras.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`,
    );
    const plan = await importPlanSource({ user: admin, input: { file: { name: '防汛.docx', bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) } } });
    expect(plan).toMatchObject({ status: 'DRAFT', sourceName: '防汛.docx' });
  }, 60_000);
});
