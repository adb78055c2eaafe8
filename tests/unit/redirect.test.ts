import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '@/lib/core/auth/redirect';

describe('safeRedirectPath', () => {
  it('keeps a same-origin path with its query and hash', () => {
    expect(safeRedirectPath('/tasks?status=OVERDUE&page=2#list')).toBe('/tasks?status=OVERDUE&page=2#list');
    expect(safeRedirectPath('/')).toBe('/');
    expect(safeRedirectPath('/tasks/../plans')).toBe('/plans');
  });

  it.each([
    '//evil.example/phish',
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    'https://evil.example/',
    'http:evil.example',
    'javascript:alert(1)',
    '/\t/evil.example',
    '/\n/evil.example',
    ' //evil.example',
    'evil.example',
    '',
  ])('refuses %j → /', (value) => {
    expect(safeRedirectPath(value)).toBe('/');
  });

  it('refuses what is not a string', () => {
    expect(safeRedirectPath(undefined)).toBe('/');
    expect(safeRedirectPath(['/a', '//evil.example'])).toBe('/');
  });
});
