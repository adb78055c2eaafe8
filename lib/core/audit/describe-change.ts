// A one-line summary of an audit event's before/after snapshots for the audit log: only the
// fields that changed, each shortened.

const MAX_FIELDS = 4;
const MAX_VALUE_CHARS = 40;

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return (typeof value === 'string' ? value : JSON.stringify(value)).slice(0, MAX_VALUE_CHARS);
}

function fields(snapshot: unknown): Record<string, unknown> {
  return snapshot && typeof snapshot === 'object' && !Array.isArray(snapshot) ? (snapshot as Record<string, unknown>) : {};
}

export function describeChange(before: unknown, after: unknown): string {
  const b = fields(before);
  const a = fields(after);
  const changed = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]));
  const parts = changed.slice(0, MAX_FIELDS).map((key) => (before ? `${key}: ${show(b[key])} → ${show(a[key])}` : `${key}: ${show(a[key])}`));
  return parts.join('；') + (changed.length > MAX_FIELDS ? ` 等 ${changed.length} 项` : '');
}
