// Who should own a plan item the document does not assign: suggestions from the county's own
// directory. Three kinds of evidence, strongest first: what the office chose for a similar item
// before (its corrections on review), units the text names (全称, 简称, aliases such as 招商局 for
// 投资促进局), and each unit's 职责 keywords. Every suggestion carries the words that produced it,
// so the reviewer sees why; no good evidence gives no suggestion (the item is 待分配).
import { toSimplifiedAligned } from './clean';

export type SuggestionUnit = { id: string; name: string; shortName: string; kind?: string; keywords?: readonly string[]; aliases?: readonly string[] };
/** A reviewer's earlier choice of lead unit for an item (its title and text as then). */
export type OwnerCorrection = { title: string; text: string; unitId: string };

type Duty = { name: RegExp; keywords: string[]; aliases: string[] };

/**
 * 职责 keywords and usual other names of the common 部门 of a Chinese county, found by the unit's
 * own name whatever the county calls it (县发展和改革局, 发改委, 发展改革局 …). They apply to a
 * unit until the office keeps keywords of its own on the unit's page.
 */
export const DEFAULT_DUTIES: Duty[] = [
  { name: /发展和?改革|发改/, keywords: ['项目', '投资', '项目建设', '重点项目', '固定资产投资', '完成投资', '争资', '争取资金', '中央预算内', '以工代赈', '能源', '要素保障', '营商环境', '放管服', '社会信用', '粮食储备', '新型城镇化', '城乡融合'], aliases: ['发改局', '发改委', '发展改革局', '发展改革委'] },
  { name: /工业和?信息化|工信|经济和?信息化|经信|工业商务|工业经济/, keywords: ['工业', '规上工业', '规上企业', '工业企业', '纳规', '倍增', '制造业', '数字经济', '中小企业', '专精特新', '工业园', '工业项目', '新材料', '产业集群', '技术改造', '技改', '实体经济'], aliases: ['工信局', '经信局', '工信委'] },
  { name: /财政/, keywords: ['财政', '税收', '预算', '债务', '专项债', '过紧日子', '国有资产', '国资', '地方政府债'], aliases: ['财政局'] },
  { name: /住房和?城乡建设|住建|城乡建设|建设局|建设和?交通/, keywords: ['住房', '建筑业', '老旧小区', '棚户区', '保障性住房', '城镇建设', '县城建设', '市政', '房地产', '雨污分流', '城市更新', '文明县城', '燃气', '物业'], aliases: ['住建局', '建设局'] },
  { name: /农业农村|农业局|农业和?农村|农林/, keywords: ['农业', '粮食', '粮食生产', '茶叶', '茶园', '种植', '养殖', '畜牧', '高标准农田', '农产品', '现代农业', '宅基地', '农村改革', '村集体经济', '集体经济', '人居环境', '厕所革命', '和美乡村', '农村'], aliases: ['农业局', '农业农村局', '农林局'] },
  { name: /文化和?旅游|文旅|文化广电|文广|旅游/, keywords: ['旅游', '全域旅游', '文旅', '景区', '游客', '民宿', '文化', '康养', '非遗', '文物', '体育'], aliases: ['文旅局', '旅游局', '文广局'] },
  { name: /生态环境|环保|环境保护/, keywords: ['生态环境', '生态', '环保', '污染防治', '污染', '空气质量', '蓝天', '碧水', '净土', '水环境', '碳排放', '环保督察', '秦岭保护', '生态文明'], aliases: ['生态环境局', '环保局', '生态环境分局'] },
  { name: /人力资源和?社会保障|人社|人力资源/, keywords: ['就业', '城镇新增就业', '技能培训', '社保', '社会保险', '养老保险', '劳动力', '劳务', '农民工', '社区工厂', '高校毕业生', '创业'], aliases: ['人社局'] },
  { name: /教育/, keywords: ['教育', '学校', '学前', '义务教育', '教师', '高中', '幼儿园', '校园', '学生'], aliases: ['教育局', '教体局'] },
  { name: /卫生健康|卫健|卫生/, keywords: ['医疗', '卫生', '健康', '医院', '医共体', '疫情防控', '疾控', '公共卫生', '卫生院', '婴幼儿', '重症'], aliases: ['卫健局', '卫健委', '卫生局'] },
  { name: /商务|商贸|商业/, keywords: ['商贸', '消费', '电商', '外贸', '市场提振', '商业', '物流', '服务业', '限上', '社会消费品零售', '促消费', '夜经济', '三产', '第三产业', '总部经济'], aliases: ['商务局'] },
  { name: /自然资源|国土/, keywords: ['国土空间规划', '规划', '国土', '耕地', '用地', '土地', '矿产', '地质灾害', '不动产', '土地征收', '增减挂钩'], aliases: ['自然资源局', '自然资源分局', '国土局'] },
  { name: /交通/, keywords: ['交通', '公路', '国道', '省道', '农村公路', '四好农村路', '通车', '客运', '桥梁', '高速'], aliases: ['交通局', '交通运输局'] },
  { name: /水利|水务/, keywords: ['水利', '防汛', '水库', '供水', '饮水安全', '河湖', '河长制', '水土保持', '小水电', '灌区'], aliases: ['水利局', '水务局'] },
  { name: /应急/, keywords: ['安全生产', '应急', '防灾', '减灾', '消防', '事故', '森林防火', '三管三必须'], aliases: ['应急局', '应急管理局'] },
  { name: /市场监督|市场监管|市场管理/, keywords: ['市场监管', '食品安全', '药品安全', '市场主体', '质量强县', '知识产权', '个体工商户', '特种设备'], aliases: ['市场监管局', '市监局'] },
  { name: /统计/, keywords: ['统计', '统计监测', '入统', '数据质量'], aliases: ['统计局'] },
  { name: /投资促进|招商|投资合作|经济合作/, keywords: ['招商', '招商引资', '引资', '签约项目', '到位资金', '落地项目', '客商'], aliases: ['招商局', '投资促进局', '投促局', '招商中心', '投资促进中心'] },
  { name: /民政/, keywords: ['养老', '民政', '社会救助', '低保', '殡葬', '特困', '儿童福利', '社会福利', '残疾', '一老一小'], aliases: ['民政局'] },
  { name: /公安/, keywords: ['治安', '公安', '扫黑', '反诈', '电信诈骗', '交通安全', '禁毒'], aliases: ['公安局'] },
  { name: /林业|林草/, keywords: ['林业', '造林', '森林', '林长制', '林草', '国土绿化', '自然保护区'], aliases: ['林业局'] },
  { name: /乡村振兴|扶贫/, keywords: ['乡村振兴', '脱贫', '防返贫', '返贫', '帮扶', '巩固拓展', '三保障', '易地搬迁', '搬迁群众'], aliases: ['乡村振兴局', '扶贫办'] },
  { name: /城市管理|城管|综合执法/, keywords: ['城市管理', '市容', '环卫', '城市建管', '城市精细化', '一网统管', '城市运行', '户外广告', '亮化', '垃圾', '违法建设', '占道'], aliases: ['城管局', '城管执法局', '城市管理局'] },
  { name: /医疗保障|医保/, keywords: ['医保', '医疗保障', '医疗保险'], aliases: ['医保局'] },
  { name: /科学技术|科技/, keywords: ['科技', '科技型企业', '高新技术', '研发', '创新驱动', '科技创新', '科技成果'], aliases: ['科技局'] },
  { name: /行政审批|政务服务|数据资源|大数据/, keywords: ['政务服务', '行政审批', '一网通办', '放管服', '数字政府', '政务数据', '大数据'], aliases: ['审批局', '政务服务中心', '数据局', '大数据局'] },
  { name: /审计/, keywords: ['审计'], aliases: ['审计局'] },
  { name: /司法/, keywords: ['法治', '普法', '公共法律服务', '人民调解', '法治政府'], aliases: ['司法局'] },
  { name: /退役军人/, keywords: ['退役军人', '双拥', '优抚'], aliases: ['退役军人局'] },
  { name: /宣传部/, keywords: ['宣传', '学习贯彻', '理论学习', '意识形态', '精神文明', '文明创建', '新时代文明实践', '网络舆情'], aliases: ['宣传部', '县委宣传部'] },
  { name: /组织部/, keywords: ['党建', '基层党组织', '干部队伍', '干部', '人才', '党员', '组织建设'], aliases: ['组织部', '县委组织部'] },
  { name: /政法委/, keywords: ['平安建设', '社会治理', '矛盾纠纷', '政法', '综治', '网格化'], aliases: ['政法委', '县委政法委'] },
  { name: /纪委|监委|纪律检查/, keywords: ['作风建设', '四风', '清廉', '廉政', '党风廉政', '监督执纪'], aliases: ['纪委监委', '县纪委'] },
  { name: /信访/, keywords: ['信访'], aliases: ['信访局'] },
  { name: /税务/, keywords: ['税收征管', '纳税', '减税降费'], aliases: ['税务局'] },
];

