// One runner for every layer: *.unit.spec.ts (pure), *.int.spec.ts (real Postgres + NATS), *.e2e.spec.ts (HTTP).
const { compilerOptions } = require('./tsconfig.base.json');
const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper['^' + alias.replace('*', '(.*)') + '$'] = '<rootDir>/' + target.replace('*', '$1');
}
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/contracts', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleNameMapper,
  setupFiles: ['reflect-metadata', '<rootDir>/test/setup-env.ts'],
  testTimeout: 30000,
};
