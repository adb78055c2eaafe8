import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { serverEnv } from '@/lib/platform/env';
import { fileProgressReport } from '@/lib/server/reports/file-progress-report';
import { getAttachment } from '@/lib/server/attachments/get-attachment';
import { commitStaged, discardStaged, stageFile } from '@/lib/server/attachments/attachment-store';
import { createS3Client } from '@/lib/server/attachments/s3-attachment-store';
import { checkHealth } from '@/lib/server/health/check-health';
import { databaseKind, sessionUser } from '../support/db';
import { startS3Server, type TestS3Server } from '../support/s3-server';
import { PDF_BYTES, TODAY, pdf, taskVersion, uploadDirOf, workflowTask } from '../support/workflow';
import { existsSync } from 'node:fs';

let s3: TestS3Server;

beforeAll(async () => {
  s3 = await startS3Server();
  // Before the data layer first reads the environment (it caches it).
  Object.assign(process.env, s3.env);
});
afterAll(async () => {
  await s3?.close();
});

async function keysUnder(taskId: string) {
  const listed = await createS3Client(serverEnv()).send(new ListObjectsV2Command({ Bucket: s3.env.LUOSHI_S3_BUCKET, Prefix: `${taskId}/` }));
  return (listed.Contents ?? []).map((object) => object.Key!.slice(taskId.length + 1)).sort();
}

describe(`attachments in an S3-compatible store (s3rver; ${databaseKind} PostgreSQL)`, () => {
  test('a report’s attachment goes to the bucket, not the upload directory, and reads back in scope only', async () => {
    const task = await workflowTask('对象存储附件');
    const report = await fileProgressReport({
      user: await sessionUser('fgj_staff'),
      input: { taskId: task.id, version: await taskVersion(task.id), narrative: '附件在对象存储', percent: 10 },
      files: [pdf('验收报告.pdf')],
      today: TODAY,
    });
    const storedName = (report.attachments as { storedName: string }[])[0]!.storedName;
    expect(await keysUnder(task.id)).toEqual([storedName]);
    expect(existsSync(uploadDirOf(task.id))).toBe(false);

    const file = await getAttachment({ user: await sessionUser('leader'), reportId: report.id, storedName });
    expect(file).toMatchObject({ name: '验收报告.pdf', type: 'application/pdf', size: PDF_BYTES.length });
    expect(new Uint8Array(await new Response(file.stream()).arrayBuffer())).toEqual(PDF_BYTES);
    await expect(getAttachment({ user: await sessionUser('jyj_staff'), reportId: report.id, storedName })).rejects.toThrow('未找到该记录');
  });

  test('a failed report leaves no object behind; a discarded stage is deleted, a committed one kept', async () => {
    const task = await workflowTask('对象存储回滚');
    const stale = fileProgressReport({
      user: await sessionUser('fgj_staff'),
      input: { taskId: task.id, version: (await taskVersion(task.id)) + 5, narrative: '过期版本', percent: 10 },
      files: [pdf()],
      today: TODAY,
    });
    await expect(stale).rejects.toThrow();
    expect(await keysUnder(task.id)).toEqual([]);

    const kept = await stageFile(task.id, '11111111-1111-4111-8111-111111111111.pdf', PDF_BYTES);
    const dropped = await stageFile(task.id, '22222222-2222-4222-8222-222222222222.pdf', PDF_BYTES);
    await commitStaged([kept]);
    await discardStaged([dropped]);
    expect(await keysUnder(task.id)).toEqual(['11111111-1111-4111-8111-111111111111.pdf']);
    await expect(stageFile(task.id, '../escape.pdf', PDF_BYTES)).rejects.toThrow('invalid attachment path');
  });

  test('health reports the bucket reachable', async () => {
    expect((await checkHealth()).uploads).toEqual({ store: 's3', ok: true });
  });
});
