/**
 * What the 核验 page says of a letter version, in one phrase: a failed check trumps everything,
 * and a signed letter whose tasks changed since is never just 有效.
 */

import type { CommitmentVersionStatus } from '@/lib/core/commitment/tracking';

export type LetterVerdict = { kind: 'failed' | 'valid' | 'outdated' | 'pending' | 'superseded'; label: string; tone: 'red' | 'green' | 'yellow' | '' };

export function letterVerdict({ status, intact, outOfDate }: { status: CommitmentVersionStatus; intact: boolean; outOfDate: boolean }): LetterVerdict {
  if (!intact) return { kind: 'failed', label: '校验失败：记录已被改动，不能作为有效承诺书', tone: 'red' };
  switch (status) {
    case 'LOCKED':
      return outOfDate
        ? { kind: 'outdated', label: '已签署但已过期（签署后任务已变化，待修订）', tone: 'yellow' }
        : { kind: 'valid', label: '有效（已签署锁定）', tone: 'green' };
    case 'SIGNED':
      return outOfDate
        ? { kind: 'outdated', label: '单位已签署但已过期（任务已变化，待修订）', tone: 'yellow' }
        : { kind: 'pending', label: '单位已签署，待分管县领导会签，尚未生效', tone: 'yellow' };
    case 'ISSUED':
      return outOfDate
        ? { kind: 'outdated', label: '已下发但已过期（任务已变化，待修订）', tone: 'yellow' }
        : { kind: 'pending', label: '已下发待签署，尚未生效', tone: 'yellow' };
    case 'SUPERSEDED':
      return { kind: 'superseded', label: '已被新版本替代，不再有效', tone: '' };
    case 'DRAFT':
      return { kind: 'pending', label: '草稿，未下发', tone: '' };
  }
}
