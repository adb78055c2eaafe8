/**
 * Where a unit's letter stands, as the office tracks it: one state per unit and year, from the
 * status of its latest version and whether that version still matches the current tasks.
 */

/** Values match the Prisma `CommitmentVersionStatus` enum. */
export const COMMITMENT_VERSION_STATUSES = ['DRAFT', 'ISSUED', 'SIGNED', 'LOCKED', 'SUPERSEDED'] as const;
export type CommitmentVersionStatus = (typeof COMMITMENT_VERSION_STATUSES)[number];

export const COMMITMENT_VERSION_STATUS_LABELS: Record<CommitmentVersionStatus, string> = {
  DRAFT: '草稿',
  ISSUED: '已下发待签署',
  SIGNED: '单位已签署，待领导会签',
  LOCKED: '已签署锁定',
  SUPERSEDED: '已被新版本替代',
};

export const COMMITMENT_TRACKING_STATES = ['none', 'draft', 'issued', 'signed', 'locked', 'outdated'] as const;
export type CommitmentTrackingState = (typeof COMMITMENT_TRACKING_STATES)[number];

export const COMMITMENT_TRACKING_LABELS: Record<CommitmentTrackingState, string> = {
  none: '未生成',
  draft: '草拟中',
  issued: '待单位签署',
  signed: '待领导会签',
  locked: '已签署锁定',
  outdated: '需重新签署',
};

/** Badge tone: red needs the office, yellow waits on a signer, green is done. */
export const COMMITMENT_TRACKING_TONES: Record<CommitmentTrackingState, '' | 'red' | 'yellow' | 'green'> = {
  none: '',
  draft: '',
  issued: 'yellow',
  signed: 'yellow',
  locked: 'green',
  outdated: 'red',
};

/**
 * A letter whose latest version was issued (being signed or locked) but no longer matches the
 * current tasks is out of date whatever its signing stage: the office has to amend it.
 */
export function trackingStateOf(latest: { status: CommitmentVersionStatus; outOfDate: boolean } | null): CommitmentTrackingState {
  if (!latest) return 'none';
  switch (latest.status) {
    case 'DRAFT':
      return 'draft';
    case 'SUPERSEDED':
      // Only an older version can be superseded; a latest one means the amendment was lost.
      return 'outdated';
    default:
      if (latest.outOfDate) return 'outdated';
      return latest.status === 'ISSUED' ? 'issued' : latest.status === 'SIGNED' ? 'signed' : 'locked';
  }
}
