import { describe, expect, it } from 'vitest';
import { navItemsFor } from '@/app/(app)/nav-items';

describe('the navigation is derived from the role permissions', () => {
  it.each([
    ['ADMIN', ['工作台', '任务台账', '计划导入', '报告审核', '单位排名', '年终考核', '通报', '承诺书', '核验', '组织机构', '审计']],
    ['LEADER', ['驾驶舱', '任务', '单位排名', '年终考核', '承诺书', '核验']],
    ['UNIT_HEAD', ['本单位', '任务', '承诺书', '核验']],
    ['UNIT_STAFF', ['本单位', '任务', '核验']],
  ] as const)('%s sees %j', (role, labels) => {
    const items = navItemsFor({ role });
    expect(items.map((item) => item.label)).toEqual(labels);
    expect(new Set(items.map((item) => item.href)).size).toBe(items.length);
  });
});