function simplify(text: string): string {
  return toSimplifiedAligned(text).replace(/\s+/g, '');
}

/** The unit's name without a leading county/city word (县发展和改革局 → 发展和改革局). */
function bareName(name: string): string {
  return name.replace(/^[\u4e00-\u9fff]{0,6}?[县区旗](?![委政级])(?=[\u4e00-\u9fff]{4,})/, '');
}

function defaultDuty(unit: SuggestionUnit): Duty | null {
  const name = simplify(`${unit.name}|${unit.shortName}`);
  return DEFAULT_DUTIES.find((d) => d.name.test(name)) ?? null;
}

/** The 职责 keywords used for a unit: its own when the office kept some, else the default for its kind. */
export function dutyKeywords(unit: SuggestionUnit): string[] {
  const own = (unit.keywords ?? []).map((k) => k.trim()).filter((k) => k.length >= 2);
  return own.length > 0 ? own : (defaultDuty(unit)?.keywords ?? []);
}

/** The default 职责 keywords a unit of this name gets, shown on the unit page (empty when none fits). */
export function defaultDutyKeywords(unit: Pick<SuggestionUnit, 'name' | 'shortName'>): string[] {
  return defaultDuty({ id: '', ...unit })?.keywords ?? [];
}

/** Every name the text may use for the unit: full name, name without the county word, short name, aliases (its own and the usual ones). */
export function unitNames(unit: SuggestionUnit): string[] {
  const names = [unit.name, bareName(unit.name), unit.shortName, ...(unit.aliases ?? []), ...(defaultDuty(unit)?.aliases ?? [])]
    .map((n) => simplify(n ?? ''))
    .filter((n) => n.length >= 3 || (n.length === 2 && /[局委办镇乡]$/.test(n)));
  return [...new Set(names)];
}

