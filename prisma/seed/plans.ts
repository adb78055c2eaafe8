import type { PrismaClient } from '@/lib/generated/prisma/client';

type SeedDocument = { name: string; text: string; hash: string };

function titleOf(text: string) {
  return text.split('\n').map((line) => line.trim()).find((line) => line.length >= 6 && /[\u4e00-\u9fff]/.test(line))?.slice(0, 60) ?? '未命名文件';
}

/** Stores each seed document as a draft plan (the importer turns drafts into tasks). */
export async function seedPlans(db: PrismaClient, documents: SeedDocument[]) {
  for (const doc of documents) {
    const exists = await db.plan.findUnique({ where: { sourceHash: doc.hash }, select: { id: true } });
    if (exists) continue;
    await db.plan.create({
      data: {
        title: titleOf(doc.text),
        year: 2024,
        kind: 'WORK_PLAN',
        originalText: doc.text,
        cleanedText: doc.text,
        sourceHash: doc.hash,
        sourceName: doc.name,
      },
    });
  }
  return '';
}
