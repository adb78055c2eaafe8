import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITY_LABELS, auditActionLabel, auditEntityLabel, isAuditAction } from '@/lib/core/audit/actions';
import { DIRECT_TASK_ACTIONS } from '@/lib/core/workflow/task-status';

describe('audit action registry', () => {
  it('names every action in Chinese, each name once', () => {
    const labels = Object.values(AUDIT_ACTIONS).map((a) => a.label);
    for (const label of labels) expect(label).toMatch(/[\u4e00-\u9fff]/);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('says which registered entity each action concerns', () => {
    for (const { entity } of Object.values(AUDIT_ACTIONS)) expect(Object.keys(AUDIT_ENTITY_LABELS)).toContain(entity);
  });

  it('registers every task workflow step the data layer records as task.<action>', () => {
    for (const action of DIRECT_TASK_ACTIONS) expect(isAuditAction(`task.${action}`)).toBe(true);
  });

  it('labels stored actions and entities, and shows an unknown one as stored', () => {
    expect(auditActionLabel('commitment.countersign')).toBe('分管领导会签承诺书');
    expect(auditActionLabel('legacy.thing')).toBe('legacy.thing');
    expect(auditActionLabel('toString')).toBe('toString');
    expect(auditEntityLabel('CommitmentVersion')).toBe('承诺书');
    expect(auditEntityLabel('Other')).toBe('Other');
  });
});
