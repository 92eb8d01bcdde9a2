import { configVariables } from './config';

/** The README's configuration table, generated from the config schema so the two cannot drift. */
export function configTableMarkdown(): string {
  const rows = Object.entries(configVariables).map(([name, v]) => `| \`${name}\` | ${v.default === undefined ? '*(unset)*' : v.default === '' ? '*(empty)*' : `\`${v.default}\``} | ${v.description.replace(/\|/g, '\\|')} |`);
  return ['| Variable | Default | What it does |', '|---|---|---|', ...rows].join('\n');
}
