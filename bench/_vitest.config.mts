export default { test: { include: ['suites/**/*.test.ts'], testTimeout: 60000, pool: 'forks' } };