/** `strong`: a keyword in the title, or two different keywords in the text; a lone word in passing is not a subject. */
export type UnitScore = { unitId: string; score: number; strong: boolean; words: number; first: number; reason: string };

/** Counts occurrences of `word` in `text`. */
function count(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) n++;
  return n;
}

/** A unit's name used as a place (农业局三期棚户区, 财政局家属院) names no owner. */
const PLACE_AFTER = /^(?:[一二三四五六七八九十\d]+期|片区|小区|家属|宿舍|院落|旧址|大院|路|街|巷|广场|门前|周边|附近)/;

/**
 * Units named in the text, in order of first mention. A name inside a longer matching name
 * (财政局 inside 县财政局) counts once; a usual alias two units share goes to neither.
 */
export function mentionedUnits(text: string, units: SuggestionUnit[]): { unitId: string; word: string; at: number }[] {
  const s = simplify(text);
  const hits: { unitId: string; word: string; at: number; end: number }[] = [];
  const owners = new Map<string, Set<string>>();
  for (const unit of units) for (const name of unitNames(unit)) owners.set(name, (owners.get(name) ?? new Set()).add(unit.id));
  for (const unit of units) {
    for (const name of unitNames(unit)) {
      if ((owners.get(name)?.size ?? 0) > 1) continue;
      for (let at = s.indexOf(name); at >= 0; at = s.indexOf(name, at + name.length)) {
        if (PLACE_AFTER.test(s.slice(at + name.length, at + name.length + 4))) continue;
        hits.push({ unitId: unit.id, word: name, at, end: at + name.length });
      }
    }
  }
  // Longest match first at each place; drop matches covered by a longer one.
  hits.sort((a, b) => a.at - b.at || b.end - b.at - (a.end - a.at));
  const kept: typeof hits = [];
  for (const hit of hits) if (!kept.some((k) => hit.at >= k.at && hit.end <= k.end)) kept.push(hit);
  const first = new Map<string, { unitId: string; word: string; at: number }>();
  for (const k of kept) if (!first.has(k.unitId)) first.set(k.unitId, { unitId: k.unitId, word: k.word, at: k.at });
  return [...first.values()].sort((a, b) => a.at - b.at);
}

/**
 * Units scored by their 职责 keywords: a keyword in the item's title counts 3, each further
 * occurrence in the text 1 (at most 2 per keyword), so one word repeated does not outweigh a subject.
 */
export function keywordScores(title: string, text: string, units: SuggestionUnit[]): UnitScore[] {
  const t = simplify(title);
  const s = simplify(text);
  const scores: UnitScore[] = [];
  for (const unit of units) {
    const words = dutyKeywords(unit)
      .map(simplify)
      .sort((a, b) => b.length - a.length);
    let score = 0;
    let titled = false;
    let first = Infinity;
    const matched: string[] = [];
    for (const word of words) {
      // A keyword inside a longer matched keyword of the same unit adds nothing (项目 in 重点项目).
      const nested = matched.some((m) => m.includes(word));
      const inTitle = t.includes(word) ? 3 : 0;
      const inText = nested ? 0 : Math.min(2, count(s, word));
      if (inTitle + inText === 0) continue;
      score += inTitle + inText;
      titled ||= inTitle > 0;
      first = Math.min(first, inTitle ? -1 : s.indexOf(word));
      matched.push(word);
    }
    if (score > 0) scores.push({ unitId: unit.id, score, strong: titled || matched.length >= 2, words: matched.length, first, reason: `职责关键词：${matched.slice(0, 4).join('、')}` });
  }
  // Equal scores: the unit with more different words, then the one the text speaks of first.
  return scores.sort((a, b) => b.score - a.score || b.words - a.words || a.first - b.first);
}

