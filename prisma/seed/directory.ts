// The demo county: its units, leaders with the units they oversee (分管), and the office.
export type DirectoryUnit = { code: string; name: string; shortName: string; kind: 'DEPARTMENT' | 'TOWNSHIP' | 'OTHER' };

export const COUNTY_NAME = '示范县';

export const UNITS: DirectoryUnit[] = [
  { code: 'fgj', name: '县发展和改革局', shortName: '发改局', kind: 'DEPARTMENT' },
  { code: 'gxj', name: '县工业和信息化局', shortName: '工信局', kind: 'DEPARTMENT' },
  { code: 'czj', name: '县财政局', shortName: '财政局', kind: 'DEPARTMENT' },
  { code: 'zjj', name: '县住房和城乡建设局', shortName: '住建局', kind: 'DEPARTMENT' },
  { code: 'nyncj', name: '县农业农村局', shortName: '农业农村局', kind: 'DEPARTMENT' },
  { code: 'wlj', name: '县文化和旅游局', shortName: '文旅局', kind: 'DEPARTMENT' },
  { code: 'sthjj', name: '县生态环境局', shortName: '生态环境局', kind: 'DEPARTMENT' },
  { code: 'rsj', name: '县人力资源和社会保障局', shortName: '人社局', kind: 'DEPARTMENT' },
  { code: 'jyj', name: '县教育局', shortName: '教育局', kind: 'DEPARTMENT' },
  { code: 'wjj', name: '县卫生健康局', shortName: '卫健局', kind: 'DEPARTMENT' },
  { code: 'swj', name: '县商务局', shortName: '商务局', kind: 'DEPARTMENT' },
  { code: 'zrzyj', name: '县自然资源局', shortName: '自然资源局', kind: 'DEPARTMENT' },
  { code: 'jtysj', name: '县交通运输局', shortName: '交通运输局', kind: 'DEPARTMENT' },
  { code: 'slj', name: '县水利局', shortName: '水利局', kind: 'DEPARTMENT' },
  { code: 'yjglj', name: '县应急管理局', shortName: '应急管理局', kind: 'DEPARTMENT' },
  { code: 'scjgj', name: '县市场监督管理局', shortName: '市场监管局', kind: 'DEPARTMENT' },
  { code: 'tjj', name: '县统计局', shortName: '统计局', kind: 'DEPARTMENT' },
  { code: 'tcj', name: '县投资促进局', shortName: '招商局', kind: 'DEPARTMENT' },
  { code: 'mzj', name: '县民政局', shortName: '民政局', kind: 'DEPARTMENT' },
  { code: 'gaj', name: '县公安局', shortName: '公安局', kind: 'DEPARTMENT' },
  { code: 'lyj', name: '县林业局', shortName: '林业局', kind: 'DEPARTMENT' },
  { code: 'xczxj', name: '县乡村振兴局', shortName: '乡村振兴局', kind: 'DEPARTMENT' },
  { code: 'cgj', name: '县城市管理执法局', shortName: '城管局', kind: 'DEPARTMENT' },
  { code: 'ybj', name: '县医疗保障局', shortName: '医保局', kind: 'DEPARTMENT' },
  { code: 'xwb', name: '县委办公室', shortName: '县委办', kind: 'OTHER' },
  { code: 'cgz', name: '城关镇', shortName: '城关镇', kind: 'TOWNSHIP' },
  { code: 'yljd', name: '永乐街道办事处', shortName: '永乐街道', kind: 'TOWNSHIP' },
  { code: 'hlz', name: '回龙镇', shortName: '回龙镇', kind: 'TOWNSHIP' },
  { code: 'xkz', name: '西口回族镇', shortName: '西口镇', kind: 'TOWNSHIP' },
  { code: 'gfz', name: '高峰镇', shortName: '高峰镇', kind: 'TOWNSHIP' },
  { code: 'qtgz', name: '青铜关镇', shortName: '青铜关镇', kind: 'TOWNSHIP' },
  { code: 'cpz', name: '柴坪镇', shortName: '柴坪镇', kind: 'TOWNSHIP' },
  { code: 'drz', name: '达仁镇', shortName: '达仁镇', kind: 'TOWNSHIP' },
];

// 职责 keywords by unit code: the importer suggests a lead unit from them (and from the defaults for
// a unit's kind, lib/core/plan/owner-suggestion.ts) when a plan item names none.
export const UNIT_KEYWORDS: Record<string, string[]> = {
  // The office's own keywords where no default fits; the other units use the defaults for their kind.
  xwb: ['党的二十大', '学习贯彻', '意识形态', '党建', '作风', '督查', '政治', '党员干部', '选人用人', '信访'],
};

export const LEADERS = [
  { username: 'leader', name: '张建华', title: '常务副县长', oversees: ['fgj', 'czj', 'tjj', 'tcj', 'swj', 'gxj'] },
  { username: 'leader2', name: '李明远', title: '副县长', oversees: ['zjj', 'zrzyj', 'jtysj', 'cgj', 'yjglj', 'sthjj', 'gaj'] },
  { username: 'leader3', name: '刘国平', title: '副县长', oversees: ['nyncj', 'slj', 'lyj', 'xczxj', 'cgz', 'yljd', 'hlz', 'xkz', 'gfz', 'qtgz', 'cpz', 'drz'] },
  { username: 'leader4', name: '陈晓梅', title: '副县长', oversees: ['jyj', 'wjj', 'rsj', 'mzj', 'ybj', 'wlj', 'scjgj'] },
];

export const ADMINS = [
  { username: 'admin', name: '王志强', title: '县委办督查室主任', unitCode: 'xwb' },
  { username: 'admin2', name: '赵丽', title: '督查室干事', unitCode: 'xwb' },
];

// Every unit other than the office gets a head (负责人) and a liaison (联络员): <code>_head, <code>_staff.
export const DEMO_PASSWORD = 'luoshi2024';

const SURNAMES = ['杨', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡'];
export function unitPeopleNames(index: number) {
  const surname = SURNAMES[index % SURNAMES.length]!;
  return { head: `${surname}卫东`, staff: `${surname}小雨` };
}
