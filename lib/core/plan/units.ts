/**
 * Measurement units that follow a quantity in county plans (亿元, 万亩, 个, 家, %, 个百分点 …).
 * Matching runs on SIMPLIFIED text; callers slice the document's own words at the same offsets.
 */

const BASE_UNITS = [
  '个百分点', '百分点', '个工作日', '工作日', '平方公里', '平方千米', '平方米', '立方米', '千瓦时', '千瓦', '兆瓦',
  '公里', '千米', '公顷', '公斤', '千克', '人次', '场次', '台次', '架次', '车次', '户次', '标箱', '床位', '小时', '分钟',
  '美元', '元', '米', '亩', '吨', '斤', '户', '家', '个', '项', '件', '座', '所', '处', '条', '台', '辆', '套', '张', '批',
  '期', '场', '次', '人', '名', '位', '支', '株', '棵', '头', '只', '羽', '间', '栋', '幢', '宗', '笔', '份', '篇', '部',
  '册', '本', '块', '眼', '口', '%', '‰', '倍', '天', '度', '袋', '盏', '根', '片', '箱', '瓶', '艘', '架', '尾', '枚', '颗',
  '门', '课时', '学时', '节', '兆瓦时', '千伏安', '标方', '起', '亩次', '方',
  // Latin-letter units (算力, 电力, 带宽): matched case-sensitively and only as a whole word.
  'EFLOPS', 'PFLOPS', 'TFLOPS', 'GWh', 'MWh', 'kWh', 'GW', 'MW', 'kW', 'Gbps', 'Mbps', 'TB', 'PB',
].sort((a, b) => b.length - a.length);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const UNIT_RE = new RegExp(`(余|多)?(千万|百万|十万|万|亿|千)?(余|多)?(${BASE_UNITS.map(escapeRe).join('|')})`, 'y');
const BARE_MAGNITUDE_RE = /(余|多)?(万|亿)(余|多)?/y;

export interface UnitMatch {
  /** End offset of the unit (after the base unit). */
  end: number;
  /** Offsets of the unit words (magnitude + base), excluding 余/多. */
  parts: Array<[number, number]>;
  /** Simplified unit string (magnitude + base), e.g. 万元, 个百分点. */
  unit: string;
  base: string;
  /** 余 / 多 ("3000余万元", "40多项"): more than the number. */
  approxAbove: boolean;
}

/** Unit starting at `pos` in simplified text `s`, or null. `6个月` (a duration) is not a unit. */
export function matchUnitAt(s: string, pos: number): UnitMatch | null {
  UNIT_RE.lastIndex = pos;
  let m = UNIT_RE.exec(s);
  if (m) {
    const base = m[4] ?? '';
    const end = pos + m[0].length;
    if (base === '个' && s[end] === '月') return null;
    if (base === '度' && /[假量过]/.test(s[end] ?? '')) return null;
    if (base === '期' && /[间限]/.test(s[end] ?? '')) return null;
    if (base === '部' && /[门署]/.test(s[end] ?? '')) return null;
    if (base === '名' && /[单录称]/.test(s[end] ?? '')) return null;
    // 起 counts cases (事故5起); 起步/起点/起码/起草/起算 are other words.
    if (base === '起' && /[步点码草算始止讫来]/.test(s[end] ?? '')) return null;
    // 方 is 立方米 only after 万/亿 (2亿方); 方面/方案/三方 are other words.
    if (base === '方' && (!m[2] || /[面案式向针法位]/.test(s[end] ?? ''))) return null;
    // A Latin unit ends at a word boundary (5GWh, not 5Gbps read as 5GW).
    if (/^[A-Za-z]/.test(base) && /[A-Za-z]/.test(s[end] ?? '')) return null;
    const parts: Array<[number, number]> = [];
    let cur = pos + (m[1]?.length ?? 0);
    if (m[2]) {
      parts.push([cur, cur + m[2].length]);
      cur += m[2].length;
    }
    cur += m[3]?.length ?? 0;
    // "10个百分点" → unit 百分点 (the measure word 个 is not part of the unit).
    const baseStart = base === '个百分点' ? cur + 1 : cur;
    parts.push([baseStart, cur + base.length]);
    const unitBase = base === '个百分点' ? '百分点' : base;
    return { end, parts, unit: (m[2] ?? '') + unitBase, base: unitBase, approxAbove: Boolean(m[1] || m[3]) };
  }
  BARE_MAGNITUDE_RE.lastIndex = pos;
  m = BARE_MAGNITUDE_RE.exec(s);
  if (m) {
    const mag = m[2] ?? '';
    const start = pos + (m[1]?.length ?? 0);
    return {
      end: pos + m[0].length,
      parts: [[start, start + mag.length]],
      unit: mag,
      base: mag,
      approxAbove: Boolean(m[1] || m[3]),
    };
  }
  return null;
}
