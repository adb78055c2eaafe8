/**
 * Review vs plan: which parts of a document look back (2023年工作回顾, 亮点, 一年来工作情况,
 * 成绩, 工作总结, 重点工作情况 …) and which look ahead (工作计划, 工作安排, 展望, 重点任务,
 * 下半年, 明年/2024年工作思路 …). Review items are kept but are not tasks.
 *
 * Also: framing paragraphs (guiding-ideology preambles, speech openings and closings) that
 * are not tasks either. All functions take SIMPLIFIED text.
 */

export type Phase = 'review' | 'plan' | null;

const REVIEW_WORDS =
  /回顾|亮点|一年来|过去一年|过去的一年|成绩|工作总结|总结|(?:工作|完成|进展|推进|开展|落实|执行|运行|发展|建设|主要)情况(?![监分调研])|主要做法|基本情况|取得的成效|主要成效|工作成效|存在的?问题|问题和不足|不足和问题|困难和问题|问题与不足|差距和不足|(?:认清|正视|分析)(?:形势|问题)|主要经验/;
const PLAN_WORDS =
  /计划|安排|展望|重点任务|主要任务|目标任务|下半年|明年|思路|打算|要点|下一步|今后|预期目标|主要目标|工作重点|重点工作(?!情况)|工作措施|主要措施|任务分解|责任分工|任务清单/;

/** Phase a heading (or a title) announces, or null. `planYear` decides year-only headings. */
export function headingPhase(heading: string, planYear: number): Phase {
  const h = heading.slice(0, 80);
  const review = REVIEW_WORDS.test(h);
  const plan = PLAN_WORDS.test(h);
  const years = [...h.matchAll(/((?:19|20)\d{2})年/g)].map((m) => Number(m[1]));
  if (review && !plan) return 'review';
  if (plan && !review) return 'plan';
  if (years.length > 0) {
    // Both kinds of words (or none): the year the heading is about decides.
    const y = years[years.length - 1] as number;
    if (review && plan) return y >= planYear ? 'plan' : 'review';
    if (/工作|任务|目标|项目/.test(h)) return y < planYear ? 'review' : 'plan';
  }
  return null;
}

/**
 * Phase from how a paragraph opens: 回顾去年 / 一年来 / 今年以来 / 2023年以来 / "2023年，…"
 * (a past year) open a retrospective.
 */
export function openerPhase(text: string, planYear: number): Phase {
  const t = text.slice(0, 24);
  if (/^(?:回顾|一年来|过去一年|过去的一年|去年以来|今年以来|上半年以来|近年来|自.{1,10}以来)/.test(t)) return 'review';
  const m = /^((?:19|20)\d{2})年(以来|[，,]|[上]半年)/.exec(t);
  if (m && (m[2] === '以来' || Number(m[1]) < planYear)) return 'review';
  return null;
}

const FRAMING =
  /为指导|指导思想|总体要求|现将.{0,20}(?:如下|报告)|(?:制定|总结|汇报|安排|报告|明确|提出)如下|讲.{0,4}(?:意见|几点)|会议安排|下面.{0,8}讲|我讲|同志们|今天(?:召开|我们召开)|印发给你们|请(?:认真)?(?:贯彻)?(?:遵照)?(?:执行|落实)。?$|^各[^。]{1,40}[：:]$|代表[^。，]{1,12}(?:向大会|向全会)?报告工作|请予审议|请各位[^。]{0,12}(?:提出意见|审议)|^各位(?:代表|委员)/;
const PURPOSE_PREAMBLE = /^为(?:深入|进一步|全面|认真)?(?:贯彻|落实|推动|推进|加快|确保|做好|实现).{2,80}?(?:特?制定|现制定|制定本|如下)/;

/** Guiding-ideology preambles, "为…特制定本计划" and speech openings/closings (not tasks). */
export function isFraming(text: string): boolean {
  const t = text.slice(0, 400);
  return FRAMING.test(t) || PURPOSE_PREAMBLE.test(t);
}

/** Closing remarks of a speech. */
export function isClosing(text: string): boolean {
  return /^(?:同志们|各位|让我们)/.test(text);
}

/** Default phase of a document from its title: a pure summary is review, anything else plan. */
export function titlePhase(title: string): 'review' | 'plan' {
  const review = /总结|回顾|工作情况|完成情况/.test(title);
  const plan = PLAN_WORDS.test(title) || /讲话|方案|意见|通知|清单|分解/.test(title);
  return review && !plan ? 'review' : 'plan';
}

/** Document-type words of a title. */
export const DOC_TYPE_WORDS = /计划|方案|要点|讲话|报告|总结|安排|意见|通知|清单|分解表|任务表|思路|规划|发言|责任书|承诺书|细则|办法/;
