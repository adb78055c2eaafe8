-- AlterTable
ALTER TABLE "CommitmentVersion" ADD COLUMN     "sealKeyId" TEXT,
ADD COLUMN     "sealSignature" TEXT;

-- AlterTable
ALTER TABLE "Signature" ADD COLUMN     "keyId" TEXT,
ADD COLUMN     "keySignature" TEXT;

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "eventSeq" INTEGER NOT NULL,
    "headHash" TEXT NOT NULL,
    "eventCount" INTEGER NOT NULL,
    "keyId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditCheckpoint_seq_key" ON "AuditCheckpoint"("seq");
