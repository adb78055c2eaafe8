'use client';

import { createContext, useContext } from 'react';
import type { DirectoryLeader, DirectoryUnit } from '@/lib/core/plan/proposal';

export type Directory = { units: DirectoryUnit[]; leaders: DirectoryLeader[] };

const DirectoryContext = createContext<Directory>({ units: [], leaders: [] });

/** The unit and leader directory, sent to the browser once for all item editors. */
export function DirectoryProvider({ directory, children }: { directory: Directory; children: React.ReactNode }) {
  return <DirectoryContext value={directory}>{children}</DirectoryContext>;
}

export function useDirectory() {
  return useContext(DirectoryContext);
}
