import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalNumber, normalizeText } from '@/lib/core/format/canonical-text';
import {
  canonicalize,
  commitmentContentSchema,
  describeCommitmentChange,
  diffCommitmentContent,
  hashCanonical,
  verificationCode,
  type CommitmentContent,
  type CommitmentTask,
} from '@/lib/core/commitment/canonical';

describe('normalizeText', () => {
  it('trims and collapses whitespace runs, full-width space included', () => {
    expect(normalizeText('  城镇\u3000\u3000新增 \t就业\n1200人 ')).toBe('城镇 新增 就业 1200人');
    expect(normalizeText('\u3000\u3000')).toBe('');
  });

  it('normalises to NFC', () => {
    expect(normalizeText('e\u0301')).toBe('\u00e9');
  });
});

describe('canonicalNumber', () => {
  it.each<[number, string]>([
    [0, '0'],
    [-0, '0'],
    [1.5, '1.5'],
    [Number('1.50'), '1.5'],
    [Number('1.0'), '1'],
    [-42, '-42'],
    [123.456, '123.456'],
    [1e21, '1000000000000000000000'],
    [1.2345e25, '12345000000000000000000000'],
    [-1e21, '-1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-2.5e-8, '-0.000000025'],
    [1e-7, '0.0000001'],
    [0.000001, '0.000001'],
  ])('%d → %s', (n, expected) => {
    expect(canonicalNumber(n)).toBe(expected);
  });

  it('rejects NaN and infinities', () => {
    expect(() => canonicalNumber(Number.NaN)).toThrow(RangeError);
    expect(() => canonicalNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => canonicalNumber(Number.NEGATIVE_INFINITY)).toThrow(RangeError);
  });

  it('never uses exponent notation and parses back to the same number (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = canonicalNumber(n);
        expect(text).not.toMatch(/e/i);
        expect(Number(text)).toBe(Object.is(n, -0) ? 0 : n);
      }),
    );
  });
});

describe('canonicalize', () => {
  it('sorts keys recursively and keeps array order', () => {
    expect(canonicalize({ b: 2, a: { d: 1, c: [3, 1, { z: 0, y: 0 }] } })).toBe(
      '{"a":{"c":[3,1,{"y":0,"z":0}],"d":1},"b":2}',
    );
    expect(canonicalize([2, 1])).not.toBe(canonicalize([1, 2]));
  });

  it('drops undefined members and keeps null', () => {
    expect(canonicalize({ a: 1, b: undefined, c: null })).toBe('{"a":1,"c":null}');
  });

  it('normalises strings', () => {
    expect(canonicalize({ t: ' 城镇\u3000新增就业  1200人 ' })).toBe('{"t":"城镇 新增就业 1200人"}');
    expect(canonicalize('e\u0301')).toBe(canonicalize('\u00e9'));
    expect(canonicalize('say "hi"\\')).toBe('"say \\"hi\\"\\\\"');
  });

  it('does not normalise object keys', () => {
    expect(canonicalize({ ' a ': 1 })).toBe('{" a ":1}');
  });

  it('writes numbers, booleans and bigints', () => {
    expect(canonicalize({ n: -0, x: 1.5e-7, big: 12345678901234567890n, t: true, f: false })).toBe(
      '{"big":12345678901234567890,"f":false,"n":0,"t":true,"x":0.00000015}',
    );
  });

  it('distinguishes a number from the same digits as a string', () => {
    expect(canonicalize(1.5)).not.toBe(canonicalize('1.5'));
  });

  it('writes Dates as ISO timestamps', () => {
    expect(canonicalize({ at: new Date('2024-03-01T08:30:00+08:00') })).toBe('{"at":"2024-03-01T00:30:00.000Z"}');
    expect(() => canonicalize(new Date('invalid'))).toThrow(RangeError);
  });

  it('uses toJSON of non-plain objects such as decimals', () => {
    class Decimal {
      constructor(private readonly text: string) {}
      toJSON() {
        return this.text;
      }
    }
    expect(canonicalize({ amount: new Decimal('12.50') })).toBe('{"amount":"12.50"}');
  });

  it('accepts null-prototype objects', () => {
    const o = Object.create(null) as Record<string, unknown>;
    o.b = 1;
    o.a = 2;
    expect(canonicalize(o)).toBe('{"a":2,"b":1}');
  });

  it('rejects what it cannot hash faithfully', () => {
    expect(() => canonicalize({ n: Number.NaN })).toThrow(RangeError);
    expect(() => canonicalize([Number.POSITIVE_INFINITY])).toThrow(RangeError);
    expect(() => canonicalize(undefined)).toThrow(TypeError);
    expect(() => canonicalize([undefined])).toThrow(TypeError);
    expect(() => canonicalize({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalize({ s: Symbol('x') })).toThrow(TypeError);
    expect(() => canonicalize(new Map([['a', 1]]))).toThrow(TypeError);
    expect(() => canonicalize(new Set([1]))).toThrow(TypeError);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => canonicalize(cyclic)).toThrow('循环引用');
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalize({ a: shared, b: [shared, shared] })).toBe('{"a":{"x":1},"b":[{"x":1},{"x":1}]}');
  });
});

