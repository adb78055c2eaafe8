import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalize, commitmentContentSchema, describeCommitmentChange, hashCanonical } from '@/lib/core/commitment/canonical';
import {
  buildCommitmentContent,
  checkVersionSeal,
  compareWithCurrent,
  defaultPreamble,
  sealCommitmentContent,
  sha256Hex,
  signatureHash,
  type LetterTaskRow,
} from '@/lib/core/commitment/letter';
import { lookupQueryFromFile, parseLookupQuery, pdfDocumentTitle } from '@/lib/core/commitment/lookup';
import { trackingStateOf } from '@/lib/core/commitment/tracking';

const task = (overrides: Partial<LetterTaskRow>): LetterTaskRow => ({
  id: 'task-a',
  code: '2024-0001',
  title: '新增城镇就业',
  deadline: '2024-12-31',
  leaderNames: ['张建华'],
  targets: [],
  ...overrides,
});

const unit = { code: 'fgj', name: '县发展和改革局' };

describe('buildCommitmentContent', () => {
  it('sorts each section by deadline then code and numbers it from 1', () => {
    const content = buildCommitmentContent({
      unit,
      year: 2024,
      preamble: '承诺',
      leadTasks: [
        task({ id: 'c', code: '2024-0003', deadline: '2024-06-30' }),
        task({ id: 'b', code: '2024-0002', deadline: '2024-12-31' }),
        task({ id: 'a', code: '2024-0001', deadline: '2024-12-31' }),
      ],
      coTasks: [task({ id: 'd', code: '2024-0009', deadline: '2024-03-31' })],
    });
    expect(content.leadTasks.map((t) => [t.taskId, t.seq])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 3],
    ]);
    expect(content.coTasks.map((t) => [t.taskId, t.seq])).toEqual([['d', 1]]);
    expect(commitmentContentSchema.safeParse(content).success).toBe(true);
  });

  it('gives the same hash for the same rows in any order', () => {
    const rows = [task({ id: 'a', code: '2024-0001' }), task({ id: 'b', code: '2024-0002' }), task({ id: 'c', code: '2024-0003' })];
    const one = buildCommitmentContent({ unit, year: 2024, preamble: 'x', leadTasks: rows, coTasks: [] });
    const two = buildCommitmentContent({ unit, year: 2024, preamble: 'x', leadTasks: [...rows].reverse(), coTasks: [] });
    expect(hashCanonical(two)).toBe(hashCanonical(one));
  });

  it('joins leaders in a fixed order and lists targets by position', () => {
    const content = buildCommitmentContent({
      unit,
      year: 2024,
      preamble: 'x',
      leadTasks: [
        task({
          leaderNames: ['李明远', '张建华'],
          targets: [
            { position: 1, metric: '开工率90%以上', comparator: '>=', value: 90, valueMax: null, unit: '%', placeholder: false },
            { position: 0, metric: '全年建设项目200个以上', comparator: '>=', value: 200, valueMax: null, unit: '个', placeholder: false },
            { position: 2, metric: '完成投资XX亿元', comparator: '>=', value: null, valueMax: null, unit: '亿元', placeholder: true },
          ],
        }),
      ],
      coTasks: [],
    });
    const [only] = content.leadTasks;
    // Code-unit order: 张 (U+5F20) before 李 (U+674E), whatever order the rows came in.
    expect(only!.leadLeader).toBe('张建华、李明远');
    expect(only!.targets).toEqual([
      { text: '全年建设项目200个以上', comparator: '>=', value: 200, valueMax: null, unit: '个' },
      { text: '开工率90%以上', comparator: '>=', value: 90, valueMax: null, unit: '%' },
      // A placeholder commits only its wording: no comparator or value to be judged against.
      { text: '完成投资XX亿元', comparator: null, value: null, valueMax: null, unit: '亿元' },
    ]);
  });

  it('writes an empty unit as null, so the hash does not depend on the storage default', () => {
    const content = buildCommitmentContent({
      unit,
      year: 2024,
      preamble: 'x',
      leadTasks: [task({ targets: [{ position: 0, metric: '零事故', comparator: '=', value: 0, valueMax: null, unit: '', placeholder: false }] })],
      coTasks: [],
    });
    expect(content.leadTasks[0]!.targets[0]!.unit).toBeNull();
  });
});

describe('defaultPreamble', () => {
  it('names the county, the unit and the year in the customary wording', () => {
    const text = defaultPreamble({ countyName: '示范县', unitName: '县发展和改革局', year: 2024 });
    expect(text.startsWith('为全面完成2024年度各项目标任务')).toBe(true);
    expect(text).toContain('根据示范县2024年度重点工作安排，县发展和改革局作为责任单位');
    expect(text).toContain('本单位郑重承诺');
    expect(text).toContain('接受示范县委、县政府督查考核');
    expect(text.split('\n')).toHaveLength(4);
  });
});

