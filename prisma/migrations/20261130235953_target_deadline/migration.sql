ALTER TABLE "Target" ADD COLUMN "deadline" DATE,
ADD COLUMN "deadlineText" TEXT;
