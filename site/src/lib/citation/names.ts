/**
 * Reads a source's `authors` field into names. The field is free text written by editors, as the
 * source gives it: "Per Frankelius och Mats Utbult", "Edström & Plisch", "Andersson et al.",
 * "Mats Utbult (redaktör och huvudförfattare)", "Regionala samverkansrådet", or a ";"-separated
 * list. A reference manager needs family and given names, so we split where the text is
 * unambiguous and otherwise keep the whole text as one literal (corporate) name: a literal name
 * is cited as written, while a wrong split would invent two people.
 */

export type PersonalName = { family: string; given?: string };
export type LiteralName = { literal: string };
export type Name = PersonalName | LiteralName;

export interface Authors {
  names: Name[];
  /** The source lists only the first authors ("et al.", "m.fl."). */
  etAl: boolean;
  /** "(redaktör)" / "(redaktörer)": the names are editors, not authors. */
  role: 'author' | 'editor';
}

export const isLiteral = (name: Name): name is LiteralName => 'literal' in name;

/** Lower-case name particles that belong to the family name ("af Klintberg", "van der Berg"). */
const PARTICLES = new Set(['af', 'av', 'von', 'van', 'der', 'den', 'de', 'du', 'la', 'le', 'di', 'da', 'dos', 'ter', 'ten', 'zu']);

/** Words that make a name an organisation's, whatever its capitals. */
const CORPORATE =
  /(kommun|stad\b|stads|region|län\b|verket|rådet|myndighet|departement|universitet|högskola|institut|förbund|landsting|fond|stiftelse|förening|forum|nätverk|sekretariat|kansli|\bab\b|\bgroup\b|association|council|agency|ministry|department|office|commission|university|centre|center)/i;

const WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;

function tokensOf(part: string): string[] | null {
  const tokens = part.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 4 || CORPORATE.test(part)) return null;
  if (!tokens.every((t) => WORD.test(t) || PARTICLES.has(t))) return null;
  if (!WORD.test(tokens[tokens.length - 1])) return null;
  return tokens;
}

function personal(tokens: string[]): PersonalName {
  let start = tokens.length - 1;
  while (start > 0 && PARTICLES.has(tokens[start - 1])) start -= 1;
  const family = tokens.slice(start).join(' ');
  const given = tokens.slice(0, start).join(' ');
  return given ? { family, given } : { family };
}

/** "Frankelius, Per" (the inverted form) or "Per Frankelius"; null if it does not read as a person. */
function personOf(part: string): PersonalName | null {
  const comma = part.split(',');
  if (comma.length === 2) {
    const family = tokensOf(comma[0]);
    const given = tokensOf(comma[1]);
    if (family && given) return { family: family.join(' '), given: given.join(' ') };
    return null;
  }
  const tokens = tokensOf(part);
  return tokens ? personal(tokens) : null;
}

const ROLE = /\s*\(([^()]*)\)\s*$/;
const ET_AL = /,?\s+(et\s+al\.?|m\.\s?fl\.?|med\s+flera)\s*$/i;
const EDITOR_ROLE = /^(red\.?|redakt(ö|o)r(er)?|eds?\.?|editors?)$/i;

export function parseAuthors(text: string | null | undefined): Authors {
  let rest = (text ?? '').replace(/\s+/g, ' ').trim();
  const out: Authors = { names: [], etAl: false, role: 'author' };
  if (!rest) return out;

  const role = ROLE.exec(rest);
  if (role) {
    if (EDITOR_ROLE.test(role[1].trim())) out.role = 'editor';
    // Any other note ("ansvarig", "redaktör och huvudförfattare") describes an author: dropped here,
    // the source page still shows it.
    rest = rest.slice(0, role.index).trim();
  }
  if (ET_AL.test(rest)) {
    out.etAl = true;
    rest = rest.replace(ET_AL, '').trim();
  }
  if (!rest) return out;

  if (rest.includes(';')) {
    out.names = rest
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => personOf(part) ?? { literal: part });
    return out;
  }

  const parts = rest.split(/\s*,\s*|\s+(?:och|&|and)\s+/).filter(Boolean);
  const tokens = parts.map(tokensOf);
  const allPeople = tokens.every((t) => t !== null);
  // One-word parts are surnames only when every part is ("Edström & Plisch"); mixed with longer
  // parts they more likely cut an organisation's name in two ("Sveriges Kommuner och Landsting").
  const single = tokens.filter((t) => t && t.length === 1).length;
  if (allPeople && (single === 0 || single === parts.length)) {
    out.names = tokens.map((t) => personal(t!));
  } else {
    out.names = [{ literal: rest }];
  }
  return out;
}

/** "Per" → "P.", "Jan-Erik" → "J.-E.", "Per Olof" → "P. O." (APA initials). */
export function initials(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .split('-')
        .map((piece) => (piece.endsWith('.') && piece.length <= 3 ? piece : `${[...piece][0]}.`))
        .join('-'),
    )
    .join(' ');
}
