import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { getUnitRanking } from '@/lib/server/ranking/get-unit-ranking';
import { rankingParamsSchema } from '@/lib/core/schemas/ranking';
import { formatRate } from '@/lib/core/ranking/score-units';
import { describeScheme } from '@/lib/core/assessment/scheme';
import { getInstallationSettings } from '@/lib/server/settings/installation-settings';
import '../dashboard.css';
import { YearSelect } from '@/app/_components/year-select';

export const metadata: Metadata = { title: '单位排名' };

export default async function RankingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!can(user, 'ranking.view')) notFound();
  const currentYear = (await getInstallationSettings()).workingYear;
  const params = rankingParamsSchema.parse(await searchParams);
  const year = params.year ?? currentYear;
  // A leader sees the units they oversee unless they ask for the whole county; the office sees the county.
  const scope = user.role === 'LEADER' ? (params.scope ?? 'own') : 'county';
  const { scheme, units: ranking } = await getUnitRanking({ user, year, scope });

  return (
    <>
      <div className="page-head">
        <h1>
          {year}年单位排名{scope === 'own' && '（分管单位）'}
        </h1>
        <form className="actions" method="get">
          <YearSelect year={year} currentYear={currentYear} />
          {user.role === 'LEADER' && (
            <label>
              范围
              <select name="scope" defaultValue={scope}>
                <option value="own">分管单位</option>
                <option value="county">全县</option>
              </select>
            </label>
          )}
          <button type="submit" className="secondary">
            查看
          </button>
        </form>
      </div>
      <p className="muted small">
        按{year}年度考核办法“{scheme.name}”计分：{describeScheme(scheme)}。按时完成率 = 按期销号 ÷（已销号 + 逾期未完成），暂无到期任务按100%计；正常推进率 = （绿灯 + 已销号）÷ 任务总数。按牵头单位统计当前任务；依据已签署承诺书的年终考核见“年终考核”。
      </p>
      {ranking.length === 0 ? (
        <p className="panel muted">该年度暂无任务。</p>
      ) : (
        <div className="table-wrap">
          <table className="cards" aria-label="单位排名">
            <thead>
              <tr>
                <th>名次</th>
                <th>单位</th>
                <th>得分</th>
                <th>任务</th>
                <th>红/黄/绿</th>
                <th>已销号</th>
                <th>逾期</th>
                <th>按时完成率</th>
                <th>正常推进率</th>
              </tr>
            </thead>
            <tbody>
              {ranking.map((unit) => (
                <tr key={unit.unitId} data-testid="ranking-row">
                  <td data-label="名次">{unit.rank}</td>
                  <td className="title-cell">
                    <Link href={`/tasks?unitId=${unit.unitId}`}>{unit.unitName}</Link>
                  </td>
                  <td data-label="得分">
                    <strong>{unit.score}</strong>
                  </td>
                  <td data-label="任务">{unit.total}</td>
                  <td data-label="红/黄/绿">
                    {unit.red}/{unit.yellow}/{unit.green}
                  </td>
                  <td data-label="已销号">{unit.closed}</td>
                  <td data-label="逾期">{unit.overdue}</td>
                  <td data-label="按时完成率">{formatRate(unit.onTimeRate)}</td>
                  <td data-label="正常推进率">{formatRate(unit.onTrackShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