describe('sealCommitmentContent and checkVersionSeal', () => {
  const content = buildCommitmentContent({ unit, year: 2024, preamble: '承诺  正文', leadTasks: [task({})], coTasks: [] });

  it('stores the canonical text and its SHA-256, equal to hashCanonical', () => {
    const seal = sealCommitmentContent(content);
    expect(seal.canonical).toBe(canonicalize(content));
    expect(seal.contentHash).toBe(createHash('sha256').update(seal.canonical, 'utf8').digest('hex'));
    expect(seal.contentHash).toBe(hashCanonical(content));
    expect(checkVersionSeal({ content, ...seal })).toEqual({ contentMatchesCanonical: true, hashMatches: true });
  });

  it('detects edited content, edited canonical text and an edited hash separately', () => {
    const seal = sealCommitmentContent(content);
    const editedContent = { ...content, leadTasks: [{ ...content.leadTasks[0]!, deadline: '2025-06-30' }] };
    expect(checkVersionSeal({ content: editedContent, ...seal })).toEqual({ contentMatchesCanonical: false, hashMatches: true });
    const editedCanonical = seal.canonical.replace('2024-12-31', '2025-06-30');
    expect(checkVersionSeal({ content, canonical: editedCanonical, contentHash: seal.contentHash })).toEqual({
      contentMatchesCanonical: false,
      hashMatches: false,
    });
    expect(checkVersionSeal({ content, canonical: seal.canonical, contentHash: sha256Hex('x') }).hashMatches).toBe(false);
  });

  it('treats content that cannot be serialised as not matching', () => {
    expect(checkVersionSeal({ content: { n: Number.NaN }, canonical: '', contentHash: sha256Hex('') }).contentMatchesCanonical).toBe(false);
  });
});

describe('signatureHash', () => {
  const base = { signedHash: 'a'.repeat(64), signerId: 'user-1', signerRole: 'UNIT_HEAD' as const, signedAt: '2024-03-05T02:00:00.000Z' };

  it('is the hash of the canonical signature fields (independently computed)', () => {
    const canonical = `{"signedAt":"2024-03-05T02:00:00.000Z","signedHash":"${'a'.repeat(64)}","signerId":"user-1","signerRole":"UNIT_HEAD"}`;
    expect(signatureHash(base)).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
  });

  it('changes with each field', () => {
    const hash = signatureHash(base);
    expect(signatureHash({ ...base, signedHash: 'b'.repeat(64) })).not.toBe(hash);
    expect(signatureHash({ ...base, signerId: 'user-2' })).not.toBe(hash);
    expect(signatureHash({ ...base, signerRole: 'LEADER' })).not.toBe(hash);
    expect(signatureHash({ ...base, signedAt: '2024-03-05T02:00:00.001Z' })).not.toBe(hash);
  });
});

describe('parseLookupQuery', () => {
  const hash = '8f3a91c27d0e' + '0'.repeat(52);

  it('finds a full hash anywhere in the text, in lower case', () => {
    expect(parseLookupQuery(`SHA-256：${hash.toUpperCase()} 。`)).toEqual({ kind: 'hash', hash });
  });

  it('reads the printed code with or without dashes and prefix', () => {
    expect(parseLookupQuery('核验码 LS-8F3A-91C2-7D0E')).toEqual({ kind: 'code', prefix: '8f3a91c27d0e' });
    expect(parseLookupQuery('ls 8f3a 91c2 7d0e')).toEqual({ kind: 'code', prefix: '8f3a91c27d0e' });
    expect(parseLookupQuery('8F3A-91C2-7D0E')).toEqual({ kind: 'code', prefix: '8f3a91c27d0e' });
  });

  it('refuses anything else', () => {
    expect(parseLookupQuery('')).toBeNull();
    expect(parseLookupQuery('LS-8F3A-91C2')).toBeNull();
    expect(parseLookupQuery('0'.repeat(63))).toBeNull();
    expect(parseLookupQuery('0'.repeat(65))).toBeNull();
  });
});

describe('pdfDocumentTitle', () => {
  it('decodes a UTF-16BE hex title as Chromium writes it', () => {
    const title = '承诺书 SHA-256 ab12';
    const hex = Buffer.from(title, 'utf16le').swap16().toString('hex').toUpperCase();
    const pdf = Buffer.from(`%PDF-1.4\n1 0 obj\n<</Title <FEFF${hex}>\n/Producer (Skia)>>\nendobj\n`, 'latin1');
    expect(pdfDocumentTitle(pdf)).toBe(title);
  });

  it('reads a literal title and returns null without one', () => {
    expect(pdfDocumentTitle(Buffer.from('%PDF-1.4\n<</Title (Letter \\(v2\\))>>', 'latin1'))).toBe('Letter (v2)');
    expect(pdfDocumentTitle(Buffer.from('%PDF-1.4\n<</Producer (Skia)>>', 'latin1'))).toBeNull();
  });
});

