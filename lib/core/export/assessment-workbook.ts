/** The year's 考核结果 as an .xlsx: 考核结果 (ranking), 得分明细 (every line), 单列任务 (tasks not counted). */
import { buildWorkbook, type ExportFileName } from '@/lib/core/export/workbook';
import { SCORE_RULE_LABELS } from '@/lib/core/assessment/score';
import { TASK_APART_LABELS, type FinalRow } from '@/lib/core/assessment/result';

export type AssessmentSheets = {
  year: number;
  asOf: string;
  schemeName: string;
  schemeText: string;
  statusLabel: string;
  contentHash: string | null;
  rows: readonly FinalRow[];
};

export function assessmentFileName(content: Pick<AssessmentSheets, 'year'>, ext: 'xlsx' | 'pdf'): ExportFileName {
  return { name: `${content.year}年度年终考核结果.${ext}`, asciiName: `assessment-${content.year}.${ext}` };
}

export async function buildAssessmentWorkbook(content: AssessmentSheets, created = new Date()): Promise<Buffer> {
  const title = `${content.year}年度年终考核结果（${content.statusLabel}，截至${content.asOf}）`;
  return buildWorkbook({
    created,
    sheets: [
      {
        name: '考核结果',
        title,
        columns: [
          { header: '名次', width: 8, align: 'center' },
          { header: '单位', width: 20 },
          { header: '计算得分', width: 12, align: 'center' },
          { header: '调整', width: 10, align: 'center' },
          { header: '调整理由', width: 30 },
          { header: '最终得分', width: 12, align: 'center' },
          { header: '承诺书版本', width: 12, align: 'center' },
          { header: '计分任务', width: 10, align: 'center' },
          { header: '单列任务', width: 10, align: 'center' },
        ],
        rows: [
          ...content.rows.map((row) => [
            row.rank,
            row.unitName,
            row.score,
            row.adjustment?.points ?? null,
            row.adjustment?.reason ?? null,
            row.finalScore,
            row.letter ? `第${row.letter.version}版` : '无已签署承诺书',
            row.letter ? row.taskCount : null,
            row.apart.length,
          ]),
          [null, `考核办法：${content.schemeName}`, content.schemeText, null, null, null, null, null, null],
          ...(content.contentHash ? [[null, 'SHA-256', content.contentHash, null, null, null, null, null, null]] : []),
        ],
      },
      {
        name: '得分明细',
        columns: [
          { header: '单位', width: 16 },
          { header: '规则', width: 16 },
          { header: '分值', width: 10, align: 'center' },
          { header: '依据', width: 90 },
        ],
        rows: content.rows.flatMap((row) => [
          ...row.lines.map((line) => [row.unitName, SCORE_RULE_LABELS[line.rule], line.points, line.evidence]),
          ...(row.adjustment ? [[row.unitName, '督查室调整', row.adjustment.points, `${row.adjustment.reason}（${row.adjustment.byName}）`]] : []),
        ]),
      },
      {
        name: '单列任务',
        columns: [
          { header: '单位', width: 16 },
          { header: '任务', width: 60 },
          { header: '说明', width: 30 },
        ],
        rows: content.rows.flatMap((row) => row.apart.map((task) => [row.unitName, task.title, TASK_APART_LABELS[task.reason]])),
      },
    ],
  });
}
