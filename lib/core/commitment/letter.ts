/**
 * The target-responsibility letter (目标责任承诺书) built from plain task rows, and the
 * fingerprints that make a signed letter provable: the content hash, the signature hash and
 * the integrity check of a stored version. Pure: the data layer loads rows and persists results.
 */

import { createHash } from 'node:crypto';
import {
  canonicalize,
  diffCommitmentContent,
  hashCanonical,
  type CommitmentChange,
  type CommitmentContent,
  type CommitmentTarget,
  type CommitmentTask,
} from '@/lib/core/commitment/canonical';
import type { TargetComparator } from '@/lib/core/targets/comparator';
import type { TaskImportance } from '@/lib/core/workflow/task-importance';

/** A target as the data layer reads it (Decimals already converted to numbers). */
export interface LetterTargetRow {
  position: number;
  metric: string;
  comparator: TargetComparator;
  value: number | null;
  valueMax: number | null;
  unit: string;
  /** XXX in the source: the value is still to be set, so only the wording is committed. */
  placeholder: boolean;
}

export interface LetterTaskRow {
  id: string;
  code: string;
  title: string;
  /** YYYY-MM-DD */
  deadline: string;
  /** Names of the task's 牵头县领导. */
  leaderNames: string[];
  /** 一般 when left out. */
  importance?: TaskImportance;
  targets: LetterTargetRow[];
}

export interface LetterInput {
  unit: { code: string; name: string };
  year: number;
  preamble: string;
  leadTasks: LetterTaskRow[];
  coTasks: LetterTaskRow[];
}

// Plain code-unit comparison: locale collation differs between ICU builds, and the order is hashed.
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function letterTarget(row: LetterTargetRow): CommitmentTarget {
  const quantified = !row.placeholder && row.value !== null;
  return {
    text: row.metric,
    comparator: quantified ? row.comparator : null,
    value: quantified ? row.value : null,
    valueMax: quantified ? row.valueMax : null,
    unit: row.unit === '' ? null : row.unit,
  };
}

function letterTasks(rows: LetterTaskRow[]): CommitmentTask[] {
  return [...rows]
    .sort((a, b) => byText(a.deadline, b.deadline) || byText(a.code, b.code))
    .map((row, index) => ({
      taskId: row.id,
      seq: index + 1,
      title: row.title,
      deadline: row.deadline,
      leadLeader: [...row.leaderNames].sort(byText).join('、'),
      ...(row.importance && row.importance !== 'NORMAL' ? { importance: row.importance } : {}),
      targets: [...row.targets].sort((a, b) => a.position - b.position).map(letterTarget),
    }));
}

/**
 * The letter's content: lead tasks and co-unit tasks each sorted by deadline then task code and
 * numbered from 1, targets in their stored order. The same rows in any order give the same content.
 */
export function buildCommitmentContent(input: LetterInput): CommitmentContent {
  return {
    unit: { code: input.unit.code, name: input.unit.name },
    year: input.year,
    preamble: input.preamble,
    leadTasks: letterTasks(input.leadTasks),
    coTasks: letterTasks(input.coTasks),
  };
}

/** The customary opening of a 目标责任承诺书; the office may edit it before issuing. */
export function defaultPreamble({ countyName, unitName, year }: { countyName: string; unitName: string; year: number }): string {
  return [
    `为全面完成${year}年度各项目标任务，进一步压实工作责任，根据${countyName}${year}年度重点工作安排，${unitName}作为责任单位，就本承诺书所列目标任务作出如下承诺：`,
    '一、本单位郑重承诺，严格按照所列目标任务、量化指标和完成时限抓好落实，主要负责人亲自抓、负总责，分管负责人具体抓、抓到位，确保按期保质完成。',
    '二、对牵头任务，切实履行牵头职责，细化工作方案，按时报送工作进展；对配合任务，主动配合牵头单位，形成工作合力。',
    `三、自觉接受${countyName}委、县政府督查考核，年终以本承诺书为依据进行考核评价；未完成目标任务的，依规依纪接受问责。`,
  ].join('\n');
}

/** Lowercase hex SHA-256 of a UTF-8 text, taken as is. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What a version stores so that anyone can later prove it unchanged. */
export function sealCommitmentContent(content: CommitmentContent): { canonical: string; contentHash: string } {
  const canonical = canonicalize(content);
  return { canonical, contentHash: sha256Hex(canonical) };
}

/**
 * Whether a letter still matches what the current tasks would make of it (same preamble), and
 * if not, what changed since: the changes are empty exactly when the hashes are equal.
 */
export function compareWithCurrent(
  letter: { content: CommitmentContent; contentHash: string },
  current: CommitmentContent,
): { outOfDate: boolean; currentHash: string; changes: CommitmentChange[] } {
  const currentHash = hashCanonical(current);
  const outOfDate = currentHash !== letter.contentHash;
  return { outOfDate, currentHash, changes: outOfDate ? diffCommitmentContent(letter.content, current) : [] };
}

export interface StoredVersionSeal {
  content: unknown;
  canonical: string;
  contentHash: string;
}

/**
 * Whether a stored version still holds together: the content must serialise to the stored
 * canonical text, and that text must hash to the stored hash. Either failing means a row was
 * edited behind the application's back.
 */
export function checkVersionSeal(version: StoredVersionSeal): { contentMatchesCanonical: boolean; hashMatches: boolean } {
  let contentMatchesCanonical: boolean;
  try {
    contentMatchesCanonical = canonicalize(version.content) === version.canonical;
  } catch {
    contentMatchesCanonical = false; // content that cannot even be serialised cannot match
  }
  return { contentMatchesCanonical, hashMatches: sha256Hex(version.canonical) === version.contentHash };
}

export type SignerRoleName = 'UNIT_HEAD' | 'LEADER';

/** SHA-256 over what a signature asserts: who, in which role, when, over which content hash. */
export function signatureHash(input: { signedHash: string; signerId: string; signerRole: SignerRoleName; signedAt: string }): string {
  return hashCanonical({
    signedHash: input.signedHash,
    signerId: input.signerId,
    signerRole: input.signerRole,
    signedAt: input.signedAt,
  });
}
