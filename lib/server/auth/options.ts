import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import { headers } from 'next/headers';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { OIDC_PROVIDER_ID, type OidcSettings } from '@/lib/core/schemas/sign-in-settings';
import { OidcSignInRefused, passwordSignInAllowed, readOidcSettings, resolveOidcUser } from '@/lib/server/auth/oidc-sign-in';
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
  // Errors of the identity-provider sign-in land on the sign-in page too (?error=…), in Chinese.
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: '账号密码',
      credentials: { username: { label: '账号', type: 'text' }, password: { label: '密码', type: 'password' } },
      async authorize(credentials, request) {
        try {
          const ip = clientIp(request?.headers);
          // Once the county signs in through its identity provider, passwords stay for the office only;
          // refused before the password is checked, so the form cannot confirm a guessed password.
          if (!(await passwordSignInAllowed(credentials?.username))) throw new SignInRefused(LOCAL_PASSWORDS_OFF_MESSAGE);
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
    async jwt({ token, user, account }) {
      if (user) {
        token.uid = user.id;
        // The identity-provider sign-in starts its server-side session here, once signIn allowed it.
        token.sid = account?.provider === OIDC_PROVIDER_ID ? await startUserSession(user.id, await requestSessionMeta()) : user.sessionId;
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

const LOCAL_PASSWORDS_OFF_MESSAGE = '本县已改用统一身份认证登录，请点击下方按钮登录';

async function requestSessionMeta() {
  const list = await headers();
  return { ip: requestClientAddress((name) => list.get(name)), userAgent: list.get('user-agent') };
}

/** next-auth's OpenID Connect client for the county identity provider (discovery, PKCE, ID token checked). */
function oidcProvider(settings: OidcSettings): OAuthConfig<Record<string, unknown>> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.label,
    type: 'oauth',
    wellKnown: `${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: 'openid profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    // The luoshi account is found (never created) here; a refusal is carried to the signIn callback.
    async profile(claims) {
      try {
        const user = await resolveOidcUser({ settings, claims });
        return { id: user.id, username: user.username, name: user.name, sessionId: '' };
      } catch (error) {
        if (!(error instanceof OidcSignInRefused)) throw error;
        return { id: `refused:${String(claims.sub)}`, username: '', name: '', sessionId: '', oidcRefusal: error.code };
      }
    },
  };
}

/** The options for one request: the identity provider joins the password sign-in when it is configured. */
export async function authOptionsForRequest(): Promise<NextAuthOptions> {
  const settings = await readOidcSettings();
  if (!settings) return authOptions;
  return {
    ...authOptions,
    providers: [...authOptions.providers, oidcProvider(settings)],
    callbacks: {
      ...authOptions.callbacks,
      signIn({ user }) {
        return user.oidcRefusal ? `/login?error=${user.oidcRefusal}` : true;
      },
    },
  };
}
