// When a plan item names no owner, the importer suggests a lead unit from the item's subject
// matter. The reviewer sees the suggestion marked as such and confirms or changes it.

/** Subject words by unit short name (the directory's 简称). */
export const UNIT_KEYWORDS: Record<string, string[]> = {
  发改局: ['重点项目', '项目建设', '固定资产投资', '争资', '争取资金', '以工代赈', '能源', '发展改革', '要素保障', '营商环境'],
  工信局: ['工业', '规上企业', '规模以上', '制造', '倍增', '数字经济', '中小企业', '专精特新', '工业园', '新材料'],
  财政局: ['财政', '税收', '预算', '债务', '专项债', '过紧日子', '国有资产'],
  住建局: ['住房', '建筑业', '老旧小区', '保障性', '城镇化', '市政', '房地产', '县城建设'],
  农业农村局: ['农业', '粮食', '茶叶', '春茶', '种植', '养殖', '高标准农田', '农产品', '现代农业'],
  文旅局: ['旅游', '文旅', '景区', '游客', '民宿', '文化'],
  生态环境局: ['生态环境', '环保', '污染', '空气质量', '水环境', '碳排放', '秦岭保护'],
  人社局: ['就业', '技能培训', '社保', '社会保险', '人才', '劳动力', '社区工厂'],
  教育局: ['教育', '学校', '学前', '义务教育', '教师', '高中'],
  卫健局: ['医疗', '卫生', '健康', '医院', '医共体', '疫情防控'],
  商务局: ['商贸', '消费', '电商', '外贸', '市场提振', '商业', '物流园'],
  自然资源局: ['土地', '国土', '耕地', '用地', '矿产', '地质灾害'],
  交通运输局: ['交通', '公路', '道路', '通车', '客运'],
  水利局: ['水利', '防汛', '水库', '供水', '河湖', '河长'],
  应急管理局: ['安全生产', '应急', '防灾', '消防', '事故'],
  市场监管局: ['市场监管', '食品安全', '市场主体', '质量', '药品'],
  统计局: ['统计'],
  招商局: ['招商', '引资', '签约项目', '到位资金'],
  民政局: ['养老', '民政', '社会救助', '低保', '殡葬'],
  公安局: ['治安', '公安', '扫黑', '平安建设', '反诈'],
  林业局: ['林业', '造林', '森林', '林长'],
  乡村振兴局: ['乡村振兴', '脱贫', '返贫', '帮扶', '衔接'],
  城管局: ['城市管理', '市容', '环卫', '城市建管'],
  医保局: ['医保', '医疗保障'],
  县委办: ['党的二十大', '学习贯彻', '意识形态', '党建', '作风', '督查', '政治'],
};

/** The unit whose subject words occur most often in the text, or null when none occurs. */
export function suggestLeadUnit<U extends { shortName: string }>(text: string, units: U[]): U | null {
  let best: U | null = null;
  let bestScore = 0;
  for (const unit of units) {
    const words = UNIT_KEYWORDS[unit.shortName];
    if (!words) continue;
    let score = 0;
    for (const word of words) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) score++;
    }
    if (score > bestScore) {
      best = unit;
      bestScore = score;
    }
  }
  return best;
}
