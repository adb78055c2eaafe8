import type { Role } from '@/lib/generated/prisma/client';

declare module 'next-auth' {
  interface User {
    id: string;
    username: string;
    name: string;
    role: Role;
    unitId: string | null;
  }
  interface Session {
    user: { id: string; username: string; name: string; role: Role; unitId: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid: string;
    username: string;
    role: Role;
    unitId: string | null;
  }
}
