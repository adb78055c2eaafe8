import { describe, expect, it } from 'vitest';
import { COMMITMENT_EVENTS, commitmentStep, SIGNING_EVENTS, statusAfter, statusesAllowing, type CommitmentEvent } from '@/lib/core/commitment/version-status';
import { COMMITMENT_VERSION_STATUSES, type CommitmentVersionStatus } from '@/lib/core/commitment/tracking';

const next = (status: CommitmentVersionStatus, event: CommitmentEvent) => {
  const result = commitmentStep(status, event);
  return result.ok ? result.status : null;
};

describe('commitment letter state machine', () => {
  it('goes 草稿 → 已下发 → 单位已签 → 已锁定', () => {
    expect(next('DRAFT', 'issue')).toBe('ISSUED');
    expect(next('ISSUED', 'sign')).toBe('SIGNED');
    expect(next('SIGNED', 'countersign')).toBe('LOCKED');
  });

  it('edits only a draft; issued content is frozen', () => {
    expect(next('DRAFT', 'edit')).toBe('DRAFT');
    for (const status of ['ISSUED', 'SIGNED', 'LOCKED', 'SUPERSEDED'] as const) {
      expect(commitmentStep(status, 'edit')).toEqual({ ok: false, message: '该版本已下发，内容已冻结，不能修改' });
      expect(commitmentStep(status, 'issue').ok).toBe(false);
    }
  });

  it('replaces a version being signed at once on amendment, a locked one only when the next one locks', () => {
    expect(next('ISSUED', 'amend')).toBe('SUPERSEDED');
    expect(next('SIGNED', 'amend')).toBe('SUPERSEDED');
    expect(next('LOCKED', 'amend')).toBeNull();
    expect(next('DRAFT', 'amend')).toBeNull();
    expect(next('LOCKED', 'replace')).toBe('SUPERSEDED');
    expect(statusesAllowing('replace')).toEqual(['LOCKED']);
    expect(statusAfter('replace')).toBe('SUPERSEDED');
  });

  it('says why a signature does not apply, by the status found', () => {
    expect(commitmentStep('ISSUED', 'countersign')).toEqual({ ok: false, message: '该版本尚待单位负责人签署' });
    expect(commitmentStep('SIGNED', 'sign')).toEqual({ ok: false, message: '该版本单位负责人已签署' });
    expect(commitmentStep('LOCKED', 'sign')).toEqual({ ok: false, message: '该版本已签署锁定，不能再次签署' });
    expect(commitmentStep('SUPERSEDED', 'countersign')).toEqual({ ok: false, message: '该版本已被新版本替代，不能签署' });
    expect(SIGNING_EVENTS).toEqual({ UNIT_HEAD: 'sign', LEADER: 'countersign' });
  });

  it('has no way out of SUPERSEDED', () => {
    for (const event of COMMITMENT_EVENTS) expect(commitmentStep('SUPERSEDED', event).ok).toBe(false);
    expect(COMMITMENT_VERSION_STATUSES.filter((s) => COMMITMENT_EVENTS.some((e) => next(s, e) !== null))).toEqual(['DRAFT', 'ISSUED', 'SIGNED', 'LOCKED']);
  });
});
