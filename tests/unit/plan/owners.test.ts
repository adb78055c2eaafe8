import { describe, expect, test } from 'vitest';
import { extractOwners, matchUnits, splitOwnerList } from '@/lib/core/plan/owners';

const directory = [
  { name: '县发展和改革局', shortName: '县发改局' },
  { name: '县财政局', shortName: '县财政局' },
  { name: '县住房和城乡建设局', shortName: '县住建局' },
  { name: '县农业农村局', shortName: '县农业农村局' },
  { name: '县人力资源和社会保障局', shortName: '县人社局' },
  { name: '县市场监督管理局', shortName: '县市场监管局' },
];

describe('extractOwners', () => {
  test('labelled lines: 牵头单位 / 配合单位 / 牵头领导', () => {
    expect(extractOwners('牵头单位：县发改局')).toEqual({ leaders: [], leadUnits: ['县发改局'], coUnits: [] });
    expect(extractOwners('配合单位：县自然资源局、县住建局')).toEqual({ leaders: [], leadUnits: [], coUnits: ['县自然资源局', '县住建局'] });
    expect(extractOwners('牵头领导：张建华')).toEqual({ leaders: ['张建华'], leadUnits: [], coUnits: [] });
    expect(extractOwners('包抓领导：李明、王强')).toEqual({ leaders: ['李明', '王强'], leadUnits: [], coUnits: [] });
    expect(extractOwners('分管领导：赵副县长')).toEqual({ leaders: ['赵副县长'], leadUnits: [], coUnits: [] });
  });

  test('several labels in one line', () => {
    expect(extractOwners('牵头领导：张建华；牵头单位：县发改局；配合单位：县财政局、各镇（街道）')).toEqual({
      leaders: ['张建华'],
      leadUnits: ['县发改局'],
      coUnits: ['县财政局', '各镇（街道）'],
    });
  });

  test('责任单位 leads unless a 牵头单位 is named', () => {
    expect(extractOwners('责任单位：县交通局、县住建局')).toEqual({ leaders: [], leadUnits: ['县交通局', '县住建局'], coUnits: [] });
    expect(extractOwners('牵头单位：县交通局；责任单位：各镇')).toEqual({ leaders: [], leadUnits: ['县交通局'], coUnits: ['各镇'] });
  });

  test('brackets (A、B牵头,C按职责分工负责)', () => {
    expect(extractOwners('完成XX路改造（县交通局、县住建局牵头，各镇（街道）按职责分工负责）')).toEqual({
      leaders: [],
      leadUnits: ['县交通局', '县住建局'],
      coUnits: ['各镇（街道）'],
    });
    expect(extractOwners('加强人才引进。(县委组织部、县人社局牵头,各部门按职责分工负责)')).toEqual({
      leaders: [],
      leadUnits: ['县委组织部', '县人社局'],
      coUnits: ['各部门'],
    });
    expect(extractOwners('推进项目建设（责任单位：县发改局；配合单位：县财政局）')).toEqual({
      leaders: [],
      leadUnits: ['县发改局'],
      coUnits: ['县财政局'],
    });
    expect(extractOwners('（县水利局负责，县农业农村局配合）')).toEqual({ leaders: [], leadUnits: ['县水利局'], coUnits: ['县农业农村局'] });
  });

  test('由…牵头 names a unit only when it looks like one', () => {
    expect(extractOwners('由县政府办公室负责统筹协调')).toEqual({ leaders: [], leadUnits: ['县政府办公室'], coUnits: [] });
    expect(extractOwners('由企业自主负责')).toEqual({ leaders: [], leadUnits: [], coUnits: [] });
  });

  test('brackets without owner words are ignored', () => {
    expect(extractOwners('完成建设农村寄递物流示范村（社区）15个以上')).toEqual({ leaders: [], leadUnits: [], coUnits: [] });
  });

  test('traditional text returns the document words', () => {
    expect(extractOwners('牽頭單位：縣發改局；配合單位：縣財政局')).toEqual({ leaders: [], leadUnits: ['縣發改局'], coUnits: ['縣財政局'] });
  });

  test('with a directory: glued names are split and names followed by 牵头 are found', () => {
    expect(extractOwners('牵头单位：县发改局县财政局', { units: directory })).toEqual({
      leaders: [],
      leadUnits: ['县发改局', '县财政局'],
      coUnits: [],
    });
    expect(extractOwners('县住建局牵头，县财政局配合，完成老旧小区改造', { units: directory })).toEqual({
      leaders: [],
      leadUnits: ['县住建局'],
      coUnits: ['县财政局'],
    });
    // Without a directory the unbracketed form is not guessed.
    expect(extractOwners('县住建局牵头，县财政局配合，完成老旧小区改造')).toEqual({ leaders: [], leadUnits: [], coUnits: [] });
  });
});

describe('splitOwnerList', () => {
  test('splits on 、，, / and spaces, drops 等', () => {
    expect(splitOwnerList('县发改局、县财政局，各镇（街道）等')).toEqual(['县发改局', '县财政局', '各镇（街道）']);
    expect(splitOwnerList('县住房和城乡建设局/县交通运输局')).toEqual(['县住房和城乡建设局', '县交通运输局']);
  });
});

describe('matchUnits', () => {
  test('by full name or short name', () => {
    expect(matchUnits(['县发展和改革局', '县住建局'], directory)).toEqual([directory[0], directory[2]]);
  });

  test('ignoring a leading 县 and traditional characters', () => {
    expect(matchUnits(['发改局'], directory)).toEqual([directory[0]]);
    expect(matchUnits(['縣發改局'], directory)).toEqual([directory[0]]);
    expect(matchUnits(['人力资源和社会保障局'], directory)).toEqual([directory[4]]);
  });

  test('unknown words and generic words match nothing; results are unique', () => {
    expect(matchUnits(['各镇', '县委组织部', ''], directory)).toEqual([]);
    expect(matchUnits(['县发改局', '县发展和改革局'], directory)).toEqual([directory[0]]);
  });

  test('bad input does not throw', () => {
    expect(matchUnits(null as unknown as string[], directory)).toEqual([]);
    expect(matchUnits(['县发改局'], [{ name: undefined, shortName: null } as unknown as { name: string; shortName: string }])).toEqual([]);
  });
});
