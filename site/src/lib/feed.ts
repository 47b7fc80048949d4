/**
 * The Atom feed (RFC 4287) of newly published lessons and initiatives, so researchers and
 * editors can follow the bank in a feed reader. Pure: the caller picks and describes the entries.
 */
export interface FeedEntry {
  /** Absolute URL of the entry's page; also its permanent Atom id. */
  url: string;
  title: string;
  summary: string;
  published: string;
  updated: string;
  /** Category terms with labels, e.g. { term: 'lardom', label: 'Lärdom' }. */
  categories: { term: string; label: string }[];
}

export interface Feed {
  /** Absolute URL of the feed itself. */
  self: string;
  home: string;
  title: string;
  subtitle: string;
  author: string;
  rights: string;
  /** Used when there are no entries. */
  fallbackUpdated: string;
  entries: FeedEntry[];
}

/** Escapes text for XML and drops the control characters XML 1.0 does not allow. */
export const xml = (text: string) =>
  text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const later = (a: string, b: string) => (new Date(a) >= new Date(b) ? a : b);

export function atomFeed(feed: Feed): string {
  const updated = feed.entries.reduce((max, e) => later(max, e.updated), feed.entries[0]?.updated ?? feed.fallbackUpdated);
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${xml(e.url)}</id>
    <title type="text">${xml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(e.url)}"/>
    <published>${xml(e.published)}</published>
    <updated>${xml(e.updated)}</updated>
${e.categories.map((c) => `    <category term="${xml(c.term)}" label="${xml(c.label)}"/>`).join('\n')}
    <summary type="text">${xml(e.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">
  <id>${xml(feed.self)}</id>
  <title type="text">${xml(feed.title)}</title>
  <subtitle type="text">${xml(feed.subtitle)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${xml(feed.self)}"/>
  <link rel="alternate" type="text/html" href="${xml(feed.home)}"/>
  <updated>${xml(updated)}</updated>
  <author><name>${xml(feed.author)}</name><uri>${xml(feed.home)}</uri></author>
  <rights type="text">${xml(feed.rights)}</rights>
${entries.join('\n')}
</feed>
`;
}
