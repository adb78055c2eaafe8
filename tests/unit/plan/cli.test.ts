// Reading plan files (shared by the importer and the plan-parse CLI, whose contract is tested in
// tests/integration/plan-cli.test.ts).
import { describe, expect, test } from 'vitest';
import { decodePlanFile, decodeTextBytes, PlanInputError, readOfficeText } from '@/lib/core/plan/input';

describe('input decoding (shared with the importer)', () => {
  test('UTF-8 with and without BOM, UTF-16 with BOM', () => {
    expect(decodeTextBytes(new TextEncoder().encode('\ufeff一、总体要求'))).toBe('一、总体要求');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('一、任务').flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    expect(decodeTextBytes(utf16)).toBe('一、任务');
  });

  test('errors carry a code and the bilingual message', async () => {
    await expect(decodePlanFile(new Uint8Array(), 'a.txt', readOfficeText)).rejects.toMatchObject({ code: 'empty', message: '错误：文件为空 / error: file is empty' });
    await expect(decodePlanFile(new Uint8Array([1, 2, 0, 3]), 'a.txt', readOfficeText)).rejects.toBeInstanceOf(PlanInputError);
    await expect(decodePlanFile(new Uint8Array([0xff, 0xff, 0xff]), 'a.txt', readOfficeText)).rejects.toMatchObject({ code: 'not-utf8' });
    await expect(decodePlanFile(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]), 'a.xlsx', readOfficeText)).rejects.toMatchObject({ code: 'bad-xlsx' });
    await expect(decodePlanFile(new TextEncoder().encode('x'), 'scan.pdf', readOfficeText)).rejects.toMatchObject({ code: 'unsupported' });
  });
});
