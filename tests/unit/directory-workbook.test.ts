import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { diffDirectory, type Directory } from '@/lib/core/directory/directory-data';
import { buildDirectoryWorkbook, readDirectoryWorkbook } from '@/lib/core/directory/workbook';
import { issueText, validateDirectory } from '@/lib/core/directory/validate-directory';

const DIRECTORY: Directory = {
  units: [
    { code: 'fgj', name: '县发展和改革局', shortName: '发改局', kind: 'DEPARTMENT', sortOrder: 0, active: true, keywords: ['项目', '投资'], aliases: ['发改委'] },
    { code: 'xwb', name: '县委办公室', shortName: '县委办', kind: 'OTHER', sortOrder: 1, active: true, keywords: [], aliases: [] },
    { code: '007', name: '城关镇', shortName: '城关镇', kind: 'TOWNSHIP', sortOrder: 2, active: false, keywords: [], aliases: [] },
  ],
  users: [
    { username: 'admin', name: '王志强', title: '督查室主任', role: 'ADMIN', unitCode: 'xwb', phone: '13800000000', active: true },
    { username: 'leader', name: '张建华', title: '常务副县长', role: 'LEADER', unitCode: null, phone: null, active: true },
    { username: 'fgj_head', name: '杨卫东', title: null, role: 'UNIT_HEAD', unitCode: 'fgj', phone: '0915-1234567', active: false },
  ],
  leaders: [{ username: 'leader', unitCodes: ['fgj', '007'] }],
};

