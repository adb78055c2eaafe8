/**
 * The plan year of a document, read from (in order of trust): the title (`2024年工作计划`,
 * the year next to 计划/安排/要点/思路…), a plan heading (`2024年工作展望`), a plan phrase in
 * the body (`2024年主要预期目标`), a date line (`2024-02-07`, `2024年1月5日`), and finally
 * the year mentioned most often (ties → the later year). Works on SIMPLIFIED text.
 */
import { matchUnitAt } from './units';

export type YearSource = 'title' | 'heading' | 'phrase' | 'date' | 'frequency';

const PLAN_AFTER_YEAR = /((?:19|20)\d{2})年(?:度)?[^\d。；]{0,12}?(?:计划|安排|要点|思路|展望|任务|目标|打算|方案|重点工作)/;
const PLAN_PHRASE =
  /((?:19|20)\d{2})年(?:度)?(?:全县|全市|全区|我县|全镇|全乡|我局)?(?:工作计划|工作安排|工作思路|工作要点|重点工作安排|重点工作|主要预期目标|预期目标|主要目标|目标任务|工作打算|工作展望)/;
export const DATE_LINE =
  /^[（(]?(?:(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|(?:19|20)\d{2}年\d{1,2}月)[）)]?$/;

export interface DetectedYear {
  year: number;
  source: YearSource;
}

function yearsIn(text: string): number[] {
  return [...text.matchAll(/(?<!\d)((?:19|20)\d{2})(?=年)/g)].map((m) => Number(m[1]));
}

/**
 * @param s simplified cleaned text
 * @param title the document title (simplified), '' when none
 * @param contentLines trimmed content lines (simplified) in document order
 */
export function detectYear(s: string, title: string, contentLines: string[]): DetectedYear | null {
  if (title) {
    const m = PLAN_AFTER_YEAR.exec(title);
    if (m) return { year: Number(m[1]), source: 'title' };
    const ys = yearsIn(title);
    if (ys.length > 0) return { year: Math.max(...ys), source: 'title' };
  }
  for (const line of contentLines) {
    if (line.length > 40) continue;
    const m = PLAN_AFTER_YEAR.exec(line);
    if (m && !/总结|回顾|情况|亮点|成绩/.test(line)) return { year: Number(m[1]), source: 'heading' };
  }
  const phrase = PLAN_PHRASE.exec(s);
  if (phrase) return { year: Number(phrase[1]), source: 'phrase' };
  const edge = [...contentLines.slice(0, 3), ...contentLines.slice(-3)];
  for (const line of edge) {
    if (DATE_LINE.test(line)) {
      const m = /(?:19|20)\d{2}/.exec(line);
      if (m) return { year: Number(m[0]), source: 'date' };
    }
  }
  const counts = new Map<number, number>();
  // Any 19xx/20xx not followed by a unit (2000人 is a quantity, 2023行动 is a year).
  for (const m of s.matchAll(/(?<![\d.])((?:19|20)\d{2})(?![\d.%])/g)) {
    const end = (m.index ?? 0) + m[0].length;
    if (s[end] !== '年' && matchUnitAt(s, end) !== null) continue;
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && y > best)) {
      best = y;
      bestCount = n;
    }
  }
  return best === null ? null : { year: best, source: 'frequency' };
}

const YEAR_SOURCE_LABELS: Record<YearSource | 'option' | 'default', string> = {
  option: '导入时选择',
  title: '文件标题',
  heading: '正文（标题行）',
  phrase: '正文（计划用语）',
  date: '正文（成文日期）',
  frequency: '正文（出现最多的年份）',
  default: '未从文件读出，取当年',
};

/** Where a plan's year came from, as the review shows it; null for plans imported before it was kept. */
export function yearSourceLabel(source: string | null): string | null {
  return source !== null && source in YEAR_SOURCE_LABELS ? YEAR_SOURCE_LABELS[source as keyof typeof YEAR_SOURCE_LABELS] : null;
}
