/** Who signs a letter, in Chinese. No imports: client components use it too. */
export const SIGNER_ROLE_LABELS = { UNIT_HEAD: '单位负责人', LEADER: '分管县领导' } as const;