const SAMPLE: CommitmentContent = {
  unit: { code: 'A01', name: '县发展和改革局' },
  year: 2024,
  preamble: '我单位郑重承诺：',
  leadTasks: [
    {
      taskId: 't1',
      seq: 1,
      title: '新增就业',
      deadline: '2024-12-31',
      leadLeader: '张三',
      targets: [{ text: '城镇新增就业1200人', comparator: '>=', value: 1200, valueMax: null, unit: '人' }],
    },
  ],
  coTasks: [],
};

describe('hashCanonical', () => {
  it('is the SHA-256 of the canonical text (independently computed values)', () => {
    expect(hashCanonical({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(hashCanonical({ b: 1, a: 'x' })).toBe('cdab067e9f3beb32d1252cfd63e492592fecbf591b0d08cadb24bb17f3864246');
    // Python: json.dumps(sample, sort_keys=True, separators=(',', ':'), ensure_ascii=False)
    expect(hashCanonical(SAMPLE)).toBe('f70923017a03b268142d4f29f13e7e902f1c5a3c7e3251b1b7e0a1da983b36ee');
  });

  it('ignores key order', () => {
    const reordered = {
      coTasks: [],
      year: 2024,
      leadTasks: SAMPLE.leadTasks.map((t) => ({ ...t, targets: t.targets.map((g) => Object.fromEntries(Object.entries(g).reverse()) as typeof g) })),
      preamble: SAMPLE.preamble,
      unit: { name: SAMPLE.unit.name, code: SAMPLE.unit.code },
    };
    expect(hashCanonical(reordered)).toBe(hashCanonical(SAMPLE));
  });

  it('ignores whitespace variants', () => {
    const spaced: CommitmentContent = {
      ...SAMPLE,
      preamble: '\u3000我单位郑重承诺：\n',
      unit: { code: ' A01', name: '县发展和改革局\u3000' },
    };
    expect(hashCanonical(spaced)).toBe(hashCanonical(SAMPLE));
    expect(hashCanonical({ t: 'a  b' })).toBe(hashCanonical({ t: 'a\u3000b' }));
  });

  it('treats 1.5 and 1.50 alike and -0 as 0', () => {
    expect(hashCanonical({ v: 1.5 })).toBe(hashCanonical({ v: Number('1.50') }));
    expect(hashCanonical({ v: -0 })).toBe(hashCanonical({ v: 0 }));
  });

  it('changes with any content change', () => {
    const base = hashCanonical(SAMPLE);
    const task = SAMPLE.leadTasks[0]!;
    const target = task.targets[0]!;
    const variants: CommitmentContent[] = [
      { ...SAMPLE, year: 2025 },
      { ...SAMPLE, preamble: '我单位承诺：' },
      { ...SAMPLE, unit: { ...SAMPLE.unit, code: 'A02' } },
      { ...SAMPLE, leadTasks: [{ ...task, deadline: '2024-12-30' }] },
      { ...SAMPLE, leadTasks: [{ ...task, title: '新增就业岗位' }] },
      { ...SAMPLE, leadTasks: [{ ...task, seq: 2 }] },
      { ...SAMPLE, leadTasks: [{ ...task, leadLeader: '李四' }] },
      { ...SAMPLE, leadTasks: [{ ...task, targets: [{ ...target, value: 1201 }] }] },
      { ...SAMPLE, leadTasks: [{ ...task, targets: [{ ...target, valueMax: 1300 }] }] },
      { ...SAMPLE, leadTasks: [{ ...task, targets: [{ ...target, comparator: '>' }] }] },
      { ...SAMPLE, leadTasks: [{ ...task, targets: [] }] },
      { ...SAMPLE, leadTasks: [], coTasks: [task] },
      { ...SAMPLE, leadTasks: [{ ...task, taskId: 't9' }] },
    ];
    const hashes = variants.map((v) => hashCanonical(v));
    for (const h of hashes) expect(h).not.toBe(base);
    expect(new Set(hashes).size).toBe(variants.length);
  });

  it('is lowercase hex of length 64', () => {
    expect(hashCanonical(SAMPLE)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is independent of key insertion order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null))), (dict) => {
        const reversed = Object.fromEntries(Object.entries(dict).reverse());
        expect(hashCanonical(reversed)).toBe(hashCanonical(dict));
      }),
    );
  });
});

