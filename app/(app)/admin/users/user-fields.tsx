'use client';

import { FieldError, type FormState } from '@/app/_components/form-feedback';
import { ROLE_LABELS, ROLES, type DirectoryRole } from '@/lib/core/directory/labels';
import styles from '../admin.module.css';

export type UnitChoice = { id: string; name: string; shortName: string; active: boolean };
export type UserFormValues = {
  username: string;
  name: string;
  title: string | null;
  role: DirectoryRole;
  unitId: string | null;
  phone: string | null;
  active: boolean;
};

/** The fields a person has on both the new-user and the edit form. */
export function UserFields({ state, units, user }: { state: FormState; units: UnitChoice[]; user?: UserFormValues }) {
  return (
    <div className={styles.grid}>
      <label>
        姓名
        <input name="name" defaultValue={user?.name} required maxLength={50} />
        <FieldError state={state} name="name" />
      </label>
      <label>
        账号
        <input name="username" defaultValue={user?.username} required maxLength={64} autoCapitalize="off" autoComplete="off" />
        <FieldError state={state} name="username" />
      </label>
      <label>
        角色
        <select name="role" defaultValue={user?.role ?? 'UNIT_STAFF'}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        <FieldError state={state} name="role" />
      </label>
      <label>
        单位
        <select name="unitId" defaultValue={user?.unitId ?? ''}>
          <option value="">（无）</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.shortName}
              {unit.active ? '' : '（已停用）'}
            </option>
          ))}
        </select>
        <FieldError state={state} name="unitId" />
      </label>
      <label>
        职务
        <input name="title" defaultValue={user?.title ?? ''} maxLength={50} placeholder="如：办公室主任" />
        <FieldError state={state} name="title" />
      </label>
      <label>
        手机
        <input name="phone" type="tel" inputMode="tel" defaultValue={user?.phone ?? ''} maxLength={20} />
        <FieldError state={state} name="phone" />
      </label>
      <label className={styles.check}>
        <input type="checkbox" name="active" defaultChecked={user?.active ?? true} />
        启用
      </label>
    </div>
  );
}
