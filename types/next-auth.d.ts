// Augments next-auth's types (an import makes this file a module, so these merge instead of replacing).
import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface User {
    id: string;
    username: string;
    name: string;
    sessionId: string;
    /** Set when the identity provider's sign-in found no luoshi account to sign in (lib/server/auth/options.ts). */
    oidcRefusal?: string;
  }
  interface Session {
    user: { id: string; username: string; name: string };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid: string;
    sid: string;
    username: string;
  }
}