describe('lookupQueryFromFile', () => {
  it('prefers the hash in a PDF title, and reads other files as text', () => {
    const hash = 'ab'.repeat(32);
    const hex = Buffer.from(`承诺书 SHA-256 ${hash}`, 'utf16le').swap16().toString('hex');
    expect(lookupQueryFromFile(Buffer.from(`%PDF-1.4\n<</Title <FEFF${hex}>>>`, 'latin1'))).toEqual({ kind: 'hash', hash });
    expect(lookupQueryFromFile(Buffer.from('核验码：LS-AB12-CD34-EF56\n', 'utf8'))).toEqual({ kind: 'code', prefix: 'ab12cd34ef56' });
    expect(lookupQueryFromFile(Buffer.from('没有编码', 'utf8'))).toBeNull();
  });
});

describe('trackingStateOf', () => {
  it.each([
    [null, 'none'],
    [{ status: 'DRAFT', outOfDate: true }, 'draft'],
    [{ status: 'ISSUED', outOfDate: false }, 'issued'],
    [{ status: 'SIGNED', outOfDate: false }, 'signed'],
    [{ status: 'LOCKED', outOfDate: false }, 'locked'],
    [{ status: 'LOCKED', outOfDate: true }, 'outdated'],
    [{ status: 'ISSUED', outOfDate: true }, 'outdated'],
    [{ status: 'SUPERSEDED', outOfDate: false }, 'outdated'],
  ] as const)('%j → %s', (latest, state) => {
    expect(trackingStateOf(latest)).toBe(state);
  });
});

describe('compareWithCurrent', () => {
  const signed = buildCommitmentContent({ unit, year: 2024, preamble: '承诺', leadTasks: [task({})], coTasks: [] });
  const signedHash = hashCanonical(signed);

  it('is current when the rebuilt letter hashes the same, spacing aside', () => {
    const rebuilt = buildCommitmentContent({ unit, year: 2024, preamble: '承诺', leadTasks: [task({ title: ' 新增城镇就业\u3000' })], coTasks: [] });
    expect(compareWithCurrent({ content: signed, contentHash: signedHash }, rebuilt)).toEqual({ outOfDate: false, currentHash: signedHash, changes: [] });
  });

  it('is out of date with the changes when a deadline moved or a task was added', () => {
    const rebuilt = buildCommitmentContent({
      unit,
      year: 2024,
      preamble: '承诺',
      leadTasks: [task({ deadline: '2024-09-30' })],
      coTasks: [task({ id: 'task-b', code: '2024-0002', title: '河道整治' })],
    });
    const result = compareWithCurrent({ content: signed, contentHash: signedHash }, rebuilt);
    expect(result.outOfDate).toBe(true);
    expect(result.currentHash).toBe(hashCanonical(rebuilt));
    expect(result.changes.map(describeCommitmentChange)).toEqual(['任务“新增城镇就业”完成时限由“2024-12-31”改为“2024-09-30”', '新增配合任务：河道整治']);
  });

  it('carries a task’s importance when it is not 一般: a letter of 一般 tasks keeps its hash, a task made 重点 puts it out of date', () => {
    const normal = buildCommitmentContent({ unit, year: 2024, preamble: '承诺', leadTasks: [task({ importance: 'NORMAL' })], coTasks: [] });
    expect(normal.leadTasks[0]).not.toHaveProperty('importance');
    expect(compareWithCurrent({ content: signed, contentHash: signedHash }, normal).outOfDate).toBe(false);

    const key = buildCommitmentContent({ unit, year: 2024, preamble: '承诺', leadTasks: [task({ importance: 'KEY' })], coTasks: [] });
    expect(key.leadTasks[0]!.importance).toBe('KEY');
    expect(commitmentContentSchema.parse(key)).toEqual(key);
    const result = compareWithCurrent({ content: signed, contentHash: signedHash }, key);
    expect(result.outOfDate).toBe(true);
    expect(result.changes.map(describeCommitmentChange)).toEqual(['任务“新增城镇就业”重要程度由“一般”改为“重点”']);
    const back = compareWithCurrent({ content: key, contentHash: hashCanonical(key) }, normal);
    expect(back.changes.map(describeCommitmentChange)).toEqual(['任务“新增城镇就业”重要程度由“重点”改为“一般”']);
  });
});