describe('verificationCode', () => {
  it('groups the first 12 hex characters in upper case', () => {
    expect(verificationCode('8f3a91c27d0e5b5b0000000000000000000000000000000000000000000000aa')).toBe('LS-8F3A-91C2-7D0E');
    expect(verificationCode(hashCanonical({}))).toBe('LS-4413-6FA3-55B3');
    expect(verificationCode('ABCDEF012345')).toBe('LS-ABCD-EF01-2345');
  });

  it('rejects non-hex or short input', () => {
    expect(() => verificationCode('abc')).toThrow(RangeError);
    expect(() => verificationCode('zz3a91c27d0e5b5b')).toThrow(RangeError);
  });
});

describe('commitmentContentSchema', () => {
  it('accepts a valid letter', () => {
    expect(commitmentContentSchema.safeParse(SAMPLE).success).toBe(true);
  });

  it('rejects impossible deadlines, unknown comparators and duplicate tasks', () => {
    const task = SAMPLE.leadTasks[0]!;
    expect(commitmentContentSchema.safeParse({ ...SAMPLE, leadTasks: [{ ...task, deadline: '2024-02-30' }] }).success).toBe(false);
    expect(
      commitmentContentSchema.safeParse({
        ...SAMPLE,
        leadTasks: [{ ...task, targets: [{ ...task.targets[0], comparator: '≥' }] }],
      }).success,
    ).toBe(false);
    expect(commitmentContentSchema.safeParse({ ...SAMPLE, coTasks: [task] }).success).toBe(false);
  });
});

const task = (overrides: Partial<CommitmentTask> & Pick<CommitmentTask, 'taskId'>): CommitmentTask => ({
  seq: 1,
  title: `任务${overrides.taskId}`,
  deadline: '2024-06-30',
  leadLeader: '张三',
  targets: [],
  ...overrides,
});

const letter = (leadTasks: CommitmentTask[], coTasks: CommitmentTask[] = []): CommitmentContent => ({
  unit: { code: 'A01', name: '县发展和改革局' },
  year: 2024,
  preamble: '我单位郑重承诺：',
  leadTasks,
  coTasks,
});