/** Character bigrams of the simplified text, punctuation and digits left out. */
function bigrams(text: string): Set<string> {
  const s = simplify(text).replace(/[^\u4e00-\u9fffA-Za-z]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Similarity of two items in [0, 1]: the better of their titles' and their texts' bigram overlap (Dice). */
export function itemSimilarity(a: { title: string; text: string }, b: { title: string; text: string }): number {
  const dice = (x: Set<string>, y: Set<string>) => {
    if (x.size === 0 || y.size === 0) return 0;
    let common = 0;
    for (const g of x) if (y.has(g)) common++;
    return (2 * common) / (x.size + y.size);
  };
  return Math.max(dice(bigrams(a.title), bigrams(b.title)), dice(bigrams(a.text.slice(0, 400)), bigrams(b.text.slice(0, 400))));
}

export const CORRECTION_SIMILARITY = 0.5;

export type OwnerSuggestion = {
  leadUnitId: string | null;
  source: 'correction' | 'mention' | 'keyword' | null;
  leadReason: string | null;
  /** Co-units with the reason for each. */
  coUnits: { unitId: string; reason: string }[];
};

/**
 * Suggests the lead and co-units of an item whose document names none. Order of evidence: the
 * most similar earlier correction (if similar enough), the first 部门 the text names, the best
 * 职责 keyword score, a township the text names. Further named units and strong second keyword matches become co-units.
 */
export function suggestOwners(
  item: { title: string; text: string },
  units: SuggestionUnit[],
  corrections: readonly OwnerCorrection[] = [],
): OwnerSuggestion {
  const known = new Set(units.map((u) => u.id));
  const nameOf = new Map(units.map((u) => [u.id, u.shortName || u.name]));
  let best: { c: OwnerCorrection; sim: number } | null = null;
  for (const c of corrections) {
    if (!known.has(c.unitId)) continue;
    const sim = itemSimilarity(item, c);
    if (sim >= CORRECTION_SIMILARITY && (!best || sim > best.sim)) best = { c, sim };
  }
  const mentions = mentionedUnits(`${item.title}。${item.text}`, units);
  const scores = keywordScores(item.title, item.text, units);
  // A township named in the text is where the work happens more often than who leads it.
  const kindOf = new Map(units.map((u) => [u.id, u.kind]));
  const departmentMention = mentions.find((m) => kindOf.get(m.unitId) !== 'TOWNSHIP');

  let leadUnitId: string | null = null;
  let source: OwnerSuggestion['source'] = null;
  let leadReason: string | null = null;
  if (best) {
    leadUnitId = best.c.unitId;
    source = 'correction';
    const shown = best.c.title.length > 24 ? `${best.c.title.slice(0, 23)}…` : best.c.title;
    leadReason = `此前审核时将相似事项「${shown}」改为${nameOf.get(leadUnitId)}`;
  } else if (departmentMention) {
    leadUnitId = departmentMention.unitId;
    source = 'mention';
    leadReason = `文中提到「${departmentMention.word}」`;
  } else if (scores[0]?.strong) {
    leadUnitId = scores[0].unitId;
    source = 'keyword';
    leadReason = scores[0].reason;
  } else if (mentions[0]) {
    leadUnitId = mentions[0].unitId;
    source = 'mention';
    leadReason = `文中提到「${mentions[0].word}」`;
  }

  const coUnits: OwnerSuggestion['coUnits'] = [];
  const add = (unitId: string, reason: string) => {
    if (unitId !== leadUnitId && !coUnits.some((c) => c.unitId === unitId)) coUnits.push({ unitId, reason });
  };
  for (const m of mentions) add(m.unitId, `文中提到「${m.word}」`);
  // A second subject (two or more of its words) about as strong as the lead's: the unit likely shares the work.
  const leadScore = scores.find((s) => s.unitId === leadUnitId)?.score ?? 0;
  for (const s of scores.slice(0, 4)) {
    if (s.unitId === leadUnitId || coUnits.length >= 3) continue;
    if (s.words >= 2 && s.score >= Math.max(3, leadScore * 0.6)) add(s.unitId, s.reason);
  }
  return { leadUnitId, source, leadReason, coUnits };
}
