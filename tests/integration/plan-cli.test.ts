// The CLI contract: `npx tsx scripts/plan-parse.ts [--year 2024] FILE` prints one JSON object.
// In the integration stage: each case starts the CLI as its own process, which takes seconds. The CLI
// reads no database, so it runs once, with the embedded database's run, not again beside PostgreSQL 15.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planParseResultSchema } from '@/lib/core/plan/schema';
import { buildDocx, ROOT, SEED_DIR, SEEDS, wp, wtable } from '../unit/plan/helpers';
import { databaseKind } from '../support/db';
import { tsxCommand } from '../support/tsx';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(...tsxCommand('scripts/plan-parse.ts', ...args), { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** stderr without npm's own notices (npx may print config warnings). */
const ownStderr = (s: string) =>
  s
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('npm '))
    .join('\n');

let dir = '';
const file = (name: string, data: string | Uint8Array) => {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'plan-parse-test-'));
});
afterAll(() => {
  // Temp files are left to the OS temp cleaner (no recursive deletes from tests).
});

describe.runIf(databaseKind === 'embedded').concurrent('plan-parse CLI', () => {
  test('a seed: stdout is a single JSON object passing the schema, stderr says the year was inferred', async () => {
    const run = await runCli([path.join(SEED_DIR, SEEDS.plan2024)]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as unknown;
    const parsed = planParseResultSchema.parse(out);
    expect(Object.keys(out as object)).toEqual(['title', 'year', 'items']);
    expect(parsed.title).toBe('2024年县委办工作计划');
    expect(parsed.year).toBe(2024);
    expect(parsed.items.filter((i) => i.kind === 'task')).toHaveLength(8);
    expect(ownStderr(run.stderr)).toContain('year inferred from document: 2024');
  }, 120_000);

  test('--year overrides the document and nothing is said about inference', async () => {
    const run = await runCli(['--year', '2025', path.join(SEED_DIR, SEEDS.speech)]);
    expect(run.code).toBe(0);
    const parsed = planParseResultSchema.parse(JSON.parse(run.stdout));
    expect(parsed.year).toBe(2025);
    expect(parsed.items.find((i) => i.deadline?.text === '下半年')?.deadline?.date).toBe('2025-12-31');
    expect(ownStderr(run.stderr)).toBe('');
  }, 120_000);

  test('a document without a title gets the file name as title', async () => {
    const run = await runCli([path.join(SEED_DIR, SEEDS.traditional)]);
    expect(run.code).toBe(0);
    const parsed = planParseResultSchema.parse(JSON.parse(run.stdout));
    expect(parsed.title).toBe('001_1edf164bf3405bc4');
  }, 120_000);

  test('.docx and .xlsx files', async () => {
    const docx = file(
      'plan.docx',
      await buildDocx(wp('2024年重点工作计划') + wp('一、项目建设') + wtable([['序号', '重点任务', '牵头单位', '完成时限'], ['1', '建设高标准农田2万亩', '县农业农村局', '6月底前']])),
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.addRow(['序号', '重点任务', '牵头单位', '完成时限']);
    ws.addRow([1, '新增规上企业5户以上', '县工信局', '9月底前']);
    const xlsx = file('tasks.xlsx', new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const [d, x] = await Promise.all([runCli([docx]), runCli(['--year=2024', xlsx])]);
    expect(d.code).toBe(0);
    const dp = planParseResultSchema.parse(JSON.parse(d.stdout));
    expect(dp.items.map((i) => [i.kind, i.text, i.deadline?.date ?? null, i.owners.leadUnits])).toEqual([
      ['section', '项目建设', null, []],
      ['task', '建设高标准农田2万亩', '2024-06-30', ['县农业农村局']],
    ]);
    expect(x.code).toBe(0);
    const xp = planParseResultSchema.parse(JSON.parse(x.stdout));
    expect(xp.title).toBe('tasks');
    expect(xp.items[0]).toMatchObject({ kind: 'task', text: '新增规上企业5户以上', deadline: { date: '2024-09-30' } });
  }, 120_000);

  test.each([
    ['empty file', () => file('empty.txt', ''), '错误：文件为空 / error: file is empty'],
    ['whitespace only', () => file('blank.txt', ' \n\t\n'), '错误：文件为空 / error: file is empty'],
    ['binary file', () => file('binary.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48])), 'error: file is binary'],
    ['invalid UTF-8', () => file('gbk.txt', new Uint8Array([0xd6, 0xd8, 0xb5, 0xe3, 0xc8, 0xce, 0xce, 0xf1])), 'error: file is not valid UTF-8 text'],
    ['over 5 MB', () => file('big.txt', '加快项目建设。'.repeat(300_000)), 'error: file is larger than 5 MB'],
    ['missing file', () => path.join(dir, 'does-not-exist.txt'), 'error: file not found'],
    ['a fake .docx', () => file('fake.docx', '这不是一个docx文件'), 'error: cannot read the .docx file'],
    ['a legacy .doc', () => file('old.doc', 'abc'), 'error: unsupported file format'],
  ])('%s → non-zero exit and a one-line bilingual message', async (_name, make, message) => {
    const run = await runCli([make()]);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    const err = ownStderr(run.stderr);
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toContain(message);
    expect(err).toMatch(/^错误：.+ \/ error: .+$/);
  }, 120_000);

  test('usage errors', async () => {
    const [none, badYear] = await Promise.all([runCli([]), runCli(['--year', '24', path.join(SEED_DIR, SEEDS.plan2024)])]);
    expect(none.code).toBe(2);
    expect(ownStderr(none.stderr)).toContain('error: missing FILE argument');
    expect(badYear.code).toBe(2);
    expect(ownStderr(badYear.stderr)).toContain('error: --year needs a four-digit year');
  }, 120_000);
});
