-- Audit chain in shards: every existing event is shard 0 (the single chain it was).
ALTER TABLE "AuditEvent" ADD COLUMN "shard" INTEGER NOT NULL DEFAULT 0;

-- Checkpoints sign every shard's head.
ALTER TABLE "AuditCheckpoint" ADD COLUMN "heads" JSONB;

-- CreateIndex
CREATE INDEX "AuditEvent_shard_seq_idx" ON "AuditEvent"("shard", "seq");
