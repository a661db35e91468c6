/**
 * `authconform list --profile NAME`: a profile's rows with level, kind, statement and source
 * (`<title> › <section> <url>` and the quote), and whether a probe runs them; as text, Markdown or
 * JSON rows.
 */
import { table } from './markdown.ts';
import type { Profile, ProfileRequirement } from './profile.ts';
import { isProbed } from './layer-profiles.ts';

export interface ProfileRow {
  profile: string;
  id: string;
  level: string;
  kind: string;
  statement: string;
  source: { title: string; section: string; url: string; quote: string };
  probed: boolean;
}

export function profileRows(profiles: Profile[]): ProfileRow[] {
  return profiles.flatMap((p) =>
    p.requirements.map((r) => {
      const doc = p.sources[r.source.doc]!;
      return {
        profile: p.profile,
        id: r.id,
        level: r.level,
        kind: r.kind,
        statement: r.statement,
        source: { title: doc.title, section: r.source.section, url: doc.url, quote: r.source.quote },
        probed: isProbed(r),
      };
    }),
  );
}

function sourceText(row: ProfileRow): string {
  return `${row.source.title} › ${row.source.section} <${row.source.url}>`;
}

function count(rows: readonly ProfileRequirement[]): string {
  return `${rows.length} ${rows.length === 1 ? 'requirement' : 'requirements'}`;
}

/** Per profile: a title line, then per row its id, level, kind and statement, and its source and quote indented. */
export function renderProfilesText(profiles: Profile[]): string[] {
  const lines: string[] = [];
  for (const p of profiles) {
    if (lines.length > 0) lines.push('');
    lines.push(`${p.profile} — ${p.title} (${count(p.requirements)})`);
    for (const row of profileRows([p])) {
      lines.push(`${row.id}  ${row.level}  ${row.kind}${row.probed ? '' : '  (no probe yet: listed, not run)'}`);
      lines.push(`    ${row.statement.replace(/\s+/g, ' ')}`);
      lines.push(`    source: ${sourceText(row)}`);
      lines.push(`    "${row.source.quote}"`);
    }
  }
  return lines;
}

export function renderProfilesMarkdown(profiles: Profile[]): string {
  const parts = profiles.map((p) =>
    [
      `## ${p.title} (\`--profile ${p.profile}\`)`,
      '',
      ...table(
        ['id', 'level', 'kind', 'statement', 'source'],
        profileRows([p]).map((r) => [r.id, r.level, r.probed ? r.kind : `${r.kind} (not run yet)`, r.statement, `[${r.source.title} › ${r.source.section}](${r.source.url}): "${r.source.quote}"`]),
      ),
    ].join('\n'),
  );
  return `${parts.join('\n\n')}\n`;
}
