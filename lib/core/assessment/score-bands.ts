/** Scores grouped in bands for the distribution chart: <60, 60–69.9, …, 90–100. */
export function scoreBands(scores: readonly number[]): { label: string; count: number }[] {
  const bands = [
    { label: '60分以下', min: Number.NEGATIVE_INFINITY, max: 60 },
    { label: '60–70', min: 60, max: 70 },
    { label: '70–80', min: 70, max: 80 },
    { label: '80–90', min: 80, max: 90 },
    { label: '90分以上', min: 90, max: Number.POSITIVE_INFINITY },
  ];
  return bands.map((band) => ({ label: band.label, count: scores.filter((score) => score >= band.min && score < band.max).length }));
}
