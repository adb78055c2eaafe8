import Link from 'next/link';
import type { CommitmentStatusRow } from '@/lib/server/commitments/list-commitment-status';
import { COMMITMENT_TRACKING_LABELS } from '@/lib/core/commitment/tracking';

/**
 * The letters in the user's scope whose tasks changed after signing (需重新签署), on the unit home
 * and the leader's view; the office sees them in the letter list.
 */
export function OutdatedLetters({ rows, year, own }: { rows: CommitmentStatusRow[]; year: number; own: boolean }) {
  if (rows.length === 0) return null;
  return (
    <section className="panel letters-banner" aria-label="需重新签署的承诺书" data-testid="outdated-letters">
      <h2>
        {year}年目标责任承诺书{COMMITMENT_TRACKING_LABELS.outdated}
      </h2>
      <p className="small">{own ? '本单位' : '以下分管单位的'}承诺书所列任务或指标在签署后已调整，待督查室修订后重新签署。</p>
      <ul>
        {rows.map((row) => (
          <li key={row.unit.id}>
            <Link href={`/commitments/${row.unit.id}/${year}`}>{row.unit.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
