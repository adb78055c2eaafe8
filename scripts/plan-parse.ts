/**
 * Parse a county plan document and print the result as ONE JSON object on stdout.
 *
 *   npx tsx scripts/plan-parse.ts [--year 2024] [--units units.json] FILE
 *
 * FILE may be .txt (UTF-8), .docx or .xlsx. Output: { title, year, items } (see
 * lib/plan/schema.ts). Without --year the year is read from the document and stderr says so.
 * `--units` names a JSON file with a unit directory [{ "name": …, "shortName": … }].
 * Bad input exits non-zero with a one-line Chinese and English message on stderr.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodePlanFile, PlanInputError } from '../lib/core/plan/input';
import { readOfficeInWorker } from '../lib/platform/office-reader';
import { MAX_PLAN_FILE_BYTES } from '../lib/core/schemas/plan';
import { parsePlan, toContract } from '../lib/core/plan/parse';
import { planParseResultSchema, type UnitDirectoryEntry } from '../lib/core/plan/schema';

const USAGE = '用法 / usage: plan-parse [--year 2024] [--units units.json] FILE';

function fail(zh: string, en: string, code = 1): void {
  process.stderr.write(`错误：${zh} / error: ${en}\n`);
  process.exitCode = code;
}

interface Args {
  year?: number;
  unitsFile?: string;
  file?: string;
  help?: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--year' || a.startsWith('--year=')) {
      const v = a === '--year' ? argv[++i] : a.slice('--year='.length);
      if (v === undefined || !/^\d{4}$/.test(v) || Number(v) < 1900 || Number(v) > 2200) return 'year';
      args.year = Number(v);
    } else if (a === '--units' || a.startsWith('--units=')) {
      const v = a === '--units' ? argv[++i] : a.slice('--units='.length);
      if (!v) return 'units';
      args.unitsFile = v;
    } else if (a === '--') {
      if (argv[i + 1] !== undefined) args.file = argv[i + 1];
      break;
    } else if (a.startsWith('--')) return `option:${a}`;
    else if (args.file === undefined) args.file = a;
    else return 'extra';
  }
  return args;
}

async function readUnits(file: string): Promise<UnitDirectoryEntry[] | null> {
  try {
    const data: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (!Array.isArray(data)) return null;
    return data
      .filter((u): u is { name: unknown; shortName?: unknown } => typeof u === 'object' && u !== null && 'name' in u)
      .map((u) => ({ name: String(u.name), shortName: typeof u.shortName === 'string' ? u.shortName : '' }));
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    if (parsed === 'year') return fail('--year 需要 1900–2200 之间的四位年份', '--year needs a four-digit year between 1900 and 2200', 2);
    if (parsed === 'units') return fail('--units 需要一个 JSON 文件', '--units needs a JSON file', 2);
    if (parsed === 'extra') return fail(`只能指定一个文件。${USAGE}`, 'only one FILE may be given', 2);
    return fail(`未知选项 ${parsed.slice(7)}。${USAGE}`, `unknown option ${parsed.slice(7)}`, 2);
  }
  if (parsed.help) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  if (parsed.file === undefined) return fail(`缺少文件参数。${USAGE}`, 'missing FILE argument', 2);
  const file = parsed.file;

  let units: UnitDirectoryEntry[] | undefined;
  if (parsed.unitsFile !== undefined) {
    const u = await readUnits(parsed.unitsFile);
    if (u === null) return fail(`无法读取单位目录 ${parsed.unitsFile}`, `cannot read unit directory ${parsed.unitsFile}`, 2);
    units = u;
  }

  let text: string;
  try {
    let info;
    try {
      info = await stat(file);
    } catch {
      throw new PlanInputError('missing', file);
    }
    if (!info.isFile()) throw new PlanInputError('unreadable', file);
    if (info.size === 0) throw new PlanInputError('empty');
    if (info.size > MAX_PLAN_FILE_BYTES) throw new PlanInputError('too-large');
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch {
      throw new PlanInputError('unreadable', file);
    }
    text = await decodePlanFile(bytes, file, readOfficeInWorker);
  } catch (err) {
    if (err instanceof PlanInputError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 1;
      return;
    }
    return fail('无法读取文件', 'cannot read the file');
  }

  const result = parsePlan(text, { year: parsed.year, units });
  if (result.error !== undefined) return fail('解析失败', `parse failed: ${result.error}`);
  if (result.yearSource !== 'option') {
    if (result.yearSource === 'default') {
      process.stderr.write(`提示：文档中未找到年份，使用当前年份 ${result.year} / year not found in document, using current year: ${result.year}\n`);
    } else {
      process.stderr.write(`提示：从文档推断年份 ${result.year} / year inferred from document: ${result.year}\n`);
    }
  }
  const out = toContract(result);
  if (out.title === '') out.title = path.basename(file).replace(/\.[^.]+$/, '');
  const checked = planParseResultSchema.safeParse(out);
  if (!checked.success) return fail('输出不符合格式', `output failed validation: ${checked.error.issues[0]?.message ?? ''}`);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

main().catch((err: unknown) => {
  fail('意外错误', `unexpected error: ${err instanceof Error ? err.message : String(err)}`);
});
