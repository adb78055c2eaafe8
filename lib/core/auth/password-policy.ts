// The minimum password policy, pure so it is tested exactly. Messages are shown to the user.
export const PASSWORD_POLICY = { minLength: 8, maxLength: 128 } as const;

export const PASSWORD_POLICY_TEXT = `至少 ${PASSWORD_POLICY.minLength} 位，须同时包含字母和数字，不能包含账号名，不能与原密码相同`;

/** Why `password` is not acceptable for account `username` replacing `previous`; empty when it is. */
export function passwordProblems(password: string, { username, previous }: { username: string; previous?: string }): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_POLICY.minLength) problems.push(`密码至少 ${PASSWORD_POLICY.minLength} 位`);
  if (password.length > PASSWORD_POLICY.maxLength) problems.push(`密码不能超过 ${PASSWORD_POLICY.maxLength} 位`);
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) problems.push('密码须同时包含字母和数字');
  const account = username.trim().toLowerCase();
  if (account && password.toLowerCase().includes(account)) problems.push('密码不能包含账号名');
  if (previous !== undefined && password === previous) problems.push('新密码不能与原密码相同');
  return problems;
}
