// The layering of ../shared/DESIGN.md, enforced: machines/ is pure, the workflow engine
// depends on no capability, and nothing but the workflow engine writes audit entries.
import tseslint from 'typescript-eslint';

const io = ['@nestjs/*', 'typeorm', 'bullmq', 'ioredis', 'better-sqlite3', 'pg', 'fastify', 'nodemailer'];
const capabilities = ['projects', 'decisions', 'audit', 'lifecycle', 'health', 'auth/auth.*', 'web', 'reminders', 'communications', 'retention', 'accountability', 'catalogue', 'insight', 'milestones', 'project-file', 'queue-board', 'woo', 'guides'];

// Only src/database speaks to TypeORM (issue 20): one place per table where a tenant filter can go.
const typeorm = { group: ['typeorm', '@nestjs/typeorm'], message: 'Only src/database speaks to TypeORM: read and write through its repositories.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['machines/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: io, message: 'machines/ is pure domain logic: no framework or I/O.' }, { group: ['**/src/**'], message: 'machines/ imports nothing from src/.' }] }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'machines/ takes the time as input.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'machines/ takes the time as input.' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/database/**', 'src/workflow/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [typeorm] }] },
  },
  {
    files: ['src/workflow/**/*.ts', 'src/database/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: capabilities.map((c) => ({ group: [`../${c}/**`, `../${c}`], message: 'The workflow engine and the database layer depend on no capability module.' })) }],
    },
  },
  {
    files: ['src/workflow/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [typeorm, ...capabilities.map((c) => ({ group: [`../${c}/**`, `../${c}`], message: 'The workflow engine depends on no capability module.' }))] }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/workflow/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(save|insert|update|upsert|delete|remove|clear)$/][callee.object.arguments.0.name='AuditEntryEntity']", message: 'Only the workflow engine writes the audit trail, and nothing edits it.' },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
