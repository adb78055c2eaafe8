import 'server-only';
import { cache } from 'react';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';

export type SupervisionRow = {
  id: string;
  kind: 'URGE' | 'SUPERVISE' | 'INSTRUCTION';
  text: string;
  createdAt: Date;
  responseDue: Date | null;
  response: string | null;
  respondedAt: Date | null;
  escalatedAt: Date | null;
  recipientUnitId: string | null;
  recipientShortName: string | null;
  authorId: string;
  authorName: string;
  authorTitle: string | null;
  responderId: string | null;
  responderName: string | null;
};

/**
 * A task's 催办/督办/批示, newest first, with their people and unit joined: one statement, read once
 * per page (React `cache`: the task page's timeline and its 督办 panel both show them). Not scoped:
 * each caller checks the task against the user's scope and returns nothing unless it passes.
 */
export const loadSupervisionRows = cache((taskId: string) =>
  db.$queryRaw<SupervisionRow[]>(Prisma.sql`
    SELECT s."id", s."kind"::text AS "kind", s."text", s."createdAt", s."responseDue", s."response", s."respondedAt", s."escalatedAt",
      s."recipientUnitId", u."shortName" AS "recipientShortName", a."id" AS "authorId", a."name" AS "authorName", a."title" AS "authorTitle",
      p."id" AS "responderId", p."name" AS "responderName"
    FROM "SupervisionAction" s JOIN "User" a ON a."id" = s."authorId"
      LEFT JOIN "Unit" u ON u."id" = s."recipientUnitId" LEFT JOIN "User" p ON p."id" = s."responderId"
    WHERE s."taskId" = ${taskId}
    ORDER BY s."createdAt" DESC, s."id" DESC`),
);
