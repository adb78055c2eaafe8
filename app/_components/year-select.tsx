/** The 年度 choice of a GET filter form: the working year and the two before it, plus the year shown if older. */
export function YearSelect({ year, currentYear }: { year: number; currentYear: number }) {
  const years = [currentYear, currentYear - 1, currentYear - 2].concat(year < currentYear - 2 ? [year] : []);
  return (
    <label>
      年度
      <select name="year" defaultValue={String(year)}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}年
          </option>
        ))}
      </select>
    </label>
  );
}
