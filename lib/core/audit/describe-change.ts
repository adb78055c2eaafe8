// An audit event's before/after snapshots in words, for the audit record: only the fields that
// changed, each named in Chinese, values as a reader says them (状态：交办 → 已签收), ids as the names
// the data layer looked up, times on the Beijing clock. Fields that say nothing to a reader
// (hashes, keys, internal ids without a name) are left out.

import { TASK_STATUS_LABELS } from '@/lib/core/workflow/task-status';
import { COMMITMENT_VERSION_STATUS_LABELS } from '@/lib/core/commitment/tracking';
import { CADENCE_LABELS } from '@/lib/core/schedule/cadence';
import { TASK_IMPORTANCE_LABELS } from '@/lib/core/workflow/task-importance';
import { formatInShanghai } from '@/lib/core/schedule/calendar-day';

const MAX_FIELDS = 4;
const MAX_VALUE_CHARS = 40;

// In the order a reader wants them when only the first few fit (a creation lists many).
const FIELD_LABELS: Record<string, string> = {
  status: '状态',
  versionStatus: '承诺书状态',
  reviewState: '审核结果',
  decision: '决定',
  title: '名称',
  text: '内容',
  leadUnitId: '牵头单位',
  deadline: '完成时限',
  reason: '理由',
  reviewReason: '审核意见',
  decisionReason: '决定理由',
  previousDeadline: '原完成时限',
  requestedDeadline: '申请完成时限',
  responseDue: '答复期限',
  response: '答复',
  percent: '完成比例',
  progressPercent: '进度',
  closureRequest: '申请销号',
  narrative: '进展情况',
  newText: '拆出内容',
  preamble: '承诺书开头',
  coUnitIds: '配合单位',
  leaderIds: '牵头领导',
  unitId: '单位',
  taskId: '任务',
  recipientUnitId: '接收单位',
  authorId: '提交人',
  supersededBy: '替代版本',
  signerName: '签署人',
  signerRole: '签署身份',
  signedAt: '签署时间',
  issuedAt: '下发时间',
  escalatedAt: '升级时间',
  closedAt: '销号时间',
  startDate: '开始日期',
  cadence: '调度频次',
  importance: '重要程度',
  periodKey: '期次',
  period: '期次',
  code: '编号',
  year: '年度',
  version: '版本',
  description: '说明',
  kind: '类型',
  read: '已读',
  count: '数量',
  created: '新建条数',
  tasks: '任务数',
  missed: '未报送任务数',
  name: '名称',
  username: '账号',
  role: '角色',
};
const FIELD_ORDER = Object.keys(FIELD_LABELS);

// Fields whose value is a calendar day (`@db.Date`), not an instant.
const DATE_FIELDS = new Set(['startDate', 'deadline', 'previousDeadline', 'requestedDeadline', 'responseDue']);

const VALUE_WORDS: Record<string, string> = {
  ...TASK_STATUS_LABELS,
  ...COMMITMENT_VERSION_STATUS_LABELS,
  ...CADENCE_LABELS,
  ...TASK_IMPORTANCE_LABELS,
  PUBLISHED: '已发布',
  PENDING: '待审核',
  ACCEPTED: '已通过',
  RETURNED: '已退回',
  APPROVED: '已批准',
  REJECTED: '已驳回',
  URGE: '催办',
  SUPERVISE: '督办',
  INSTRUCTION: '批示',
  UNIT_HEAD: '单位负责人',
  UNIT_STAFF: '单位联络员',
  LEADER: '县领导',
  ADMIN: '督查室',
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

function shorten(text: string): string {
  return [...text].slice(0, MAX_VALUE_CHARS).join('');
}

function say(key: string, value: unknown, names: ReadonlyMap<string, string>): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.length === 0 ? '—' : shorten(value.map((v) => say(key, v, names)).join('、'));
  if (typeof value === 'string') {
    const name = names.get(value);
    if (name !== undefined) return name;
    if (ISO_INSTANT.test(value)) return DATE_FIELDS.has(key) ? value.slice(0, 10) : formatInShanghai(new Date(value), 'yyyy-MM-dd HH:mm');
    return VALUE_WORDS[value] ?? shorten(value);
  }
  if (typeof value === 'object') return shorten(JSON.stringify(value));
  return String(value);
}

function fields(snapshot: unknown): Record<string, unknown> {
  return snapshot && typeof snapshot === 'object' && !Array.isArray(snapshot) ? (snapshot as Record<string, unknown>) : {};
}

function isIdField(key: string): boolean {
  return /Ids?$/.test(key) || key === 'supersededBy';
}

/** A field a reader can follow: named here, or an id the data layer found a name for. */
function readable(key: string, before: unknown, after: unknown, names: ReadonlyMap<string, string>): boolean {
  if (FIELD_LABELS[key] === undefined) return false;
  if (!isIdField(key)) return true;
  const ids = [before, after].flat().filter((v): v is string => typeof v === 'string');
  return ids.length > 0 && ids.some((id) => names.has(id));
}

/** '状态：交办 → 已签收；版本：1 → 2'; a creation lists the new values ('名称：新增就业'). */
export function describeChange(before: unknown, after: unknown, names: ReadonlyMap<string, string> = new Map()): string {
  const b = fields(before);
  const a = fields(after);
  const changed = FIELD_ORDER.filter((key) => (key in b || key in a) && JSON.stringify(b[key]) !== JSON.stringify(a[key]) && readable(key, b[key], a[key], names));
  const parts = changed
    .slice(0, MAX_FIELDS)
    .map((key) => `${FIELD_LABELS[key]}：${before ? `${say(key, b[key], names)} → ` : ''}${say(key, a[key], names)}`);
  return parts.join('；') + (changed.length > MAX_FIELDS ? ` 等 ${changed.length} 项` : '');
}

/** The string values of `*Id` / `*Ids` fields in snapshots, for the data layer to look up as names. */
export function referencedIds(...snapshots: unknown[]): string[] {
  const ids = new Set<string>();
  for (const snapshot of snapshots) {
    for (const [key, value] of Object.entries(fields(snapshot))) {
      if (!isIdField(key)) continue;
      for (const v of [value].flat()) if (typeof v === 'string') ids.add(v);
    }
  }
  return [...ids];
}
