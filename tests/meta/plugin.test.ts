// Meta-tests of the plugin as a package: the rule registry matches rules/, every rule has its doc page and its
// test file, the configs follow `meta.docs.recommended`, and src/version.ts matches package.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../../src/version.js';
import { rules } from '../../rules/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const packageJson = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { name: string; version: string };

/** Rule names from the file system: every `rules/<name>.ts` except the registry itself. */
const ruleFiles = readdirSync(path.join(repo, 'rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();
const ruleNames = Object.keys(rules).sort();

type Level = 'recommended' | 'strict' | undefined;
const levelOf = (name: string): Level => (rules[name].meta.docs as { recommended?: Level } | undefined)?.recommended;

describe('rule registry (rules/index.ts)', () => {
  it('registers every file in rules/ under its file name, and nothing else', () => {
    expect(ruleNames).toEqual(ruleFiles);
  });

  it('registers exactly the rules the plugin exports', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(ruleNames);
  });

  it.each(ruleFiles)('%s: the registry entry is the default export of its file in rules/, named after the file', async (name) => {
    const module = (await import(pathToFileURL(path.join(repo, 'rules', `${name}.ts`)).href)) as { default: unknown };
    expect(rules[name]).toBe(module.default);
    expect((module.default as { name?: string }).name).toBe(name);
  });

  it('keeps rule names in kebab-case with the prefixes of DESIGN.md (no-…, prefer-…)', () => {
    for (const name of ruleNames) expect(name).toMatch(/^(no|prefer)-[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe.each(ruleFiles)('rule %s', (name) => {
  const rule = rules[name];
  const docs = rule?.meta.docs as { url?: string; description?: string; recommended?: Level } | undefined;

  it('has a docs URL that ends with docs/rules/<name>.md, and that page exists', () => {
    expect(docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
    expect(existsSync(path.join(repo, 'docs', 'rules', `${name}.md`))).toBe(true);
  });

  it('has a test file tests/rules/<name>.test.ts (or a folder tests/rules/<name>/ of tests)', () => {
    const single = path.join(repo, 'tests', 'rules', `${name}.test.ts`);
    const folder = path.join(repo, 'tests', 'rules', name);
    const hasFolderTests = existsSync(folder) && readdirSync(folder).some((file) => file.endsWith('.test.ts'));
    expect(existsSync(single) || hasFolderTests).toBe(true);
  });

  it('has a description, a type, a schema, and recommended set to recommended, strict or nothing', () => {
    expect(docs?.description).toMatch(/^[A-Z]/);
    expect(docs?.description).not.toMatch(/\.$/);
    expect(['problem', 'suggestion', 'layout']).toContain(rule.meta.type);
    expect(rule.meta.schema).toBeDefined();
    expect([undefined, 'recommended', 'strict']).toContain(docs?.recommended);
  });

  it('declares hasSuggestions with every fixable rule (the fix policy can always downgrade to a suggestion)', () => {
    if (rule.meta.fixable) expect(rule.meta.hasSuggestions).toBe(true);
  });

  it('uses camelCase message ids, and fills every {{placeholder}} from its data', () => {
    const source = readFileSync(path.join(repo, 'rules', `${name}.ts`), 'utf8');
    for (const [id, text] of Object.entries(rule.meta.messages ?? {})) {
      expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      for (const [, placeholder] of String(text).matchAll(/\{\{\s*([\w$]+)\s*\}\}/g)) {
        // A placeholder is given when the rule's source names it as a data key (`{ code: …, limit }`).
        expect(source, `${id} uses {{${placeholder}}}, which rules/${name}.ts never sets`).toMatch(
          new RegExp(`[{,]\\s*${placeholder}\\s*[:,}]`),
        );
      }
    }
  });

  it('documents every option of its schema under ## Options', () => {
    const page = readFileSync(path.join(repo, 'docs', 'rules', `${name}.md`), 'utf8');
    const options = page.split(/^## Options$/m)[1]?.split(/^## /m)[0] ?? '';
    const schema = rule.meta.schema;
    const items = Array.isArray(schema) ? schema : schema ? [schema] : [];
    const names = items.flatMap((item) => Object.keys((item as { properties?: Record<string, unknown> }).properties ?? {}));
    for (const option of names) expect(options, `option ${option}`).toContain(`\`${option}\``);
    if (names.length === 0) expect(options).toMatch(/no options/i);
    // With options, the generated options table (npm run docs fills it from the schema).
    if (names.length > 0) expect(options).toContain('<!-- begin auto-generated rule options list -->');
  });
});

describe('configs', () => {
  const configRules = (config: keyof typeof plugin.configs) => Object.keys(plugin.configs[config].rules ?? {}).sort();
  const prefixed = (names: string[]) => names.map((name) => `numerics/${name}`).sort();
  const active = ruleNames.filter((name) => !rules[name].meta.deprecated);

  it('recommended has exactly the rules with recommended: "recommended"', () => {
    expect(configRules('recommended')).toEqual(prefixed(active.filter((name) => levelOf(name) === 'recommended')));
  });

  it('strict has the recommended rules plus those with recommended: "strict"', () => {
    expect(configRules('strict')).toEqual(prefixed(active.filter((name) => levelOf(name) !== undefined)));
  });

  it('all has every rule', () => {
    expect(configRules('all')).toEqual(prefixed(active));
  });

  it.each(['recommended', 'strict', 'all'] as const)('%s registers the plugin as numerics and is named numerics/%s', (config) => {
    expect(plugin.configs[config].plugins?.numerics).toBe(plugin);
    expect(plugin.configs[config].name).toBe(`numerics/${config}`);
  });

  it('turns problems on as errors and pure-precision suggestions as warnings', () => {
    for (const [id, level] of Object.entries(plugin.configs.all.rules ?? {})) {
      const rule = rules[id.slice('numerics/'.length)];
      expect(level, id).toBe(rule.meta.type === 'problem' ? 'error' : 'warn');
    }
  });
});

describe('package metadata', () => {
  it('src/version.ts equals package.json name and version', () => {
    expect(PACKAGE_NAME).toBe(packageJson.name);
    expect(PACKAGE_VERSION).toBe(packageJson.version);
  });

  it('the plugin meta carries the same name and version, under the namespace numerics', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'numerics' });
  });
});
