'use client';

import { useId, useState } from 'react';

/**
 * A search box for a GET form, limited in length: the query travels in the URL, and a long paste
 * would otherwise make the request line too large for the server (HTTP 431). At the limit it says
 * so instead of silently dropping the rest.
 */
export function SearchInput({ name = 'q', defaultValue, placeholder, maxLength = 100, type = 'search' }: {
  name?: string;
  defaultValue?: string;
  placeholder?: string;
  maxLength?: number;
  type?: 'search' | 'text';
}) {
  const [atLimit, setAtLimit] = useState(false);
  const hintId = useId();
  return (
    <>
      <input
        type={type}
        name={name}
        defaultValue={defaultValue}
        placeholder={placeholder}
        maxLength={maxLength}
        aria-describedby={atLimit ? hintId : undefined}
        onInput={(event) => setAtLimit(event.currentTarget.value.length >= maxLength)}
      />
      {atLimit && (
        <span id={hintId} className="field-error" role="status">
          最多 {maxLength} 字，超出部分未输入
        </span>
      )}
    </>
  );
}
