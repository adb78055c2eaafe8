import 'server-only';
import { cache } from 'react';
import { shanghaiYear } from '@/lib/core/schedule/calendar-day';
import { installationMarkerSchema, type InstallationMarker } from '@/lib/core/schemas/settings';
import { serverEnv } from '@/lib/platform/env';
import { db, type Db, type Tx } from '@/lib/server/db';

/** Keys of the Setting table. */
export const SETTING_KEYS = {
  countyName: 'countyName',
  workingYear: 'workingYear',
  installation: 'installation',
} as const;

export type InstallationSettings = {
  /** Printed on commitment letters and 通报. LUOSHI_COUNTY_NAME until the office sets it. */
  countyName: string;
  /** The year the office works in (default for lists, rankings, imports): the current year until set. */
  workingYear: number;
  /** Whether the office pinned the working year, or it follows the calendar. */
  workingYearPinned: boolean;
  installation: InstallationMarker | null;
};

/** The installation's settings, read once per request. */
export const getInstallationSettings = cache(async (): Promise<InstallationSettings> => readInstallationSettings(db));

export async function readInstallationSettings(client: Db | Tx): Promise<InstallationSettings> {
  const rows = await client.setting.findMany({ where: { key: { in: Object.values(SETTING_KEYS) } } });
  const value = (key: string) => rows.find((row) => row.key === key)?.value;
  const countyName = value(SETTING_KEYS.countyName);
  const workingYear = value(SETTING_KEYS.workingYear);
  const marker = installationMarkerSchema.safeParse(value(SETTING_KEYS.installation));
  return {
    countyName: typeof countyName === 'string' && countyName ? countyName : serverEnv().LUOSHI_COUNTY_NAME,
    workingYear: typeof workingYear === 'number' ? workingYear : shanghaiYear(new Date()),
    workingYearPinned: typeof workingYear === 'number',
    installation: marker.success ? marker.data : null,
  };
}

export async function getCountyName() {
  return (await getInstallationSettings()).countyName;
}
