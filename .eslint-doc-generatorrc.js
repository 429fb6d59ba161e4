// eslint-doc-generator: rule doc headers (docs/rules/<name>.md) and the rule table in README.md and docs/rules/index.md.
// `npm run docs` regenerates them, `npm run docs:check` fails when they are out of date, and
// tests/meta/docs-current.test.ts runs the same check from the TypeScript sources inside `npm test`.

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  // `all` turns on every rule; a column for it says nothing.
  ignoreConfig: ['all'],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions', 'type'],
  urlConfigs: 'https://github.com/eslint-plugin-numerics/eslint-plugin-numerics#configs',
  // The rule table goes in the README and in the index of the rule pages.
  pathRuleList: ['README.md', 'docs/rules/index.md'],
  // Every rule page has these sections (tests/docs checks their contents).
  ruleDocSectionInclude: [
    'Rule details',
    'Why this is numerically dangerous',
    'Fix',
    'Options',
    'When not to use it',
    'Known gaps',
    'References',
    'Implementation',
  ],
  // Each page has an `## Options` section even while the rule has none ("none yet"); the generator's own
  // check would reject that, so tests/meta checks instead that every schema option is documented.
  ruleDocSectionOptions: false,
};

export default config;
