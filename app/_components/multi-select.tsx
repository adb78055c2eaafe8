'use client';

import { useState } from 'react';
import { FieldError, type FormState } from '@/app/_components/form-feedback';
import styles from './multi-select.module.css';

/** One choice; `hint` is shown beside it in the list (e.g. who oversees a unit now). */
export type Choice = { id: string; label: string; hint?: string };

/**
 * Picks several of many (co-units, leaders, a leader's units) on any screen, a phone included: a
 * search box narrows a checkbox list, chosen ones show as removable chips. Hidden inputs carry the
 * choice, so one filtered out of view is still sent.
 */
export function MultiSelect({ name, label, choices, defaultSelected = [], state }: { name: string; label: string; choices: Choice[]; defaultSelected?: string[]; state: FormState }) {
  const [selected, setSelected] = useState<string[]>(defaultSelected);
  const [query, setQuery] = useState('');
  const labels = new Map(choices.map((c) => [c.id, c.label]));
  const needle = query.trim();
  const shown = needle ? choices.filter((c) => c.label.includes(needle)) : choices;
  const toggle = (id: string) => setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <fieldset className={styles.fieldset} data-testid={`multi-${name}`}>
      <legend>{label}</legend>
      {selected.map((id) => (
        <input key={id} type="hidden" name={name} value={id} />
      ))}
      {selected.length > 0 && (
        <div className={styles.chips}>
          {selected.map((id) => (
            <button key={id} type="button" className={styles.chip} onClick={() => toggle(id)} title="移除">
              {labels.get(id) ?? id} ×
            </button>
          ))}
        </div>
      )}
      <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={`搜索${label}`} aria-label={`搜索${label}`} />
      <div className={styles.grid}>
        {shown.map((choice) => (
          <label key={choice.id} className={styles.check}>
            <input type="checkbox" checked={selected.includes(choice.id)} onChange={() => toggle(choice.id)} />
            {choice.label}
            {choice.hint && <span className={styles.hint}>{choice.hint}</span>}
          </label>
        ))}
        {shown.length === 0 && <span className="muted small">没有匹配的{label}</span>}
      </div>
      <FieldError state={state} name={name} />
    </fieldset>
  );
}
