/**
 * Every audit action luoshi records: its Chinese name and the kind of record it concerns.
 * `recordAuditEvents` accepts only these actions (with their entity), and the audit page and the
 * task timeline name events from here. A new action is one line in `AUDIT_ACTIONS`.
 */

/** What an audit event concerns: the model its `entityId` points at. */
export const AUDIT_ENTITY_LABELS = {
  Task: '任务',
  Plan: '计划',
  PlanItem: '计划条目',
  ProgressReport: '进度报告',
  SupervisionAction: '督办',
  ExtensionRequest: '延期申请',
  CommitmentVersion: '承诺书',
  Signature: '签署',
  Bulletin: '通报',
  Assessment: '年终考核',
  AssessmentScheme: '考核办法',
  Notification: '通知',
  Unit: '单位',
  User: '用户',
  Job: '定时任务',
  Setting: '系统设置',
  NotifyChannel: '外发渠道',
  OutboxMessage: '外发消息',
  ApiToken: '接口令牌',
} as const;
export type AuditEntity = keyof typeof AUDIT_ENTITY_LABELS;

type ActionInfo = { label: string; entity: AuditEntity };

export const AUDIT_ACTIONS = {
  'plan.import': { label: '导入计划', entity: 'Plan' },
  'plan.item.update': { label: '修改计划条目', entity: 'PlanItem' },
  'plan.item.split': { label: '拆分计划条目', entity: 'PlanItem' },
  'plan.item.merge': { label: '合并计划条目', entity: 'PlanItem' },
  'plan.item.decompose': { label: '按主题分解计划条目', entity: 'PlanItem' },
  'plan.item.recompose': { label: '合并分解的子任务', entity: 'PlanItem' },
  'plan.simplify': { label: '将计划工作文本转换为简体', entity: 'Plan' },
  'plan.publish': { label: '发布计划', entity: 'Plan' },

  'task.create': { label: '交办（创建任务）', entity: 'Task' },
  'task.update': { label: '修改任务', entity: 'Task' },
  'task.acknowledge': { label: '签收', entity: 'Task' },
  'task.start': { label: '开始办理', entity: 'Task' },
  'task.progress': { label: '报送进度', entity: 'Task' },
  'task.requestClosure': { label: '申请销号', entity: 'Task' },
  'task.approveClosure': { label: '同意销号', entity: 'Task' },
  'task.returnToProgress': { label: '退回销号申请', entity: 'Task' },
  'task.reopen': { label: '重新办理', entity: 'Task' },
  'task.deadline.extend': { label: '批准延期，调整完成时限', entity: 'Task' },
  'task.cancel': { label: '撤销任务', entity: 'Task' },
  'task.split': { label: '拆分任务（原任务撤销）', entity: 'Task' },

  'report.file': { label: '报送进度报告', entity: 'ProgressReport' },
  'report.accept': { label: '审核通过进度报告', entity: 'ProgressReport' },
  'report.return': { label: '退回进度报告', entity: 'ProgressReport' },

  'extension.request': { label: '申请延期', entity: 'ExtensionRequest' },
  'extension.approve': { label: '批准延期', entity: 'ExtensionRequest' },
  'extension.reject': { label: '驳回延期', entity: 'ExtensionRequest' },

  'supervision.urge': { label: '催办', entity: 'SupervisionAction' },
  'supervision.supervise': { label: '督办', entity: 'SupervisionAction' },
  'supervision.instruct': { label: '领导批示', entity: 'SupervisionAction' },
  'supervision.respond': { label: '答复督办', entity: 'SupervisionAction' },
  'supervision.escalate': { label: '督办逾期升级', entity: 'SupervisionAction' },

  'commitment.generate': { label: '生成承诺书草稿', entity: 'CommitmentVersion' },
  'commitment.refresh': { label: '按任务刷新承诺书草稿', entity: 'CommitmentVersion' },
  'commitment.editPreamble': { label: '修改承诺书正文', entity: 'CommitmentVersion' },
  'commitment.issue': { label: '下发承诺书', entity: 'CommitmentVersion' },
  'commitment.sign': { label: '单位负责人签署承诺书', entity: 'Signature' },
  'commitment.countersign': { label: '分管领导会签承诺书', entity: 'Signature' },
  'commitment.amend': { label: '修订承诺书', entity: 'CommitmentVersion' },
  'commitment.supersede': { label: '承诺书被新版本替代', entity: 'CommitmentVersion' },

  'bulletin.issue': { label: '发布通报', entity: 'Bulletin' },

  'assessment.scheme.update': { label: '修改考核办法', entity: 'AssessmentScheme' },
  'assessment.run': { label: '计算年终考核结果', entity: 'Assessment' },
  'assessment.adjust': { label: '调整考核得分', entity: 'Assessment' },
  'assessment.approve': { label: '领导审定考核结果', entity: 'Assessment' },
  'assessment.publish': { label: '公布考核结果', entity: 'Assessment' },

  'account.password.change': { label: '修改本人密码', entity: 'User' },
  'account.password.reset': { label: '重置密码（下次登录须修改）', entity: 'User' },
  'account.unlock': { label: '解除账号锁定', entity: 'User' },
  'account.secondFactor.enable': { label: '启用两步验证', entity: 'User' },
  'account.secondFactor.reset': { label: '重置两步验证', entity: 'User' },
  'account.secondFactor.recoveryUsed': { label: '使用恢复码登录', entity: 'User' },
  'installation.setup': { label: '安装：创建首个管理员', entity: 'User' },
  'setting.update': { label: '修改系统设置', entity: 'Setting' },
  'apiToken.issue': { label: '签发接口令牌', entity: 'ApiToken' },
  'apiToken.revoke': { label: '吊销接口令牌', entity: 'ApiToken' },
  'signIn.oidc.update': { label: '修改统一身份认证设置', entity: 'Setting' },
  'signIn.localPasswords.update': { label: '开启或关闭账号密码登录', entity: 'Setting' },
  'account.oidc.link': { label: '关联统一身份认证账号', entity: 'User' },
  'account.oidc.unlink': { label: '解除统一身份认证关联', entity: 'User' },

  'notification.read': { label: '阅读通知', entity: 'Notification' },
  'notification.readAll': { label: '全部通知标为已读', entity: 'User' },
  'notify.channel.create': { label: '新增外发渠道', entity: 'NotifyChannel' },
  'notify.channel.update': { label: '修改外发渠道', entity: 'NotifyChannel' },
  'notify.channel.test': { label: '外发渠道发送测试', entity: 'NotifyChannel' },
  'notify.route.add': { label: '为单位添加外发接收', entity: 'Unit' },
  'notify.route.remove': { label: '移除单位的外发接收', entity: 'Unit' },
  'notify.resend': { label: '重发外发消息', entity: 'OutboxMessage' },
  'notify.preference.update': { label: '修改本人外发通知偏好', entity: 'User' },

  'unit.create': { label: '新建单位', entity: 'Unit' },
  'unit.update': { label: '修改单位', entity: 'Unit' },
  'unit.delete': { label: '删除单位', entity: 'Unit' },
  'user.create': { label: '新建用户', entity: 'User' },
  'user.update': { label: '修改用户', entity: 'User' },
  'leader.units.set': { label: '调整领导分管单位', entity: 'User' },

  'job.deadlineReminders': { label: '发送到期提醒', entity: 'Job' },
  'job.missedReportNotice': { label: '通知未按期报送', entity: 'Unit' },
  'integrity.broken': { label: '完整性核验发现数据被改动', entity: 'Job' },
  'integrity.backfillSeals': { label: '为县级密钥启用前的承诺书补加签章', entity: 'Job' },
} as const satisfies Record<string, ActionInfo>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** An action together with the entity it concerns, as the registry says: a mismatch does not typecheck. */
export type AuditSubject = { [A in AuditAction]: { action: A; entity: (typeof AUDIT_ACTIONS)[A]['entity'] } }[AuditAction];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** The Chinese name of a stored action; an action no longer registered shows as stored. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action].label : action;
}

export function auditEntityLabel(entity: string): string {
  return Object.hasOwn(AUDIT_ENTITY_LABELS, entity) ? AUDIT_ENTITY_LABELS[entity as AuditEntity] : entity;
}
