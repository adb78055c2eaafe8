'use client';

import { useMemo, useState } from 'react';
import styles from '../../admin.module.css';

export type UnitOption = { id: string; code: string; name: string; shortName: string; active: boolean; otherLeaders: string[] };

/**
 * A multi-select a phone can use: a search box over a list of large checkboxes, and the chosen
 * units as chips above it. Every chosen unit is submitted as `name`, whether or not the search hides it.
 */
export function UnitMultiSelect({ name, options, initial }: { name: string; options: UnitOption[]; initial: string[] }) {
  const [selected, setSelected] = useState<string[]>(initial);
  const [query, setQuery] = useState('');
  const byId = useMemo(() => new Map(options.map((option) => [option.id, option])), [options]);
  const needle = query.trim().toLowerCase();
  const visible = needle
    ? options.filter((option) => [option.code, option.name, option.shortName].some((text) => text.toLowerCase().includes(needle)))
    : options;
  const toggle = (id: string, on: boolean) => setSelected((current) => (on ? [...current, id] : current.filter((other) => other !== id)));

  return (
    <div className="stack">
      {selected.map((id) => (
        <input key={id} type="hidden" name={name} value={id} />
      ))}
      <div className={styles.chips} aria-label="已选单位" role="list">
        {selected.length === 0 && <span className="muted small">未选择单位</span>}
        {selected.map((id) => (
          <span key={id} className={styles.chip} role="listitem">
            {byId.get(id)?.shortName ?? id}
            <button type="button" onClick={() => toggle(id, false)} aria-label={`移除${byId.get(id)?.shortName ?? ''}`}>
              ×
            </button>
          </span>
        ))}
      </div>
      <label>
        搜索单位
        <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="输入名称或编码筛选" autoComplete="off" />
      </label>
      <div className={styles.options} role="group" aria-label="可选单位">
        {visible.map((option) => (
          <label key={option.id} className={styles.option}>
            <input type="checkbox" checked={selected.includes(option.id)} onChange={(event) => toggle(option.id, event.target.checked)} />
            <span>
              {option.shortName}
              {!option.active && <span className="muted">（已停用）</span>}
            </span>
            {option.otherLeaders.length > 0 && <small>现由{option.otherLeaders.join('、')}分管</small>}
          </label>
        ))}
        {visible.length === 0 && <p className="muted small" style={{ padding: '0.6rem 0.75rem' }}>没有匹配的单位</p>}
      </div>
    </div>
  );
}
