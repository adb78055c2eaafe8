// The plan importer's benchmarks, run by bench/run.ts against the bench database:
//
//   bench: plan-parse           parsePlan on the largest seed document, warm, in process (goal < 20 ms)
//   bench: plan-import-publish  createPlanDraft + publishPlan of that document as the office (goal < 1 s)
//
// Each import sample is a new document (its title line carries the sample number), since the same
// text would be refused as a re-import. Lead units the document does not name are filled in
// between the two steps, as the reviewer would; that step is not timed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SessionUser } from '../lib/server/auth/permissions';
import { parsePlan } from '../lib/core/plan/parse';
import { createPlanDraft } from '../lib/server/plans/create-plan-draft';
import { assignMissingLeadUnits } from '../lib/server/plans/assign-missing-lead-units';
import { loadDirectory } from '../lib/server/plans/load-directory';
import { publishPlan } from '../lib/server/plans/publish-plan';
import { measure, timingOf, type Timing } from './measure';

export type PlanImportTimings = {
  document: string;
  parse: { items: number; timing: Timing };
  importPublish: { tasks: number; timing: Timing };
};

function largestSeed(seedDir: string) {
  const [largest] = readdirSync(seedDir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => ({ name, size: statSync(path.join(seedDir, name)).size }))
    .sort((a, b) => b.size - a.size);
  if (!largest) throw new Error(`no seed documents in ${seedDir}`);
  return { name: largest.name, text: readFileSync(path.join(seedDir, largest.name), 'utf8') };
}

export async function measurePlanImport({
  admin,
  seedDir,
  parseSamples = 50,
  importSamples = 10,
}: {
  admin: SessionUser;
  seedDir: string;
  parseSamples?: number;
  importSamples?: number;
}): Promise<PlanImportTimings> {
  const document = largestSeed(seedDir);
  const { units } = await loadDirectory();
  const items = parsePlan(document.text, { units }).items.length;
  const parse = await measure(async () => parsePlan(document.text, { units }), { samples: parseSamples });

  const fallbackUnitId = units[0]?.id;
  if (!fallbackUnitId) throw new Error('the bench database has no units');
  const [firstLine = '', ...rest] = document.text.split('\n');
  let sample = 0;
  let tasks = 0;
  const importPublish = async () => {
    sample += 1;
    const text = [`${firstLine}（基准样本 ${sample}）`, ...rest].join('\n');
    const started = performance.now();
    // Every sample is the same document but for its title: confirm the near-duplicate import.
    const input = { text, sourceName: document.name, confirmDuplicate: true };
    const plan = await createPlanDraft({ user: admin, input });
    const drafted = performance.now() - started;
    await assignMissingLeadUnits({ user: admin, input: { planId: plan.id, leadUnitId: fallbackUnitId } });
    const publishing = performance.now();
    tasks = (await publishPlan({ user: admin, planId: plan.id, confirmPastDeadlines: true })).tasks;
    return drafted + (performance.now() - publishing);
  };
  await importPublish(); // warm-up
  const taken: number[] = [];
  for (let i = 0; i < importSamples; i++) taken.push(await importPublish());

  return { document: document.name, parse: { items, timing: parse }, importPublish: { tasks, timing: timingOf(taken) } };
}
