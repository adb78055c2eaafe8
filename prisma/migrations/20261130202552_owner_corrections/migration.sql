-- CreateTable
CREATE TABLE "OwnerCorrection" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "previousUnitId" TEXT,
    "planItemId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OwnerCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OwnerCorrection_createdAt_idx" ON "OwnerCorrection"("createdAt");

-- AddForeignKey
ALTER TABLE "OwnerCorrection" ADD CONSTRAINT "OwnerCorrection_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
