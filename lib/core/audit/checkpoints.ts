/**
 * Audit checkpoints: signed statements "at time T the chain held N events ending in event S with
 * hash H", kept both in the database and as one JSON line each in an append-only file outside it.
 * Re-chaining the events after an edit changes H; deleting the tail removes event S or changes N;
 * deleting checkpoint rows leaves the file's lines. Without the private key none can be forged.
 */

import { z } from 'zod';
import { canonicalize } from '@/lib/core/commitment/canonical';
import { checkpointPayload, type CheckpointFields } from '@/lib/core/integrity/signed-records';
import { checkPayloadSignature } from '@/lib/core/integrity/sm2';

export interface CheckpointRecord extends CheckpointFields {
  keyId: string;
  signature: string;
}

const checkpointRecordSchema = z.object({
  seq: z.number().int().positive(),
  eventSeq: z.number().int().nonnegative(),
  headHash: z.string(),
  eventCount: z.number().int().nonnegative(),
  at: z.string(),
  keyId: z.string(),
  signature: z.string(),
});

/** One line of the checkpoint file (canonical JSON, newline-terminated). */
export function checkpointLogLine(record: CheckpointRecord): string {
  const { seq, eventSeq, headHash, eventCount, at, keyId, signature } = record;
  return `${canonicalize({ seq, eventSeq, headHash, eventCount, at, keyId, signature })}\n`;
}

/** The file's records, and the 1-based numbers of lines that are not records (an edited file). */
export function parseCheckpointLog(text: string): { records: CheckpointRecord[]; unreadableLines: number[] } {
  const records: CheckpointRecord[] = [];
  const unreadableLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const parsed = checkpointRecordSchema.safeParse(JSON.parse(line));
      if (parsed.success) records.push(parsed.data);
      else unreadableLines.push(index + 1);
    } catch {
      unreadableLines.push(index + 1);
    }
  });
  return { records, unreadableLines };
}

/** What the database holds at a checkpoint's event: its hash, and how many events up to it (null: not counted). */
export type ObservedHead = { hash: string; count: number | null } | null;

export interface CheckpointProblem {
  checkpointSeq: number;
  en: string;
  zh: string;
}

const sameRecord = (a: CheckpointRecord, b: CheckpointRecord) => checkpointLogLine(a) === checkpointLogLine(b);

/**
 * Every checkpoint, from the database and from the file, checked for its signature and against the
 * chain as it is now (`observed`, by event seq); then the two copies against each other.
 */
export function compareCheckpoints({
  database,
  file,
  observed,
  publicKeys,
}: {
  database: readonly CheckpointRecord[];
  file: readonly CheckpointRecord[];
  observed: ReadonlyMap<number, ObservedHead>;
  publicKeys: ReadonlyMap<string, string>;
}): CheckpointProblem[] {
  const problems: CheckpointProblem[] = [];
  const add = (checkpointSeq: number, en: string, zh: string) => problems.push({ checkpointSeq, en, zh });
  const fileBySeq = new Map<number, CheckpointRecord>();
  for (const record of file) {
    const earlier = fileBySeq.get(record.seq);
    if (earlier && !sameRecord(earlier, record)) add(record.seq, 'appears twice in the log file with different content', '在核验点文件中出现两次且内容不同');
    fileBySeq.set(record.seq, record);
  }
  const databaseBySeq = new Map(database.map((record) => [record.seq, record]));

  const checked = new Set<string>();
  for (const record of [...database, ...file]) {
    const line = checkpointLogLine(record);
    if (checked.has(line)) continue;
    checked.add(line);
    if (checkPayloadSignature(checkpointPayload(record), record, publicKeys) !== 'valid') {
      add(record.seq, 'signature invalid (not made with the county key)', '核验点签名无效');
      continue;
    }
    const head = observed.get(record.eventSeq);
    if (head === undefined) continue;
    if (head === null) add(record.seq, `audit event seq ${record.eventSeq} it anchors is missing (chain truncated?)`, `其锚定的审计记录 #${record.eventSeq} 已不存在（审计链被截断）`);
    else if (head.hash !== record.headHash) add(record.seq, `audit event seq ${record.eventSeq} no longer has the anchored hash (chain rewritten)`, `审计记录 #${record.eventSeq} 的哈希与核验点不符（审计链被改写）`);
    else if (head.count !== null && head.count !== record.eventCount) {
      add(record.seq, `${record.eventCount} audit events anchored up to seq ${record.eventSeq}, ${head.count} found (events deleted)`, `核验点记录 ${record.eventCount} 条审计记录，现有 ${head.count} 条（有记录被删除）`);
    }
  }

  for (const [seq, record] of fileBySeq) {
    const stored = databaseBySeq.get(seq);
    if (!stored) add(seq, 'in the log file but missing from the database', '核验点文件中有、数据库中缺失');
    else if (!sameRecord(stored, record)) add(seq, 'differs between the database and the log file', '数据库与核验点文件中的内容不同');
  }
  for (const seq of databaseBySeq.keys()) {
    if (!fileBySeq.has(seq)) add(seq, 'in the database but not in the log file', '数据库中有、核验点文件中缺失');
  }
  return problems.sort((a, b) => a.checkpointSeq - b.checkpointSeq);
}
