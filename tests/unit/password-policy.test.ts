import { describe, expect, test } from 'vitest';
import { passwordProblems } from '@/lib/core/auth/password-policy';
import { changePasswordSchema } from '@/lib/core/schemas/account';

describe('passwordProblems', () => {
  test('a long enough password with letters and digits passes', () => {
    expect(passwordProblems('chunfeng2025', { username: 'fgj_head', previous: 'luoshi2024' })).toEqual([]);
  });
  test('too short, letters only, digits only are refused in Chinese', () => {
    expect(passwordProblems('ab12', { username: 'x' })).toEqual(['密码至少 8 位']);
    expect(passwordProblems('abcdefghij', { username: 'x' })).toEqual(['密码须同时包含字母和数字']);
    expect(passwordProblems('1234567890', { username: 'x' })).toEqual(['密码须同时包含字母和数字']);
  });
  test('a password containing the account name, in any case, is refused', () => {
    expect(passwordProblems('FGJ_head2025', { username: 'fgj_head' })).toEqual(['密码不能包含账号名']);
  });
  test('the old password is refused as the new one', () => {
    expect(passwordProblems('luoshi2024', { username: 'admin', previous: 'luoshi2024' })).toEqual(['新密码不能与原密码相同']);
  });
});

describe('changePasswordSchema', () => {
  test('puts policy refusals on the new password and a mismatch on the confirmation', () => {
    const result = changePasswordSchema('admin').safeParse({ currentPassword: 'old', newPassword: 'short', confirmPassword: 'other' });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(paths).toEqual([
      ['newPassword', '密码至少 8 位'],
      ['newPassword', '密码须同时包含字母和数字'],
      ['confirmPassword', '两次输入的新密码不一致'],
    ]);
  });
  test('accepts a valid change', () => {
    expect(changePasswordSchema('admin').safeParse({ currentPassword: 'old', newPassword: 'qiuyue2025', confirmPassword: 'qiuyue2025' }).success).toBe(true);
  });
});
