// Scaffold a new rule: rules/<name>.ts, tests/rules/<name>.test.ts, docs/rules/<name>.md (from
// docs/rules/TEMPLATE.md) and its entry in rules/index.ts. Existing files are never overwritten.
//
//   npm run new-rule -- no-unguarded-log --type problem --recommended recommended --description "Disallow …"
//
// Then write the pattern in src/patterns/, the tests, and the doc page; `npm run docs` fills in the doc header and
// the README table, and tests/meta + tests/docs tell you what is still missing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    type: { type: 'string', default: 'problem' },
    recommended: { type: 'string' },
    description: { type: 'string' },
  },
});

const name = positionals[0];
if (!name || !/^(no|prefer)-[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) {
  console.error('usage: npm run new-rule -- <no-…|prefer-…> [--type problem|suggestion] [--recommended recommended|strict] [--description "…"]');
  process.exit(2);
}
if (values.type !== 'problem' && values.type !== 'suggestion') throw new Error('--type must be problem or suggestion');
if (values.recommended !== undefined && values.recommended !== 'recommended' && values.recommended !== 'strict') {
  throw new Error('--recommended must be recommended or strict (leave it out for `all` only)');
}

const camel = name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const messageId = camel.replace(/^(no|prefer)/, '').replace(/^./, (c) => c.toLowerCase()) || camel;
const description = values.description ?? `TODO: describe ${name}`;

const ruleSource = `/**
 * ${name}: TODO what goes wrong, for which inputs, and the stable form.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { getEngine } from '../src/ops/engine.js';
import { createReporter } from '../src/fix/report.js';
import { shortCode } from '../src/fix/text.js';
import { createRule } from '../src/util/create-rule.js';

type MessageIds = '${messageId}' | '${messageId}Suggestion';

export default createRule<[], MessageIds>({
  name: '${name}',
  meta: {
    type: '${values.type}',
    docs: {
      description: ${JSON.stringify(description)},${values.recommended ? `\n      recommended: '${values.recommended}',` : ''}
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      ${messageId}: '\`{{code}}\` TODO; use \`{{replacement}}\`.',
      ${messageId}Suggestion: 'Replace with \`{{replacement}}\`.',
    },
    schema: [],
  },
  // TODO: skip files that cannot hold the pattern, e.g. \`appliesTo: (context) => mentions(context.sourceCode, 'exp'),\`
  // (src/ops/vocabulary.ts), and start the pattern with \`engine.matchTop(node, OPS)\` (src/patterns/*.ts do).
  create(context) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);

    function check(node: TSESTree.CallExpression): void {
      // TODO: const match = detectX(engine, node); if (!match) return;
      void node;
      void sourceCode;
      void shortCode;
    }

    return {
      CallExpression: check,
      'Program:exit'() {
        reporter.flush();
      },
    };
  },
});
`;

const testSource = `import rule from '../../rules/${name}.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('${name}', rule, {
  valid: [
    // TODO: the stable forms, guards, constants, look-alikes, shadowed names
  ],
  invalid: [
    // TODO: every spelling × binding, with exact output and suggestions
  ],
});
`;

function create(relative: string, text: string): void {
  const file = path.join(repo, relative);
  if (existsSync(file)) {
    console.log(`exists, left alone: ${relative}`);
    return;
  }
  writeFileSync(file, text);
  console.log(`created ${relative}`);
}

create(`rules/${name}.ts`, ruleSource);
create(`tests/rules/${name}.test.ts`, testSource);
create(`docs/rules/${name}.md`, readFileSync(path.join(repo, 'docs/rules/TEMPLATE.md'), 'utf8').replaceAll('RULE_NAME', name));

// Register the rule in rules/index.ts: an import and an entry, both kept in alphabetical order.
const indexFile = path.join(repo, 'rules/index.ts');
let index = readFileSync(indexFile, 'utf8');
if (index.includes(`'./${name}.js'`)) {
  console.log('rules/index.ts already registers it');
} else {
  const importLine = `import ${camel} from './${name}.js';\n`;
  const imports = [...index.matchAll(/^import (\w+) from '\.\/([\w-]+)\.js';\n/gm)];
  const before = imports.find((m) => m[2] > name);
  const importAt = before ? before.index : (imports.at(-1)?.index ?? 0) + (imports.at(-1)?.[0].length ?? 0);
  index = index.slice(0, importAt) + importLine + index.slice(importAt);

  const entries = [...index.matchAll(/^ {2}'([\w-]+)': \w+,\n/gm)];
  const entryLine = `  '${name}': ${camel},\n`;
  const next = entries.find((m) => m[1] > name);
  const last = entries.at(-1);
  if (!last) throw new Error('rules/index.ts: no rule entries found; add the entry by hand');
  const entryAt = next ? next.index : last.index + last[0].length;
  index = index.slice(0, entryAt) + entryLine + index.slice(entryAt);
  writeFileSync(indexFile, index);
  console.log('registered in rules/index.ts');
}
