import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { SignInRefused, verifyCredentials } from '@/lib/server/auth/sign-in';
import { requestClientAddress } from '@/lib/server/client-address';
import { endUserSession, SESSION_MAX_AGE_SECONDS, startUserSession } from '@/lib/server/auth/user-sessions';

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === 'string' && value ? value : null;
}

function clientIp(headers: Record<string, unknown> | undefined): string | null {
  return requestClientAddress((name) => header(headers, name));
}

// The JWT carries only who signed in and which server-side session it is (`sid`); role, unit and
// name are read from the database on every request (lib/server/auth/session.ts).
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: '账号密码',
      credentials: { username: { label: '账号', type: 'text' }, password: { label: '密码', type: 'password' } },
      async authorize(credentials, request) {
        try {
          const ip = clientIp(request?.headers);
          const user = await verifyCredentials(credentials, ip);
          const sessionId = await startUserSession(user.id, { ip, userAgent: header(request?.headers, 'user-agent') });
          return { id: user.id, username: user.username, name: user.name, sessionId };
        } catch (error) {
          // next-auth passes the message of a thrown error to the sign-in page.
          if (error instanceof SignInRefused) throw new Error(error.message);
          // Anything else (typically the database being down) is logged; the form is told so
          // without the driver's message, which names the database host and port.
          console.error(error);
          throw new Error('暂时无法登录：系统或数据库暂不可用，请稍后重试；若持续出现，请联系管理员');
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = user.sessionId;
        token.username = user.username;
        token.name = user.name;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, username: token.username, name: token.name ?? '' };
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === 'string') await endUserSession(token.sid);
    },
  },
};