describe('diffCommitmentContent', () => {
  const a = task({ taskId: 'a', seq: 1, title: '新增就业' });
  const b = task({ taskId: 'b', seq: 2, title: '招商引资' });
  const c = task({ taskId: 'c', seq: 1, title: '河道整治' });

  it('finds nothing between identical letters', () => {
    expect(diffCommitmentContent(letter([a, b], [c]), letter([a, b], [c]))).toEqual([]);
  });

  it('finds nothing for differences the hash ignores', () => {
    const spaced = letter([{ ...a, title: '\n新增就业\u3000' }, Object.fromEntries(Object.entries(b).reverse()) as CommitmentTask], [c]);
    spaced.preamble = '我单位郑重承诺： ';
    expect(diffCommitmentContent(letter([a, b], [c]), spaced)).toEqual([]);
    expect(hashCanonical(spaced)).toBe(hashCanonical(letter([a, b], [c])));
  });

  it('reports a changed deadline with Chinese labels', () => {
    const changes = diffCommitmentContent(letter([a]), letter([{ ...a, deadline: '2024-09-30' }]));
    expect(changes).toEqual([
      {
        type: 'taskChanged',
        taskId: 'a',
        section: 'lead',
        title: '新增就业',
        fields: [{ field: 'deadline', label: '完成时限', before: '2024-06-30', after: '2024-09-30' }],
      },
    ]);
    expect(describeCommitmentChange(changes[0]!)).toBe('任务“新增就业”完成时限由“2024-06-30”改为“2024-09-30”');
  });

  it('reports several changed fields of one task in a fixed order', () => {
    const changes = diffCommitmentContent(
      letter([a]),
      letter([{ ...a, leadLeader: '李四', title: '新增就业岗位', seq: 3 }]),
    );
    expect(changes).toHaveLength(1);
    const change = changes[0]!;
    expect(change.type === 'taskChanged' && change.fields.map((f) => [f.label, f.before, f.after])).toEqual([
      ['序号', '1', '3'],
      ['任务名称', '新增就业', '新增就业岗位'],
      ['牵头县领导', '张三', '李四'],
    ]);
    expect(change.type === 'taskChanged' && change.title).toBe('新增就业岗位');
  });

  it('reports target changes as formatted text', () => {
    const withTarget = { ...a, targets: [{ text: '新增就业', comparator: '>=' as const, value: 1200, valueMax: null, unit: '人' }] };
    const raised = { ...a, targets: [{ ...withTarget.targets[0]!, value: 1500 }] };
    const changes = diffCommitmentContent(letter([withTarget]), letter([raised]));
    expect(changes).toEqual([
      {
        type: 'taskChanged',
        taskId: 'a',
        section: 'lead',
        title: '新增就业',
        fields: [{ field: 'targets', label: '目标指标', before: '新增就业（不低于1200人）', after: '新增就业（不低于1500人）' }],
      },
    ]);
  });

  it('reports added and removed tasks: changes in new order first, removals last', () => {
    const changes = diffCommitmentContent(letter([a, b]), letter([a], [c]));
    expect(changes).toEqual([
      { type: 'taskAdded', taskId: 'c', section: 'co', title: '河道整治' },
      { type: 'taskRemoved', taskId: 'b', section: 'lead', title: '招商引资' },
    ]);
    expect(changes.map(describeCommitmentChange)).toEqual(['新增配合任务：河道整治', '删除牵头任务：招商引资']);
  });

  it('follows a task that moved from lead to co by its id', () => {
    const changes = diffCommitmentContent(letter([a, b]), letter([b], [a]));
    expect(changes).toEqual([
      {
        type: 'taskChanged',
        taskId: 'a',
        section: 'co',
        title: '新增就业',
        fields: [{ field: 'section', label: '承担方式', before: '牵头', after: '配合' }],
      },
    ]);
  });

  it('reports letter-level changes first', () => {
    const after = { ...letter([{ ...a, deadline: '2024-07-31' }]), year: 2025, preamble: '新的承诺', unit: { code: 'A01', name: '县发改局' } };
    const changes = diffCommitmentContent(letter([a]), after);
    expect(changes.map((ch) => ch.type)).toEqual(['letterChanged', 'letterChanged', 'letterChanged', 'taskChanged']);
    expect(changes.slice(0, 3).map(describeCommitmentChange)).toEqual([
      '责任单位由“县发展和改革局（A01）”改为“县发改局（A01）”',
      '年度由“2024”改为“2025”',
      '承诺书正文已修改',
    ]);
  });

  it('reports a reordering of the same tasks, which the hash also sees', () => {
    const changes = diffCommitmentContent(letter([a, b], [c]), letter([b, a], [c]));
    expect(changes).toEqual([{ type: 'tasksReordered', section: 'lead' }]);
    expect(describeCommitmentChange(changes[0]!)).toBe('牵头任务顺序已调整');
    // Adding a task in the middle is an addition, not a reordering.
    const inserted = diffCommitmentContent(letter([a, b]), letter([a, c, b]));
    expect(inserted).toEqual([{ type: 'taskAdded', taskId: 'c', section: 'lead', title: '河道整治' }]);
  });

  it('is empty exactly when the hashes match (property)', () => {
    const pool = [a, b, c, { ...a, deadline: '2024-07-01' }, { ...b, title: ' 招商引资\u3000' }, { ...c, seq: 5 }];
    // A letter: up to 3 distinct task ids, each variant picked from the pool, split into lead/co.
    const letterArb = fc
      .uniqueArray(fc.integer({ min: 0, max: pool.length - 1 }), {
        maxLength: 3,
        selector: (i) => pool[i]!.taskId,
      })
      .chain((picks) =>
        fc.tuple(fc.constant(picks.map((i) => pool[i]!)), fc.array(fc.boolean(), { minLength: picks.length, maxLength: picks.length })),
      )
      .map(([tasks, toLead]) => letter(tasks.filter((_, i) => toLead[i]), tasks.filter((_, i) => !toLead[i])));
    fc.assert(
      fc.property(letterArb, letterArb, (x, y) => {
        expect(diffCommitmentContent(x, y).length === 0).toBe(hashCanonical(x) === hashCanonical(y));
      }),
      { numRuns: 500 },
    );
  });

  it('rejects a letter listing a task twice', () => {
    expect(() => diffCommitmentContent(letter([a]), letter([a], [a]))).toThrow('任务重复');
  });
});