/** A workbook with the given sheets, each a header row followed by data rows. */
async function workbook(sheets: Record<string, (string | number)[][]>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function check(bytes: Uint8Array, current: Directory = DIRECTORY, actor = 'admin') {
  const { raw, issues } = await readDirectoryWorkbook(bytes);
  const result = validateDirectory(raw, current, actor);
  return { issues: [...issues, ...result.issues].map(issueText), incoming: result.incoming };
}

describe('directory workbook', () => {
  test('an exported workbook reads back as the same directory: importing it changes nothing', async () => {
    const bytes = new Uint8Array(await buildDirectoryWorkbook(DIRECTORY));
    const { issues, incoming } = await check(bytes);
    expect(issues).toEqual([]);
    const changes = diffDirectory(incoming, DIRECTORY);
    expect(changes.units).toEqual({ create: [], update: [], unchanged: 3 });
    expect(changes.users).toEqual({ create: [], update: [], unchanged: 3 });
    expect(changes.leaders).toEqual({ update: [], unchanged: 1 });
    // Into an empty county it creates exactly the same records.
    const fresh = diffDirectory(incoming, { units: [], users: [], leaders: [] });
    expect(fresh.units.create).toEqual(DIRECTORY.units);
    expect(fresh.users.create.map(({ initialPassword: _, ...user }) => user)).toEqual(DIRECTORY.users);
    expect(fresh.leaders.update.map((change) => change.after)).toEqual(DIRECTORY.leaders);
  });

  test('the template has the three sheets with their headers and no rows', async () => {
    const template = new Uint8Array(await buildDirectoryWorkbook({ units: [], users: [], leaders: [] }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.slice().buffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['单位', '人员', '分管']);
    expect(book.getWorksheet('人员')!.getRow(1).values).toEqual([
      undefined, '账号', '姓名', '职务', '角色', '单位编码', '单位全称', '手机', '启用', '初始密码',
    ]);
    const { raw, issues } = await readDirectoryWorkbook(template);
    expect(issues).toEqual([]);
    expect(raw).toEqual({ 单位: [], 人员: [], 分管: [] });
  });

  test('a new county: units by code, people by unit name or code, 分管 by either; words an office writes', async () => {
    const bytes = await workbook({
      单位: [['编码*', '全称', '简称', '类型（部门/镇办/其他）', '职责关键词'], ['jyj', '县教育局', '教育局', '部门', '学校，教师、 教育'], ['hlz', '回龙镇', '', '镇', '']],
      人员: [['账号', '姓名', '角色', '单位全称', '单位编码', '启用', '初始密码'], ['jyj_head', '周红', '负责人', '县教育局', '', '是', 'Jiaoyu2024'], ['leader9', '刘强', '县领导', '', '', '', '']],
      分管: [['领导账号', '单位'], ['leader9', '教育局'], ['leader9', 'hlz、县教育局']],
    });
    const { issues, incoming } = await check(bytes, { units: [], users: [], leaders: [] });
    expect(issues).toEqual([]);
    expect(incoming.units).toEqual([
      { row: 2, code: 'jyj', name: '县教育局', shortName: '教育局', kind: 'DEPARTMENT', sortOrder: null, active: true, keywords: ['学校', '教师', '教育'], aliases: [] },
      { row: 3, code: 'hlz', name: '回龙镇', shortName: '回龙镇', kind: 'TOWNSHIP', sortOrder: null, active: true, keywords: [], aliases: [] },
    ]);
    expect(incoming.users.map((user) => [user.username, user.role, user.unitCode, user.initialPassword])).toEqual([
      ['jyj_head', 'UNIT_HEAD', 'jyj', 'Jiaoyu2024'],
      ['leader9', 'LEADER', null, null],
    ]);
    expect(incoming.leaders).toEqual([{ username: 'leader9', unitCodes: ['jyj', 'hlz'], row: 2 }]);
    const changes = diffDirectory(incoming, { units: [], users: [], leaders: [] });
    expect(changes.units.create.map((unit) => unit.sortOrder)).toEqual([0, 1]);
  });

  test('every bad row is reported with its sheet, row number and column', async () => {
    const bytes = await workbook({
      单位: [
        ['编码', '全称', '简称', '类型', '排序', '启用'],
        ['fgj', '县发展和改革局', '发改局', '部门', '', ''],
        ['fgj', '县发改局二', '', '部门', '', ''],
        ['bad code', '县某局', '', '局', 'x', '可能'],
        ['tjj', '县委办公室', '', '部门', '', ''],
      ],
      人员: [
        ['账号', '姓名', '角色', '单位编码', '手机', '初始密码'],
        ['zhang', '', '单位联络员', '', '12ab', 'zhang'],
        ['admin', '王志强', '县领导', 'xwb', '', ''],
        ['li', '李四', '单位负责人', 'nope', '', ''],
      ],
      分管: [['领导账号', '单位'], ['fgj_head', 'fgj'], ['leader', '不存在局'], ['ghost', 'fgj']],
    });
    const { issues } = await check(bytes);
    expect(issues).toEqual([
      '“单位”表 第 3 行 编码：编码“fgj”与第 2 行重复',
      '“单位”表 第 4 行 编码：编码只能包含字母、数字、下划线或短横线',
      '“单位”表 第 4 行 类型：类型应为 部门、镇办 或 其他',
      '“单位”表 第 4 行 排序：排序应为整数',
      '“单位”表 第 4 行 启用：应填 是 或 否',
      '“单位”表 第 5 行 全称：全称“县委办公室”已被单位“xwb”使用',
      '“人员”表 第 2 行 姓名：请填写姓名',
      '“人员”表 第 2 行 手机：电话号码格式不正确',
      '“人员”表 第 2 行 单位全称：单位联络员必须填写所在单位',
      '“人员”表 第 2 行 初始密码：密码至少 8 位；密码须同时包含字母和数字；密码不能包含账号名',
      '“人员”表 第 3 行 角色：不能停用或降级当前登录的账号',
      '“人员”表 第 4 行 单位编码：找不到编码为“nope”的单位',
      '“分管”表 第 2 行 领导账号：账号“fgj_head”的角色是单位负责人，不是县领导',
      '“分管”表 第 3 行 单位：找不到单位“不存在局”（请填写单位编码或全称）',
      '“分管”表 第 4 行 领导账号：找不到账号“ghost”',
    ]);
  });

  test('a file that is not a directory workbook is refused as a whole', async () => {
    expect((await check(new TextEncoder().encode('not a zip'))).issues).toEqual(['无法读取该文件，请上传 .xlsx 格式的目录工作簿']);
    expect((await check(await workbook({ Sheet1: [['a']] }))).issues).toEqual(['工作簿中没有名为“单位”“人员”或“分管”的工作表']);
    expect((await check(await workbook({ 人员: [['姓名', '手机']] }))).issues).toEqual(['“人员”表 第 1 行：找不到表头：第 1 行应包含 “账号”、“姓名”、“角色” 列']);
  });

  test('renaming a unit in the workbook: people may still name it by its old name; a blank 排序 keeps the order', async () => {
    const bytes = await workbook({
      单位: [['编码', '全称', '简称', '类型'], ['fgj', '县发展改革局', '发改局', '部门']],
      人员: [['账号', '姓名', '角色', '单位全称'], ['fgj_head', '杨卫东', '单位负责人', '县发展和改革局']],
    });
    const { issues, incoming } = await check(bytes);
    expect(issues).toEqual([]);
    const changes = diffDirectory(incoming, DIRECTORY);
    expect(changes.units.update).toEqual([{ before: DIRECTORY.units[0], after: { ...DIRECTORY.units[0], name: '县发展改革局', keywords: [], aliases: [] } }]);
    expect(changes.users.update.map(({ after }) => [after.unitCode, after.active, after.phone])).toEqual([['fgj', true, null]]);
  });
});
