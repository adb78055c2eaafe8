/**
 * Audit checkpoints: signed statements "at time T shard k held N_k events ending in event S_k with
 * hash H_k, for every shard", kept both in the database and as one JSON line each in an append-only
 * file outside it. A checkpoint is written while no event is being appended (it holds every shard's
 * lock), so every event with a seq up to its highest head was committed and counted: afterwards each
 * shard must still have exactly N_k events up to that seq, its event S_k with hash H_k.
 * Re-chaining the events after an edit changes H_k; deleting a shard's tail removes S_k or changes
 * N_k; an event slipped into the anchored history changes some N_k; deleting checkpoint rows leaves
 * the file's lines. Without the private key none can be forged.
 */

import { z } from 'zod';
import { canonicalize } from '@/lib/core/commitment/canonical';
import { hashCanonical } from '@/lib/core/commitment/canonical';
import { checkpointPayload, type CheckpointFields, type ShardHead } from '@/lib/core/integrity/signed-records';
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
  heads: z
    .array(z.object({ shard: z.number().int().nonnegative(), eventSeq: z.number().int().nonnegative(), headHash: z.string(), eventCount: z.number().int().nonnegative() }))
    .optional(),
});

/** The checkpoint fields of a set of shard heads (the highest head, the total, one hash over all heads). */
export function checkpointOfHeads(heads: readonly ShardHead[]): Pick<CheckpointFields, 'eventSeq' | 'headHash' | 'eventCount' | 'heads'> {
  const sorted = [...heads].sort((a, b) => a.shard - b.shard).map(({ shard, eventSeq, headHash, eventCount }) => ({ shard, eventSeq, headHash, eventCount }));
  return {
    eventSeq: Math.max(0, ...sorted.map((h) => h.eventSeq)),
    headHash: hashCanonical(sorted),
    eventCount: sorted.reduce((sum, h) => sum + h.eventCount, 0),
    heads: sorted,
  };
}

/** The shard heads a checkpoint anchors; an older checkpoint anchors the single chain, now shard 0. */
export function checkpointHeads(c: CheckpointFields): ShardHead[] {
  return c.heads ?? [{ shard: 0, eventSeq: c.eventSeq, headHash: c.headHash, eventCount: c.eventCount }];
}

/** One line of the checkpoint file (canonical JSON, newline-terminated). */
export function checkpointLogLine(record: CheckpointRecord): string {
  const { seq, eventSeq, headHash, eventCount, at, keyId, signature, heads } = record;
  return `${canonicalize({ seq, eventSeq, headHash, eventCount, at, keyId, signature, ...(heads ? { heads } : {}) })}\n`;
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

/**
 * The chain as it is now, as far as the checkpoints need it: the event at each anchored seq (its shard
 * and hash; null when no event has that seq; absent: not looked up), and for a checkpoint's eventSeq
 * the number of events per shard with seq ≤ it (absent: not counted).
 */
export interface ObservedChain {
  events: ReadonlyMap<number, { shard: number; hash: string } | null>;
  counts: ReadonlyMap<number, ReadonlyMap<number, number>>;
}

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
  observed: ObservedChain;
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
    const heads = checkpointHeads(record);
    // Shard 0 is the chain there always was: its findings read as before.
    const inShard = (shard: number) => (shard ? ` in shard ${shard}` : '');
    const inShardZh = (shard: number) => (shard ? `分片 ${shard} 的` : '');
    for (const head of heads) {
      const event = observed.events.get(head.eventSeq);
      if (event === undefined) continue;
      if (event === null) add(record.seq, `audit event seq ${head.eventSeq}${inShard(head.shard)} it anchors is missing (chain truncated?)`, `其锚定的${inShardZh(head.shard)}审计记录 #${head.eventSeq} 已不存在（审计链被截断）`);
      else if (event.hash !== head.headHash || event.shard !== head.shard) {
        add(record.seq, `audit event seq ${head.eventSeq}${inShard(head.shard)} no longer has the anchored hash (chain rewritten)`, `${inShardZh(head.shard)}审计记录 #${head.eventSeq} 的哈希与核验点不符（审计链被改写）`);
      }
    }
    const counts = observed.counts.get(record.eventSeq);
    if (!counts) continue;
    const anchored = new Map(heads.map((h) => [h.shard, h.eventCount]));
    for (const shard of [...new Set([...anchored.keys(), ...counts.keys()])].sort((a, b) => a - b)) {
      const expected = anchored.get(shard) ?? 0;
      const found = counts.get(shard) ?? 0;
      if (found === expected) continue;
      const what = found < expected ? ['events deleted', '有记录被删除'] : ['events added to anchored history', '已锚定的历史中多出记录'];
      add(
        record.seq,
        `${expected} audit events anchored${inShard(shard)} up to seq ${record.eventSeq}, ${found} found (${what[0]})`,
        `核验点记录${inShardZh(shard)} ${expected} 条审计记录，现有 ${found} 条（${what[1]}）`,
      );
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
