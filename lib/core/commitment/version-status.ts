/**
 * The commitment letter's state machine, beside the task workflow (lib/core/workflow/task-status.ts):
 *
 *   草稿 DRAFT ──issue──▶ 已下发 ISSUED ──sign──▶ 单位已签 SIGNED ──countersign──▶ 已锁定 LOCKED
 *   DRAFT ──edit──▶ DRAFT (preamble or refresh from the tasks; content is frozen once issued)
 *   ISSUED / SIGNED ──amend──▶ 被替代 SUPERSEDED (never in force: replaced at once by a new draft)
 *   LOCKED ──replace──▶ SUPERSEDED (in force until the amending version is itself locked)
 *
 * 已过期 (out of date) is not a stored state: an issued or locked version whose content no longer
 * matches the current tasks (see tracking.ts). Pure rules only; the data layer loads the version,
 * asks `commitmentStep` where an event leads, and writes it guarded by the status it read.
 */
import type { SignerRoleName } from '@/lib/core/commitment/letter';
import type { CommitmentVersionStatus } from '@/lib/core/commitment/tracking';

export const COMMITMENT_EVENTS = ['edit', 'issue', 'sign', 'countersign', 'amend', 'replace'] as const;
export type CommitmentEvent = (typeof COMMITMENT_EVENTS)[number];

const STEPS: Record<CommitmentEvent, { from: readonly CommitmentVersionStatus[]; to: CommitmentVersionStatus }> = {
  edit: { from: ['DRAFT'], to: 'DRAFT' },
  issue: { from: ['DRAFT'], to: 'ISSUED' },
  sign: { from: ['ISSUED'], to: 'SIGNED' },
  countersign: { from: ['SIGNED'], to: 'LOCKED' },
  amend: { from: ['ISSUED', 'SIGNED'], to: 'SUPERSEDED' },
  replace: { from: ['LOCKED'], to: 'SUPERSEDED' },
};

export const COMMITMENT_FROZEN_MESSAGE = '该版本已下发，内容已冻结，不能修改';
const NOT_SIGNABLE: Record<CommitmentVersionStatus, string> = {
  DRAFT: '该版本当前不能签署',
  ISSUED: '该版本尚待单位负责人签署',
  SIGNED: '该版本单位负责人已签署',
  LOCKED: '该版本已签署锁定，不能再次签署',
  SUPERSEDED: '该版本已被新版本替代，不能签署',
};

/** Why an event does not apply to a version in `status`, in words the user can act on. */
function refusal(status: CommitmentVersionStatus, event: CommitmentEvent): string {
  switch (event) {
    case 'edit':
    case 'issue':
      return COMMITMENT_FROZEN_MESSAGE;
    case 'sign':
    case 'countersign':
      return NOT_SIGNABLE[status];
    case 'amend':
    case 'replace':
      return '该版本当前不能被替代';
  }
}

export type CommitmentStepResult = { ok: true; status: CommitmentVersionStatus } | { ok: false; message: string };

/** Where `event` takes a version in `status`, or why it cannot. */
export function commitmentStep(status: CommitmentVersionStatus, event: CommitmentEvent): CommitmentStepResult {
  const step = STEPS[event];
  return step.from.includes(status) ? { ok: true, status: step.to } : { ok: false, message: refusal(status, event) };
}

/** The statuses `event` applies to, for the status guard of a write (`where: { status: { in } }`). */
export function statusesAllowing(event: CommitmentEvent): CommitmentVersionStatus[] {
  return [...STEPS[event].from];
}

export function statusAfter(event: CommitmentEvent): CommitmentVersionStatus {
  return STEPS[event].to;
}

/** The signature each signer role gives: the unit head signs, the overseeing leader countersigns. */
export const SIGNING_EVENTS = { UNIT_HEAD: 'sign', LEADER: 'countersign' } as const satisfies Record<SignerRoleName, CommitmentEvent>;
