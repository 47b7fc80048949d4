import { z } from 'zod';
import * as g from './generated';

/**
 * The published-content rules the CMS enforces at publish time, restated for the snapshot: an
 * export that breaks them (say, a lesson whose only initiative was unpublished) must fail.
 */
export const citationSchema = g.citationSchema.extend({ source: g.slug });
export const lessonSchema = g.lessonSchema.extend({
  initiatives: z.array(g.slug).min(1, 'a published lesson needs at least one published initiative'),
  citations: z.array(citationSchema).min(1, 'a published lesson needs at least one citation'),
});
export const initiativeSchema = g.initiativeSchema.refine((i) => i.startYear == null || i.endYear == null || i.endYear >= i.startYear, {
  error: 'endYear is before startYear',
  path: ['endYear'],
});
export const { sourceSchema, areaSchema, organisationSchema, methodSchema, themeSchema } = g;

/** The zod schema of each snapshot collection. */
export const COLLECTION_SCHEMAS = {
  initiatives: initiativeSchema,
  lessons: lessonSchema,
  sources: sourceSchema,
  areas: areaSchema,
  organisations: organisationSchema,
  methods: methodSchema,
  themes: themeSchema,
} satisfies Record<keyof typeof g.COLLECTIONS, z.ZodType>;

export type Collection = keyof typeof COLLECTION_SCHEMAS;
export const COLLECTION_NAMES = Object.keys(COLLECTION_SCHEMAS) as Collection[];

export const snapshotSchema = z.object({
  generatedAt: z.iso.datetime({ offset: true }),
  ...(Object.fromEntries(Object.entries(COLLECTION_SCHEMAS).map(([k, s]) => [k, z.array(s)])) as {
    [K in Collection]: z.ZodArray<(typeof COLLECTION_SCHEMAS)[K]>;
  }),
});

export type Snapshot = z.infer<typeof snapshotSchema>;
export type Initiative = z.infer<typeof initiativeSchema>;
export type Lesson = z.infer<typeof lessonSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Area = z.infer<typeof areaSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type Method = z.infer<typeof methodSchema>;
export type Theme = z.infer<typeof themeSchema>;

/** Which collection every relation field points into, so slugs can be checked against the snapshot. */
const RELATION_TARGETS: Record<Collection, Record<string, Collection>> = {
  initiatives: { areas: 'areas', participants: 'organisations', funders: 'organisations', methods: 'methods', themes: 'themes', sources: 'sources', predecessors: 'initiatives' },
  lessons: { initiatives: 'initiatives', themes: 'themes', methods: 'methods' },
  sources: {},
  areas: { parent: 'areas' },
  organisations: {},
  methods: {},
  themes: {},
};

export class SnapshotError extends Error {
  constructor(readonly problems: string[]) {
    super(`The snapshot is invalid:\n  - ${problems.slice(0, 50).join('\n  - ')}${problems.length > 50 ? `\n  … and ${problems.length - 50} more` : ''}`);
    this.name = 'SnapshotError';
  }
}

/** Names an entry by collection and slug rather than array index, so an editor can find it. */
function describe(data: any, path: PropertyKey[]): string {
  const [collection, index, ...field] = path;
  const slug = typeof index === 'number' ? data?.[collection as string]?.[index]?.slug : undefined;
  const entry = slug ? `${String(collection)} "${slug}"` : [collection, index].filter((p) => p !== undefined).map(String).join('.');
  return field.length ? `${entry}: ${field.map(String).join('.')}` : entry;
}

/** Validates a snapshot: every item against its schema, and every relation slug against the snapshot. */
export function parseSnapshot(data: unknown): Snapshot {
  const result = snapshotSchema.safeParse(data);
  if (!result.success) {
    throw new SnapshotError(result.error.issues.map((issue) => `${describe(data, issue.path)}: ${issue.message}`));
  }
  const snapshot = result.data;
  const problems: string[] = [];
  const slugs = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, new Set(snapshot[c].map((item) => item.slug))]));
  for (const collection of COLLECTION_NAMES) {
    const seen = new Set<string>();
    for (const item of snapshot[collection] as any[]) {
      if (seen.has(item.slug)) problems.push(`${collection} "${item.slug}": slug: appears twice`);
      seen.add(item.slug);
      for (const [field, target] of Object.entries(RELATION_TARGETS[collection])) {
        const value = item[field];
        for (const slug of Array.isArray(value) ? value : value == null ? [] : [value]) {
          if (!slugs[target].has(slug)) problems.push(`${collection} "${item.slug}": ${field}: no published ${target} "${slug}"`);
        }
      }
      if (collection === 'lessons') {
        item.citations.forEach((citation: Citation, i: number) => {
          if (!slugs.sources.has(citation.source)) problems.push(`lessons "${item.slug}": citations.${i}.source: no published sources "${citation.source}"`);
        });
      }
    }
  }
  if (problems.length > 0) throw new SnapshotError(problems);
  return snapshot;
}

/**
 * A snapshot as its file holds it (the export's snapshot.json, the site's open-data JSON): laid out
 * as `JSON.stringify(snapshot, null, 2)` with a final newline, but made entry by entry into UTF-8.
 * At national scale the whole text as one string was 117 MB, held twice over (as UTF-16, then
 * encoded), and took twice as long.
 */
export function snapshotJson(snapshot: Snapshot): Buffer {
  const parts: Buffer[] = [];
  const put = (text: string) => parts.push(Buffer.from(text, 'utf8'));
  const members = Object.entries(snapshot).filter(([, value]) => value !== undefined);
  members.forEach(([key, value], n) => {
    put(`${n ? ',' : '{'}\n  ${JSON.stringify(key)}: `);
    if (!Array.isArray(value) || value.length === 0) return put(JSON.stringify(value));
    value.forEach((item, i) => put(`${i ? ',' : '['}\n    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}`));
    put('\n  ]');
  });
  put(members.length ? '\n}\n' : '{}\n');
  return Buffer.concat(parts);
}
