import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'appPackage/build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // time is injected: only src/domain/clock.ts may read the wall clock
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read time from the injected Clock, not the wall clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read time from the injected Clock, not the wall clock.',
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder*', 'restify*', '@azure/*'],
              message: 'The domain talks to frameworks through the ports in src/domain/ports.ts.',
            },
            {
              group: ['**/bot', '**/bot/**', '**/store', '**/store/**', '**/http', '**/http/**'],
              message: 'The domain imports no transport and no store: they depend on it, not it on them.',
            },
            {
              group: [
                '**/scheduler/**',
                '**/cards/**',
                '**/i18n',
                '**/i18n/**',
                '**/delivery/**',
                '**/app',
                '**/app/**',
              ],
              message: 'The domain imports nothing outside src/domain.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/bot/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store', '**/store/**', '@azure/cosmos'],
              message: 'Handlers reach stored data only through the domain services.',
            },
          ],
        },
      ],
    },
  },
);
